//! brat standoff: for each document `<name>.txt` (the text) and `<name>.ann` (the annotations), and
//! one `annotation.conf` describing attache's kinds, all in one folder.
//!
//! - Every mention is a text-bound annotation, `T1<TAB>person 0 9<TAB>Zelenskyy`, with offsets in
//!   characters (brat counts characters; attache's offsets are bytes). A mention across a line
//!   break is written as fragments (`0 2;3 10`), since brat's text field is one line. Each has a
//!   note with the entity's id and actor code: `#1<TAB>AnnotatorNotes T1<TAB>person:… actor=UKRGOV`.
//! - A relation between two parties is `R1<TAB>meet Arg1:T1 Arg2:T2`, between a mention of the
//!   subject and one of the object (those inside the evidence when there are, else the nearest),
//!   with a note of its PLOVER event and rule: `#3<TAB>AnnotatorNotes R1<TAB>CONSULT 040 rule=meet/met`
//!   (and `rules=meet/met,meet/held-talks` when several rules found it).
//! - A one-party event (no object, "protesters marched") is a brat event: its type is the PLOVER
//!   event type, its trigger the evidence, its `Agent` a mention of the subject, and an attribute
//!   `Kind` gives attache's relation kind: `T5<TAB>PROTEST 0 30<TAB>…`, `E1<TAB>PROTEST:T5
//!   Agent:T3`, `A1<TAB>Kind E1 protest`.
//!
//! A relation whose subject or object has no mention in the document is left out.
//!
//! File names come from the documents' names (record ids): letters, digits, `-`, `_` and `.` are
//! kept, anything else becomes `_`, after leading `.` and `/` are dropped and a final `.txt`; a name already used (in any case) gets
//! `-2`, `-3`, … appended.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{kind_of, kinds, valid_span, Exporter, Item, Offsets};
use crate::{Document, EntityKind, EventType};

/// Writes documents as brat standoff files into a folder.
#[derive(Debug)]
pub struct BratExporter {
    dir: PathBuf,
    relation_kinds: BTreeSet<String>,
    symmetric: BTreeSet<String>,
    event_kinds: BTreeSet<String>,
    names: HashSet<String>,
    written: usize,
}

impl BratExporter {
    /// An exporter into `dir`, created when missing. `kinds` are the relation kinds to declare in
    /// `annotation.conf`, with whether each is symmetric (a rule set's
    /// [`kinds`](crate::RuleSet::kinds)); kinds met in documents are declared too.
    pub fn new(dir: impl AsRef<Path>, kinds: impl IntoIterator<Item = (String, bool)>) -> io::Result<BratExporter> {
        let dir = dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir)?;
        let mut relation_kinds = BTreeSet::new();
        let mut symmetric = BTreeSet::new();
        for (kind, sym) in kinds {
            if sym {
                symmetric.insert(kind.clone());
            }
            relation_kinds.insert(kind);
        }
        Ok(BratExporter {
            dir,
            event_kinds: relation_kinds.clone(),
            relation_kinds,
            symmetric,
            names: HashSet::new(),
            written: 0,
        })
    }

    /// How many documents were written.
    pub fn written(&self) -> usize {
        self.written
    }

    /// A file name (without extension) for a document named `name`, not used before.
    fn file_name(&mut self, name: &str) -> String {
        // a file's name ends in .txt already
        let name = match name.len().checked_sub(4) {
            Some(i) if name.is_char_boundary(i) && name[i..].eq_ignore_ascii_case(".txt") => &name[..i],
            _ => name,
        };
        let name = name.trim_start_matches(['.', '/']);
        let mut base: String = name
            .chars()
            .take(120)
            .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
            .collect();
        if base.is_empty() {
            base = "document".into();
        }
        let mut candidate = base.clone();
        let mut n = 1;
        while !self.names.insert(candidate.to_lowercase()) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        candidate
    }

    /// The contents of `annotation.conf` for the kinds seen so far.
    pub fn annotation_conf(&self) -> String {
        let mut s =
            String::from("# attache's kinds, for brat (written by `attache extract --format brat`)\n\n[entities]\n");
        for kind in EntityKind::ALL {
            s.push_str(kind.as_str());
            s.push('\n');
        }
        s.push_str("\n[relations]\n# attache's relation kinds between two parties (Arg1 the subject)\n");
        for kind in &self.relation_kinds {
            let _ = write!(s, "{kind}\tArg1:<ENTITY>, Arg2:<ENTITY>");
            if self.symmetric.contains(kind) {
                s.push_str(", <REL-TYPE>:symmetric");
            }
            s.push('\n');
        }
        s.push_str("# mentions nest: a group mention holds its country word\n");
        s.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
        s.push_str(
            "\n[events]\n# one-party events, by PLOVER event type; the attribute Kind is attache's relation kind\n",
        );
        for t in EventType::ALL {
            let _ = writeln!(s, "{t}\tAgent:<ENTITY>");
        }
        s.push_str("\n[attributes]\n");
        let kinds: Vec<&str> = self.event_kinds.iter().map(String::as_str).collect();
        let _ = writeln!(s, "Kind\tArg:<EVENT>, Value:{}", kinds.join("|"));
        s
    }
}

