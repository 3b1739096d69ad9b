//! Event records for event-data tools: PLOVER JSON Lines ([`PloverExporter`]) and a flat
//! PETRARCH-style TSV ([`EventsExporter`]).
//!
//! One record per relation. The fields follow the PLOVER manual's data chapter (v0.8: the record
//! table and the entity object): `id`, `date`, `event` (a list of one PLOVER type), `actor` and
//! `recipient` (lists of entity objects with `code`, `sector`, `entity_text`, `identifier_id`,
//! `identifier_text`), `mode`, `event_text`, `text` (the sentence), `event_loc`, plus attache's own
//! fields under names the manual does not use (`cameo`, `mood`, `attache`). Symmetric kinds
//! (`meet`) follow the manual's convention for meetings without a host: every participant is an
//! actor and there is no recipient. An actor code (`RUSGOV`) splits into `code` (`RUS`, the
//! country or international actor) and `sector` (`GOV`).
//!
//! The TSV has one line per event: `date`, source code, target code (empty for a one-party event),
//! PLOVER type, CAMEO code, document id, sentence, the columns PETRARCH's users read.

use std::io::{self, Write};

use serde::Serialize;

use super::{Exporter, Item};
use crate::document::{Document, Relation};
use crate::text::Text;

/// Writes one PLOVER JSON record per event, a line each.
#[derive(Debug, Default)]
pub struct PloverExporter {
    symmetric: Vec<String>,
}

impl PloverExporter {
    /// A new exporter; `symmetric` names the relation kinds that have no direction (their parties
    /// are all actors), as [`RuleSet::is_symmetric`](crate::RuleSet::is_symmetric) says.
    pub fn new(symmetric: impl IntoIterator<Item = String>) -> PloverExporter {
        PloverExporter { symmetric: symmetric.into_iter().collect() }
    }
}

/// Writes one tab-separated line per event.
#[derive(Debug, Default)]
pub struct EventsExporter {
    header: bool,
}

impl EventsExporter {
    /// A new exporter; the first line it writes is a header.
    pub fn new() -> EventsExporter {
        EventsExporter { header: true }
    }
}

/// An entity object of a PLOVER record.
#[derive(Debug, Serialize)]
struct PloverEntity<'a> {
    code: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    sector: &'a str,
    entity_text: &'a str,
    identifier_id: &'a str,
    identifier_text: &'a str,
}

#[derive(Debug, Serialize)]
struct PloverRecord<'a> {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    event: [&'a str; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    mode: Vec<&'a str>,
    actor: Vec<PloverEntity<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    recipient: Vec<PloverEntity<'a>>,
    event_text: [&'a str; 1],
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_loc: Option<PloverEntity<'a>>,
    cameo: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    mood: Option<&'a str>,
    attache: AttacheFields<'a>,
}

/// Where the record comes from in attache's own terms.
#[derive(Debug, Serialize)]
struct AttacheFields<'a> {
    document: &'a str,
    kind: &'a str,
    rule: &'a str,
    /// Every rule that found the event, `rule` first, when several did.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rules: Vec<&'a str>,
    start: usize,
    end: usize,
    sentence: usize,
}

/// The sentences of a text, to find the one an event is in.
struct Sentences<'t> {
    text: &'t str,
    spans: Vec<(usize, usize)>,
}

impl<'t> Sentences<'t> {
    fn new(text: &'t str) -> Sentences<'t> {
        let analysed = Text::new(text);
        let spans = analysed.sentences().iter().map(|s| (s.start(), s.end())).collect();
        Sentences { text, spans }
    }

    /// The index and text of the sentence holding byte `at`.
    fn at(&self, at: usize) -> (usize, &'t str) {
        let i = self.spans.partition_point(|s| s.1 <= at).min(self.spans.len().saturating_sub(1));
        match self.spans.get(i) {
            Some(&(start, end)) => (i, self.text.get(start..end).unwrap_or("")),
            None => (0, ""),
        }
    }
}

/// The actor code of entity `id`, split into its country (or international actor) and sector.
fn code<'d>(doc: &'d Document, id: &str) -> (&'d str, &'d str) {
    let actor = doc.entity(id).and_then(|e| e.attrs.get("actor")).map_or("", String::as_str);
    if actor.len() >= 3 && actor.is_char_boundary(3) {
        actor.split_at(3)
    } else {
        (actor, "")
    }
}

