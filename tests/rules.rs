//! The rule language from the outside: the default rules' self-tests, errors, and `attache test`.

use std::path::PathBuf;
use std::process::Command;

use attache::rules::{RuleSet, DEFAULT_FILES};
use attache::{Error, Extractor};

#[test]
fn every_default_rule_passes_its_examples() {
    let extractor = Extractor::new().expect("the embedded defaults build");
    let report = extractor.check_rules();
    assert!(report.is_ok(), "\n{report}");
}

#[test]
fn the_default_rule_set_is_large_and_fully_exemplified() {
    let mut set = RuleSet::new();
    for (label, text) in DEFAULT_FILES {
        set.add_str(label, text).expect("the default rules compile");
    }
    assert!(set.rules().len() >= 60, "{} rules", set.rules().len());
    for rule in set.rules() {
        assert!(rule.examples.len() >= 2, "{} has fewer than two examples", rule.id);
        assert!(!rule.counterexamples.is_empty(), "{} has no counterexample", rule.id);
    }
    for kind in ["meet", "visit", "pledge", "sign", "appeal", "agree", "cooperate", "member"] {
        assert!(set.rules().iter().any(|r| r.relation == kind), "no rule for {kind}");
    }
}

fn rules_error(text: &str) -> String {
    match Extractor::builder().defaults(false).rules_str("my-rules.toml", text).build() {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => {
            assert!(matches!(e, Error::Rules { .. }), "{e:?}");
            e.to_string()
        }
    }
}

#[test]
fn syntax_errors_name_file_line_column_and_what_was_expected() {
    let e = rules_error(
        "[[rule]]\nid = \"meet/x\"\nrelation = \"meet\"\npatterns = [\"{subject:person} [met {object:person}\"]\n",
    );
    assert!(e.starts_with("my-rules.toml:4:"), "{e}");
    assert!(e.contains("expected `|` or `]`") && e.contains("found the end of the pattern"), "{e}");

    let e = rules_error("[[rule]]\nid = \"meet/x\"\nrelation = \"meet\"\npatterns = [\"{subject:person} met …\"]\n");
    assert!(e.starts_with("my-rules.toml:4:"), "{e}");
    assert!(e.contains("expected the gap's length"), "{e}");

    // TOML itself
    let e = rules_error("[[rule]]\nid = \"meet/x\"\nrelation = meet\n");
    assert!(e.starts_with("my-rules.toml:3:"), "{e}");

    // unknown field
    let e = rules_error("[[rule]]\nid = \"meet/x\"\nrelation = \"meet\"\npaterns = [\"{subject} met {object}\"]\n");
    assert!(e.starts_with("my-rules.toml:") && e.contains("paterns"), "{e}");
}

#[test]
fn unknown_kinds_are_errors() {
    let e = rules_error("[[rule]]\nid = \"x\"\nrelation = \"hug\"\npatterns = [\"{subject} hugged {object}\"]\n");
    assert!(
        e.starts_with("my-rules.toml:3:13") && e.contains("expected a relation kind") && e.contains("`hug`"),
        "{e}"
    );
    let e = rules_error("[[rule]]\nid = \"x\"\nrelation = \"meet\"\npatterns = [\"{subject:leader} met {object}\"]\n");
    assert!(
        e.starts_with("my-rules.toml:4:23") && e.contains("expected an entity kind") && e.contains("`leader`"),
        "{e}"
    );
    let e = rules_error(
        "[[rule]]\nid = \"x\"\nrelation = \"meet\"\npatterns = [\"{subject} met {object}\"]\nexamples = [\"A met B. => hug(A, B)\"]\n",
    );
    assert!(e.starts_with("my-rules.toml:5:") && e.contains("`hug`"), "{e}");
}

/// Writes `contents` to `name` in `dir` (a directory of the test's own, removed when it ends).
fn temp_file(dir: &tempfile::TempDir, name: &str, contents: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("attache-rules-test-").tempdir().unwrap()
}

