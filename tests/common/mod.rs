//! Helpers shared by the resolver's test files (each uses some of them).
#![allow(dead_code)]

pub mod gazetteers;

use attache::resolve::MentionForm;
use attache::{Date, Extractor};

/// The units rules see: (phrase as written, entity id, acts-for id, form).
pub fn units(extractor: &Extractor, text: &str, date: Date) -> Vec<(String, String, Option<String>, MentionForm)> {
    let (t, r) = extractor.analyze(text, date);
    // groups ("Officials", "Kenyan police") have tests of their own (tests/testdata/resolve/groups.toml)
    r.mentions
        .iter()
        .filter(|m| !m.nested && r.entities[m.entity].kind != attache::EntityKind::Group)
        .map(|m| {
            let toks = t.tokens();
            let phrase = text[toks[m.tokens.start].start()..toks[m.tokens.end - 1].end()].to_string();
            let acts = m.acts_for.map(|a| r.entities[a].id.clone());
            (phrase, r.entities[m.entity].id.clone(), acts, m.form)
        })
        .collect()
}

/// Every mention of the document as (text as written, entity id), in text order.
pub fn mentions(extractor: &Extractor, text: &str, date: Date) -> Vec<(String, String)> {
    let doc = extractor.extract_with_date(text, date);
    let mut listed: Vec<_> = doc.mentions.iter().filter(|m| !m.entity.starts_with("group:")).collect();
    listed.sort_by_key(|m| (m.start, m.end));
    listed.iter().map(|m| (m.text.to_string(), m.entity.to_string())).collect()
}

/// Owned pairs, to compare with [`mentions`].
pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

/// The pronouns and descriptions coreference links: (text as written, entity id).
pub fn references(extractor: &Extractor, text: &str, date: Date) -> Vec<(String, String)> {
    let (_, r) = extractor.analyze(text, date);
    r.mentions
        .iter()
        .filter(|m| m.form == MentionForm::Pronoun)
        .map(|m| (text[m.start..m.end].to_string(), r.entities[m.entity].id.clone()))
        .collect()
}
