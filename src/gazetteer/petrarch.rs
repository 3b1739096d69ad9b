//! PETRARCH / TABARI actor dictionaries (`*.actors.txt`), read as they are.
//!
//! The format, as the Phoenix dictionaries of PETRARCH-2 write it:
//!
//! ```text
//! # a comment (`;` starts one too, as in older TABARI files)
//! UNITED_KINGDOM_  [GBR]
//! +BRITAIN_
//! JACK_STRAW_  # CountryInfo.txt
//! +JOHN_WHITAKER_STRAW_
//!     [GBRGOV 030101-070630]
//!     [GBRGOVJUD >070701]
//!     [GBRELI]
//! ```
//!
//! - A **name line** starts an actor: words joined by `_` (or spaces), a trailing `_`. Codes may
//!   follow on the same line. Consecutive name lines before any code are names of one actor, as
//!   PETRARCH reads them (`IVO_JOSIPOVIC_`, `PRESIDENT_JOSIPOVIC_`, then the codes).
//! - A **synonym line** starts with `+`; an indented line with a name before its codes is a
//!   synonym too.
//! - A **code line** is one or more `[CODE]` or `[CODE RANGE]` groups: `YYMMDD-YYMMDD`, `>YYMMDD`
//!   (from that day), `<YYMMDD` (until that day); a lone date is read as `>` (PETRARCH would
//!   drop it and keep the code undated; the Phoenix files use it for "entered office"). Dates are `YYMMDD` or `YYYYMMDD`; as in
//!   PETRARCH, a date of eight or more digits is `YYYYMMDD` (further digits ignored), one of six
//!   or seven `YYMMDD`, and two-digit years `00`–`30` are 20xx, `31`–`99` 19xx. `[---]` is
//!   PETRARCH's null code and gives nothing. Text after the last `]` is a note and is ignored.
//! - `#` and `;` start comments; blank lines and lines starting with `<!` are skipped;
//!   `---STOP---` ends the file.
//!
//! A code whose date is no calendar day, or a range that ends before it starts, is skipped, as
//! PETRARCH skips them (the Phoenix files hold a few: `[IRQOCC 1920030320-20060520]`). Anything
//! that cannot be read at all (an unclosed `[`, a date that is not digits, a code before any
//! name) is an error naming file, line and column.
//!
//! Each actor becomes one [`EntityRecord`]:
//!
//! - **country** when one of its codes is a bare three-letter code that is no sector or type code
//!   (`AFGHANISTAN_ [AFG]`): id `country:<code>`. When the gazetteer already has that country
//!   (the defaults, or an earlier file), the actor's names that name nothing yet are added to it
//!   as aliases, and nothing else changes. (PETRARCH codes cities, provinces, rivers and
//!   mountains as their country, and so do these aliases: the Phoenix file's `+MURRAY` is
//!   Australia, `+WATERLOO` Belgium. Names the gazetteer already has, such as `+LONDON_`, stay
//!   with their own entities.) Dated country codes (`ARMENIA_ [USRARM <900823] [ARM >911221]`)
//!   make no roles: the last bare country code names the country;
//! - **person** when its name line carries the `CountryInfo.txt` comment (how the Phoenix
//!   Countries file marks the entries of its people lists), or when it has a dated code and no
//!   word of its name is an institution word (`lexicon/institution-words.txt`: "party",
//!   "council", "army", …);
//! - **organisation** otherwise.
//!
//! Every dated code is a [`Role`]: `title` and `actor` are the code, `start` and `end` its range,
//! `of` the country `country:<first three letters>` when the gazetteer (with the defaults, when
//! they are loaded) has it, else the organisation whose `attrs.actor` is the longest prefix of the
//! code (`IGOUNO` for `IGOUNOKID`), else the person itself (so that the code still applies on its
//! dates). The last undated code is `attrs.actor`: the code of an organisation, or a person's code
//! out of the dated offices (a bare sector such as `ELI` takes the first three letters of the
//! person's last dated code, `IGOELI`). Names are written in title case (`JACK_STRAW_` is "Jack
//! Straw", matched in any capitalisation of its initials); a name of one word of at most three
//! letters stays in capitals and matches only so (`UN`, `BBC`). A person's one-word synonym that
//! is the last word of the name is a surname alias.
//!
//! Ids are `kind:slug-of-name`. A name repeated in one file with the same codes is one actor
//! written twice; with other codes, another actor (`person:john-smith-2`). A record whose id the
//! gazetteer already has (a default person, an earlier file) takes the new names and roles; so
//! does an organisation or country the gazetteer already has by the actor's name (`NATO_
//! [IGOWSTNAT]` is the default `organization:nato`, which gains `attrs.actor` when it has none),
//! so that one entity stays one record. Names merged into a known record are only those that
//! name nothing in the gazetteer yet (`+LONDON_` of `UNITED_KINGDOM_` stays London's).

