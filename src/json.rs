//! The JSON of a [`Document`], written by hand: the very bytes of serde_json's compact form of
//! the derived `Serialize` (the output contract), for a fraction of the instructions.
//!
//! serde_json writes every field name through the serialiser as a string to escape, and every
//! piece of punctuation as a write of its own: most of its time went there (a mention has five
//! field names and a mean text of some ten bytes). Here the names, with the quotes, colons and
//! commas around them, are constants, and a string is tested and copied eight bytes at a time.
//! The derived `Serialize` stays for library users; the tests and a proptest over arbitrary
//! documents hold this writer to its bytes.

use std::collections::BTreeMap;

use crate::document::{Document, Entity, Mention, Relation};
use crate::swar::{zero_bytes, ONES};

/// Appends the JSON of `doc` to `out`; with `id`, as a batch line: `{"id": …` first, then the
/// document's fields (the bytes of serde's `#[serde(flatten)]`).
pub(crate) fn document(out: &mut Vec<u8>, doc: &Document, id: Option<&serde_json::Value>) {
    // (an id longer than this, escapes and long numbers grow it as they come)
    out.reserve(64 + size_hint(doc));
    out.push(b'{');
    // whether a field is written yet: the next one needs a comma before it
    let mut any = false;
    if let Some(id) = id {
        out.extend_from_slice(b"\"id\":");
        // a Value of any shape (its own key order, numbers as written): serde_json's own bytes;
        // writing a Value to a vector cannot fail
        let _ = serde_json::to_writer(&mut *out, id);
        any = true;
    }
    if let Some(date) = doc.date {
        if any {
            out.push(b',');
        }
        out.extend_from_slice(b"\"date\":\"");
        match u16::try_from(date.year()) {
            // `{:04}-{:02}-{:02}` (the Display of a date) without the formatting machinery
            Ok(year) if year <= 9999 => {
                let (y, m, d) = (usize::from(year), usize::from(date.month()), usize::from(date.day()));
                out.extend_from_slice(&PAIRS[2 * (y / 100)..][..2]);
                out.extend_from_slice(&PAIRS[2 * (y % 100)..][..2]);
                out.push(b'-');
                out.extend_from_slice(&PAIRS[2 * (m % 100)..][..2]);
                out.push(b'-');
                out.extend_from_slice(&PAIRS[2 * (d % 100)..][..2]);
            }
            // digits, a minus sign and hyphens, which JSON never escapes
            _ => {
                use std::io::Write;
                let _ = write!(out, "{date}");
            }
        }
        out.push(b'"');
        any = true;
    }
    if doc.date_assumed {
        if any {
            out.push(b',');
        }
        out.extend_from_slice(b"\"date_assumed\":true");
        any = true;
    }
    if any {
        out.push(b',');
    }
    out.extend_from_slice(b"\"entities\":[");
    separated(out, &doc.entities, entity);
    out.extend_from_slice(b"],\"mentions\":[");
    separated(out, &doc.mentions, mention);
    out.extend_from_slice(b"],\"relations\":[");
    separated(out, &doc.relations, relation);
    out.extend_from_slice(b"]}");
}

/// About the length of the JSON of `doc` (exact but for escapes and numbers of more than ten
/// digits): to reserve for it at once, not in a few steps of doubling and copying.
pub(crate) fn size_hint(doc: &Document) -> usize {
    // the quotes, colons, commas and braces around each field, with its name
    const DOCUMENT: usize =
        r#"{"date":"-2000-01-01","date_assumed":true,"entities":[],"mentions":[],"relations":[]}"#.len();
    const ENTITY: usize = r#"{"id":"","kind":"organization","name":"","aliases":[],"attrs":{}},"#.len();
    const MENTION: usize = r#"{"entity":"","start":,"end":,"text":"","sentence":},"#.len() + 3 * 10;
    const RELATION: usize = r#"{"kind":"","subject":"","object":"","rule":"","rules":[],"start":,"end":,"text":"","event":{"type":"COOPERATE","mode":"","cameo":""},"args":{}},"#.len() + 2 * 10;
    let strings = |items: &[String]| items.iter().map(|s| s.len() + 3).sum::<usize>();
    let map = |m: &BTreeMap<String, String>| m.iter().map(|(k, v)| k.len() + v.len() + 6).sum::<usize>();
    let entities: usize =
        doc.entities.iter().map(|e| ENTITY + e.id.len() + e.name.len() + strings(&e.aliases) + map(&e.attrs)).sum();
    let mentions: usize = doc.mentions.iter().map(|m| MENTION + m.entity.len() + m.text.len()).sum();
    let relations: usize = doc
        .relations
        .iter()
        .map(|r| {
            let ids = r.subject.len() + r.object.as_ref().map_or(0, |o| o.len()) + r.rule.len();
            let rules = r.rules.iter().map(|k| k.len() + 3).sum::<usize>();
            let event = r.event.mode.len() + r.event.cameo.len();
            RELATION + r.kind.as_str().len() + ids + rules + r.text.len() + event + map(&r.args)
        })
        .sum();
    DOCUMENT + entities + mentions + relations
}

