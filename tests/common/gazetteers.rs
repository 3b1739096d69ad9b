//! Helpers of the tests over the embedded default gazetteers (tests/gazetteers.rs,
//! tests/gazetteer_people.rs).

use std::collections::HashSet;

use attache::gazetteer::{EntityKind, Gazetteer, Office};
use attache::matcher::Matcher;
use attache::text::Text;
use attache::Date;

pub fn defaults() -> &'static Gazetteer {
    Gazetteer::defaults().expect("embedded gazetteers load")
}

pub fn matcher() -> &'static Matcher {
    static M: once_cell::sync::Lazy<Matcher> =
        once_cell::sync::Lazy::new(|| Matcher::new(defaults()).expect("matcher builds"));
    &M
}

/// Every (matched text, entity id) the matcher finds in `s`.
pub fn found(s: &str) -> Vec<(String, String)> {
    let g = defaults();
    let m = matcher();
    let text = Text::new(s);
    m.find_all(&text)
        .into_iter()
        .map(|r| (s[r.start..r.end].to_string(), g.entities()[m.candidate(r.candidate).entity].id.clone()))
        .collect()
}

pub fn ids(s: &str) -> HashSet<String> {
    found(s).into_iter().map(|(_, id)| id).collect()
}

pub fn date(s: &str) -> Date {
    s.parse().expect("valid date")
}

pub fn count(kind: EntityKind) -> usize {
    defaults().entities().iter().filter(|e| e.kind == kind).count()
}

/// The people holding `office` of `of` on `on`.
pub fn holders(office: Office, of: &str, on: &str) -> Vec<String> {
    let d = date(on);
    defaults()
        .entities()
        .iter()
        .filter(|e| e.roles.iter().any(|r| r.office == office && r.of == of && r.held_on(d)))
        .map(|e| e.id.clone())
        .collect()
}

pub fn fires_none(s: &str) {
    let f = found(s);
    assert!(f.is_empty(), "{s}: {f:?}");
}

/// The entity ids the full pipeline resolves in `s`, read on `on`.
pub fn resolved(s: &str, on: &str) -> Vec<(String, String)> {
    static E: once_cell::sync::Lazy<attache::Extractor> =
        once_cell::sync::Lazy::new(|| attache::Extractor::new().expect("default extractor builds"));
    E.extract_with_date(s, date(on)).mentions.into_iter().map(|m| (m.text.to_string(), m.entity.to_string())).collect()
}

/// Every name and alias of the records of `kinds`, in lower case.
pub fn names_of(kinds: &[EntityKind]) -> HashSet<String> {
    defaults()
        .entities()
        .iter()
        .filter(|e| kinds.contains(&e.kind))
        .flat_map(|e| std::iter::once(e.name.to_lowercase()).chain(e.aliases.iter().map(|a| a.text.to_lowercase())))
        .collect()
}
