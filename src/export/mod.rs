//! Exports for people and other tools: an HTML view, CoNLL-2003 NER columns, brat standoff, and
//! event records (PLOVER JSON Lines, a PETRARCH-style TSV).
//!
//! Each format is an [`Exporter`]: it is given one document at a time, as an [`Item`] (a name, the
//! text and what attache found in it), and finished once at the end, so that batch runs of any
//! size stream through it. [`batch`] reads JSON Lines records (`{"id": …, "text": …, "date": …}`,
//! as `attache extract --format jsonl` does), extracts them in parallel and hands them to an
//! exporter in input order. [`progress`] is the progress bar of long command-line runs.
//!
//! ```
//! use attache::export::{ConllExporter, Exporter, Item};
//!
//! let extractor = attache::Extractor::new()?;
//! let text = "Kazakhstan and China signed a deal.";
//! let doc = extractor.extract_with_date(text, "2025-06-17".parse()?);
//! let mut out = Vec::new();
//! let mut conll = ConllExporter::new();
//! conll.document(&mut out, &Item { name: "deal", text, doc: &doc }).unwrap();
//! conll.finish(&mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().contains("Kazakhstan B-country\n"));
//! # Ok::<(), attache::Error>(())
//! ```

use std::collections::HashMap;
use std::io::{self, BufRead, Write};

#[cfg(feature = "parallel")]
use rayon::prelude::*;

use crate::{Date, Document, Extractor};

pub mod brat;
pub mod conll;
pub mod html;
pub mod plover;
#[cfg(feature = "cli")]
pub mod progress;

pub use brat::BratExporter;
pub use conll::ConllExporter;
pub use html::HtmlExporter;
pub use plover::{EventsExporter, PloverExporter};
#[cfg(feature = "cli")]
pub use progress::Progress;

/// One document to export.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// What to call it: a record's id, a file's name.
    pub name: &'a str,
    /// The text it was extracted from (the offsets of `doc` point into it).
    pub text: &'a str,
    /// What attache found.
    pub doc: &'a Document,
}

/// A format that documents are written in, one after another.
pub trait Exporter {
    /// Writes one document (to `out`, or wherever the format keeps its files).
    fn document(&mut self, out: &mut dyn Write, item: &Item<'_>) -> io::Result<()>;
    /// Writes what comes after the last document. Call it once, even when there was none.
    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()>;
}

/// The kind of every entity of `doc` by id, as `person`, `country`, …
pub(crate) fn kinds(doc: &Document) -> HashMap<&str, &'static str> {
    doc.entities.iter().map(|e| (e.id.as_str(), e.kind.as_str())).collect()
}

/// The kind of the entity `id`: from the document's entities, or else the id's prefix
/// (`person:…`), or `entity`.
pub(crate) fn kind_of<'a>(kinds: &HashMap<&str, &'static str>, id: &'a str) -> &'a str {
    match kinds.get(id) {
        Some(k) => k,
        None => match id.split_once(':') {
            Some((prefix, _)) if !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_alphanumeric()) => prefix,
            _ => "entity",
        },
    }
}

/// Converts byte offsets of a text into character (code point) and UTF-16 offsets.
///
/// attache's offsets are bytes; brat counts characters and the browser UTF-16 code units. The
/// table holds one entry per non-ASCII character, so for mostly-ASCII news it stays small.
pub(crate) struct Offsets {
    // for each non-ASCII character: its byte offset, and the bytes beyond one character and beyond
    // its UTF-16 units of it and every non-ASCII character before it
    multi: Vec<(usize, usize, usize)>,
}

impl Offsets {
    pub(crate) fn new(text: &str) -> Offsets {
        let (mut chars, mut units) = (0, 0);
        let multi = text
            .char_indices()
            .filter(|(_, c)| !c.is_ascii())
            .map(|(i, c)| {
                chars += c.len_utf8() - 1;
                units += c.len_utf8() - c.len_utf16();
                (i, chars, units)
            })
            .collect();
        Offsets { multi }
    }

    fn before(&self, byte: usize) -> Option<&(usize, usize, usize)> {
        let i = self.multi.partition_point(|m| m.0 < byte);
        i.checked_sub(1).map(|i| &self.multi[i])
    }

    /// The character offset of byte offset `byte` (a character boundary).
    pub(crate) fn chars(&self, byte: usize) -> usize {
        byte - self.before(byte).map_or(0, |m| m.1)
    }

    /// The UTF-16 offset of byte offset `byte` (a character boundary).
    pub(crate) fn utf16(&self, byte: usize) -> usize {
        byte - self.before(byte).map_or(0, |m| m.2)
    }
}

