//! Rule engine tests against a small inline gazetteer (the default gazetteers are not needed).

use std::collections::BTreeMap;

use crate::document::RelationKind;
use crate::error::Error;
use crate::extract::Extractor;
use crate::rules::*;

const PEOPLE: &str = r#"{"id":"person:xi-jinping","kind":"person","name":"Xi Jinping","aliases":["Xi"]}
{"id":"person:vladimir-putin","kind":"person","name":"Vladimir Putin","aliases":["Putin"]}
{"id":"person:sadyr-japarov","kind":"person","name":"Sadyr Japarov","aliases":["Japarov"]}
{"id":"country:CHN","kind":"country","name":"China","aliases":["Beijing"]}
{"id":"country:ISR","kind":"country","name":"Israel"}
{"id":"country:IRN","kind":"country","name":"Iran"}
{"id":"country:SYR","kind":"country","name":"Syria"}
{"id":"country:KAZ","kind":"country","name":"Kazakhstan"}
{"id":"organization:sco","kind":"organization","name":"Shanghai Cooperation Organisation","aliases":["SCO"]}
{"id":"document:paris-agreement","kind":"document","name":"Paris Agreement"}"#;

fn extractor(rules: &str) -> Extractor {
    Extractor::builder()
        .defaults(false)
        .gazetteer_str("test.jsonl", PEOPLE)
        .rules_str("test.toml", rules)
        .build()
        .unwrap()
}

/// `kind(subject, object)` with args, for each relation of `text`.
fn run(x: &Extractor, text: &str) -> Vec<String> {
    let date = "2025-06-17".parse().unwrap();
    let (t, res) = x.analyze(text, date);
    x.rules()
        .apply(&t, &res)
        .iter()
        .map(|r| {
            let args: Vec<String> = r.args.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let object = r.object.map_or(String::new(), |o| format!(", {}", res.entities[o].name));
            let mut s = format!("{}({}{object})", r.kind, res.entities[r.subject].name);
            if !args.is_empty() {
                s.push_str(&format!(" {}", args.join(" ")));
            }
            s
        })
        .collect()
}

const TALKS: &str = r#"
[define]
talks = "[will|would|to|did not|refused to] (hold|holds|held) talks"

[[rule]]
id = "meet/held-talks"
relation = "meet"
patterns = [
  "{subject:person|country} <talks> with {object:person|country}",
  "{subject:person} and {object:person} <talks>",
  "in (his|her) talks with {object:person} , {subject:person}",
]
"#;

#[test]
fn words_slots_and_defines() {
    let x = extractor(TALKS);
    assert_eq!(run(&x, "Xi Jinping held talks with Vladimir Putin on Tuesday."), ["meet(Xi Jinping, Vladimir Putin)"]);
    assert_eq!(run(&x, "XI HOLDS TALKS WITH PUTIN"), ["meet(Xi Jinping, Vladimir Putin)"]);
    assert_eq!(run(&x, "In his talks with Putin, Xi praised the plan."), ["meet(Xi Jinping, Vladimir Putin)"]);
    assert!(run(&x, "Xi held talks. Putin left.").is_empty());
}

#[test]
fn coordinated_subjects_give_one_symmetric_relation() {
    let x = extractor(TALKS);
    assert_eq!(run(&x, "Xi and Putin held talks in Astana."), ["meet(Xi Jinping, Vladimir Putin)"]);
}