/// The entity object of `id`, with the text that names it within `start..end` when there is one.
fn entity<'d>(doc: &'d Document, id: &'d str, start: usize, end: usize) -> PloverEntity<'d> {
    let (code, sector) = code(doc, id);
    let entity_text = doc
        .mentions
        .iter()
        .filter(|m| m.entity == id)
        .find(|m| m.start >= start && m.end <= end)
        .or_else(|| doc.mentions.iter().find(|m| m.entity == id))
        .map_or_else(|| doc.name(id), |m| m.text.as_str());
    PloverEntity { code, sector, entity_text, identifier_id: id, identifier_text: doc.name(id) }
}

fn write_record(
    out: &mut dyn Write,
    item: &Item<'_>,
    sentences: &Sentences<'_>,
    n: usize,
    r: &Relation,
    symmetric: bool,
) -> io::Result<()> {
    let doc = item.doc;
    let (sentence, text) = sentences.at(r.start);
    let subject = entity(doc, &r.subject, r.start, r.end);
    let object = r.object.as_deref().map(|o| entity(doc, o, r.start, r.end));
    let (actor, recipient) = match object {
        Some(o) if symmetric => (vec![subject, o], Vec::new()),
        Some(o) => (vec![subject], vec![o]),
        None => (vec![subject], Vec::new()),
    };
    let record = PloverRecord {
        id: format!("{}-{n}", item.name),
        date: doc.date.map(|d| d.to_string()),
        event: [r.event.event_type.as_str()],
        mode: if r.event.mode.is_empty() { Vec::new() } else { vec![r.event.mode.as_str()] },
        actor,
        recipient,
        event_text: [r.text.as_str()],
        text,
        event_loc: r.args.get("location").map(|l| entity(doc, l, r.start, r.end)),
        cameo: &r.event.cameo,
        mood: r.args.get("mood").map(String::as_str),
        attache: AttacheFields {
            document: item.name,
            kind: r.kind.as_str(),
            rule: &r.rule,
            rules: r.rules.iter().map(|x| x.as_str()).collect(),
            start: r.start,
            end: r.end,
            sentence,
        },
    };
    serde_json::to_writer(&mut *out, &record).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

impl Exporter for PloverExporter {
    fn document(&mut self, out: &mut dyn Write, item: &Item<'_>) -> io::Result<()> {
        if item.doc.relations.is_empty() {
            return Ok(());
        }
        let sentences = Sentences::new(item.text);
        for (n, r) in item.doc.relations.iter().enumerate() {
            let symmetric = self.symmetric.iter().any(|k| k == r.kind.as_str());
            write_record(out, item, &sentences, n + 1, r, symmetric)?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// A TSV field: tabs and line breaks become spaces.
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

impl Exporter for EventsExporter {
    fn document(&mut self, out: &mut dyn Write, item: &Item<'_>) -> io::Result<()> {
        if std::mem::take(&mut self.header) {
            writeln!(out, "date\tsource\ttarget\ttype\tcameo\tdocument\tsentence")?;
        }
        if item.doc.relations.is_empty() {
            return Ok(());
        }
        let sentences = Sentences::new(item.text);
        let doc = item.doc;
        let actor = |id: &str| doc.entity(id).and_then(|e| e.attrs.get("actor")).map_or("", String::as_str);
        for r in &doc.relations {
            let (_, sentence) = sentences.at(r.start);
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                doc.date.map(|d| d.to_string()).unwrap_or_default(),
                actor(&r.subject),
                r.object.as_deref().map_or("", actor),
                r.event.event_type.as_str(),
                r.event.cameo,
                field(item.name),
                field(sentence.trim())
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if std::mem::take(&mut self.header) {
            writeln!(out, "date\tsource\ttarget\ttype\tcameo\tdocument\tsentence")?;
        }
        Ok(())
    }
}
