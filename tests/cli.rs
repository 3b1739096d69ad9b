//! The command-line tool: formats, batch mode, errors.

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};

/// The tool, started with every standard stream piped.
fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs")
}

fn attache(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args);
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    // write from another thread so a large input cannot deadlock against a full stdout pipe
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("writer thread");
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
}

#[test]
fn json_output_has_the_contract_fields() {
    let out = attache(&["extract", "--format", "json", "--date", "2025-06-17"], b"Kazakhstan and China.");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("one JSON object");
    for field in ["entities", "mentions", "relations"] {
        assert!(doc[field].is_array(), "{field} missing in {doc}");
    }
    assert_eq!(doc["date"], "2025-06-17");
    assert!(doc.get("date_assumed").is_none());
}

#[test]
fn no_date_means_an_assumed_date() {
    let out = attache(&["extract", "--format", "json"], b"Hello.");
    let doc: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("one JSON object");
    assert_eq!(doc["date_assumed"], true);
    assert!(doc["date"].is_string());
}

#[test]
fn batch_mode_keeps_every_record_in_order() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\": \"a\", \"text\": \"Kazakhstan signed.\", \"date\": \"2025-06-17\"}\n");
    input.extend_from_slice(b"this is not JSON\n");
    input.extend_from_slice(b"{\"id\": \"c\"}\n");
    input.extend_from_slice(b"{\"id\": \"d\", \"text\": 42}\n");
    input.extend_from_slice(b"{\"id\": \"e\", \"text\": \"bad \xff byte\"}\n");
    input.extend_from_slice(b"{\"id\": \"f\", \"text\": \"ok\", \"date\": \"17/06/2025\"}\n");
    input.extend_from_slice(b"[1, 2]\n");
    input.extend_from_slice(b"\n");
    // more than two chunks of the batch reader (1,024 lines each)
    for i in 0..2_500 {
        input.extend_from_slice(format!("{{\"id\": {i}, \"text\": \"Line {i} about China.\"}}\n").as_bytes());
    }
    let out = attache(&["extract", "--format", "jsonl", "--threads", "2"], &input);
    // every record is written, and the exit code and a count say that some are errors
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("7 of 2508 records failed"), "{err}");
    let lines: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect();
    assert_eq!(lines.len(), 2_508, "one output line per input line");
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["entities"].is_array());
    // a line with a bad byte keeps its id
    for (i, id) in [(1, serde_json::Value::Null), (2, "c".into()), (3, "d".into()), (4, "e".into())] {
        assert_eq!(lines[i]["id"], id, "line {}", i + 1);
        assert!(lines[i]["error"].is_string(), "line {} should be an error record: {}", i + 1, lines[i]);
        assert_eq!(lines[i]["line"], i + 1);
    }
    assert!(lines[2]["error"].as_str().unwrap().contains("text"));
    assert!(lines[4]["error"].as_str().unwrap().contains("UTF-8"));
    assert!(lines[5]["error"].as_str().unwrap().contains("date"));
    // messages say what a line should be, not how serde saw it
    let error = |i: usize| lines[i]["error"].as_str().unwrap_or_default().to_string();
    assert!(error(6).contains("must be a JSON object") && error(6).contains("found an array [1,2]"), "{}", error(6));
    assert!(error(3).contains("`text` must be a string; found a number 42"), "{}", error(3));
    assert!(error(2).contains("no `text`"), "{}", error(2));
    assert!(lines[7]["error"].is_string(), "an empty line is an error record too");
    for (k, line) in lines[8..].iter().enumerate() {
        assert_eq!(line["id"], k, "order is kept");
    }
}

#[test]
fn invalid_utf8_is_a_clear_error_unless_lossy() {
    let out = attache(&["extract", "--format", "json"], b"China \xc3\x28 and Russia");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("byte offset 6"), "{err}");
    assert!(err.contains("--lossy"), "{err}");
    let out = attache(&["extract", "--format", "json", "--lossy"], b"China \xc3\x28 and Russia");
    assert!(out.status.success());
}