#[test]
fn negation_cancels_and_modality_marks_future() {
    let x = extractor(TALKS);
    assert!(run(&x, "Xi refused to hold talks with Putin.").is_empty());
    assert!(run(&x, "Xi did not hold talks with Putin.").is_empty());
    assert!(run(&x, "Xi didn't hold talks with Putin.").is_empty());
    assert_eq!(run(&x, "Xi will hold talks with Putin."), ["meet(Xi Jinping, Vladimir Putin) mood=future"]);
    assert_eq!(run(&x, "Xi to hold talks with Putin"), ["meet(Xi Jinping, Vladimir Putin) mood=future"]);
    // a parenthetical's negation is its own; a negation after it is the match's
    let appos = extractor(
        "[define]\nappos = \"[, …10 ,]\"\n[[rule]]\nid = \"meet/met\"\nrelation = \"meet\"\npatterns = [\"{subject} <appos> [did not] met {object}\"]\n",
    );
    assert_eq!(run(&appos, "Xi, who has never been to Kyiv, met Putin."), ["meet(Xi Jinping, Vladimir Putin)"]);
    assert!(run(&appos, "Xi, it seems, did not met Putin.").is_empty());
    // a cancellation right after the match
    let between = extractor(
        "[[rule]]\nid = \"meet/between\"\nrelation = \"meet\"\npatterns = [\"talks between {subject} and {object}\"]\n",
    );
    assert!(run(&between, "The talks between Xi and Putin were cancelled.").is_empty());
    assert_eq!(run(&between, "The talks between Xi and Putin ended."), ["meet(Xi Jinping, Vladimir Putin)"]);
    // the window stops at the nearest entity or comma: "not" belongs to another clause here
    assert_eq!(run(&x, "Not long after, Xi held talks with Putin."), ["meet(Xi Jinping, Vladimir Putin)"]);
}

#[test]
fn a_set_without_rules_that_takes_another_reads_its_own_negation_list() {
    let x = extractor(TALKS);
    let date = "2025-06-17".parse().unwrap();
    let (text, resolution) = x.analyze("Xi did not hold talks with Putin.", date);
    // a negation list without "not"
    let mut lexicon = crate::lexicon::Lexicon::embedded().as_ref().clone();
    lexicon.replace(crate::lexicon::ListId::Negation, "negation.txt", "never\nno\n").unwrap();
    let mut own = RuleSet::with_lexicon(std::sync::Arc::new(lexicon));
    // rules compiled with the embedded lists, taken whole
    let mut embedded = RuleSet::new();
    embedded.add_str("talks.toml", TALKS).unwrap();
    assert!(embedded.apply(&text, &resolution).is_empty(), "negated with the embedded lists");
    own.extend(embedded).unwrap();
    assert_eq!(own.apply(&text, &resolution).len(), 1, "not negated with the set's own lists");
}

#[test]
fn lists_give_one_relation_per_member() {
    let x = extractor(
        r#"
[[rule]]
id = "appeal/urged"
relation = "appeal"
patterns = ["{subject:person|country} (urged|urges) {object:country|person+}"]
"#,
    );
    assert_eq!(
        run(&x, "Xi urged Israel, Iran, and Syria to show restraint."),
        ["appeal(Xi Jinping, Israel)", "appeal(Xi Jinping, Iran)", "appeal(Xi Jinping, Syria)"]
    );
    assert_eq!(run(&x, "China urges Israel, Iran to talk"), ["appeal(China, Israel)", "appeal(China, Iran)"]);
    // a bare comma joins members of one kind only; "and" joins any
    assert_eq!(run(&x, "China urges Israel, Xi Jinping said."), ["appeal(China, Israel)"]);
    assert_eq!(run(&x, "China urges Israel and Xi Jinping"), ["appeal(China, Israel)", "appeal(China, Xi Jinping)"]);
}

#[test]
fn gaps_regexes_optional_parts_and_arguments() {
    let x = extractor(
        r#"
[[rule]]
id = "sign/signed"
relation = "sign"
patterns = [
  "{subject:country+} [have|has] /sign(ed|s)/ …3 {object:document}",
  "{object:document} was signed by {subject:country+}",
]

[[rule]]
id = "member/founded"
relation = "member"
patterns = ["{object:organization} …8 founded …3 by {subject:country+}"]
"#,
    );
    assert_eq!(run(&x, "China and Kazakhstan signed the landmark Paris Agreement.").len(), 2);
    assert_eq!(run(&x, "The Paris Agreement was signed by Iran."), ["sign(Iran, Paris Agreement)"]);
    // a gap never stretches past its length
    assert!(run(&x, "China signed a very long and winding text and the Paris Agreement.").is_empty());
    assert_eq!(
        run(&x, "The SCO, a security bloc, was founded in 2001 by China, Kazakhstan and Iran."),
        [
            "member(China, Shanghai Cooperation Organisation)",
            "member(Kazakhstan, Shanghai Cooperation Organisation)",
            "member(Iran, Shanghai Cooperation Organisation)"
        ]
    );
}

