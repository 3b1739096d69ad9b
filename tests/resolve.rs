//! Resolution behaviours the tables of `tests/testdata/resolve/` cannot state (they are run by
//! `tests/resolve_tables.rs`): nested mentions, offsets, aliases, entity kinds, errors, properties
//! of every entity, relations that rest on a resolution, and invariants over random texts.

use std::sync::OnceLock;

use attache::{Date, Extractor};

/// The gazetteer of most resolution cases.
const GAZETTEER: &str = include_str!("testdata/gazetteers/resolve.jsonl");

fn extractor() -> Extractor {
    Extractor::builder().defaults(false).gazetteer_str("resolve.jsonl", GAZETTEER).build().unwrap()
}

/// The extractor with the embedded defaults, built once.
fn default_extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new().expect("the defaults build"))
}

fn date() -> Date {
    "2025-06-17".parse().unwrap()
}

#[test]
fn a_compounds_members_are_nested_in_it() {
    let r = extractor().analyze("Leaders gathered for the China-Central Asia Summit.", date()).1;
    let listed: Vec<(&str, bool)> = r.mentions.iter().map(|m| (r.entities[m.entity].id.as_str(), m.nested)).collect();
    assert_eq!(
        listed,
        [("event:china-central-asia-summit", false), ("country:CHN", true), ("place:central-asia", true)]
    );
}

#[test]
fn money_amounts_are_arguments_not_listed_entities() {
    let r = extractor().analyze("They offered 2.5 billion yuan and later US$40 million.", date()).1;
    let money: Vec<&str> =
        r.entities.iter().filter(|e| e.kind == attache::EntityKind::Money).map(|e| e.id.as_str()).collect();
    assert_eq!(money, ["money:2-5-billion-yuan", "money:us-40-million"]);
    // "US" in "US$" is not the country
    assert!(!r.entities.iter().any(|e| e.id == "country:USA"));
    let doc = extractor().extract_with_date("They offered 2.5 billion yuan.", date());
    assert!(doc.entities.is_empty());
}

#[test]
fn a_pronoun_is_listed_with_exact_offsets_and_is_no_alias() {
    let doc = extractor().extract_with_date("Xi Jinping landed in Astana. He thanked the hosts.", date());
    assert!(doc.entities[0].aliases.iter().all(|a| a != "He"));
    let he = doc.mentions.iter().find(|m| m.text == "He").expect("the pronoun is listed");
    assert_eq!((he.entity.as_str(), he.start, he.end), ("person:xi-jinping", 29, 31));
}

#[test]
fn a_surname_that_opens_a_sentence_is_the_one_before_a_verb() {
    let people = include_str!("testdata/gazetteers/unknown-people.jsonl");
    let x = Extractor::builder().defaults(false).gazetteer_str("unknown-people.jsonl", people).build().unwrap();
    let text = "US envoy Maria Black arrived. Black smoke rose over the port. Black said she was worried.";
    let doc = x.extract_with_date(text, date());
    let last = doc.mentions.iter().rfind(|m| m.entity.as_ref() as &str == "person:maria-black").unwrap();
    assert_eq!(&text[last.start..], "Black said she was worried.");
}

#[test]
fn a_gender_other_than_male_or_female_is_an_error_that_names_its_place() {
    let people =
        "{\"id\":\"person:lin-park\",\"kind\":\"person\",\"name\":\"Lin Park\",\"attrs\":{\"gender\":\"f\"}}\n";
    let Err(err) = Extractor::builder().defaults(false).gazetteer_str("people.jsonl", people).build() else {
        panic!("a gender other than male or female must be an error");
    };
    let message = err.to_string();
    assert!(message.contains("people.jsonl:1") && message.contains("attrs.gender `f`"), "{message}");
}

#[test]
fn every_entity_has_an_actor_code() {
    let doc = default_extractor().extract_with_date(
        "Kenyan President William Ruto met UN Secretary-General António Guterres and Turkish troops in Nairobi, where the Treaty of Nairobi was signed.",
        date(),
    );
    for e in &doc.entities {
        assert!(e.attrs.contains_key("actor"), "{} has no actor code", e.id);
    }
}

#[test]
fn a_pronoun_is_an_entity_slot_for_the_rules() {
    let doc = default_extractor().extract_with_date(
        "Kazakh President Kassym-Jomart Tokayev landed in Beijing on Monday. He later met Chinese Premier Li Qiang.",
        date(),
    );
    let met: Vec<(&str, &str)> = doc
        .relations
        .iter()
        .filter(|r| r.kind == "meet")
        .map(|r| (r.subject.as_str(), r.object.as_deref().unwrap_or("")))
        .collect();
    assert!(met.iter().any(|&(s, o)| s == "person:kassym-jomart-tokayev" && o == "person:li-qiang"), "{met:?}");
}

#[test]
fn a_government_group_acts_for_its_state_in_rules_that_want_a_country() {
    let doc =
        default_extractor().extract_with_date("The Malian government signed a peace agreement with Algeria.", date());
    let signs: Vec<_> = doc.relations.iter().filter(|r| r.kind == "sign").collect();
    assert!(!signs.is_empty(), "{:?}", doc.relations);
}

mod invariants {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "Xi",
        "Jinping",
        "Xi Jinping",
        "China's",
        "Chinese",
        "President",
        "president",
        "the",
        "of",
        "Kazakhstan",
        "Kazakh",
        "counterpart",
        "his",
        "Tokayev",
        "Kassym-Jomart",
        "Beijing",
        "Beijing's",
        "and",
        ",",
        ".",
        "'s",
        "Central Asian",
        "countries",
        "Treaty of",
        "Amity",
        "Summit",
        "summit",
        "G20",
        "1.5 billion",
        "yuan",
        "US$",
        "US",
        "us",
        "May",
        "Turkey",
        "former",
        "Russia's",
        "foreign minister",
        "Putin",
        "Street",
        "Xi'an",
        "-",
        "\n",
        "Berdimuhamedov",
        "Mr",
        "\u{2019}s",
        "\u{2013}",
        "Émile",
        "said",
        "Agreement",
        "Paris",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn mentions_are_well_formed(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..40)) {
            let text = words.join(" ");
            let extractor = extractor();
            let (t, r) = extractor.analyze(&text, date());
            let mut last_unit_end = 0;
            let mut last_start = 0;
            for m in &r.mentions {
                prop_assert!(m.entity < r.entities.len());
                prop_assert!(m.acts_for.map_or(true, |a| a < r.entities.len()));
                prop_assert!(m.start < m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                prop_assert!(!m.tokens.is_empty() && m.tokens.end <= t.tokens().len());
                prop_assert!(m.tokens.start >= last_start, "sorted by phrase start");
                last_start = m.tokens.start;
                if !m.nested {
                    prop_assert!(m.tokens.start >= last_unit_end, "units do not overlap: {text}");
                    last_unit_end = m.tokens.end;
                }
            }
            let doc = extractor.extract_with_date(&text, date());
            let mut ids: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
            ids.sort_unstable();
            let n = ids.len();
            ids.dedup();
            prop_assert_eq!(n, ids.len(), "each entity once");
        }
    }
}
