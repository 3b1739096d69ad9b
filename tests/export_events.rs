//! `--format plover` and `--format events`: event records as event-data tools read them.
//!
//! The PLOVER record is checked against the fields of the PLOVER manual's data chapter (v0.8): the
//! required `id` (unique), `date` (YYYY-MM-DD), `actor` (a list of entity objects) and `event` (a
//! list of PLOVER types); the optional `recipient`, `mode`, `event_text`, `text`; entity objects
//! with `code`, `sector`, `entity_text`, `identifier_id`, `identifier_text`.

use std::collections::HashSet;
use std::io::Write;
use std::process::{Command, Stdio};

const NEWS: &str = "Russian President Vladimir Putin visited China on Monday. \
Xi Jinping held talks with Vladimir Putin in Beijing. \
Kenyan police arrested dozens of protesters in Nairobi on Tuesday. \
Japan pledged $2 billion to Ukraine.";

fn run(args: &[&str], input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("writes");
    let out = child.wait_with_output().expect("finishes");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

const TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

fn check_entity(e: &serde_json::Value) {
    let code = e["code"].as_str().expect("an entity object has a code");
    assert!(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'), "{e}");
    if let Some(sector) = e.get("sector") {
        let sector = sector.as_str().expect("a sector is a string");
        assert!(!sector.is_empty() && sector.len() % 3 == 0, "{e}");
    }
    for field in ["entity_text", "identifier_id", "identifier_text"] {
        assert!(e[field].as_str().is_some_and(|s| !s.is_empty()), "{field} in {e}");
    }
}

#[test]
fn plover_records_have_the_manuals_fields() {
    let out = run(&["extract", "--format", "plover", "--date", "2025-06-17"], NEWS);
    let records: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).expect("each line is a JSON record")).collect();
    assert!(records.len() >= 4, "{out}");
    let mut ids = HashSet::new();
    let mut types = HashSet::new();
    for r in &records {
        assert!(ids.insert(r["id"].as_str().expect("an id").to_string()), "ids are unique: {r}");
        assert_eq!(r["date"], "2025-06-17");
        let event = r["event"].as_array().expect("event is a list");
        assert_eq!(event.len(), 1, "{r}");
        let t = event[0].as_str().expect("a type");
        assert!(TYPES.contains(&t), "{t} is a PLOVER type");
        types.insert(t.to_string());
        let actor = r["actor"].as_array().expect("actor is a list");
        assert!(!actor.is_empty(), "{r}");
        actor.iter().for_each(check_entity);
        if let Some(recipient) = r.get("recipient") {
            recipient.as_array().expect("recipient is a list").iter().for_each(check_entity);
        }
        if let Some(mode) = r.get("mode") {
            assert!(mode.as_array().is_some_and(|m| m.iter().all(|m| m.as_str().is_some_and(|m| !m.is_empty()))));
        }
        let text = r["text"].as_str().expect("the sentence");
        let evidence = r["event_text"][0].as_str().expect("the event's text");
        assert!(text.contains(evidence.trim_end_matches(['.', ' '])), "{r}");
        assert!(r["cameo"].as_str().is_some_and(|c| c.len() >= 3 && c.bytes().all(|b| b.is_ascii_digit())), "{r}");
    }
    for t in ["CONSULT", "COERCE"] {
        assert!(types.contains(t), "{types:?}");
    }
    // a meeting has no host: both parties are actors (the manual's convention); a visit has the
    // visitor as actor and the place visited as recipient
    let meeting = records.iter().find(|r| r["attache"]["kind"] == "meet").expect("a meeting");
    assert_eq!(meeting["actor"].as_array().map(Vec::len), Some(2), "{meeting}");
    assert!(meeting.get("recipient").is_none(), "{meeting}");
    let arrest = records.iter().find(|r| r["event"][0] == "COERCE").expect("an arrest");
    assert_eq!(
        (arrest["actor"][0]["code"].as_str(), arrest["actor"][0]["sector"].as_str()),
        (Some("KEN"), Some("COP"))
    );
}

#[test]
fn plover_batch_records_are_named_by_record_id() {
    let input =
        "{\"id\": \"wire-1\", \"text\": \"Xi Jinping held talks with Vladimir Putin.\", \"date\": \"2025-06-17\"}\n\
                 {\"id\": \"wire-2\", \"text\": \"Nothing happened.\", \"date\": \"2025-06-17\"}\n";
    let out = run(&["extract", "--format", "plover", "--batch"], input);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().expect("a record")).expect("JSON");
    assert_eq!(first["id"], "wire-1-1");
    assert_eq!(first["attache"]["document"], "wire-1");
}

#[test]
fn events_tsv_has_one_line_per_event_with_seven_columns() {
    let out = run(&["extract", "--format", "events", "--date", "2025-06-17"], NEWS);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("date\tsource\ttarget\ttype\tcameo\tdocument\tsentence"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() >= 4, "{out}");
    for row in &rows {
        assert_eq!(row.len(), 7, "{row:?}");
        assert_eq!(row[0], "2025-06-17");
        assert!(TYPES.contains(&row[3]), "{row:?}");
    }
    assert!(rows.iter().any(|r| r[1] == "RUSGOV" && r[2] == "CHN" && r[3] == "CONSULT" && r[4] == "042"), "{out}");
}