#[test]
fn acts_for_stands_in_unless_the_own_kind_is_listed() {
    let x = extractor(
        r#"
[[rule]]
id = "visit/visited"
relation = "visit"
patterns = ["{subject:country} visited {object:country}"]

[[rule]]
id = "meet/met"
relation = "meet"
patterns = ["{subject:person|country} met {object:person|country}"]
"#,
    );
    let date = "2025-06-17".parse().unwrap();
    let (t, mut res) = x.analyze("Xi visited Kazakhstan. Xi met Putin.", date);
    let china = res.entities.iter().position(|e| e.name == "China");
    let china = china.unwrap_or_else(|| {
        res.entities.push(crate::resolve::ResolvedEntity {
            id: "country:CHN".into(),
            kind: crate::gazetteer::EntityKind::Country,
            name: "China".into(),
            aliases: Vec::new(),
            attrs: BTreeMap::new(),
            gazetteer: None,
        });
        res.entities.len() - 1
    });
    for m in &mut res.mentions {
        if res.entities[m.entity].name == "Xi Jinping" {
            m.acts_for = Some(china);
        }
    }
    let found: Vec<(RelationKind, String, String)> = x
        .rules()
        .apply(&t, &res)
        .iter()
        .map(|r| {
            (
                r.kind.clone(),
                res.entities[r.subject].name.clone(),
                r.object.map_or(String::new(), |o| res.entities[o].name.clone()),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (RelationKind::VISIT, "China".to_string(), "Kazakhstan".to_string()),
            (RelationKind::MEET, "Xi Jinping".to_string(), "Vladimir Putin".to_string())
        ]
    );
}

#[test]
fn duplicates_from_several_patterns_are_reported_once_with_their_evidence() {
    let x = extractor(
        r#"
[[rule]]
id = "meet/met"
relation = "meet"
patterns = ["{subject:person} met {object:person}", "{subject:person} met …2 {object:person}"]

[[rule]]
id = "meet/met-reverse"
relation = "meet"
patterns = ["{object:person} was met by {subject:person}", "{subject:person} met {object:person}"]
"#,
    );
    let text = "On Monday Xi met Putin in Astana.";
    let date = "2025-06-17".parse().unwrap();
    let (t, res) = x.analyze(text, date);
    let found = x.rules().apply(&t, &res);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].start..found[0].end], "Xi met Putin");
    assert_eq!(x.rules().rules()[found[0].rule].id, "meet/met");
}

#[test]
fn the_trigger_scan_skips_sentences_without_rule_words() {
    let x = extractor(TALKS);
    let date = "2025-06-17".parse().unwrap();
    let (t, _) = x.analyze("Xi met Putin. Xi held talks with Putin. Talks went on. Xi and Putin held talks.", date);
    let found: Vec<(usize, usize)> = x.rules().candidates(&t);
    // sentence 0 has no rule word; sentence 2 has "talks" but no "with" nor "and"; sentence 1 lacks
    // the "and" of the second pattern and the "his|her" of the third; sentence 3 lacks "with"
    assert_eq!(found, [(1, 0), (3, 1)]);
}

#[test]
fn long_sentences_stay_within_budget() {
    let x = extractor(
        r#"
[[rule]]
id = "meet/gappy"
relation = "meet"
patterns = ["{subject:person+} …12 met …12 …12 …12 {object:person+} …12 with …12 talks"]
"#,
    );
    let mut text = String::new();
    for _ in 0..200 {
        text.push_str("Xi, Putin and Japarov met met with and ");
    }
    // finishing at all (and finding nothing for the missing word) is the point
    assert!(run(&x, &text).is_empty());
}