fn entity(out: &mut Vec<u8>, e: &Entity) {
    out.extend_from_slice(b"{\"id\":");
    string(out, &e.id);
    out.extend_from_slice(b",\"kind\":\"");
    out.extend_from_slice(e.kind.as_str().as_bytes());
    out.extend_from_slice(b"\",\"name\":");
    string(out, &e.name);
    if !e.aliases.is_empty() {
        out.extend_from_slice(b",\"aliases\":");
        strings(out, e.aliases.iter().map(String::as_str));
    }
    if !e.attrs.is_empty() {
        out.extend_from_slice(b",\"attrs\":");
        map(out, &e.attrs);
    }
    out.push(b'}');
}

fn mention(out: &mut Vec<u8>, m: &Mention) {
    out.extend_from_slice(b"{\"entity\":");
    string(out, &m.entity);
    out.extend_from_slice(b",\"start\":");
    number(out, m.start);
    out.extend_from_slice(b",\"end\":");
    number(out, m.end);
    out.extend_from_slice(b",\"text\":");
    string(out, &m.text);
    out.extend_from_slice(b",\"sentence\":");
    number(out, m.sentence);
    out.push(b'}');
}

fn relation(out: &mut Vec<u8>, r: &Relation) {
    out.extend_from_slice(b"{\"kind\":");
    string(out, r.kind.as_str());
    out.extend_from_slice(b",\"subject\":");
    string(out, &r.subject);
    if let Some(object) = &r.object {
        out.extend_from_slice(b",\"object\":");
        string(out, object);
    }
    out.extend_from_slice(b",\"rule\":");
    string(out, &r.rule);
    if !r.rules.is_empty() {
        out.extend_from_slice(b",\"rules\":");
        strings(out, r.rules.iter().map(|k| k.as_str()));
    }
    out.extend_from_slice(b",\"start\":");
    number(out, r.start);
    out.extend_from_slice(b",\"end\":");
    number(out, r.end);
    out.extend_from_slice(b",\"text\":");
    string(out, &r.text);
    out.extend_from_slice(b",\"event\":{\"type\":\"");
    out.extend_from_slice(r.event.event_type.as_str().as_bytes());
    out.extend_from_slice(b"\",\"mode\":");
    string(out, &r.event.mode);
    out.extend_from_slice(b",\"cameo\":");
    string(out, &r.event.cameo);
    out.push(b'}');
    if !r.args.is_empty() {
        out.extend_from_slice(b",\"args\":");
        map(out, &r.args);
    }
    out.push(b'}');
}

/// Each of `items` written by `write`, with commas between them.
fn separated<T>(out: &mut Vec<u8>, items: impl IntoIterator<Item = T>, mut write: impl FnMut(&mut Vec<u8>, T)) {
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item);
    }
}

fn strings<'a>(out: &mut Vec<u8>, items: impl Iterator<Item = &'a str>) {
    out.push(b'[');
    separated(out, items, string);
    out.push(b']');
}

fn map(out: &mut Vec<u8>, map: &BTreeMap<String, String>) {
    out.push(b'{');
    separated(out, map, |out, (k, v)| {
        string(out, k);
        out.push(b':');
        string(out, v);
    });
    out.push(b'}');
}

/// The two digits of each number below 100, one after another.
static PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut n = 0;
    while n < 100 {
        pairs[2 * n] = b'0' + (n / 10) as u8;
        pairs[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    pairs
};

/// A number as serde_json writes a `usize`: decimal digits, made two at a time.
fn number(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    while n >= 100 {
        let pair = 2 * (n % 100);
        n /= 100;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
    } else {
        at -= 1;
        digits[at] = b'0' + n as u8;
    }
    // (an iterator of known length: no call to memcpy for a few bytes)
    out.extend(digits[at..].iter().copied());
}

/// What serde_json writes for each byte: 0 for the byte itself, `u` for `\u00XX`, else the
/// letter after a backslash. Only `"`, `\` and the control characters below space are escaped
/// (not DEL, not `/`, nothing beyond ASCII).
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// A string in quotes, escaped as serde_json escapes it.
fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // eight bytes at a time while none needs an escape (copies of a constant length, which
    // compile to a load and a store where a slice of any length would call memcpy)
    let mut chunks = bytes.chunks_exact(8);
    let mut done = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if needs_escape(u64::from_ne_bytes(word)) {
            break;
        }
        out.extend_from_slice(&word);
        done += 8;
    }
    // then byte by byte: the last few, or the rest of a string with something to escape
    for &b in &bytes[done..] {
        match ESCAPE[usize::from(b)] {
            0 => out.push(b),
            b'u' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]);
            }
            letter => out.extend_from_slice(&[b'\\', letter]),
        }
    }
    out.push(b'"');
}

