//! Properties of extraction on generated text (proptest): offsets on UTF-8 boundaries that slice
//! to the mention's text, mentions in order and either disjoint or nested, relation arguments
//! that are entities of the document, determinism, and offsets that shift exactly with a prefix.

use attache::text::Text;
use attache::{Date, Document, Extractor};
use once_cell::sync::Lazy;
use proptest::prelude::*;

static EXTRACTOR: Lazy<Extractor> = Lazy::new(|| Extractor::new().expect("the default extractor builds"));

fn date() -> Date {
    "2025-06-17".parse().expect("a valid date")
}

// Pieces that exercise the pipeline: names of the default gazetteers in several spellings,
// titles and relation words, punctuation, and characters the text stage folds or drops.
const PIECES: &[&str] = &[
    "Iran",
    "IRAN",
    "iran",
    "Iraq",
    "Kazakhstan",
    "Kazakh",
    "China",
    "China\u{2019}s",
    "Chinese",
    "Xi Jinping",
    "Xi",
    "President",
    "Prime Minister",
    "Foreign Minister",
    "United States",
    "US",
    "us",
    "U.S.",
    "Astana",
    "Beijing",
    "United Nations",
    "NATO",
    "met",
    "held talks with",
    "visited",
    "signed",
    "pledged",
    "agreed",
    "and",
    "the",
    "with",
    "in",
    "on Monday",
    "said",
    "1.5 billion yuan",
    "Mr.",
    "Dr.",
    ".",
    ",",
    ";",
    "!",
    "?",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "'s",
    "'",
    "-",
    "\u{2014}",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{A0}",
    "\u{200B}",
    "\u{200D}",
    "\u{202E}",
    "\u{AD}",
    "\u{301}",
    "e\u{301}",
    "\u{C9}",
    "\u{130}",
    "\u{DF}",
    "\u{4E2D}\u{56FD}",
    "\u{3002}",
    "\u{1F600}",
    "\u{1F1EE}\u{1F1F7}",
    "\0",
    "Sino-",
    "Central Asia",
    "Shanghai Cooperation Organisation",
    "SCO",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", "", "  ", ", ", ". ", "\n", "-"];

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), prop::sample::select(SEPARATORS)), 0..40)
        .prop_map(|parts| parts.into_iter().flat_map(|(p, s)| [p, s]).collect())
}

/// Generated documents, and now and then arbitrary Unicode.
fn any_document() -> impl Strategy<Value = String> {
    prop_oneof![4 => document(), 1 => any::<String>()]
}

fn extract(text: &str) -> Document {
    EXTRACTOR.extract_with_date(text, date())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn mentions_slice_the_input_on_boundaries(text in any_document()) {
        let doc = extract(&text);
        for m in &doc.mentions {
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
        }
        for r in &doc.relations {
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            prop_assert_eq!(&text[r.start..r.end], r.text.as_str());
        }
    }

    #[test]
    fn mentions_are_ordered_and_disjoint_or_nested(text in any_document()) {
        let doc = extract(&text);
        for pair in doc.mentions.windows(2) {
            prop_assert!(pair[0].start <= pair[1].start, "{:?}", pair);
        }
        for (i, a) in doc.mentions.iter().enumerate() {
            for b in &doc.mentions[i + 1..] {
                let disjoint = a.end <= b.start || b.end <= a.start;
                let nested = (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
                prop_assert!(disjoint || nested, "{:?} and {:?} overlap", a, b);
            }
        }
    }

    #[test]
    fn relations_and_mentions_name_entities_of_the_document(text in any_document()) {
        let doc = extract(&text);
        let ids: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
        for m in &doc.mentions {
            prop_assert!(ids.contains(&m.entity.as_str()));
        }
        for r in &doc.relations {
            prop_assert!(ids.contains(&r.subject.as_str()) && r.object.as_ref().map_or(true, |o| ids.contains(&o.as_str())));
        }
    }

    #[test]
    fn extraction_is_deterministic(text in any_document()) {
        let a = serde_json::to_string(&extract(&text)).expect("serializes");
        let b = serde_json::to_string(&extract(&text)).expect("serializes");
        prop_assert_eq!(a, b);
    }

    #[test]
    fn a_prefix_sentence_shifts_every_offset(text in document()) {
        // a sentence of its own that names nothing ("Note" would: it is a surname in the gazetteer)
        const PREFIX: &str = "Update.\n\n";
        let plain = extract(&text);
        let prefixed = extract(&format!("{PREFIX}{text}"));
        let k = PREFIX.len();
        prop_assert_eq!(plain.mentions.len(), prefixed.mentions.len());
        let shift = usize::from(prefixed.mentions.first().is_some_and(|m| m.sentence > 0));
        for (a, b) in plain.mentions.iter().zip(&prefixed.mentions) {
            prop_assert_eq!((&a.entity, a.start + k, a.end + k, &a.text), (&b.entity, b.start, b.end, &b.text));
            prop_assert_eq!(a.sentence + shift, b.sentence);
        }
        prop_assert_eq!(plain.relations.len(), prefixed.relations.len());
        for (a, b) in plain.relations.iter().zip(&prefixed.relations) {
            prop_assert_eq!((&a.subject, &a.object, a.start + k, a.end + k), (&b.subject, &b.object, b.start, b.end));
        }
    }

    #[test]
    fn tokens_are_spans_of_the_original_that_normalise_to_their_text(text in any_document()) {
        let t = Text::new(&text);
        let mut last_end = 0;
        for (i, tok) in t.tokens().iter().enumerate() {
            prop_assert!(text.is_char_boundary(tok.start()) && text.is_char_boundary(tok.end()));
            prop_assert!(tok.start() >= last_end && tok.start() < tok.end());
            last_end = tok.end();
            let alone = Text::new(&text[tok.start()..tok.end()]);
            prop_assert_eq!(alone.normalized(), t.token_text(i));
        }
        for s in t.sentences() {
            prop_assert!(s.tokens().start < s.tokens().end);
        }
    }
}