#[test]
fn remembering_failed_states_changes_nothing() {
    let x = extractor(
        r#"
[define]
aux = "[(agreed|to|will) [(agreed|to|will)]]"

[[rule]]
id = "meet/together"
relation = "meet"
patterns = [
  "{subject:country} (and|,) {object:country+} <aux> (met|meet)",
  "{subject:person} [, …6 ,] …3 (met|greeted) …4 {object:person|country+}",
]
"#,
    );
    let date = "2025-06-17".parse().unwrap();
    // with every failed state remembered from the first step, and with none
    let found = |text: &str, memo_after: usize| -> Vec<String> {
        let (t, res) = x.analyze(text, date);
        let found = x.rules().find_with(&t, &res, None, memo_after, None);
        let name = |e: usize| res.entities[e].name.clone();
        found
            .iter()
            .map(|f| {
                format!(
                    "{}({}, {})",
                    f.relation.kind,
                    name(f.relation.subject),
                    f.relation.object.map_or(String::new(), name)
                )
            })
            .collect()
    };
    // the match from "Israel" passes the states that the one from "Iran" needs again
    let text = "Israel, Iran and Syria agreed to meet.";
    assert_eq!(found(text, 1), ["meet(Israel, Iran)", "meet(Israel, Syria)", "meet(Iran, Syria)"]);
    let mut long = String::from("Xi, who met nobody, ");
    for _ in 0..30 {
        long.push_str("Putin met Japarov and Israel, Iran and Syria agreed to meet, ");
    }
    long.push_str("and Xi greeted Putin.");
    for text in [text, &long, "Xi met Putin, Japarov and Iran. Israel and Iran will meet."] {
        assert_eq!(found(text, 1), found(text, usize::MAX), "{text}");
    }
}

#[test]
fn explain_names_parts_and_near_misses() {
    let x = extractor(TALKS);
    let date = "2025-06-17".parse().unwrap();
    let (t, res) = x.analyze("Xi held talks with Putin. Xi held talks with the opposition.", date);
    let e = x.rules().explain(&t, &res);
    assert_eq!(e.relations.len(), 1);
    assert_eq!(e.relations[0].rule, "meet/held-talks");
    assert!(e.relations[0].parts.contains(&("{object:person|country}".to_string(), "Putin".to_string())));
    assert!(!e.near_misses.is_empty());
    let miss = &e.near_misses[0];
    assert_eq!(miss.expected, "{object:person|country}");
    assert_eq!(miss.found, "\"the\"");
    let shown = e.to_string();
    assert!(shown.contains("no relation in: \"Xi held talks with the opposition.\""), "{shown}");
    let (t, res) = x.analyze("Xi did not hold talks with Putin.", date);
    let e = x.rules().explain(&t, &res);
    assert!(e.relations.is_empty() && e.near_misses[0].negated, "{e}");
    assert!(e.to_string().contains("matched, but cancelled by a negation"), "{e}");
}

#[test]
fn file_errors_name_the_place() {
    let mut set = RuleSet::new();
    let e = set
        .add_str(
            "x.toml",
            "[[rule]]\nid = \"a\"\nrelation = \"meet\"\npatterns = [\"{subject:person} (met {object:person}\"]\n",
        )
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("x.toml:4:"), "{e}");
    assert!(e.contains("expected `|` or `)`") && e.contains("found the end of the pattern"), "{e}");

    let e = set
        .add_str("x.toml", "[[rule]]\nid = \"a\"\nrelation = \"greet\"\npatterns = [\"{subject} met {object}\"]\n")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("x.toml:3:13") && e.contains("found `greet`"), "{e}");

    let e = set
        .add_str("x.toml", "[[rule]]\nid = \"a\"\nrelation = \"meet\"\npatterns = [\"{subject:persn} met {object}\"]\n")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("x.toml:4:23") && e.contains("expected an entity kind") && e.contains("`persn`"), "{e}");

    let e = set.add_str("x.toml", "[[rule]]\nid = \"a\"\nrelation = \"meet\"\npattern = []\n").unwrap_err().to_string();
    assert!(e.starts_with("x.toml:") && e.contains("pattern"), "{e}");

    let e = set
        .add_str(
            "x.toml",
            "[[rule]]\nid = \"a\"\nrelation = \"meet\"\npatterns = [\"{subject} met {object}\"]\nexamples = [\"Xi met Putin.\"]\n",
        )
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("x.toml:5:") && e.contains("expected `=> kind(Subject, Object)`"), "{e}");
}

#[test]
fn duplicate_ids_are_errors() {
    let rule = "[[rule]]\nid = \"meet/a\"\nrelation = \"meet\"\npatterns = [\"{subject} met {object}\"]\n";
    let mut set = RuleSet::new();
    set.add_str("one.toml", rule).unwrap();
    let e = set.add_str("two.toml", rule).unwrap_err();
    assert!(matches!(e, Error::DuplicateRule { .. }));
    assert!(e.to_string().contains("two.toml:2:") && e.to_string().contains("one.toml:2:"), "{e}");
    let mut other = RuleSet::new();
    other.add_str("three.toml", rule).unwrap();
    let mut first = RuleSet::new();
    first.add_str("one.toml", rule).unwrap();
    assert!(matches!(first.extend(other), Err(Error::DuplicateRule { .. })));
}