use rustc_hash::{FxHashMap, FxHashSet};

use super::{slug, Alias, AliasForm, EntityKind, EntityRecord, Gazetteer, Office, Role};
use crate::date::Date;
use crate::error::{Error, Location, Result};
// a gazetteer file is read apart from any extractor: with the embedded word lists
use crate::lexicon::{Lexicon, ListId};

/// Three-letter CAMEO codes that name no country: the sectors (`lexicon/sectors.tsv`) and the
/// international types.
const TYPE_CODES: &[&str] = &["IGO", "NGO", "NGM", "MNC", "IMG", "UIS", "ELI", "SPY", "PKO"];

/// The kind of file a path names, by its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// `*.actors.txt`: an actor dictionary.
    Actors,
    /// `*.agents.txt`: an agents dictionary.
    Agents,
}

/// The PETRARCH format a file name says, if any.
pub(crate) fn format_of(path: &std::path::Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".actors.txt") {
        Some(Format::Actors)
    } else if name.ends_with(".agents.txt") {
        Some(Format::Agents)
    } else {
        None
    }
}

/// One code of an actor, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Code {
    code: String,
    /// `None` when undated; else start and end (each open when `None`).
    range: Option<(Option<Date>, Option<Date>)>,
}

/// One actor, as read.
#[derive(Debug)]
struct Actor {
    /// Names as written, with where each was written; the first is canonical unless a name line
    /// carried the codes.
    names: Vec<(String, Location)>,
    canonical: usize,
    synonyms: Vec<String>,
    codes: Vec<Code>,
    person_comment: bool,
}

impl Actor {
    fn new(name: String, at: Location) -> Actor {
        Actor { names: vec![(name, at)], canonical: 0, synonyms: Vec::new(), codes: Vec::new(), person_comment: false }
    }
}

/// What the gazetteer already knows, for a file's records to refer to and merge with.
pub(crate) struct Context<'g> {
    layers: Vec<&'g Gazetteer>,
}

impl<'g> Context<'g> {
    pub(crate) fn new(layers: Vec<&'g Gazetteer>) -> Context<'g> {
        Context { layers }
    }

    /// The record with this id in the latest layer that has it.
    fn get(&self, id: &str) -> Option<&'g EntityRecord> {
        self.layers.iter().rev().find_map(|g| g.get(id))
    }

    fn entities(&self) -> impl Iterator<Item = &'g EntityRecord> + '_ {
        self.layers.iter().flat_map(|g| g.entities().iter())
    }
}

/// Reads an actor dictionary and adds its records to `gazetteer`, over what `context` knows.
pub(crate) fn add_actors(gazetteer: &mut Gazetteer, base: Option<&Gazetteer>, label: &str, text: &str) -> Result<()> {
    let actors = parse(label, text)?;
    let records = {
        let mut layers: Vec<&Gazetteer> = base.into_iter().collect();
        layers.push(gazetteer);
        let context = Context::new(layers);
        to_records(label, actors, &context)
    };
    for (record, location) in records {
        gazetteer.add_record_at(record, location)?;
    }
    Ok(())
}

