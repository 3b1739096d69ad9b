//! Entity resolution as tables: every case of `tests/testdata/resolve/*.toml` (the format is in
//! `tests/testdata/README.md`), run by this one test, which reports every failing case with its
//! file, name and a diff. `ATTACHE_CASE=word cargo test --test resolve_tables` runs only the cases
//! whose name contains `word`.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use attache::{Date, Document, EntityKind, Extractor};
use serde::Deserialize;

/// The date a case is read as of when neither it nor its file gives one.
const DEFAULT_DATE: &str = "2025-06-17";

/// One file of cases; its `date`, `gazetteer`, `extra` and `defaults` apply to every case that
/// does not give its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    date: Option<String>,
    gazetteer: Option<Names>,
    extra: Option<String>,
    defaults: Option<bool>,
    #[serde(default)]
    test: Vec<Case>,
}

/// One gazetteer file name or several.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Names {
    One(String),
    Many(Vec<String>),
}

impl Names {
    fn list(&self) -> Vec<String> {
        match self {
            Names::One(name) => vec![name.clone()],
            Names::Many(names) => names.clone(),
        }
    }
}

/// One case: a text, what to read it with, and what it must give. Every check is optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// Why the case matters (kept for the reader; printed with a failure).
    why: Option<String>,
    text: String,
    date: Option<String>,
    gazetteer: Option<Names>,
    extra: Option<String>,
    defaults: Option<bool>,
    /// The document's mentions, groups aside, in text order: `[text, id]`.
    mentions: Option<Vec<[String; 2]>>,
    /// The ids of those mentions.
    ids: Option<Vec<String>>,
    /// The mentions of some entities, as written, in text order: `{ id = [text, ...] }`.
    mentions_of: Option<BTreeMap<String, Vec<String>>>,
    /// The units rules see, groups aside: `[phrase, id, acts for ("" for no one), form]`.
    units: Option<Vec<[String; 4]>>,
    /// The pronouns and descriptions linked by coreference: `[text, id]`.
    references: Option<Vec<[String; 2]>>,
    /// The document's mentions that are personal pronouns: `[text, id]`.
    pronouns: Option<Vec<[String; 2]>>,
    /// The document's mentions of groups: `[text, actor code]`.
    groups: Option<Vec<[String; 2]>>,
    /// The ids of the document's entities of kind person, in order.
    people: Option<Vec<String>>,
    /// The ids of the document's entities, in order.
    entities: Option<Vec<String>>,
    /// Ids among the document's entities.
    listed: Option<Vec<String>>,
    /// Ids the resolution holds, listed or not (a description names nothing, but is found).
    found: Option<Vec<String>>,
    /// Ids (or `prefix*`) that no entity or mention of the document has.
    absent: Option<Vec<String>>,
    /// Attributes of the document's entities: `{ id = { key = "value" } }`, `false` for none.
    attrs: Option<BTreeMap<String, BTreeMap<String, toml::Value>>>,
}

/// Where the test data is.
fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata")
}

/// Extractors by what they are built from, shared by the cases.
#[derive(Default)]
struct Extractors {
    built: Mutex<HashMap<String, Arc<Extractor>>>,
}

impl Extractors {
    fn get(&self, defaults: bool, gazetteers: &[String], extra: Option<&str>) -> Result<Arc<Extractor>, String> {
        let key = format!("{defaults}|{gazetteers:?}|{extra:?}");
        if let Some(x) = self.built.lock().map_err(|e| e.to_string())?.get(&key) {
            return Ok(x.clone());
        }
        let mut builder = Extractor::builder().defaults(defaults);
        for name in gazetteers {
            let path = testdata().join("gazetteers").join(format!("{name}.jsonl"));
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            builder = builder.gazetteer_str(&format!("{name}.jsonl"), &text);
        }
        if let Some(extra) = extra {
            builder = builder.gazetteer_str("extra.jsonl", extra);
        }
        let x = Arc::new(builder.build().map_err(|e| e.to_string())?);
        self.built.lock().map_err(|e| e.to_string())?.insert(key, x.clone());
        Ok(x)
    }
}

/// `expected` and `got` as a diff: one item a line, `-` for expected only, `+` for got only.
fn diff(check: &str, expected: &[String], got: &[String]) -> String {
    let mut out = format!("  {check}:\n");
    // the longest common subsequence, for a diff that lines up
    let (n, m) = (expected.len(), got.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] =
                if matches(&expected[i], &got[j]) { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && matches(&expected[i], &got[j]) {
            let _ = writeln!(out, "      {}", got[j]);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            let _ = writeln!(out, "    + {}", got[j]);
            j += 1;
        } else {
            let _ = writeln!(out, "    - {}", expected[i]);
            i += 1;
        }
    }
    out
}