#[test]
fn rule_sets_joined_later_keep_their_words_and_word_sets() {
    // two sets that name words (and word sets) in different orders, so their word ids differ
    let first = r#"
[[rule]]
id = "meet/met"
relation = "meet"
patterns = ["{subject:person} /(also|then)/? (met|greeted) {object:person}"]
"#;
    let second = r#"
[[rule]]
id = "visit/visited"
relation = "visit"
patterns = ["{subject:person} /(then|later|also)/? (toured|visited) {object:country+}"]

[[rule]]
id = "meet/talks"
relation = "meet"
patterns = ["{subject:person} held talks with {object:person}"]
"#;
    let x = extractor(first);
    let mut joined = RuleSet::new();
    joined.add_str("first.toml", first).unwrap();
    let mut other = RuleSet::new();
    other.add_str("second.toml", second).unwrap();
    joined.extend(other).unwrap();
    assert_eq!(joined.pattern_count(), 3);
    let date = "2025-06-17".parse().unwrap();
    let text = "Xi then met Putin. Putin later visited China and Iran. Japarov held talks with Xi.";
    let (t, res) = x.analyze(text, date);
    let found: Vec<String> = joined
        .apply(&t, &res)
        .iter()
        .map(|r| {
            let rule = &joined.rules()[r.rule].id;
            format!(
                "{rule}: {}, {}",
                res.entities[r.subject].name,
                r.object.map_or("", |o| res.entities[o].name.as_str())
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "meet/met: Xi Jinping, Vladimir Putin",
            "visit/visited: Vladimir Putin, China",
            "visit/visited: Vladimir Putin, Iran",
            "meet/talks: Sadyr Japarov, Xi Jinping",
        ]
    );
}

#[test]
fn check_examples_reports_what_failed_and_who_fired_instead() {
    let x = extractor(
        r#"
date = "2025-06-17"

[[rule]]
id = "meet/met"
relation = "meet"
patterns = ["{subject:person} met {object:person}"]
examples = [
  "Xi met Putin. => meet(Xi Jinping, Vladimir Putin)",
  "Xi met Putin. => meet(Xi Jinping, Sadyr Japarov)",
]
counterexamples = ["Xi never met Putin.", "Xi met Putin at last."]

[[rule]]
id = "visit/visited"
relation = "visit"
patterns = ["{subject:person} visited {object:country}"]
examples = ["Putin visited China. => visit(putin, \u201cchina\u201d)"]
counterexamples = ["Putin visited Japarov."]
"#,
    );
    let report = x.check_rules();
    assert_eq!((report.rules, report.examples, report.counterexamples), (2, 3, 3));
    assert_eq!(report.failures.len(), 2, "{report}");
    assert!(!report.is_ok());
    let wrong = &report.failures[0];
    assert_eq!(wrong.rule, "meet/met");
    assert_eq!(wrong.missing, ["meet(Xi Jinping, Sadyr Japarov)"]);
    assert_eq!(wrong.unexpected, ["meet(Xi Jinping, Vladimir Putin) [meet/met]"]);
    assert!(report.failures[1].counterexample);
    let shown = report.to_string();
    assert!(shown.contains("FAIL meet/met (example at test.toml:10:4)"), "{shown}");
    assert!(shown.ends_with("2 rules, 3 examples, 3 counterexamples: 2 failed"), "{shown}");
}

#[test]
fn defines_cannot_grow_exponentially() {
    let mut file = String::from("[define]\nd0 = \"met\"\n");
    for i in 1..40 {
        file.push_str(&format!("d{i} = \"<d{}> <d{}>\"\n", i - 1, i - 1));
    }
    file.push_str("[[rule]]\nid = \"x\"\nrelation = \"meet\"\npatterns = [\"{subject} <d39> {object}\"]\n");
    let e = RuleSet::new().add_str("x.toml", &file).unwrap_err().to_string();
    assert!(e.contains("at most 2000 parts"), "{e}");
}