/// The `.ann` contents for `doc` over `text`; the relation and event kinds it uses are added to
/// `relation_kinds` and `event_kinds`.
pub(crate) fn annotations(
    text: &str,
    doc: &Document,
    relation_kinds: &mut BTreeSet<String>,
    event_kinds: &mut BTreeSet<String>,
) -> String {
    let offsets = Offsets::new(text);
    let kinds = kinds(doc);
    let mut ann = String::new();
    // the span of each T annotation of a mention, with its entity
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    let (mut t, mut r, mut e, mut a, mut note) = (0, 0, 0, 0, 0);
    let mut text_bound = |ann: &mut String, label: &str, start: usize, end: usize| -> usize {
        t += 1;
        let _ = write!(ann, "T{t}\t{label} ");
        let mut words = Vec::new();
        let mut first = true;
        for (s, e) in fragments(text, start, end) {
            if !first {
                ann.push(';');
            }
            first = false;
            let _ = write!(ann, "{} {}", offsets.chars(s), offsets.chars(e));
            words.push(&text[s..e]);
        }
        let _ = writeln!(ann, "\t{}", words.join(" "));
        t
    };
    for m in &doc.mentions {
        if !valid_span(text, m.start, m.end) || fragments(text, m.start, m.end).is_empty() {
            continue;
        }
        let id = text_bound(&mut ann, kind_of(&kinds, &m.entity), m.start, m.end);
        spans.push((m.start, m.end, &m.entity));
        note += 1;
        let _ = write!(ann, "#{note}\tAnnotatorNotes T{id}\t{}", one_line(&m.entity));
        if let Some(actor) = doc.entity(&m.entity).and_then(|x| x.attrs.get("actor")) {
            let _ = write!(ann, " actor={}", one_line(actor));
        }
        ann.push('\n');
    }
    // the T annotation of a mention of `entity`: inside the evidence if any, else the nearest
    let pick = |entity: &str, start: usize, end: usize| -> Option<usize> {
        let distance = |s: usize, e: usize| {
            if s >= start && e <= end {
                0
            } else {
                1 + s.abs_diff(start).min(e.abs_diff(end))
            }
        };
        spans
            .iter()
            .enumerate()
            .filter(|(_, (_, _, id))| *id == entity)
            .min_by_key(|(_, span)| distance(span.0, span.1))
            .map(|(i, _)| i + 1)
    };
    for rel in &doc.relations {
        let Some(subject) = pick(&rel.subject, rel.start, rel.end) else { continue };
        let event = event_label(rel);
        match &rel.object {
            Some(object) => {
                let Some(object) = pick(object, rel.start, rel.end) else { continue };
                r += 1;
                relation_kinds.insert(rel.kind.to_string());
                let _ = writeln!(ann, "R{r}\t{} Arg1:T{subject} Arg2:T{object}", label(rel.kind.as_str()));
                note += 1;
                let _ = writeln!(ann, "#{note}\tAnnotatorNotes R{r}\t{event}");
            }
            None => {
                if !valid_span(text, rel.start, rel.end) || fragments(text, rel.start, rel.end).is_empty() {
                    continue;
                }
                let event_type = rel.event.event_type.as_str();
                let trigger = text_bound(&mut ann, event_type, rel.start, rel.end);
                e += 1;
                event_kinds.insert(rel.kind.to_string());
                let _ = writeln!(ann, "E{e}\t{event_type}:T{trigger} Agent:T{subject}");
                a += 1;
                let _ = writeln!(ann, "A{a}\tKind E{e} {}", label(rel.kind.as_str()));
                note += 1;
                let _ = writeln!(ann, "#{note}\tAnnotatorNotes E{e}\t{event}");
            }
        }
    }
    ann
}

