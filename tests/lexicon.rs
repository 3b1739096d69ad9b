//! Word lists replaced through the builder (`ExtractorBuilder::lexicon_file`, `lexicon_str`):
//! every stage reads the replacement, and a bad list is an error naming file, line and column.

use attache::{Date, Error, Extractor};

fn date() -> Date {
    "2025-06-17".parse().unwrap()
}

/// The relations of `text` as `kind(subject, object)` with their mood.
fn relations(extractor: &Extractor, text: &str) -> Vec<String> {
    let doc = extractor.extract_with_date(text, date());
    doc.relations
        .iter()
        .map(|r| format!("{}({}, {})", r.kind.as_str(), r.subject, r.object.as_deref().unwrap_or("-")))
        .collect()
}

/// The embedded list `file` less the entries in `drop`.
fn embedded_without(file: &str, drop: &[&str]) -> String {
    let path = format!("{}/lexicon/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines().filter(|l| !drop.contains(&l.trim())).map(|l| format!("{l}\n")).collect()
}

#[test]
fn a_negation_list_without_a_word_no_longer_negates_with_it() {
    let text = "Vladimir Putin did not meet Recep Tayyip Erdogan in Ankara on Monday.";
    let embedded = Extractor::new().unwrap();
    assert_eq!(relations(&embedded, text), Vec::<String>::new(), "negated: no relation");
    let replaced =
        Extractor::builder().lexicon_str("negation.txt", &embedded_without("negation.txt", &["not"])).build().unwrap();
    assert_eq!(relations(&replaced, text), ["meet(person:vladimir-putin, person:recep-tayyip-erdogan)"]);
    // the other negators still negate
    let never = "Vladimir Putin never met Recep Tayyip Erdogan in Ankara.";
    assert_eq!(relations(&replaced, never), Vec::<String>::new());
}

#[test]
fn a_cancellation_list_decides_what_calls_an_event_off() {
    let text = "Emmanuel Macron met Olaf Scholz in Berlin, but a second round was scrapped.";
    let embedded = Extractor::new().unwrap();
    let found = relations(&embedded, text);
    // "scrapped" after a comma and "but" is another clause: the meeting stands either way
    assert_eq!(found, ["meet(person:emmanuel-macron, person:olaf-scholz)"]);
    let postponed = "The talks between Emmanuel Macron and Olaf Scholz were postponed.";
    let calm = Extractor::builder()
        .lexicon_str("cancellations.txt", &embedded_without("cancellations.txt", &["postponed"]))
        .build()
        .unwrap();
    assert!(relations(&embedded, postponed).is_empty(), "{:?}", relations(&embedded, postponed));
    assert_eq!(relations(&calm, postponed), ["meet(person:emmanuel-macron, person:olaf-scholz)"]);
}

#[test]
fn abbreviations_decide_where_sentences_end() {
    let text = "The delegation met Gen. Musa on Friday.";
    let sentences = |x: &Extractor| x.analyze(text, date()).0.sentences().len();
    assert_eq!(sentences(&Extractor::new().unwrap()), 1);
    let without = Extractor::builder()
        .lexicon_str("abbreviations.txt", &embedded_without("abbreviations.txt", &["gen"]))
        .build()
        .unwrap();
    assert_eq!(sentences(&without), 2);
}

#[test]
fn a_list_file_is_named_by_its_file_name_in_any_folder() {
    let dir = std::env::temp_dir().join(format!("attache-lexicon-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("negation.txt");
    std::fs::write(&path, embedded_without("negation.txt", &["not"])).unwrap();
    let replaced = Extractor::builder().lexicon_file(&path).build().unwrap();
    let text = "Vladimir Putin did not meet Recep Tayyip Erdogan in Ankara on Monday.";
    assert_eq!(relations(&replaced, text).len(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_later_replacement_of_the_same_list_wins() {
    let text = "Vladimir Putin did not meet Recep Tayyip Erdogan in Ankara on Monday.";
    let x = Extractor::builder()
        .lexicon_str("negation.txt", &embedded_without("negation.txt", &["not"]))
        .lexicon_str("negation.txt", "not\nnever\n")
        .build()
        .unwrap();
    assert!(relations(&x, text).is_empty());
}

#[test]
fn an_unknown_list_name_is_an_error_that_lists_the_names() {
    let err = Extractor::builder().lexicon_str("negations.txt", "not\n").build().unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, Error::Lexicon { .. }), "{message}");
    assert!(message.starts_with("negations.txt:1:1: "), "{message}");
    assert!(message.contains("negation.txt") && message.contains("agents.tsv"), "{message}");
}

#[test]
fn a_bad_entry_is_an_error_at_its_line_and_column() {
    let err = Extractor::builder().lexicon_str("negation.txt", "# words\nnot\n  neVer\n").build().unwrap_err();
    assert!(err.to_string().starts_with("negation.txt:3:5: bad word list: `neVer` is not in lower case"), "{err}");
    let err = Extractor::builder().lexicon_str("agents.tsv", "rebels\tREB\npolice COP\n").build().unwrap_err();
    assert!(err.to_string().starts_with("agents.tsv:2:1: bad word list: expected"), "{err}");
    let err = Extractor::builder().lexicon_str("agents.tsv", "rebels\tRebels\n").build().unwrap_err();
    assert!(err.to_string().starts_with("agents.tsv:1:8: "), "{err}");
    let err = Extractor::builder().lexicon_str("sectors.tsv", "GOV\tGOV\nINS\t-\nXX\tREB\n").build().unwrap_err();
    assert!(err.to_string().starts_with("sectors.tsv:3:1: "), "{err}");
    let missing = Extractor::builder().lexicon_file("/nonexistent/negation.txt").build().unwrap_err();
    assert!(matches!(missing, Error::Io { .. }), "{missing}");
}

#[test]
fn the_embedded_lists_replaced_by_themselves_change_nothing() {
    let mut builder = Extractor::builder();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/lexicon")).unwrap() {
        builder = builder.lexicon_file(entry.unwrap().path());
    }
    let same = builder.build().unwrap();
    let text = "Chinese President Xi Jinping held talks with his Kazakh counterpart in Astana on Monday. \
                Syrian opposition leaders did not attend, and Turkish troops stayed in the north. \
                Gen. Musa said the summit of the Shanghai Cooperation Organisation was postponed.";
    let embedded = Extractor::new().unwrap();
    let json = |x: &Extractor| serde_json::to_string(&x.extract_with_date(text, date())).unwrap();
    assert_eq!(json(&same), json(&embedded));
}

/// Every mention as (text, entity id).
fn mentions(extractor: &Extractor, text: &str) -> Vec<(String, String)> {
    let doc = extractor.extract_with_date(text, date());
    doc.mentions.iter().map(|m| (m.text.to_string(), m.entity.to_string())).collect()
}

#[test]
fn an_agent_noun_added_to_a_list_makes_groups_of_it() {
    let text = "Kenyan beekeepers blocked the road near Nairobi on Monday.";
    let embedded = Extractor::new().unwrap();
    assert!(!mentions(&embedded, text).iter().any(|(_, id)| id.starts_with("group:")));
    let extra = format!("{}beekeepers\tAGR\n", embedded_without("agents-extra.tsv", &[]));
    let more = Extractor::builder().lexicon_str("agents-extra.tsv", &extra).build().unwrap();
    assert!(
        mentions(&more, text).contains(&("Kenyan beekeepers".to_string(), "group:KEN-AGR".to_string())),
        "{:?}",
        mentions(&more, text)
    );
}

#[test]
fn a_pronoun_left_out_of_the_list_refers_to_no_one() {
    let text = "Sergey Lavrov arrived in Ankara. He met Hakan Fidan on Monday.";
    let he = ("He".to_string(), "person:sergey-lavrov".to_string());
    assert!(mentions(&Extractor::new().unwrap(), text).contains(&he));
    let without =
        Extractor::builder().lexicon_str("pronouns.txt", &embedded_without("pronouns.txt", &["he"])).build().unwrap();
    assert!(!mentions(&without, text).iter().any(|(written, _)| written == "He"), "{:?}", mentions(&without, text));
}

#[test]
fn title_families_decide_which_office_a_title_names() {
    // Iran's president heads the government; its supreme leader heads the state: the family
    // "president" names the president, and without it the title is matched by office
    let text = "The Iranian president spoke in Tehran on Monday.";
    let president = ("Iranian president".to_string(), "person:masoud-pezeshkian".to_string());
    assert!(mentions(&Extractor::new().unwrap(), text).contains(&president));
    let families = embedded_without("title-families.tsv", &[]);
    let without: String =
        families.lines().filter(|l| !l.starts_with("president\t")).map(|l| format!("{l}\n")).collect();
    let by_office = Extractor::builder().lexicon_str("title-families.tsv", &without).build().unwrap();
    let found = mentions(&by_office, text);
    assert!(found.contains(&("Iranian president".to_string(), "person:ali-khamenei".to_string())), "{found:?}");
    let err = Extractor::builder().lexicon_str("title-families.tsv", "president\tpresidency\n").build().unwrap_err();
    assert!(err.to_string().starts_with("title-families.tsv:1:11: bad word list: unknown title family"), "{err}");
}

#[test]
fn rules_of_ones_own_read_the_replaced_negation_list_without_the_default_rules() {
    // the user's rules are compiled apart and then taken whole by the extractor's empty rule set,
    // which keeps its own word lists
    let rules = "[[rule]]\nid = \"meet/mine\"\nrelation = \"meet\"\npatterns = [\"{subject:person} <aux> (meet|met) {object:person}\"]\n";
    let text = "Vladimir Putin did not meet Recep Tayyip Erdogan in Ankara on Monday.";
    let build = |negation: Option<String>| {
        let builder = Extractor::builder().defaults(attache::Defaults::Gazetteers).rules_str("mine.toml", rules);
        match negation {
            Some(list) => builder.lexicon_str("negation.txt", &list),
            None => builder,
        }
        .build()
        .unwrap()
    };
    assert_eq!(relations(&build(None), text), Vec::<String>::new(), "negated: no relation");
    let replaced = build(Some(embedded_without("negation.txt", &["not"])));
    assert_eq!(relations(&replaced, text), ["meet(person:vladimir-putin, person:recep-tayyip-erdogan)"]);
}