/// Whether an expected item (fields joined by ` | `, `*` for any) matches a found one.
fn matches(expected: &str, got: &str) -> bool {
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.split(" | ").collect(), got.split(" | ").collect());
    e.len() == g.len() && e.iter().zip(&g).all(|(e, g)| *e == "*" || e == g)
}

fn rows<const N: usize>(items: &[[String; N]]) -> Vec<String> {
    items.iter().map(|row| row.join(" | ")).collect()
}

/// Compares a list check, noting a failure in `out`.
fn compare(out: &mut String, check: &str, expected: &[String], got: &[String]) {
    if expected.len() != got.len() || !expected.iter().zip(got).all(|(e, g)| matches(e, g)) {
        out.push_str(&diff(check, expected, got));
    }
}

/// The document's mentions, groups aside, in text order.
fn mentions(doc: &Document) -> Vec<(String, String)> {
    let mut listed: Vec<_> = doc.mentions.iter().filter(|m| !m.entity.starts_with("group:")).collect();
    listed.sort_by_key(|m| (m.start, m.end));
    listed.iter().map(|m| (m.text.to_string(), m.entity.to_string())).collect()
}

/// Runs one case; the failures as text (empty when it passes).
fn run(case: &Case, file: &File, extractors: &Extractors) -> Result<String, String> {
    let date: Date = case
        .date
        .as_ref()
        .or(file.date.as_ref())
        .map_or(DEFAULT_DATE, |d| d.as_str())
        .parse()
        .map_err(|e: attache::Error| e.to_string())?;
    let gazetteers = case.gazetteer.as_ref().or(file.gazetteer.as_ref()).map(Names::list).unwrap_or_default();
    let extra = case.extra.as_deref().or(file.extra.as_deref());
    let defaults = case.defaults.or(file.defaults).unwrap_or(false);
    let x = extractors.get(defaults, &gazetteers, extra)?;
    let text = case.text.as_str();
    let doc = x.extract_with_date(text, date);
    let mut out = String::new();
    if let Some(want) = &case.mentions {
        let got: Vec<String> = mentions(&doc).into_iter().map(|(t, id)| format!("{t} | {id}")).collect();
        compare(&mut out, "mentions", &rows(want), &got);
    }
    if let Some(want) = &case.ids {
        let got: Vec<String> = mentions(&doc).into_iter().map(|(_, id)| id).collect();
        compare(&mut out, "ids", want, &got);
    }
    for (id, want) in case.mentions_of.iter().flatten() {
        let got: Vec<String> = mentions(&doc).into_iter().filter(|m| m.1 == *id).map(|m| m.0).collect();
        compare(&mut out, &format!("mentions_of {id}"), want, &got);
    }
    if let Some(want) = &case.units {
        let got: Vec<String> = common::units(&x, text, date)
            .into_iter()
            .map(|(phrase, id, acts, form)| {
                format!("{phrase} | {id} | {} | {}", acts.unwrap_or_default(), format!("{form:?}").to_lowercase())
            })
            .collect();
        compare(&mut out, "units", &rows(want), &got);
    }
    if let Some(want) = &case.references {
        let got: Vec<String> =
            common::references(&x, text, date).into_iter().map(|(t, id)| format!("{t} | {id}")).collect();
        compare(&mut out, "references", &rows(want), &got);
    }
    if let Some(want) = &case.pronouns {
        let got: Vec<String> = doc
            .mentions
            .iter()
            .filter(|m| matches!(m.text.to_lowercase().as_str(), "he" | "she" | "him" | "his" | "her"))
            .map(|m| format!("{} | {}", m.text, m.entity))
            .collect();
        compare(&mut out, "pronouns", &rows(want), &got);
    }
    if let Some(want) = &case.groups {
        let got: Vec<String> = doc
            .mentions
            .iter()
            .filter_map(|m| {
                let e = doc.entity(&m.entity).filter(|e| e.kind == EntityKind::Group)?;
                Some(format!("{} | {}", m.text, e.attrs.get("actor").map_or("?", String::as_str)))
            })
            .collect();
        compare(&mut out, "groups", &rows(want), &got);
    }
    if let Some(want) = &case.people {
        let got: Vec<String> =
            doc.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.id.to_string()).collect();
        compare(&mut out, "people", want, &got);
    }
    if let Some(want) = &case.entities {
        let got: Vec<String> = doc.entities.iter().map(|e| e.id.to_string()).collect();
        compare(&mut out, "entities", want, &got);
    }
    if let Some(want) = &case.listed {
        let missing: Vec<String> = want.iter().filter(|id| doc.entity(id).is_none()).cloned().collect();
        if !missing.is_empty() {
            let got: Vec<String> = doc.entities.iter().map(|e| e.id.to_string()).collect();
            let _ = writeln!(out, "  listed: not among the document's entities: {missing:?}\n    entities: {got:?}");
        }
    }
    if let Some(want) = &case.found {
        let (_, r) = x.analyze(text, date);
        let missing: Vec<&String> = want.iter().filter(|id| !r.entities.iter().any(|e| e.id == **id)).collect();
        if !missing.is_empty() {
            let got: Vec<&str> = r.entities.iter().map(|e| e.id.as_str()).collect();
            let _ = writeln!(out, "  found: not among the resolution's entities: {missing:?}\n    entities: {got:?}");
        }
    }
    if let Some(absent) = &case.absent {
        let is = |pattern: &str, id: &str| match pattern.strip_suffix('*') {
            Some(prefix) => id.starts_with(prefix),
            None => id == pattern,
        };
        let ids = doc.entities.iter().map(|e| e.id.as_str()).chain(doc.mentions.iter().map(|m| m.entity.as_str()));
        let present: Vec<&str> = ids.filter(|id| absent.iter().any(|p| is(p, id))).collect();
        if !present.is_empty() {
            let _ = writeln!(out, "  absent: the document has {present:?}");
        }
    }
    for (id, want) in case.attrs.iter().flatten() {
        let Some(entity) = doc.entity(id) else {
            let _ = writeln!(out, "  attrs: no entity {id}");
            continue;
        };
        for (key, value) in want {
            let got = entity.attrs.get(key);
            let ok = match value {
                toml::Value::String(s) => got == Some(s),
                toml::Value::Boolean(false) => got.is_none(),
                other => return Err(format!("attrs.{id}.{key}: expected a string or false, found {other}")),
            };
            if !ok {
                let _ = writeln!(out, "  attrs: {id} {key}: expected {value}, got {got:?}");
            }
        }
    }
    Ok(out)
}