fn error(label: &str, line: usize, column: usize, message: impl Into<String>) -> Error {
    Error::Gazetteer { location: Location::new(label, line, column), message: message.into() }
}

/// The actors of a file, in file order.
fn parse(label: &str, text: &str) -> Result<Vec<Actor>> {
    let mut actors: Vec<Actor> = Vec::new();
    // whether the last actor got a code yet: a name line before any code joins it
    let mut coded = true;
    for (number, raw) in text.lines().enumerate() {
        let line_no = number + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.contains("---STOP---") {
            break;
        }
        let (content, comment) = match raw.find(['#', ';']) {
            Some(i) => (&raw[..i], &raw[i..]),
            None => (raw, ""),
        };
        let trimmed = content.trim();
        if trimmed.is_empty() || trimmed.starts_with("<!") {
            continue;
        }
        let indent = content.len() - content.trim_start().len();
        let column_of = |byte: usize| content[..byte].chars().count() + 1;
        let bracket = content.find('[');
        let before = &content[indent..bracket.unwrap_or(content.len())];
        let codes = match bracket {
            Some(b) => parse_codes(label, line_no, content, b)?,
            None => Vec::new(),
        };
        let synonym = trimmed.starts_with('+');
        let code_only = before.trim().is_empty();
        if synonym || indent > 0 || code_only {
            // a synonym, an indented name (a synonym too) or a code line: of the last actor
            let Some(actor) = actors.last_mut() else {
                let what = if code_only { "a code" } else { "a synonym" };
                return Err(error(
                    label,
                    line_no,
                    indent + 1,
                    format!("expected an actor's name line (`NAME_WORDS_`) before {what}, found `{trimmed}`"),
                ));
            };
            if !code_only {
                let text = before.trim().trim_start_matches('+');
                let name = clean_name(text);
                if name.is_empty() {
                    return Err(error(
                        label,
                        line_no,
                        indent + 1,
                        format!("expected a name after `+`, found `{trimmed}`"),
                    ));
                }
                actor.synonyms.push(name);
            }
            // a line with codes codes its actor, even when PETRARCH would skip every date on it
            if bracket.is_some() {
                coded = true;
            }
            actor.codes.extend(codes);
            continue;
        }
        // a name line
        let name = clean_name(before.trim());
        if name.is_empty() {
            return Err(error(
                label,
                line_no,
                indent + 1,
                format!("expected a name (words joined by `_`), found `{}`", before.trim()),
            ));
        }
        let at = Location::new(label, line_no, column_of(indent));
        let person_comment = comment.contains("CountryInfo.txt");
        match actors.last_mut() {
            Some(actor) if !coded => {
                // PETRARCH: name lines before any code are names of one actor
                if bracket.is_some() {
                    actor.canonical = actor.names.len();
                }
                actor.names.push((name, at));
                actor.person_comment |= person_comment;
            }
            _ => {
                let mut actor = Actor::new(name, at);
                actor.person_comment = person_comment;
                actors.push(actor);
            }
        }
        coded = bracket.is_some();
        if let Some(actor) = actors.last_mut() {
            actor.codes.extend(codes);
        }
    }
    Ok(actors)
}