const PEOPLE: &str = r#"{"id":"person:ana-lima","kind":"person","name":"Ana Lima","aliases":["Lima"]}
{"id":"person:ben-okafor","kind":"person","name":"Ben Okafor","aliases":["Okafor"]}
{"id":"person:chen-wei","kind":"person","name":"Chen Wei"}
"#;

const GREETED: &str = r#"
[[rule]]
id = "meet/greeted"
relation = "meet"
patterns = ["{subject:person} greeted {object:person}"]
examples = ["Ana Lima greeted Ben Okafor. => meet(Ana Lima, Ben Okafor)"]
counterexamples = ["Ana Lima never greeted Ben Okafor."]
"#;

#[test]
fn attache_test_passes_a_good_file() {
    let dir = temp_dir();
    let gazetteer = temp_file(&dir, "people-good.jsonl", PEOPLE);
    let ok = temp_file(&dir, "good.toml", GREETED);
    let exe = env!("CARGO_BIN_EXE_attache");
    let out =
        Command::new(exe).args(["test", "--no-defaults", "--gazetteer"]).arg(&gazetteer).arg(&ok).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("1 rules, 1 examples, 1 counterexamples: all passed"), "{stdout}");
}

#[test]
fn attache_test_names_a_wrong_example_and_fails() {
    let dir = temp_dir();
    let gazetteer = temp_file(&dir, "people-bad.jsonl", PEOPLE);
    let bad = format!(
        "{GREETED}\n[[rule]]\nid = \"meet/hugged\"\nrelation = \"meet\"\npatterns = [\"{{subject:person}} hugged {{object:person}}\"]\nexamples = [\"Chen Wei hugged Ben Okafor. => meet(Chen Wei, Ana Lima)\"]\n"
    );
    let wrong = temp_file(&dir, "bad.toml", &bad);
    let exe = env!("CARGO_BIN_EXE_attache");
    let out =
        Command::new(exe).args(["test", "--no-defaults", "--gazetteer"]).arg(&gazetteer).arg(&wrong).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("FAIL meet/hugged (example at"), "{stdout}");
    assert!(stdout.contains("bad.toml:13:"), "{stdout}");
    assert!(stdout.contains("missing:    meet(Chen Wei, Ana Lima)"), "{stdout}");
    assert!(stdout.contains("unexpected: meet(Chen Wei, Ben Okafor) [meet/hugged]"), "{stdout}");
    assert!(stdout.contains("2 rules, 2 examples, 1 counterexamples: 1 failed"), "{stdout}");
}

#[test]
fn attache_test_on_a_broken_file_says_where() {
    let dir = temp_dir();
    let broken =
        temp_file(&dir, "broken.toml", "[[rule]]\nid = \"x\"\nrelation = \"meet\"\npatterns = [\"{subject met\"]\n");
    let out =
        Command::new(env!("CARGO_BIN_EXE_attache")).args(["test", "--no-defaults"]).arg(&broken).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("broken.toml:4:"), "{stderr}");
}

#[test]
fn explain_shows_rule_pattern_parts_and_near_misses() {
    let dir = temp_dir();
    let gazetteer = temp_file(&dir, "explain.jsonl", PEOPLE);
    let rules = temp_file(
        &dir,
        "explain.toml",
        "[[rule]]\nid = \"meet/greeted\"\nrelation = \"meet\"\npatterns = [\"{subject:person} greeted {object:person}\"]\n",
    );
    let input = temp_file(&dir, "explain.txt", "Lima greeted Okafor. Lima greeted a crowd.");
    let out = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["extract", "--explain", "--format", "pretty", "--date", "2025-06-17", "--no-defaults", "--gazetteer"])
        .arg(&gazetteer)
        .arg("--rules")
        .arg(&rules)
        .arg(&input)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("meet(Ana Lima, Ben Okafor)  by meet/greeted"), "{stdout}");
    assert!(stdout.contains("{object:person}") && stdout.contains("<- Okafor"), "{stdout}");
    assert!(stdout.contains("no relation in: \"Lima greeted a crowd.\""), "{stdout}");
    assert!(stdout.contains("stopped at {object:person}: found \"a\""), "{stdout}");
}