/// Whether `start..end` is a span of `text` that can be sliced.
pub(crate) fn valid_span(text: &str, start: usize, end: usize) -> bool {
    start <= end && text.get(start..end).is_some()
}

/// One batch-mode input record.
#[derive(serde::Deserialize)]
struct Record {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
}

/// A record's name: its id as written (a string as it is), or `line-N` when it has none.
fn record_name(id: &serde_json::Value, line: usize) -> String {
    match id {
        serde_json::Value::Null => format!("line-{line}"),
        serde_json::Value::String(s) if s.is_empty() => format!("line-{line}"),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads a record and extracts its document: its name, text and document, or an error message.
fn process(
    extractor: &Extractor,
    bytes: &[u8],
    line: usize,
    default_date: Option<Date>,
    lossy: bool,
) -> Result<(String, String, Document), String> {
    let text = if lossy {
        String::from_utf8_lossy(bytes)
    } else {
        std::str::from_utf8(bytes).map(Into::into).map_err(|e| {
            crate::Error::InvalidUtf8 { offset: e.valid_up_to() }.to_string() + " (use --lossy to decode it anyway)"
        })?
    };
    let record: Record = serde_json::from_str(&text).map_err(|e| format!("bad record: {e}"))?;
    let date = match record.date.as_deref().map(str::parse::<Date>) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => return Err(e.to_string()),
        None => default_date,
    };
    let doc = match date {
        Some(d) => extractor.extract_with_date(&record.text, d),
        None => extractor.extract(&record.text),
    };
    Ok((record_name(&record.id, line), record.text, doc))
}

/// Batch mode for exports: reads JSON Lines records (`{"id": …, "text": …, "date": …}`) from
/// `input`, extracts them in parallel on the rayon pool, and gives them to `exporter` in input
/// order. A blank line is skipped; a line that is not a record is reported on standard error
/// (`attache: line N: …`) and skipped. `done` is told how many lines each chunk finished (the
/// command line's progress bar counts them). Returns the number of lines skipped for an error.
///
/// It does not call [`Exporter::finish`], so that several inputs can go to one exporter.
pub fn batch(
    extractor: &Extractor,
    input: impl BufRead,
    out: &mut dyn Write,
    exporter: &mut dyn Exporter,
    done: &dyn Fn(u64),
    default_date: Option<Date>,
    lossy: bool,
) -> io::Result<usize> {
    // a chunk ends after this many lines or bytes: enough to keep the pool busy, small enough to
    // stream
    const CHUNK_LINES: usize = 256;
    const CHUNK_BYTES: usize = 1 << 22;
    let mut input = input;
    let mut line_no = 0;
    let mut errors = 0;
    loop {
        let mut lines = Vec::new();
        let mut read = 0;
        let mut bytes = 0;
        let mut eof = false;
        while lines.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            let mut buf = Vec::new();
            if input.read_until(b'\n', &mut buf)? == 0 {
                eof = true;
                break;
            }
            line_no += 1;
            read += 1;
            while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            bytes += buf.len();
            lines.push((line_no, buf));
        }
        let one = |(n, bytes): &(usize, Vec<u8>)| (*n, process(extractor, bytes, *n, default_date, lossy));
        #[cfg(feature = "parallel")]
        let results: Vec<_> = lines.par_iter().map(one).collect();
        #[cfg(not(feature = "parallel"))]
        let results: Vec<_> = lines.iter().map(one).collect();
        for (n, result) in results {
            match result {
                Ok((name, text, doc)) => exporter.document(out, &Item { name: &name, text: &text, doc: &doc })?,
                Err(e) => {
                    eprintln!("attache: line {n}: {e}");
                    errors += 1;
                }
            }
        }
        done(read);
        if eof {
            return Ok(errors);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_and_utf16_units() {
        let text = "Erdoğan in Türkiye 🇹🇷 ok";
        let o = Offsets::new(text);
        for (b, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            assert_eq!(o.chars(b), text[..b].chars().count(), "at byte {b}");
            assert_eq!(o.utf16(b), text[..b].encode_utf16().count(), "at byte {b}");
        }
        assert_eq!(Offsets::new("abc").chars(3), 3);
    }

    #[test]
    fn record_names() {
        assert_eq!(record_name(&serde_json::json!("a/b"), 3), "a/b");
        assert_eq!(record_name(&serde_json::json!(7), 3), "7");
        assert_eq!(record_name(&serde_json::Value::Null, 3), "line-3");
        assert_eq!(record_name(&serde_json::json!(""), 4), "line-4");
    }
}