#[test]
fn resolution_cases() {
    let filter = std::env::var("ATTACHE_CASE").ok();
    let dir = testdata().join("resolve");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/testdata/resolve")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no case files in {}", dir.display());
    let extractors = Extractors::default();
    // the files run side by side: each is a list of independent cases
    let results: Vec<(usize, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .iter()
            .map(|path| {
                let (extractors, filter) = (&extractors, filter.as_deref());
                scope.spawn(move || {
                    let label = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(path).display().to_string();
                    let text = match std::fs::read_to_string(path) {
                        Ok(text) => text,
                        Err(e) => return (0, vec![format!("{label}: {e}")]),
                    };
                    let file: File = match toml::from_str(&text) {
                        Ok(file) => file,
                        Err(e) => return (0, vec![format!("{label}: {e}")]),
                    };
                    let mut failures = Vec::new();
                    let mut ran = 0;
                    let mut names = std::collections::HashSet::new();
                    for case in &file.test {
                        if !names.insert(case.name.as_str()) {
                            failures.push(format!("{label}: case `{}` twice", case.name));
                        }
                        if filter.is_some_and(|f| !case.name.contains(f)) {
                            continue;
                        }
                        ran += 1;
                        let why = case.why.as_deref().map(|w| format!(" ({w})")).unwrap_or_default();
                        match run(case, &file, extractors) {
                            Ok(out) if out.is_empty() => {}
                            Ok(out) => {
                                failures.push(format!("{label}: {}{why}\n  text: {}\n{out}", case.name, case.text))
                            }
                            Err(e) => failures.push(format!("{label}: {}: {e}", case.name)),
                        }
                    }
                    (ran, failures)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|_| (0, vec!["a case panicked".to_string()]))).collect()
    });
    let ran: usize = results.iter().map(|r| r.0).sum();
    let failures: Vec<String> = results.into_iter().flat_map(|r| r.1).collect();
    assert!(failures.is_empty(), "{} of {ran} cases failed:\n\n{}", failures.len(), failures.join("\n"));
    assert!(ran > 0 || filter.is_some(), "no cases ran");
    eprintln!("{ran} cases passed");
}