#[test]
fn pretty_format_is_readable() {
    let out = attache(&["extract", "--format", "pretty", "--date", "2025-06-17"], b"A quiet day.");
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("as of 2025-06-17"), "{text}");
    assert!(text.contains("relations"), "{text}");
}

#[test]
fn bad_gazetteer_file_names_file_line_and_column() {
    let dir = std::env::temp_dir().join(format!("attache-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.jsonl");
    std::fs::write(&path, "{\"id\":\"place:a\",\"kind\":\"place\",\"name\":\"A\"}\n{\"id\":\"place:b\",\"kind\":\"plaice\",\"name\":\"B\"}\n")
        .unwrap();
    let out = attache(&["extract", "--gazetteer", path.to_str().unwrap()], b"A");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.jsonl:2:"), "{err}");
    assert!(err.contains("plaice"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn missing_file_is_reported_and_others_still_run() {
    let out = attache(&["extract", "--format", "json", "/nonexistent/attache-test.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/attache-test.txt"), "{err}");
    assert!(err.contains("1 of 1 inputs failed"), "{err}");
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    let mut child = spawn(&["extract", "--format", "jsonl"]);
    let mut input = child.stdin.take().expect("stdin is piped");
    let writer = std::thread::spawn(move || {
        for i in 0..20_000 {
            let line = format!("{{\"id\": {i}, \"text\": \"Kazakhstan and China signed a deal.\"}}\n");
            if input.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    // read one line, then close our end of the pipe while the tool is still writing
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut first = [0u8; 64];
    let _ = std::io::Read::read(&mut stdout, &mut first);
    drop(stdout);
    let out = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("writer thread");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.status.success(), "exit {:?}: {err}", out.status.code());
}

#[test]
fn batch_mode_over_plain_text_fails_with_a_count() {
    let out = attache(&["extract", "--format", "jsonl"], b"Kazakhstan and China signed a deal.\nA second line.\n");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2 of 2 records failed"), "{err}");
    assert_eq!(stdout(&out).lines().count(), 2);
}

/// Runs `attache extract` with one gazetteer file named `name` holding `contents`.
fn with_gazetteer(name: &str, contents: &str) -> (Option<i32>, String) {
    let dir = std::env::temp_dir().join(format!("attache-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("writes");
    let out = attache(&["extract", "--format", "json", "--gazetteer", path.to_str().expect("a UTF-8 path")], b"Hi.");
    std::fs::remove_dir_all(&dir).ok();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_gazetteer_with_an_unknown_extension_is_refused_with_the_accepted_ones() {
    let (code, err) = with_gazetteer("people.csv", "Jane Doe,person\n");
    assert_eq!(code, Some(2));
    assert!(err.contains("people.csv:1:1") && err.contains("unknown file extension `.csv`"), "{err}");
    assert!(err.contains(".jsonl") && err.contains(".tsv"), "{err}");
}

#[test]
fn an_extra_tsv_column_is_an_error_at_its_column() {
    let (code, err) = with_gazetteer("people.tsv", "Jane Doe\tperson\tperson:jane-doe\tBritish\n");
    assert_eq!(code, Some(2));
    assert!(err.contains("people.tsv:1:33") && err.contains("a fourth: `British`"), "{err}");
}

#[test]
fn a_country_attribute_must_be_a_known_alpha3_code() {
    let bad = r#"{"id":"person:jane-doe","kind":"person","name":"Jane Doe","attrs":{"country":"Kazakhstan"}}"#;
    let (code, err) = with_gazetteer("people.jsonl", bad);
    assert_eq!(code, Some(2));
    assert!(err.contains("people.jsonl:1:") && err.contains("attrs.country `Kazakhstan`"), "{err}");
    let unknown = r#"{"id":"person:jane-doe","kind":"person","name":"Jane Doe","attrs":{"country":"XYZ"}}"#;
    assert_eq!(with_gazetteer("people.jsonl", unknown).0, Some(2));
    let good = r#"{"id":"person:jane-doe","kind":"person","name":"Jane Doe","attrs":{"country":"KAZ"}}"#;
    assert_eq!(with_gazetteer("people.jsonl", good).0, Some(0));
}