/// Whether some byte of the eight of `x` needs an escape: one below 0x20 (its top three bits
/// zero), a quote or a backslash. (Exact: the test for a zero byte misses none, and a word
/// without one never tests true.)
fn needs_escape(x: u64) -> bool {
    zero_bytes(x & (ONES * 0xE0)) | zero_bytes(x ^ (ONES * u64::from(b'"'))) | zero_bytes(x ^ (ONES * u64::from(b'\\')))
        != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut every = String::new();
        for c in (0u32..0x300).filter_map(char::from_u32) {
            every.push(c);
        }
        for s in [
            "",
            "plain",
            "a \"quote\" and a \\ backslash",
            "tab\there, newline\nthere\r\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "Ünïcödé – “curly” \u{2028} 中文 🙂",
            "exactly8",
            "sixteen bytes...\"",
            &every,
        ] {
            let mut out = Vec::new();
            string(&mut out, s);
            assert_eq!(String::from_utf8(out).ok(), serde_json::to_string(s).ok(), "{s:?}");
        }
    }

    use proptest::prelude::*;

    use crate::document::RelationKind;
    use crate::event::{Event, EventType};
    use crate::gazetteer::EntityKind;
    use crate::Date;

    /// serde's bytes for a batch line, to compare with.
    #[derive(serde::Serialize)]
    struct Line<'a> {
        id: &'a serde_json::Value,
        #[serde(flatten)]
        doc: &'a Document,
    }

    /// Any text, and often the characters that need escapes.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![any::<String>(), "[\\x00-\\x7f]{0,24}", "[a-z\"\\\\\t\n\u{1}\u{7f}é中 ]{0,40}"]
    }

    fn map() -> impl Strategy<Value = BTreeMap<String, String>> {
        proptest::collection::btree_map(text(), text(), 0..3)
    }

    fn entity() -> impl Strategy<Value = Entity> {
        (text(), 0..EntityKind::ALL.len(), text(), proptest::collection::vec(text(), 0..3), map()).prop_map(
            |(id, kind, name, aliases, attrs)| Entity {
                id: id.into(),
                kind: EntityKind::ALL[kind],
                name,
                aliases,
                attrs,
            },
        )
    }

    fn mention() -> impl Strategy<Value = Mention> {
        (text(), any::<usize>(), any::<usize>(), text(), any::<usize>()).prop_map(
            |(entity, start, end, text, sentence)| Mention {
                entity: entity.into(),
                start,
                end,
                text: text.into(),
                sentence,
            },
        )
    }

    fn relation() -> impl Strategy<Value = Relation> {
        let event = (0..EventType::ALL.len(), text(), text()).prop_map(|(t, mode, cameo)| Event {
            event_type: EventType::ALL[t],
            mode,
            cameo,
        });
        (
            (text(), text(), proptest::option::of(text()), text(), proptest::collection::vec(text(), 0..3)),
            (any::<usize>(), any::<usize>(), text(), event, map()),
        )
            .prop_map(|((kind, subject, object, rule, rules), (start, end, text, event, args))| Relation {
                kind: RelationKind::new(&kind),
                subject: subject.into(),
                object: object.map(Into::into),
                rule: rule.into(),
                rules: rules.into_iter().map(Into::into).collect(),
                start,
                end,
                text,
                event,
                args,
            })
    }

    fn document_strategy() -> impl Strategy<Value = Document> {
        let date = proptest::option::of((-20..10_000i32, 1..=12u8, 1..=28u8).prop_map(|(y, m, d)| Date::new(y, m, d)));
        (
            date,
            any::<bool>(),
            proptest::collection::vec(entity(), 0..4),
            proptest::collection::vec(mention(), 0..4),
            proptest::collection::vec(relation(), 0..3),
        )
            .prop_map(|(date, date_assumed, entities, mentions, relations)| Document {
                date: date.flatten(),
                date_assumed,
                entities,
                mentions,
                relations,
            })
    }

    fn id() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>().prop_map(serde_json::Value::from),
            text().prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(2, 8, 3, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..3).prop_map(serde_json::Value::from),
                proptest::collection::btree_map(text(), inner, 0..3)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn documents_are_written_as_serde_json_writes_them(doc in document_strategy(), id in id()) {
            let mut out = Vec::new();
            document(&mut out, &doc, None);
            prop_assert_eq!(String::from_utf8(out).ok(), serde_json::to_string(&doc).ok());
            let mut line = Vec::new();
            document(&mut line, &doc, Some(&id));
            prop_assert_eq!(String::from_utf8(line).ok(), serde_json::to_string(&Line { id: &id, doc: &doc }).ok());
        }

        #[test]
        fn the_size_hint_holds_a_document_without_escapes_or_long_numbers(doc in document_strategy()) {
            let mut out = Vec::new();
            document(&mut out, &doc, None);
            let escapes = out.len() - out.iter().filter(|&&b| b != b'\\').count();
            let long = doc.mentions.len() * 3 * 10 + doc.relations.len() * 2 * 10;
            prop_assert!(out.len() <= size_hint(&doc) + 5 * escapes + long, "{} > {}", out.len(), size_hint(&doc));
        }

        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(s in text()) {
            let mut out = Vec::new();
            string(&mut out, &s);
            prop_assert_eq!(String::from_utf8(out).ok(), serde_json::to_string(&s).ok());
        }
    }

    #[test]
    fn numbers_are_decimal() {
        for n in [0, 7, 10, 99, 100, 123_456, usize::MAX] {
            let mut out = Vec::new();
            number(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }
}
