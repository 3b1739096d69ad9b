//! One event, one row: relations of one kind between the same parties whose evidence overlaps in
//! one sentence, reporting the same event, are one relation that names every rule that found it
//! (`rule` the first, `rules` all of them); separate events stay separate rows.

use attache::{Document, Extractor};

const PEOPLE: &str = r#"{"id":"person:ana-lima","kind":"person","name":"Ana Lima","aliases":["Lima"]}
{"id":"person:ben-okafor","kind":"person","name":"Ben Okafor","aliases":["Okafor"]}
{"id":"person:chen-wei","kind":"person","name":"Chen Wei"}
{"id":"person:dara-singh","kind":"person","name":"Dara Singh"}
"#;

/// Rules that overlap on purpose: several find one meeting, one signing, one visit.
const RULES: &str = r#"
[[rule]]
id = "meet/met"
relation = "meet"
patterns = ["{subject:person} met {object:person}"]

[[rule]]
id = "meet/met-in"
relation = "meet"
patterns = ["{subject:person} met {object:person} in"]

[[rule]]
id = "meet/talks-with"
relation = "meet"
patterns = ["{subject:person} met {object:person} for talks"]

[[rule]]
id = "meet/welcomed"
relation = "meet"
patterns = ["{subject:person} welcomed {object:person}"]

[[rule]]
id = "meet/welcomed-on-a-visit"
relation = "meet"
patterns = ["{object:person} welcomed {subject:person} on a visit"]

[[rule]]
id = "meet/and-met"
relation = "meet"
patterns = ["{subject:person} and {object:person} met"]

[[rule]]
id = "meet/phoned"
relation = "meet"
mode = "phone"
patterns = ["{subject:person} met {object:person} by phone"]

[[rule]]
id = "meet/to-meet-again"
relation = "meet"
args = { mood = "future" }
patterns = ["{subject:person} met {object:person} and agreed to meet again"]

[[rule]]
id = "visit/visited"
relation = "visit"
patterns = ["{subject:person} visited {object:person}"]

[[rule]]
id = "visit/visited-on"
relation = "visit"
args = { note = "home" }
patterns = ["{subject:person} visited {object:person} on"]
"#;

fn extractor() -> Extractor {
    Extractor::builder()
        .defaults(false)
        .gazetteer_str("people.jsonl", PEOPLE)
        .rules_str("overlap.toml", RULES)
        .build()
        .expect("test gazetteer and rules load")
}

fn extract(text: &str) -> Document {
    extractor().extract_with_date(text, "2025-06-17".parse().expect("a date"))
}

/// Each relation as `kind(subject, object) rule [rules]`.
fn rows(doc: &Document) -> Vec<String> {
    doc.relations
        .iter()
        .map(|r| {
            let rules: Vec<&str> = r.rule_ids().map(|x| x.as_str()).collect();
            format!(
                "{}({}, {}) {} [{}]",
                r.kind,
                r.subject,
                r.object.as_deref().unwrap_or("-"),
                r.rule,
                rules.join(" ")
            )
        })
        .collect()
}

#[test]
fn several_rules_on_one_event_make_one_row_with_every_rule() {
    let doc = extract("Ana Lima met Ben Okafor in Lagos on Monday.");
    assert_eq!(rows(&doc), ["meet(person:ana-lima, person:ben-okafor) meet/met [meet/met meet/met-in]"]);
    let r = &doc.relations[0];
    assert_eq!(r.rules, ["meet/met", "meet/met-in"]);
    // the evidence is the first rule's
    assert_eq!(r.text, "Ana Lima met Ben Okafor");
    // three rules
    let doc = extract("Ana Lima met Ben Okafor in Lagos and Ben Okafor for talks.");
    assert_eq!(rows(&doc), ["meet(person:ana-lima, person:ben-okafor) meet/met [meet/met meet/met-in]"]);
    let doc = extract("Ana Lima met Ben Okafor for talks.");
    assert_eq!(rows(&doc), ["meet(person:ana-lima, person:ben-okafor) meet/met [meet/met meet/talks-with]"]);
}

#[test]
fn a_symmetric_kind_merges_whichever_way_round_the_rules_found_it() {
    // one rule finds meet(Okafor, Lima), the other meet(Lima, Okafor): one meeting
    let doc = extract("Ben Okafor welcomed Ana Lima on a visit to Lagos.");
    assert_eq!(
        rows(&doc),
        ["meet(person:ben-okafor, person:ana-lima) meet/welcomed [meet/welcomed meet/welcomed-on-a-visit]"]
    );
}

#[test]
fn arguments_only_a_later_rule_found_join_the_row() {
    let doc = extract("Ana Lima visited Ben Okafor on Friday.");
    assert_eq!(
        rows(&doc),
        ["visit(person:ana-lima, person:ben-okafor) visit/visited [visit/visited visit/visited-on]"]
    );
    assert_eq!(doc.relations[0].args.get("note").map(String::as_str), Some("home"));
}

#[test]
fn each_pair_of_a_list_is_its_own_row_and_merges_on_its_own() {
    let doc = extract("Ana Lima and Ben Okafor met in Lagos. Chen Wei met Dara Singh in Abuja.");
    assert_eq!(
        rows(&doc),
        [
            "meet(person:ana-lima, person:ben-okafor) meet/and-met [meet/and-met]",
            "meet(person:chen-wei, person:dara-singh) meet/met [meet/met meet/met-in]",
        ]
    );
}

#[test]
fn two_events_of_one_kind_with_other_parties_stay_two_rows() {
    let doc = extract("Ana Lima met Ben Okafor in Lagos, and Chen Wei met Dara Singh in Abuja.");
    assert_eq!(
        rows(&doc),
        [
            "meet(person:ana-lima, person:ben-okafor) meet/met [meet/met meet/met-in]",
            "meet(person:chen-wei, person:dara-singh) meet/met [meet/met meet/met-in]",
        ]
    );
    // and a relation without a second rule has no `rules` in JSON
    let doc = extract("Ana Lima met Ben Okafor.");
    let json = serde_json::to_value(&doc).expect("json");
    assert_eq!(json["relations"][0]["rule"], "meet/met");
    assert!(json["relations"][0].get("rules").is_none());
    let doc = extract("Ana Lima met Ben Okafor in Lagos.");
    let json = serde_json::to_value(&doc).expect("json");
    assert_eq!(json["relations"][0]["rules"], serde_json::json!(["meet/met", "meet/met-in"]));
}

#[test]
fn another_event_or_mood_is_not_merged() {
    // a phone call is another mode of the meeting: the first reading stays, alone
    let doc = extract("Ana Lima met Ben Okafor by phone.");
    assert_eq!(rows(&doc), ["meet(person:ana-lima, person:ben-okafor) meet/met [meet/met]"]);
    // one rule reads the meeting, the other the next one, in the future: another event
    let doc = extract("Ana Lima met Ben Okafor and agreed to meet again.");
    assert_eq!(rows(&doc).len(), 1);
    assert!(doc.relations[0].rules.is_empty(), "{:?}", rows(&doc));
}

#[test]
fn the_same_relation_again_in_its_sentence_with_apart_evidence_is_not_a_second_rule() {
    // the second "met" is found by the same rules; the row stays the first finding's
    let doc = extract("Ana Lima met Ben Okafor and later Ana Lima met Ben Okafor again.");
    assert_eq!(rows(&doc), ["meet(person:ana-lima, person:ben-okafor) meet/met [meet/met]"]);
}