/// The codes of a line from its first `[` at byte `from`: each `[...]` group; text between and
/// after the groups is a note.
fn parse_codes(label: &str, line: usize, content: &str, from: usize) -> Result<Vec<Code>> {
    let column = |byte: usize| content[..byte].chars().count() + 1;
    let mut codes = Vec::new();
    let mut at = from;
    while let Some(open) = content[at..].find('[').map(|i| at + i) {
        let Some(close) = content[open..].find(']').map(|i| open + i) else {
            return Err(error(label, line, column(open), "expected `]` to close this `[`, found the end of the line"));
        };
        let inner = &content[open + 1..close];
        let lead = inner.len() - inner.trim_start().len();
        let inner_trimmed = inner.trim();
        let (code, rest) = match inner_trimmed.find(char::is_whitespace) {
            Some(i) => (&inner_trimmed[..i], inner_trimmed[i..].trim_start()),
            None => (inner_trimmed, ""),
        };
        if code.is_empty() {
            return Err(error(
                label,
                line,
                column(open + 1),
                "expected a code such as `GBRGOV` inside `[]`, found nothing",
            ));
        }
        if let Some(bad) = code.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '~')) {
            return Err(error(
                label,
                line,
                column(open + 1 + lead),
                format!("expected a code of letters and digits such as `GBRGOV`, found `{bad}` in `{code}`"),
            ));
        }
        let rest_at = open + 1 + lead + (inner_trimmed.len() - rest.len());
        let range = if rest.is_empty() {
            None
        } else {
            match parse_range(rest) {
                Ok(range) => range.map(Some),
                Err((offset, message)) => return Err(error(label, line, column(rest_at + offset), message)),
            }
        };
        match range {
            // a date PETRARCH cannot read either: the code is skipped
            Some(None) => {}
            Some(Some(range)) => codes.push(Code { code: code.to_string(), range: Some(range) }),
            None => codes.push(Code { code: code.to_string(), range: None }),
        }
        at = close + 1;
    }
    Ok(codes)
}

type Range = (Option<Date>, Option<Date>);

/// A date restriction: `Ok(Some(range))`, `Ok(None)` for one that is well written but no range
/// (a date that is no day, an end before the start), `Err((byte offset, message))` otherwise.
fn parse_range(rest: &str) -> std::result::Result<Option<Range>, (usize, String)> {
    let expected = |found: &str| {
        format!("expected a date range `YYMMDD-YYMMDD`, `>YYMMDD` or `<YYMMDD` (or YYYYMMDD dates), found `{found}`")
    };
    if let Some(after) = rest.strip_prefix(['<', '>']) {
        let digits = after.trim_start();
        let offset = rest.len() - digits.len();
        let date = digits_date(digits).map_err(|_| (offset, expected(rest)))?;
        return Ok(date.map(|d| if rest.starts_with('<') { (None, Some(d)) } else { (Some(d), None) }));
    }
    let Some((a, b)) = rest.split_once('-') else {
        // a lone date: from that day (PETRARCH drops such a date and keeps the code undated)
        let date = digits_date(rest).map_err(|_| (0, expected(rest)))?;
        return Ok(date.map(|d| (Some(d), None)));
    };
    let start = digits_date(a.trim()).map_err(|_| (0, expected(rest)))?;
    let b_offset = a.len() + 1 + (b.len() - b.trim_start().len());
    let end = digits_date(b.trim()).map_err(|_| (b_offset, expected(rest)))?;
    Ok(match (start, end) {
        (Some(s), Some(e)) if s <= e => Some((Some(s), Some(e))),
        _ => None,
    })
}

/// A date of digits: `Err` when not all digits or fewer than six; `Ok(None)` when no calendar day.
fn digits_date(s: &str) -> std::result::Result<Option<Date>, ()> {
    if s.len() < 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<i32>().map_err(|_| ());
    let (year, month, day) = if s.len() >= 8 {
        (num(0..4)?, num(4..6)?, num(6..8)?)
    } else {
        let yy = num(0..2)?;
        (if yy <= 30 { 2000 + yy } else { 1900 + yy }, num(2..4)?, num(4..6)?)
    };
    Ok(u8::try_from(month).ok().zip(u8::try_from(day).ok()).and_then(|(m, d)| Date::new(year, m, d)))
}

/// A name as written (`JACK_STRAW_`, `STANKO_TODOROV (ACTING_`) in title case: words split on `_`
/// and spaces, a parenthesised note dropped.
fn clean_name(text: &str) -> String {
    let words: Vec<&str> = text
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take_while(|w| !w.starts_with('('))
        .collect();
    if words.len() == 1 && words[0].chars().filter(|c| c.is_alphabetic()).count() <= 3 {
        return words[0].to_string();
    }
    words.iter().map(|w| title_case(w)).collect::<Vec<_>>().join(" ")
}

