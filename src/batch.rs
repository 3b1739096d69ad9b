//! Batch mode: one JSON record a line in, one JSON line out.
//!
//! A record is `{"id": …, "text": …, "date": "YYYY-MM-DD"}` (`id` any JSON value, `date`
//! optional). Its output line is the record's [`Document`] with its `id` first; a line that is not
//! JSON, has no string `text`, has a bad date or is not UTF-8 yields an error record
//! `{"id": …, "error": "…", "line": N}` instead, so that N lines in give N lines out.
//!
//! The command line's `--format jsonl` and the Python package's batch functions both go through
//! [`process_line`], so that they write the same bytes.

use serde::{Deserialize, Serialize};

use crate::{Date, Document, Error, Extractor};

/// One batch-mode input record.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    doc: &'a Document,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: &'a serde_json::Value,
    error: &'a str,
    line: usize,
}

/// The output line (without its newline) of input line number `line` (1-based), whose bytes are
/// `bytes` (without the newline). `default_date` is the date of records that give none; `lossy`
/// decodes invalid UTF-8 as U+FFFD instead of making an error record.
pub fn process_line(
    extractor: &Extractor,
    line: usize,
    bytes: &[u8],
    default_date: Option<Date>,
    lossy: bool,
) -> String {
    let null = serde_json::Value::Null;
    let text = match decode(bytes, lossy) {
        Ok(t) => t,
        Err(e) => return error_line(&null, &e.to_string(), line),
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return error_line(&null, &format!("not a JSON object: {e}"), line),
    };
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let record: Record = match serde_json::from_value(value) {
        Ok(r) => r,
        Err(e) => return error_line(&id, &format!("bad record: {e}"), line),
    };
    let date = match record.date.as_deref().map(str::parse::<Date>) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => return error_line(&id, &e.to_string(), line),
        None => default_date,
    };
    let doc = match date {
        Some(d) => extractor.extract_with_date(&record.text, d),
        None => extractor.extract(&record.text),
    };
    document_line(&record.id, &doc).unwrap_or_else(|e| error_line(&id, &e.to_string(), line))
}

/// The output line of a document: its JSON with `id` as the first key.
///
/// # Errors
/// Only if serialisation fails, which plain strings and numbers never make it do.
pub fn document_line(id: &serde_json::Value, doc: &Document) -> serde_json::Result<String> {
    serde_json::to_string(&Output { id, doc })
}

/// An error record: `{"id": …, "error": "…", "line": N}`.
pub fn error_line(id: &serde_json::Value, error: &str, line: usize) -> String {
    serde_json::to_string(&ErrorRecord { id, error, line }).unwrap_or_default()
}

/// Bytes as UTF-8 text: borrowed when valid, [`Error::InvalidUtf8`] when not (or, when `lossy`,
/// decoded with U+FFFD in place of invalid sequences).
///
/// # Errors
/// [`Error::InvalidUtf8`] with the offset of the first invalid byte, unless `lossy`.
pub fn decode(bytes: &[u8], lossy: bool) -> Result<std::borrow::Cow<'_, str>, Error> {
    if lossy {
        Ok(String::from_utf8_lossy(bytes))
    } else {
        std::str::from_utf8(bytes)
            .map(std::borrow::Cow::Borrowed)
            .map_err(|e| Error::InvalidUtf8 { offset: e.valid_up_to() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_documents_or_error_records() {
        let x = Extractor::new().unwrap();
        let date = Some("2025-06-17".parse().unwrap());
        let ok = process_line(&x, 1, br#"{"id": 7, "text": "Xi Jinping visited Astana."}"#, date, false);
        let v: serde_json::Value = serde_json::from_str(&ok).unwrap();
        assert_eq!(v["id"], 7);
        assert!(ok.starts_with(r#"{"id":7,"date":"2025-06-17""#), "{ok}");
        for (bytes, needle) in [
            (&b"not json"[..], "not a JSON object"),
            (&br#"{"id": "a"}"#[..], "text"),
            (&br#"{"id": "a", "text": "x", "date": "June"}"#[..], "date"),
            (&b"{\"text\": \"\xff\"}"[..], "UTF-8"),
        ] {
            let v: serde_json::Value = serde_json::from_str(&process_line(&x, 3, bytes, date, false)).unwrap();
            assert_eq!(v["line"], 3);
            assert!(v["error"].as_str().unwrap().contains(needle), "{v}");
        }
    }
}