#[test]
fn attache_test_checks_an_edited_default_file_in_place_of_the_embedded_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/diplomacy.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_attache")).args(["test", path]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("all passed"), "{stdout}");
}

#[test]
fn default_rules_can_be_left_out_while_keeping_the_default_gazetteers() {
    let x = Extractor::builder().defaults(attache::Defaults::Gazetteers).build().unwrap();
    assert!(x.rules().rules().is_empty());
    assert!(!x.gazetteer().is_empty());
}

fn with_people(rules: &str) -> attache::Result<Extractor> {
    Extractor::builder().defaults(false).gazetteer_str("people.jsonl", PEOPLE).rules_str("my-rules.toml", rules).build()
}

#[test]
fn a_rule_file_declares_a_relation_kind_of_its_own_with_its_event() {
    let rules = r#"
[kinds.condemn]
event = "ACCUSE"
mode = "disapprove"
cameo = "111"

[[rule]]
id = "condemn/condemned"
relation = "condemn"
patterns = ["{subject:person} <aux> (condemned|condemns) {object:person}"]
examples = ["Ana Lima condemned Ben Okafor on Monday. => condemn(Ana Lima, Ben Okafor)"]
counterexamples = ["Ana Lima did not condemn Ben Okafor."]

[define]
aux = "[has|have|had|also]"
"#;
    let extractor = with_people(rules).expect("a declared kind is usable");
    let report = extractor.check_rules();
    assert!(report.is_ok(), "{report}");
    let doc = extractor.extract("Ana Lima has condemned Ben Okafor.");
    let r = &doc.relations[0];
    assert_eq!(r.kind.as_str(), "condemn");
    assert_eq!(
        (r.event.event_type, r.event.mode.as_str(), r.event.cameo.as_str()),
        (attache::EventType::Accuse, "disapprove", "111")
    );
    let json = serde_json::to_string(r).expect("a relation serialises");
    assert!(json.contains(r#""event":{"type":"ACCUSE","mode":"disapprove","cameo":"111"}"#), "{json}");
}

#[test]
fn a_kind_redeclared_with_another_event_is_an_error_unless_replaced() {
    let clash = "[kinds.meet]\nevent = \"ACCUSE\"\n";
    let e = rules_error(clash);
    assert!(e.contains("kind `meet` is already declared at rules/kinds.toml:"), "{e}");
    assert!(e.starts_with("my-rules.toml:1:1"), "{e}");
    let replaced = "[kinds.meet]\nevent = \"CONSULT\"\ncameo = \"046\"\nsymmetric = true\nreplace = true\n";
    let extractor = Extractor::builder().rules_str("my-rules.toml", replaced).build().expect("replace");
    let doc =
        extractor.extract_with_date("Xi Jinping held talks with Vladimir Putin.", "2025-06-17".parse().expect("date"));
    assert_eq!(doc.relations[0].event.cameo, "046");
    let unknown = rules_error("[kinds.condemn]\nmode = \"x\"\n");
    assert!(unknown.contains("expected `event` (a PLOVER type) or `cameo` in kind `condemn`"), "{unknown}");
    let bad_type = rules_error("[kinds.condemn]\nevent = \"SCOLD\"\n");
    assert!(bad_type.contains("found `SCOLD`"), "{bad_type}");
}

#[test]
fn a_pattern_without_an_object_finds_one_party_events_with_their_location() {
    let rules = r#"
[[rule]]
id = "protest/marched"
relation = "protest"
patterns = ["{subject:person} (marched|rallied) [through|in] [{location:place|country}]"]
examples = [
  "Ana Lima marched in Kenya on Friday. => protest(Ana Lima, location=country:KEN)",
  "Ana Lima rallied outside parliament. => protest(Ana Lima)",
]
counterexamples = ["Ana Lima never marched."]
"#;
    let extractor = Extractor::builder()
        .gazetteer_str("people.jsonl", PEOPLE)
        .rules_str("my-rules.toml", rules)
        .defaults(attache::Defaults::Gazetteers)
        .build()
        .expect("builds");
    let report = extractor.check_rules();
    assert!(report.is_ok(), "{report}");
    let doc = extractor.extract("Ana Lima marched in Kenya.");
    let r = &doc.relations[0];
    assert_eq!((r.kind.as_str(), r.object.as_deref()), ("protest", None));
    assert_eq!(r.event.event_type, attache::EventType::Protest);
    assert_eq!(r.args.get("location").map(String::as_str), Some("country:KEN"));
    let json = serde_json::to_string(r).expect("serialises");
    assert!(!json.contains("\"object\""), "{json}");
}

#[test]
fn a_user_rule_replaces_a_default_rule_only_when_it_says_so() {
    let rule = |replace: &str| {
        format!(
            "[[rule]]\nid = \"meet/held-talks\"\n{replace}relation = \"meet\"\npatterns = [\"{{subject:person}} conferred with {{object:person}}\"]\nexamples = [\"Xi Jinping conferred with Vladimir Putin. => meet(Xi Jinping, Vladimir Putin)\"]\n"
        )
    };
    let clash = Extractor::builder().rules_str("my-rules.toml", &rule("")).build();
    let e = clash.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(e.contains("my-rules.toml:2:") && e.contains("rules/diplomacy.toml:"), "{e}");
    let replaced = Extractor::builder().rules_str("my-rules.toml", &rule("replace = true\n")).build();
    let extractor = replaced.expect("a replacing rule builds");
    let held = extractor.rules().rules().iter().filter(|r| r.id == "meet/held-talks").count();
    assert_eq!(held, 1);
    let doc =
        extractor.extract_with_date("Xi Jinping held talks with Vladimir Putin.", "2025-06-17".parse().expect("date"));
    assert!(doc.relations.iter().all(|r| r.rule != "meet/held-talks"), "{:?}", doc.relations);
}

/// The default extractor with one user rule file on top.
fn over_defaults(rules: &str) -> Extractor {
    Extractor::builder().rules_str("my-rules.toml", rules).build().expect("the user's rules build")
}

fn check_mine(extractor: &Extractor) -> attache::check::Report {
    extractor.check_rules_with(&attache::check::CheckOptions::new().files(["my-rules.toml"]))
}

#[test]
fn an_example_fails_when_only_another_rule_finds_its_relation() {
    // broken on purpose: "zzzz" never occurs, but a default rule finds the meeting
    let x = over_defaults(
        r#"
date = "2025-06-17"
[[rule]]
id = "meet/joint-presser"
relation = "meet"
patterns = ["{subject:person} (zzzz) joint press conference with {object:person}"]
examples = ["Xi Jinping held talks with Vladimir Putin. => meet(Xi Jinping, Vladimir Putin)"]
counterexamples = ["Xi Jinping never met Vladimir Putin."]
"#,
    );
    let report = check_mine(&x);
    assert!(!report.is_ok(), "{report}");
    assert_eq!(report.rules, 1, "only the user's file is checked: {report}");
    let failure = &report.failures[0];
    assert!(failure.missing.is_empty() && failure.unexpected.is_empty(), "{failure}");
    assert!(failure.why.iter().any(|w| w.contains("meet/joint-presser found none of the expected")), "{failure}");
    // credited to the file, the verdict is the same: no rule of my-rules.toml found it
    let by_file = x.check_rules_with(
        &attache::check::CheckOptions::new().files(["my-rules.toml"]).credit(attache::check::Credit::File),
    );
    assert!(!by_file.is_ok(), "{by_file}");
}

#[test]
fn a_counterexample_fails_when_its_rule_fires_whatever_other_rules_found_first() {
    // the default rules find this meeting before the user's rule does
    let x = over_defaults(
        r#"
date = "2025-06-17"
[[rule]]
id = "meet/held-talks-again"
relation = "meet"
patterns = ["{subject:person} held talks with {object:person}"]
examples = ["Xi Jinping held talks with Vladimir Putin in Moscow. => meet(Xi Jinping, Vladimir Putin)"]
counterexamples = ["Xi Jinping held talks with Vladimir Putin."]
"#,
    );
    let report = check_mine(&x);
    assert_eq!(report.failures.len(), 1, "{report}");
    assert!(report.failures[0].counterexample);
    assert_eq!(report.failures[0].unexpected, ["meet(Xi Jinping, Vladimir Putin) [meet/held-talks-again]"]);
}

#[test]
fn a_rule_without_examples_fails_unless_untested_rules_are_allowed() {
    let x = with_people(
        r#"
[[rule]]
id = "meet/greeted"
relation = "meet"
patterns = ["{subject:person} greeted {object:person}"]
"#,
    )
    .expect("builds");
    let report = x.check_rules();
    assert!(!report.is_ok());
    assert_eq!(report.untested.len(), 1);
    assert!(
        report.to_string().ends_with("1 rules, 0 examples, 0 counterexamples: 1 failed (1 without examples)"),
        "{report}"
    );
    let allowed = x.check_rules_with(&attache::check::CheckOptions::new().allow_untested(true));
    assert!(allowed.is_ok(), "{allowed}");
    assert!(allowed.to_string().contains("NOTE meet/greeted"), "{allowed}");
}

#[test]
fn a_failure_says_why_nothing_came_out() {
    let x = with_people(
        r#"
[[rule]]
id = "meet/greeted"
relation = "meet"
patterns = ["{subject:person} <aux> greeted {object:person}"]
examples = [
  "Ana Lima greeted Dan Mwangi. => meet(Ana Lima, Dan Mwangi)",
  "Ana Lima greeted a crowd. => meet(Ana Lima, Ben Okafor)",
  "Ana Lima did not greet Ben Okafor. => meet(Ana Lima, Ben Okafor)",
  "Ana Lima hugged Ben Okafor. => meet(Ana Lima, Ben Okafor)",
  "Ana Lima had not greeted Ben Okafor. => meet(Ana Lima, Ben Okafor)",
]
[define]
aux = "[had|has] [not]"
"#,
    )
    .expect("builds");
    let report = x.check_rules();
    let why = |i: usize| report.failures[i].why.join("\n");
    assert_eq!(report.failures.len(), 5, "{report}");
    assert!(why(0).contains("no entity in the sentence answers to \"Dan Mwangi\""), "{}", why(0));
    assert!(why(1).contains("stopped at {object:person}: found \"a\""), "{}", why(1));
    assert!(why(3).contains("a word each requires is absent"), "{}", why(3));
    assert!(why(4).contains("a negation before its verb cancelled it"), "{}", why(4));
}

#[test]
fn attache_test_checks_the_given_file_or_everything() {
    let dir = temp_dir();
    let rules = temp_file(&dir, "mine.toml", GREETED);
    let gazetteer = temp_file(&dir, "people.jsonl", PEOPLE);
    let run = |extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_attache"))
            .arg("test")
            .args(extra)
            .arg("--gazetteer")
            .arg(&gazetteer)
            .arg(&rules)
            .output()
            .expect("runs");
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (code, mine) = run(&[]);
    assert_eq!(code, Some(0), "{mine}");
    assert!(mine.contains("1 rules,"), "{mine}");
    let (code, all) = run(&["--all"]);
    assert_eq!(code, Some(0), "{all}");
    let count: usize = all.lines().last().and_then(|l| l.split(' ').next()).and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(count > 60, "{all}");
}

#[test]
fn the_cli_keeps_the_default_gazetteers_without_the_default_rules() {
    let dir = temp_dir();
    let input = temp_file(&dir, "news.txt", "Xi Jinping held talks with Vladimir Putin in Moscow.");
    let run = |flag: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_attache"))
            .args(["extract", "--format", "json", "--date", "2025-06-17", flag])
            .arg(&input)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("json")
    };
    let no_rules = run("--no-default-rules");
    assert!(no_rules["relations"].as_array().map_or(true, |r| r.is_empty()), "{no_rules}");
    assert!(no_rules["entities"].as_array().is_some_and(|e| e.len() >= 3), "{no_rules}");
    let no_gazetteers = run("--no-default-gazetteers");
    assert!(no_gazetteers["entities"].as_array().map_or(true, |e| e.is_empty()), "{no_gazetteers}");
}
