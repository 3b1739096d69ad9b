//! CoNLL-2003 style NER columns: one token a line with its IOB2 tag, as NER tools read them.
//!
//! ```text
//! -DOCSTART- -X- O O
//!
//! Zelenskyy B-person
//! met O
//! Erdoğan B-person
//! in O
//! Türkiye B-country
//! . O
//! ```
//!
//! Each document starts with the line `-DOCSTART- -X- O O` (the form spaCy's `spacy convert -c ner`
//! splits documents on) and a blank line; each sentence ends with a blank line. Tokens and
//! sentences are attache's own (the text stage); the tag is `B-<kind>` on the first
//! token of a mention, `I-<kind>` on the others and `O` elsewhere, with the entity kinds of the
//! JSON output (`person`, `country`, `group`, …). Where mentions overlap (a group mention holds its
//! country word) the outer one is kept; of two that cross, the first. A token is tagged with the
//! mention it overlaps, so a mention inside a hyphenated word tags the whole word.

use std::io::{self, Write};

use super::{kind_of, kinds, valid_span, Exporter, Item};
use crate::text::Text;
use crate::Document;

/// Writes documents as CoNLL-2003 style NER columns.
#[derive(Debug, Default)]
pub struct ConllExporter {
    _private: (),
}

impl ConllExporter {
    /// A new exporter.
    pub fn new() -> ConllExporter {
        ConllExporter::default()
    }
}

/// The mentions kept for tagging: no two overlap, the outer one of nested mentions wins. Each is
/// `(start, end, kind)`, in order.
pub(crate) fn outer_mentions<'d>(text: &str, doc: &'d Document) -> Vec<(usize, usize, &'d str)> {
    let kinds = kinds(doc);
    let mut spans: Vec<(usize, usize, &str)> = doc
        .mentions
        .iter()
        .filter(|m| m.start < m.end && valid_span(text, m.start, m.end))
        .map(|m| (m.start, m.end, kind_of(&kinds, &m.entity)))
        .collect();
    spans.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut kept: Vec<(usize, usize, &str)> = Vec::with_capacity(spans.len());
    for span in spans {
        if kept.last().map_or(true, |last| span.0 >= last.1) {
            kept.push(span);
        }
    }
    kept
}

/// A token as a column: no whitespace inside (the columns are split on it).
fn column(token: &str) -> std::borrow::Cow<'_, str> {
    if token.chars().any(char::is_whitespace) {
        token.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect::<String>().into()
    } else {
        token.into()
    }
}

impl Exporter for ConllExporter {
    fn document(&mut self, out: &mut dyn Write, item: &Item<'_>) -> io::Result<()> {
        writeln!(out, "-DOCSTART- -X- O O\n")?;
        let text = Text::new(item.text);
        let spans = outer_mentions(text.original(), item.doc);
        let mut next = 0; // the first span that may still hold a token
        for sentence in text.sentences() {
            let mut last_tagged = None; // the span the previous token of this sentence was in
            let mut any = false;
            for i in sentence.tokens() {
                let token = text.tokens()[i];
                let word = text.token_original(i);
                if word.trim().is_empty() {
                    continue;
                }
                while next < spans.len() && spans[next].1 <= token.start() {
                    next += 1;
                }
                let span = spans.get(next).filter(|s| s.0 < token.end());
                match span {
                    Some(&(_, _, kind)) => {
                        let tag = if last_tagged == Some(next) { "I" } else { "B" };
                        writeln!(out, "{} {tag}-{kind}", column(word))?;
                        last_tagged = Some(next);
                    }
                    None => {
                        writeln!(out, "{} O", column(word))?;
                        last_tagged = None;
                    }
                }
                any = true;
            }
            if any {
                writeln!(out)?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Entity, EntityKind, Mention};

    fn doc(text: &str, mentions: &[(&str, &str, EntityKind)]) -> Document {
        let mut doc = Document::default();
        let mut from = 0;
        for &(id, words, kind) in mentions {
            let start = text[from..].find(words).expect("mention in text") + from;
            from = start;
            doc.mentions.push(Mention {
                entity: id.into(),
                start,
                end: start + words.len(),
                text: words.into(),
                sentence: 0,
            });
            if doc.entity(id).is_none() {
                doc.entities.push(Entity {
                    id: id.into(),
                    kind,
                    name: words.into(),
                    aliases: vec![],
                    attrs: Default::default(),
                });
            }
        }
        doc
    }

    fn conll(text: &str, doc: &Document) -> String {
        let mut out = Vec::new();
        let mut x = ConllExporter::new();
        x.document(&mut out, &Item { name: "t", text, doc }).unwrap();
        x.finish(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn multibyte_tokens_and_sentences() {
        let text = "Zelenskyy met Erdoğan in Türkiye. They talked.";
        let d = doc(
            text,
            &[
                ("person:z", "Zelenskyy", EntityKind::Person),
                ("person:e", "Erdoğan", EntityKind::Person),
                ("country:TUR", "Türkiye", EntityKind::Country),
            ],
        );
        assert_eq!(
            conll(text, &d),
            "-DOCSTART- -X- O O\n\nZelenskyy B-person\nmet O\nErdoğan B-person\nin O\nTürkiye B-country\n. O\n\n\
             They O\ntalked O\n. O\n\n"
        );
    }

    #[test]
    fn nested_mentions_keep_the_outer_one() {
        let text = "Turkish troops left Syrian Kurdish towns.";
        let d = doc(
            text,
            &[
                ("group:TUR-MIL", "Turkish troops", EntityKind::Group),
                ("country:TUR", "Turkish", EntityKind::Country),
                ("country:SYR", "Syrian", EntityKind::Country),
            ],
        );
        let out = conll(text, &d);
        assert!(out.contains("Turkish B-group\ntroops I-group\nleft O\nSyrian B-country\nKurdish O\n"), "{out}");
    }

    #[test]
    fn adjacent_mentions_each_begin() {
        let text = "China Russia talks";
        let d =
            doc(text, &[("country:CHN", "China", EntityKind::Country), ("country:RUS", "Russia", EntityKind::Country)]);
        assert!(conll(text, &d).contains("China B-country\nRussia B-country\ntalks O\n"));
    }
}