/// A word in capitals with its first letter kept and the rest in lower case; a word with lower
/// case letters already is kept as written.
fn title_case(word: &str) -> String {
    if word.chars().any(char::is_lowercase) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut first = true;
    for c in word.chars() {
        if first && c.is_alphabetic() {
            out.push(c);
            first = false;
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Whether a three-letter code names a country (not a sector or an international type).
fn is_country_code(code: &str) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && !TYPE_CODES.contains(&code)
        && !Lexicon::embedded()[ListId::Sectors].pairs().any(|(cameo, _)| cameo == code)
}

/// The records of the actors read, each with where it was written.
fn to_records(label: &str, actors: Vec<Actor>, context: &Context<'_>) -> Vec<(EntityRecord, Location)> {
    let mut out: Vec<(EntityRecord, Location)> = Vec::new();
    let mut by_id: FxHashMap<String, usize> = FxHashMap::default();
    // the names of the other layers (all, and those of entities other than people by name)
    let cell: std::cell::OnceCell<(FxHashSet<String>, FxHashMap<String, String>)> = std::cell::OnceCell::new();
    let known = || {
        cell.get_or_init(|| {
            let mut all = FxHashSet::default();
            let mut named: FxHashMap<String, String> = FxHashMap::default();
            for e in context.entities() {
                for a in e.names() {
                    let lower = a.text.to_lowercase();
                    if e.kind != EntityKind::Person && a.form != AliasForm::Adjective {
                        named.entry(lower.clone()).or_insert_with(|| e.id.clone());
                    }
                    all.insert(lower);
                }
            }
            (all, named)
        })
    };
    for actor in actors {
        let (record, location) = record_of(label, actor);
        // an organisation or country of another layer by its name ("NATO", "Kosovo"): the actor
        // is that entity
        let mut target = context.get(&record.id).is_some().then(|| record.id.clone());
        if target.is_none() && record.kind != EntityKind::Person {
            let lower = record.name.to_lowercase();
            let named = &known().1;
            target = named.get(&lower).or_else(|| lower.strip_prefix("the ").and_then(|l| named.get(l))).cloned();
        }
        if let Some(id) = target {
            // a record of another layer: take the new names and roles into a copy of it
            let names = &known().0;
            match by_id.get(&id) {
                Some(&i) => merge_into(&mut out[i].0, record, Some(names)),
                None => {
                    if let Some(old) = context.get(&id) {
                        let mut merged = old.clone();
                        merge_into(&mut merged, record, Some(names));
                        by_id.insert(merged.id.clone(), out.len());
                        out.push((merged, location));
                    }
                }
            }
            continue;
        }
        match by_id.get(&record.id) {
            Some(&i) if same_actor(&out[i].0, &record) => merge_into(&mut out[i].0, record, None),
            Some(_) => {
                let mut record = record;
                let base = record.id.clone();
                let mut n = 2;
                while by_id.contains_key(&format!("{base}-{n}")) || context.get(&format!("{base}-{n}")).is_some() {
                    n += 1;
                }
                record.id = format!("{base}-{n}");
                by_id.insert(record.id.clone(), out.len());
                out.push((record, location));
            }
            None => {
                by_id.insert(record.id.clone(), out.len());
                out.push((record, location));
            }
        }
    }
    // the owners of the roles: a country, an organisation by code, or the person itself
    let mut org_codes: FxHashMap<String, String> = FxHashMap::default();
    for e in context.entities().chain(out.iter().map(|(r, _)| r)) {
        if e.kind == EntityKind::Organization {
            if let Some(code) = e.attrs.get("actor") {
                org_codes.entry(code.clone()).or_insert_with(|| e.id.clone());
            }
        }
    }
    let countries: FxHashSet<String> =
        out.iter().filter(|(r, _)| r.kind == EntityKind::Country).map(|(r, _)| r.id.clone()).collect();
    for (record, _) in &mut out {
        let own = record.id.clone();
        for role in &mut record.roles {
            if !role.of.is_empty() {
                continue;
            }
            let code = role.title.as_str();
            let country = code.get(..3).map(|c| format!("country:{c}"));
            let country = country
                .filter(|id| countries.contains(id) || context.get(id).is_some_and(|e| e.kind == EntityKind::Country));
            let org = || (3..=code.len()).rev().find_map(|n| code.get(..n).and_then(|p| org_codes.get(p)).cloned());
            role.of = country.or_else(org).unwrap_or_else(|| own.clone());
        }
    }
    out
}

/// Whether two records of one file with one id are one actor written twice.
fn same_actor(a: &EntityRecord, b: &EntityRecord) -> bool {
    a.kind == b.kind
        && (a.kind == EntityKind::Country
            || (a.attrs.get("actor") == b.attrs.get("actor")
                && a.roles.len() == b.roles.len()
                && a.roles
                    .iter()
                    .zip(&b.roles)
                    .all(|(x, y)| x.title == y.title && x.start == y.start && x.end == y.end)))
}

/// Adds the names, roles and attributes of `new` that `into` lacks; with `known`, only names that
/// name nothing yet.
fn merge_into(into: &mut EntityRecord, new: EntityRecord, known: Option<&FxHashSet<String>>) {
    let mut names: FxHashSet<String> = into.names().map(|a| a.text.to_lowercase()).collect();
    for alias in new.names() {
        let lower = alias.text.to_lowercase();
        if names.contains(&lower) || known.is_some_and(|k| k.contains(&lower)) {
            continue;
        }
        names.insert(lower);
        into.aliases.push(alias.into_owned());
    }
    if into.kind == EntityKind::Country && known.is_some() {
        // a country of the gazetteer keeps its facts: the dictionary only adds its names
        return;
    }
    for role in new.roles {
        if !into.roles.iter().any(|r| r.title == role.title && r.start == role.start && r.end == role.end) {
            into.roles.push(role);
        }
    }
    for (k, v) in new.attrs {
        into.attrs.entry(k).or_insert(v);
    }
}

/// The record of one actor (roles' owners still to be found: `of` is empty).
fn record_of(label: &str, actor: Actor) -> (EntityRecord, Location) {
    let Actor { mut names, canonical, synonyms, codes, person_comment } = actor;
    let (name, location) = names.remove(canonical);
    let codes: Vec<Code> = codes.into_iter().filter(|c| c.code != "---").collect();
    let country = codes.iter().rev().find(|c| is_country_code(&c.code)).map(|c| c.code.clone());
    let dated = codes.iter().any(|c| c.range.is_some());
    let institution = name
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| Lexicon::embedded()[ListId::InstitutionWords].contains_ignore_case(w));
    let kind = if country.is_some() {
        EntityKind::Country
    } else if person_comment || (dated && !institution) {
        EntityKind::Person
    } else {
        EntityKind::Organization
    };
    let id = match (&country, kind) {
        (Some(code), _) => format!("country:{code}"),
        _ => {
            let s = slug(&name);
            format!("{kind}:{}", if s.is_empty() { "actor".to_string() } else { s })
        }
    };
    let mut record = EntityRecord::new(id, kind, name.clone());
    record.source = Some(label.to_string());
    let surname = name.rsplit(' ').next().unwrap_or("").to_lowercase();
    for text in names.into_iter().map(|(n, _)| n).chain(synonyms) {
        if text == record.name || record.aliases.iter().any(|a| a.text == text) {
            continue;
        }
        let mut alias = Alias::new(text);
        if kind == EntityKind::Person && !alias.text.contains(' ') && alias.text.to_lowercase() == surname {
            alias = alias.with_form(AliasForm::Surname);
        }
        record.aliases.push(alias);
    }
    if kind == EntityKind::Country {
        if let Some(code) = country {
            record.attrs.insert("actor".into(), code);
        }
        return (record, location);
    }
    for (k, c) in codes.iter().enumerate() {
        if codes[..k].contains(c) {
            // a code written twice is one role
            continue;
        }
        if let Some((start, end)) = c.range {
            record.roles.push(Role {
                title: c.code.clone(),
                office: Office::Other,
                of: String::new(),
                start,
                end,
                actor: Some(c.code.clone()),
            });
        }
    }
    if let Some(default) = codes.iter().rev().find(|c| c.range.is_none()) {
        let mut code = default.code.clone();
        if code.len() == 3 && !is_country_code(&code) && kind == EntityKind::Person {
            let prefix = codes.iter().rev().find(|c| c.range.is_some()).and_then(|c| c.code.get(..3));
            code = format!("{}{code}", prefix.unwrap_or("---"));
        }
        record.attrs.insert("actor".into(), code);
    } else if kind == EntityKind::Organization {
        if let Some(last) = codes.last() {
            record.attrs.insert("actor".into(), last.code.clone());
        }
    }
    (record, location)
}

/// Reads a PETRARCH agents dictionary (`*.agents.txt`): pairs of an agent phrase (lower case,
/// words joined by one space) and its CAMEO sector code, plurals included.
///
/// The format, as `Phoenix.agents.txt` writes it:
///
/// - `!NAME! = WORD, WORD, …` defines a substitution set; `!NAME!` in a phrase stands for each
///   word of the set, glued to its neighbours as written (`CATTLE!PERSON!` is "cattleman",
///   "cattlewoman", …);
/// - `PHRASE_WORDS [~SECTOR]` gives the sector of a phrase (words joined by `_` or spaces); the
///   regular plural is added ("rebel", "rebels"; "-y" → "-ies"; "-s", "-x", "-ch", "-sh" → "-es"),
///   unless `{PLURALS}` gives the plurals (`{}`: none);
/// - a code written `[IGO~]` (an agent that comes before the country code) gives nothing: the
///   group pass writes country and sector; a line without a code gives nothing either (the
///   Phoenix file has one);
/// - `#` starts a comment.
///
/// # Errors
/// A line that cannot be read (an undefined set, an unclosed `{` or `[`, an empty phrase), with
/// file, line and column.
pub(crate) fn parse_agents(label: &str, text: &str) -> Result<Vec<(String, String)>> {
    let mut sets: FxHashMap<String, Vec<String>> = FxHashMap::default();
    let mut out = Vec::new();
    for (number, raw) in text.lines().enumerate() {
        let line_no = number + 1;
        let content = raw.trim_end_matches('\r');
        let content = content.find('#').map_or(content, |i| &content[..i]);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            continue;
        }
        let indent = content.len() - content.trim_start().len();
        let column = |byte: usize| content[..byte].chars().count() + 1;
        if let Some((name, words)) = trimmed.split_once('=').filter(|(n, _)| n.trim().starts_with('!')) {
            let name = name.trim();
            if name.len() < 3 || !name.ends_with('!') {
                return Err(error(
                    label,
                    line_no,
                    indent + 1,
                    format!("expected a set name such as `!PERSON!`, found `{name}`"),
                ));
            }
            let members: Vec<String> =
                words.split(',').map(|w| w.trim().to_string()).filter(|w| !w.is_empty()).collect();
            sets.insert(name.to_string(), members);
            continue;
        }
        // the code: `[~SECTOR]` (a stray `}` closes it too: `[~ENV}`)
        let Some(open) = content.find('[') else { continue };
        let Some(close) = content[open..].find([']', '}']).map(|i| open + i) else {
            return Err(error(
                label,
                line_no,
                column(open),
                "expected `]` to close this `[`, found the end of the line",
            ));
        };
        let code = content[open + 1..close].trim();
        let Some(sector) = code.strip_prefix('~') else { continue };
        if sector.is_empty() || !sector.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(error(
                label,
                line_no,
                column(open + 1),
                format!("expected a sector code such as `~GOV`, found `{code}`"),
            ));
        }
        let mut phrase = &content[..open];
        // `{PLURALS}`
        let plurals: Option<Vec<String>> = match phrase.find('{') {
            Some(b) => {
                let Some(e) = phrase[b..].find('}').map(|i| b + i) else {
                    return Err(error(label, line_no, column(b), "expected `}` to close this `{`"));
                };
                let forms = phrase[b + 1..e].split([',', ' ']).map(agent_words).filter(|w| !w.is_empty()).collect();
                phrase = &phrase[..b];
                Some(forms)
            }
            None => None,
        };
        let mut expanded = vec![phrase.trim().to_string()];
        while let Some(start) = expanded[0].find('!') {
            let Some(len) = expanded[0][start + 1..].find('!') else {
                return Err(error(
                    label,
                    line_no,
                    indent + 1,
                    format!("expected `!` to close the set name in `{}`", phrase.trim()),
                ));
            };
            let name = expanded[0][start..start + len + 2].to_string();
            let Some(members) = sets.get(&name) else {
                return Err(error(
                    label,
                    line_no,
                    column(content.find(&name).unwrap_or(indent)),
                    format!("unknown substitution set `{name}`: define it first with `{name} = WORD, WORD`"),
                ));
            };
            expanded = expanded.iter().flat_map(|p| members.iter().map(|m| p.replacen(name.as_str(), m, 1))).collect();
        }
        for p in expanded {
            let words = agent_words(&p);
            if words.is_empty() {
                return Err(error(
                    label,
                    line_no,
                    indent + 1,
                    "expected an agent phrase before the code, found nothing",
                ));
            }
            let sector = sector.to_string();
            match &plurals {
                Some(forms) => out.extend(forms.iter().map(|f| (f.clone(), sector.clone()))),
                None => out.push((plural(&words), sector.clone())),
            }
            out.push((words, sector));
        }
    }
    Ok(out)
}

