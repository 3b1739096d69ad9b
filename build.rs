//! Compiles the embedded default gazetteers (`gazetteers/*.jsonl`, 8 MB of JSON) into the compact
//! binary form `src/gazetteer/compact.rs` reads, so that a process starting does not parse JSON.
//!
//! The records are written in the order the gazetteer holds them, a record of a later file with
//! an id already known in the place of the earlier one, so that the reader only appends them.
//!
//! This is a transcription, not a check: the records are read leniently here, and the crate's
//! tests (`tests/gazetteers.rs`) compare what the compact form decodes to with what the strict
//! JSON Lines reader makes of the same files, field by field. Keep the layout below in step with
//! `src/gazetteer/compact.rs`.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Map, Value};

/// The default gazetteer files, in loading order (as `gazetteer::DEFAULT_FILES`).
const FILES: &[&str] = &[
    "gazetteers/countries.jsonl",
    "gazetteers/places.jsonl",
    "gazetteers/organizations.jsonl",
    "gazetteers/people.jsonl",
    "gazetteers/overlay.jsonl",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // the records as the gazetteer holds them: in file order, a later record with a known id in
    // the place of the earlier one (as `Gazetteer::insert` does)
    let mut records: Vec<(usize, usize, usize, Map<String, Value>)> = Vec::new();
    let mut place: HashMap<String, usize> = HashMap::new();
    for (index, file) in FILES.iter().enumerate() {
        println!("cargo:rerun-if-changed={file}");
        let contents = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        for (number, line) in contents.lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let value: Value = serde_json::from_str(trimmed).unwrap_or_else(|e| panic!("{file}:{}: {e}", number + 1));
            let Value::Object(map) = value else { panic!("{file}:{}: not an object", number + 1) };
            let record = (index, number + 1, line.len() - trimmed.len() + 1, map);
            match place.get(text(record.3.get("id"))) {
                Some(&at) => records[at] = record,
                None => {
                    place.insert(text(record.3.get("id")).to_string(), records.len());
                    records.push(record);
                }
            }
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
    let mut w = Writer::default();
    // where the second half of the records starts, for a reader on two threads
    let half = records.len() / 2;
    let mut half_offset = 0;
    for (k, (file, line, column, map)) in records.iter().enumerate() {
        if k == half {
            half_offset = w.out.len();
        }
        w.uint(*file as u64);
        w.uint(*line as u64);
        w.uint(*column as u64);
        record(&mut w, map);
    }
    // the header and the strings first: the reader checks them as UTF-8 once
    let mut file = Writer::default();
    file.bytes(b"ATTG3");
    file.uint(w.strings.len() as u64);
    file.bytes(w.strings.as_bytes());
    file.uint(FILES.len() as u64);
    for label in FILES {
        file.uint(label.len() as u64);
        file.bytes(label.as_bytes());
    }
    file.uint(records.len() as u64);
    file.uint(half as u64);
    file.uint(half_offset as u64);
    file.bytes(&w.out);
    std::fs::write(Path::new(&out).join("gazetteers.bin"), &file.out).expect("OUT_DIR is writable");
    rules::write(Path::new(&out));
}

fn record(w: &mut Writer, r: &Map<String, Value>) {
    w.str(text(r.get("id")));
    w.byte(match text(r.get("kind")) {
        "person" => 0,
        "country" => 1,
        "organization" | "organisation" => 2,
        "place" => 3,
        "document" => 4,
        "event" => 5,
        "group" => 6,
        "money" => 7,
        other => panic!("unknown kind `{other}`"),
    });
    w.str(text(r.get("name")));
    let aliases = list(r.get("aliases"));
    w.uint(aliases.len() as u64);
    for alias in aliases {
        match alias {
            Value::Object(a) => {
                w.str(text(a.get("text")));
                // 3: no case given, the reader derives the default from the text
                w.byte(a.get("case").map_or(3, |c| match text(Some(c)) {
                    "exact" => 0,
                    "capitalized" => 1,
                    "insensitive" => 2,
                    other => panic!("unknown case `{other}`"),
                }));
                w.byte(a.get("form").map_or(0, |f| match text(Some(f)) {
                    "name" => 0,
                    "short" => 1,
                    "surname" => 2,
                    "abbreviation" => 3,
                    "adjective" => 4,
                    "former" => 5,
                    other => panic!("unknown form `{other}`"),
                }));
            }
            other => {
                w.str(text(Some(other)));
                w.byte(3);
                w.byte(0);
            }
        }
    }
    let attrs = r.get("attrs").and_then(Value::as_object);
    let mut attrs: Vec<(&String, &str)> =
        attrs.iter().flat_map(|m| m.iter()).map(|(k, v)| (k, text(Some(v)))).collect();
    attrs.sort();
    w.uint(attrs.len() as u64);
    for (k, v) in attrs {
        w.str(k);
        w.str(v);
    }
    let roles = list(r.get("roles"));
    w.uint(roles.len() as u64);
    for role in roles {
        let role = role.as_object().expect("a role is an object");
        w.str(text(role.get("title")));
        w.byte(role.get("office").map_or(4, |o| match text(Some(o)) {
            "head-of-state" => 0,
            "head-of-government" => 1,
            "foreign-minister" => 2,
            "head-of-organization" => 3,
            "other" => 4,
            other => panic!("unknown office `{other}`"),
        }));
        w.str(text(role.get("of")));
        date(w, role.get("start"));
        date(w, role.get("end"));
        optional(w, role.get("actor"));
    }
    let members = list(r.get("members"));
    w.uint(members.len() as u64);
    for m in members {
        w.str(text(Some(m)));
    }
    let priority = r.get("priority").and_then(Value::as_i64).unwrap_or(0);
    w.uint(((priority << 1) ^ (priority >> 63)) as u64);
    optional(w, r.get("source"));
}

/// A date: 0 none, 1 year, month and day (as `YYYY[-MM[-DD]]` reads), 2 text for the reader.
fn date(w: &mut Writer, v: Option<&Value>) {
    let Some(v) = v.filter(|v| !v.is_null()) else { return w.byte(0) };
    let s = text(Some(v));
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let simple =
        !parts.is_empty() && parts.len() <= 3 && digits(parts[0], 4) && parts[1..].iter().all(|p| digits(p, 2));
    if simple {
        let num = |i: usize| parts.get(i).map_or(1, |p| p.parse::<u64>().expect("digits"));
        w.byte(1);
        w.uint(num(0));
        w.uint(num(1));
        w.uint(num(2));
    } else {
        w.byte(2);
        w.str(s);
    }
}

fn optional(w: &mut Writer, v: Option<&Value>) {
    match v.filter(|v| !v.is_null()) {
        Some(v) => {
            w.byte(1);
            w.str(text(Some(v)));
        }
        None => w.byte(0),
    }
}

fn text(v: Option<&Value>) -> &str {
    v.and_then(Value::as_str).unwrap_or_else(|| panic!("expected a string, found {v:?}"))
}

fn list(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// LEB128, the integers of both binary forms (`src/leb128.rs` reads them): seven bits a byte,
/// low first.
fn leb128(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

#[derive(Default)]
struct Writer {
    out: Vec<u8>,
    // every distinct string once, and where each starts in it
    strings: String,
    offsets: HashMap<String, usize>,
}

impl Writer {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.out.extend_from_slice(b);
    }

    fn uint(&mut self, n: u64) {
        leb128(&mut self.out, n);
    }

    /// A string: where it starts in the strings and its length.
    fn str(&mut self, s: &str) {
        let offset = match self.offsets.get(s) {
            Some(&offset) => offset,
            None => {
                let offset = self.strings.len();
                self.strings.push_str(s);
                self.offsets.insert(s.to_string(), offset);
                offset
            }
        };
        self.uint(offset as u64);
        self.uint(s.len() as u64);
    }
}

/// The embedded rule files (`rules/*.toml`) as the TOML reader makes them, in the binary form
/// `src/rules/compact.rs` reads, so that a process starting does not parse TOML (a fifth of
/// compiling the default rules). As for the gazetteers, a transcription, not a check: the rules'
/// tests compare what it decodes to with what the TOML reader makes of the same files, span by
/// span. Keep the layout in step with `src/rules/compact.rs` (described there).
mod rules {
    use std::collections::BTreeMap;
    use std::path::Path;

    use serde::Deserialize;
    use toml::Spanned;

    /// `syntax::File` of the crate, as read (the same fields and defaults).
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[serde(default)]
        date: Option<Spanned<String>>,
        #[serde(default)]
        define: BTreeMap<String, Spanned<String>>,
        #[serde(default)]
        kinds: BTreeMap<String, Spanned<toml::Value>>,
        #[serde(default)]
        rule: Vec<Spanned<RuleSpec>>,
    }

    /// `syntax::RuleSpec` of the crate.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RuleSpec {
        id: Spanned<String>,
        relation: Spanned<String>,
        patterns: Vec<Spanned<String>>,
        #[serde(default)]
        examples: Vec<Spanned<String>>,
        #[serde(default)]
        counterexamples: Vec<Spanned<String>>,
        #[serde(default)]
        args: BTreeMap<String, String>,
        #[serde(default)]
        negation: Option<bool>,
        #[serde(default)]
        cameo: Option<Spanned<String>>,
        #[serde(default)]
        mode: Option<String>,
        #[serde(default)]
        replace: bool,
    }

    pub(super) fn write(out: &Path) {
        let mut labels: Vec<String> = std::fs::read_dir("rules")
            .expect("rules/ is readable")
            .map(|e| e.expect("rules/ is readable").path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .map(|p| format!("rules/{}", p.file_name().and_then(|n| n.to_str()).expect("a UTF-8 file name")))
            .collect();
        labels.sort();
        println!("cargo:rerun-if-changed=rules");
        let mut w = Writer::default();
        w.out.extend_from_slice(b"ATTR1");
        w.uint(labels.len());
        for label in &labels {
            println!("cargo:rerun-if-changed={label}");
            let text = std::fs::read_to_string(label).unwrap_or_else(|e| panic!("{label}: {e}"));
            // a file the TOML reader refuses is left out: the crate reads it from its text, and
            // reports the error there
            let Ok(file) = toml::from_str::<File>(&text) else {
                continue;
            };
            w.str(label);
            // its length first, for a reader after another file to skip it
            let mut one = Writer::default();
            file_(&mut one, &file);
            w.uint(one.out.len());
            w.out.extend_from_slice(&one.out);
        }
        std::fs::write(out.join("rules.bin"), &w.out).expect("OUT_DIR is writable");
    }

    fn file_(w: &mut Writer, f: &File) {
        w.option(f.date.as_ref(), |w, d| w.spanned(d));
        w.uint(f.define.len());
        for (name, value) in &f.define {
            w.str(name);
            w.spanned(value);
        }
        w.uint(f.kinds.len());
        for (name, value) in &f.kinds {
            w.str(name);
            w.span(value.span());
            w.value(value.get_ref());
        }
        w.uint(f.rule.len());
        for rule in &f.rule {
            w.span(rule.span());
            let r = rule.get_ref();
            w.spanned(&r.id);
            w.spanned(&r.relation);
            for list in [&r.patterns, &r.examples, &r.counterexamples] {
                w.uint(list.len());
                for s in list {
                    w.spanned(s);
                }
            }
            w.uint(r.args.len());
            for (k, v) in &r.args {
                w.str(k);
                w.str(v);
            }
            w.byte(match r.negation {
                None => 0,
                Some(false) => 1,
                Some(true) => 2,
            });
            w.option(r.cameo.as_ref(), |w, c| w.spanned(c));
            w.option(r.mode.as_ref(), |w, m| w.str(m));
            w.byte(u8::from(r.replace));
        }
    }

    #[derive(Default)]
    struct Writer {
        out: Vec<u8>,
    }

    impl Writer {
        fn byte(&mut self, b: u8) {
            self.out.push(b);
        }

        fn uint(&mut self, n: usize) {
            super::leb128(&mut self.out, n as u64);
        }

        fn str(&mut self, s: &str) {
            self.uint(s.len());
            self.out.extend_from_slice(s.as_bytes());
        }

        fn span(&mut self, span: std::ops::Range<usize>) {
            self.uint(span.start);
            self.uint(span.end);
        }

        fn spanned(&mut self, s: &Spanned<String>) {
            self.span(s.span());
            self.str(s.get_ref());
        }

        fn option<T>(&mut self, v: Option<&T>, write: impl FnOnce(&mut Writer, &T)) {
            match v {
                None => self.byte(0),
                Some(v) => {
                    self.byte(1);
                    write(self, v);
                }
            }
        }

        /// A TOML value: a tag byte, then its content.
        fn value(&mut self, v: &toml::Value) {
            match v {
                toml::Value::String(s) => {
                    self.byte(0);
                    self.str(s);
                }
                toml::Value::Integer(i) => {
                    self.byte(1);
                    self.out.extend_from_slice(&i.to_le_bytes());
                }
                toml::Value::Float(f) => {
                    self.byte(2);
                    self.out.extend_from_slice(&f.to_bits().to_le_bytes());
                }
                toml::Value::Boolean(b) => {
                    self.byte(3);
                    self.byte(u8::from(*b));
                }
                toml::Value::Datetime(d) => {
                    self.byte(4);
                    self.str(&d.to_string());
                }
                toml::Value::Array(items) => {
                    self.byte(5);
                    self.uint(items.len());
                    for item in items {
                        self.value(item);
                    }
                }
                toml::Value::Table(table) => {
                    self.byte(6);
                    self.uint(table.len());
                    for (k, v) in table {
                        self.str(k);
                        self.value(v);
                    }
                }
            }
        }
    }
}