/// A relation's note: PLOVER type, mode and CAMEO code, the rule, the other arguments.
fn event_label(rel: &crate::Relation) -> String {
    let mut s = rel.event.event_type.to_string();
    for part in [&rel.event.mode, &rel.event.cameo] {
        if !part.is_empty() {
            s.push(' ');
            s.push_str(part);
        }
    }
    let _ = write!(s, " rule={}", rel.rule);
    if !rel.rules.is_empty() {
        let _ = write!(s, " rules={}", rel.rules.join(","));
    }
    for (k, v) in &rel.args {
        let _ = write!(s, " {k}={v}");
    }
    one_line(&s)
}

/// A kind as a brat type: no space or tab inside.
fn label(kind: &str) -> String {
    kind.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect()
}

/// A value on one line of an `.ann` file.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The parts of `start..end` between line breaks, without empty parts: brat's text field is one
/// line, so a span across a line break is written as fragments.
fn fragments(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut s = start;
    for (i, c) in text[start..end].char_indices() {
        if matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}') {
            if s < start + i {
                parts.push((s, start + i));
            }
            s = start + i + c.len_utf8();
        }
    }
    if s < end {
        parts.push((s, end));
    }
    parts
}

impl Exporter for BratExporter {
    fn document(&mut self, _out: &mut dyn Write, item: &Item<'_>) -> io::Result<()> {
        let name = self.file_name(item.name);
        let ann = annotations(item.text, item.doc, &mut self.relation_kinds, &mut self.event_kinds);
        std::fs::write(self.dir.join(format!("{name}.txt")), item.text)?;
        std::fs::write(self.dir.join(format!("{name}.ann")), ann)?;
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        std::fs::write(self.dir.join("annotation.conf"), self.annotation_conf())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_distinct() {
        let mut x = BratExporter {
            dir: PathBuf::new(),
            relation_kinds: BTreeSet::new(),
            symmetric: BTreeSet::new(),
            event_kinds: BTreeSet::new(),
            names: HashSet::new(),
            written: 0,
        };
        assert_eq!(x.file_name("a/b c"), "a_b_c");
        assert_eq!(x.file_name("a?b c"), "a_b_c-2");
        assert_eq!(x.file_name("A_B_C"), "A_B_C-3");
        assert_eq!(x.file_name("../etc/passwd"), "etc_passwd");
        assert_eq!(x.file_name(".hidden"), "hidden");
        assert_eq!(x.file_name(""), "document");
        assert_eq!(x.file_name("Türkiye"), "T_rkiye");
        assert_eq!(x.file_name("news/a.TXT"), "news_a");
    }

    #[test]
    fn fragments_skip_line_breaks() {
        assert_eq!(fragments("Xi\nJinping", 0, 10), vec![(0, 2), (3, 10)]);
        assert_eq!(fragments("a\r\nb", 0, 4), vec![(0, 1), (3, 4)]);
        assert_eq!(fragments("\n", 0, 1), vec![]);
    }
}