/// A phrase of an agents dictionary in lower case, words joined by one space.
fn agent_words(text: &str) -> String {
    text.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The regular plural of a phrase: of its last word.
fn plural(phrase: &str) -> String {
    let consonant_y = phrase.ends_with('y') && !phrase[..phrase.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        format!("{}ies", &phrase[..phrase.len() - 1])
    } else if phrase.ends_with(['s', 'x', 'z']) || phrase.ends_with("ch") || phrase.ends_with("sh") {
        format!("{phrase}es")
    } else {
        format!("{phrase}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_petrarch() {
        assert_eq!(digits_date("030101"), Ok(Date::new(2003, 1, 1)));
        assert_eq!(digits_date("310101"), Ok(Date::new(1931, 1, 1)));
        assert_eq!(digits_date("19270101"), Ok(Date::new(1927, 1, 1)));
        // seven digits: YYMMDD and a stray digit; nine: YYYYMMDD and a stray digit
        assert_eq!(digits_date("9008223"), Ok(Date::new(1990, 8, 22)));
        assert_eq!(digits_date("201005011"), Ok(Date::new(2010, 5, 1)));
        assert_eq!(digits_date("030231"), Ok(None));
        assert_eq!(digits_date("0301"), Err(()));
        assert_eq!(digits_date("03x101"), Err(()));
    }

    #[test]
    fn names_are_title_case_without_notes() {
        assert_eq!(clean_name("JACK_STRAW_"), "Jack Straw");
        assert_eq!(clean_name("STANKO_TODOROV (ACTING_"), "Stanko Todorov");
        assert_eq!(clean_name("VIRGILIO_ FONTES_PEREIRA_"), "Virgilio Fontes Pereira");
        assert_eq!(clean_name("BAN_KI-MOON"), "Ban Ki-moon");
        assert_eq!(clean_name("UN_"), "UN");
        assert_eq!(clean_name("UN_Secy_Gen"), "Un Secy Gen");
    }
}
