//! Batch mode: one JSON record a line in, one JSON line out.
//!
//! A record is `{"id": …, "text": …, "date": "YYYY-MM-DD"}` (`id` any JSON value, `date`
//! optional). Its output line is the record's [`Document`] with its `id` first; a line that is not
//! JSON, has no string `text`, has a bad date or is not UTF-8 yields an error record
//! `{"id": …, "error": "…", "line": N}` instead (with the line's `id` whenever it has one), so
//! that N lines in give N lines out.
//!
//! The command line's `--format jsonl` and the Python package's batch functions both go through
//! [`process_line`], so that they write the same bytes.

use std::borrow::Cow;

use serde::Serialize;

use crate::{Date, Document, Error, Extractor};

/// The fields of a record, read straight from its line.
#[derive(serde::Deserialize)]
struct Fields<'a> {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(default, borrow)]
    date: Option<Cow<'a, str>>,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: &'a serde_json::Value,
    error: &'a str,
    line: usize,
}

/// The output line (without its newline) of input line number `line` (1-based), whose bytes
/// are `bytes`, and whether it is an error record. `default_date` is the date of records that
/// give none; `lossy` decodes invalid UTF-8 as U+FFFD instead of making an error record. A line
/// with a bad byte keeps its `id` when the rest of it says what it is; messages say what a line
/// must be.
pub fn process_record(
    extractor: &Extractor,
    line: usize,
    bytes: &[u8],
    default_date: Option<Date>,
    lossy: bool,
) -> (String, bool) {
    let fail = |id: &serde_json::Value, error: String| (error_line(id, &error, line), true);
    let text = match decode(bytes, lossy) {
        Ok(t) => t,
        Err(e) => {
            // keep the record's id if the rest of the line says what it is
            let id = serde_json::from_str::<serde_json::Value>(&String::from_utf8_lossy(bytes))
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or_default();
            return fail(&id, format!("{e} (use --lossy to decode it anyway)"));
        }
    };
    // the common line reads straight into its three fields, the text borrowed where it has no
    // escapes; any other goes the way of a JSON value, whose messages say what is wrong with it
    let fast = if text.trim_start().starts_with('{') { serde_json::from_str::<Fields<'_>>(&text).ok() } else { None };
    let value: serde_json::Value;
    let (id, text, date) = match fast {
        Some(Fields { id, text, date }) => (id, text, date.map(Ok)),
        None => {
            value = match serde_json::from_str(&text) {
                Ok(v) => v,
                Err(e) => return fail(&serde_json::Value::Null, format!("{RECORD_SHAPE}; this line is not JSON: {e}")),
            };
            let serde_json::Value::Object(fields) = &value else {
                return fail(&serde_json::Value::Null, format!("{RECORD_SHAPE}; found {}", json_type(&value)));
            };
            let id = fields.get("id").cloned().unwrap_or_default();
            let text = match fields.get("text") {
                Some(serde_json::Value::String(t)) => Cow::Borrowed(t.as_str()),
                Some(other) => return fail(&id, format!("`text` must be a string; found {}", json_type(other))),
                None => return fail(&id, format!("{RECORD_SHAPE}; this object has no `text`")),
            };
            let date = match fields.get("date") {
                None | Some(serde_json::Value::Null) => None,
                Some(serde_json::Value::String(d)) => Some(Ok(Cow::Borrowed(d.as_str()))),
                Some(other) => Some(Err(other)),
            };
            (id, text, date)
        }
    };
    let date = match date {
        None => default_date,
        Some(Ok(d)) => match d.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => return fail(&id, format!("`date`: {e}")),
        },
        Some(Err(other)) => {
            return fail(&id, format!("`date` must be a string YYYY-MM-DD; found {}", json_type(other)))
        }
    };
    let doc = match date {
        Some(d) => extractor.extract_with_date(&text, d),
        None => extractor.extract(&text),
    };
    match document_line(&id, &doc) {
        Ok(out) => (out, false),
        Err(e) => fail(&id, e.to_string()),
    }
}

/// What a batch line must be, for error messages.
const RECORD_SHAPE: &str = r#"each line must be a JSON object {"id": …, "text": "…", "date": "YYYY-MM-DD"}"#;

/// A JSON value's type, with the value when short, for error messages.
fn json_type(v: &serde_json::Value) -> String {
    let shown = v.to_string();
    let shown = if shown.len() > 40 { String::new() } else { format!(" {shown}") };
    let kind = match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    };
    format!("{kind}{shown}")
}

/// [`process_record`]'s output line alone.
pub fn process_line(
    extractor: &Extractor,
    line: usize,
    bytes: &[u8],
    default_date: Option<Date>,
    lossy: bool,
) -> String {
    process_record(extractor, line, bytes, default_date, lossy).0
}

/// The output line of a document: its JSON with `id` as the first key (the bytes serde_json
/// writes for the document's fields flattened after `id`).
///
/// # Errors
/// None: the `Result` stays for callers written when serde_json wrote the line.
pub fn document_line(id: &serde_json::Value, doc: &Document) -> serde_json::Result<String> {
    let mut out = Vec::new();
    crate::json::document(&mut out, doc, Some(id));
    // only whole strings and ASCII punctuation were written
    Ok(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
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
            (&b"not json"[..], "must be a JSON object"),
            (&br#"{"id": "a"}"#[..], "text"),
            (&br#"{"id": "a", "text": "x", "date": "June"}"#[..], "date"),
            (&b"{\"text\": \"\xff\"}"[..], "UTF-8"),
        ] {
            let v: serde_json::Value = serde_json::from_str(&process_line(&x, 3, bytes, date, false)).unwrap();
            assert_eq!(v["line"], 3);
            assert!(v["error"].as_str().unwrap().contains(needle), "{v}");
        }
    }

    #[test]
    fn lines_the_quick_reading_cannot_take_read_as_json_values_do() {
        let x = Extractor::new().unwrap();
        let date = Some("2025-06-17".parse().unwrap());
        let line = |bytes: &str| -> serde_json::Value {
            serde_json::from_str(&process_line(&x, 1, bytes.as_bytes(), date, false)).unwrap()
        };
        // a repeated key: the last one counts, as in a JSON value
        let v = line(r#"{"id": 1, "text": "Putin spoke.", "date": "2020-01-01", "date": "2021-03-01"}"#);
        assert_eq!(v["date"], "2021-03-01");
        let v = line(r#"{"id": 2, "text": "Putin spoke.", "text": 5}"#);
        assert!(v["error"].as_str().unwrap().contains("`text` must be a string; found a number 5"), "{v}");
        // an array is not a record, even one whose items would fill its fields in order
        let v = line(r#"[3, "Putin spoke.", "2025-06-17"]"#);
        assert!(v["error"].as_str().unwrap().ends_with("found an array [3,\"Putin spoke.\",\"2025-06-17\"]"), "{v}");
        // an id of any shape, escapes in the text, fields in any order and unknown ones
        let v = line(r#"{"extra": [1], "text": "The \"Kremlin\" said\u0001 so.", "id": {"b": 1.50, "a": null}}"#);
        assert_eq!(v["id"], serde_json::json!({"a": null, "b": 1.5}));
        assert_eq!(v["mentions"][0]["text"], "Kremlin");
        assert_eq!(v["mentions"][0]["start"], 5);
    }
}
