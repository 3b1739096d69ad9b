//! Hostile input: whatever a crawler hands over, extraction neither panics nor hangs, and every
//! offset it reports is a UTF-8 boundary of the input that slices to the mention's text.
//!
//! The large cases (a 20 MB line, 2 MB of one name, a long list) run at full size in optimised
//! builds (`cargo test --release --test hostile`) and at a tenth of it in debug builds, where
//! the later stages take tens of seconds for them; their speed is measured by
//! `cargo bench --bench pipeline` (the `hostile` group), not timed here.

use std::io::Write;
use std::process::{Command, Stdio};

use attache::{Date, Document, Error, Extractor};
use once_cell::sync::Lazy;

/// `bytes`, or a tenth of it in debug builds.
fn size(bytes: usize) -> usize {
    if cfg!(debug_assertions) {
        bytes / 10
    } else {
        bytes
    }
}

static EXTRACTOR: Lazy<Extractor> = Lazy::new(|| Extractor::new().expect("the default extractor builds"));

fn date() -> Date {
    "2025-06-17".parse().expect("a valid date")
}

/// Extracts and checks the invariants every document must hold.
fn check(text: &str) -> Document {
    let doc = EXTRACTOR.extract_with_date(text, date());
    assert_invariants(text, &doc);
    doc
}

fn assert_invariants(text: &str, doc: &Document) {
    let ids: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
    let mut last_start = 0;
    for m in &doc.mentions {
        assert!(m.start <= m.end && m.end <= text.len(), "{m:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "{m:?}");
        assert_eq!(&text[m.start..m.end], m.text, "{m:?}");
        assert!(m.start >= last_start, "mentions out of order at {m:?}");
        last_start = m.start;
        assert!(ids.contains(&m.entity.as_str()), "{m:?} names no entity of the document");
    }
    for r in &doc.relations {
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?}");
        assert_eq!(&text[r.start..r.end], r.text);
        assert!(
            ids.contains(&r.subject.as_str()) && r.object.as_ref().map_or(true, |o| ids.contains(&o.as_str())),
            "{r:?}"
        );
    }
}

fn mentioned(doc: &Document) -> Vec<&str> {
    doc.mentions.iter().map(|m| m.text.as_str()).collect()
}

#[test]
fn empty_and_blank_input() {
    for text in ["", " ", "\n\n\n", "\t \r\n", "\u{200B}\u{FEFF}"] {
        let doc = check(text);
        assert!(doc.mentions.is_empty() && doc.entities.is_empty() && doc.relations.is_empty(), "{text:?}");
    }
}

#[test]
fn invalid_utf8_is_an_error_with_its_offset() {
    let err = EXTRACTOR.extract_bytes(b"Iran and \xff\xfe Iraq", Some(date())).unwrap_err();
    assert!(matches!(err, Error::InvalidUtf8 { offset: 9 }), "{err:?}");
    assert!(err.to_string().contains("byte offset 9"), "{err}");
    // a sequence cut short at the very end
    let err = EXTRACTOR.extract_bytes(b"Iran \xe2\x80", Some(date())).unwrap_err();
    assert!(matches!(err, Error::InvalidUtf8 { offset: 5 }), "{err:?}");
    let doc = EXTRACTOR.extract_bytes(b"Iran", Some(date())).expect("valid UTF-8");
    assert_eq!(mentioned(&doc), ["Iran"]);
}

#[test]
fn lossy_cli_offsets_refer_to_the_decoded_text() {
    let input: &[u8] = b"Bad \xff byte, then Iran.";
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["extract", "--format", "json", "--lossy", "--date", "2025-06-17"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    child.stdin.take().expect("stdin").write_all(input).expect("write");
    let out = child.wait_with_output().expect("the CLI ends");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let decoded = String::from_utf8_lossy(input);
    let mentions = doc["mentions"].as_array().expect("mentions");
    assert!(!mentions.is_empty());
    for m in mentions {
        let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(&decoded[s..e], m["text"].as_str().unwrap());
    }
}

#[test]
fn nul_bytes_and_control_characters() {
    let doc = check("Iran\0met\0\0Iraq \u{1}\u{7f} in\u{0}Baghdad\0");
    assert_eq!(mentioned(&doc), ["Iran", "Iraq", "Baghdad"]);
}

#[test]
fn crlf_line_endings() {
    let doc = check("Iran and Iraq\r\n\r\nPakistan said\r\n");
    assert_eq!(mentioned(&doc), ["Iran", "Iraq", "Pakistan"]);
    assert_eq!(doc.mentions[2].sentence, 1);
}

#[test]
fn emoji_and_zwj_sequences() {
    let doc = check("\u{1F1EE}\u{1F1F7} Iran \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} Iraq\u{1F44D}\u{1F3FD}!");
    assert_eq!(mentioned(&doc), ["Iran", "Iraq"]);
}

#[test]
fn combining_marks_stay_whole() {
    // a decomposed accent inside and after names; a stray mark at the start
    let doc = check("\u{301}Iran\u{301} and Ira\u{308}q met Iraq\u{301}\u{302}\u{303} in Tehran");
    for m in &doc.mentions {
        assert!(!m.text.starts_with('\u{301}'));
    }
    let doc = check("Cura\u{E7}ao and Curac\u{327}ao");
    assert!(doc.mentions.len() != 1, "both spellings or neither: {:?}", mentioned(&doc));
}

#[test]
fn bidi_controls_and_invisible_characters() {
    let doc = check("\u{202E}Iran\u{202C} and I\u{200B}raq met in \u{2066}Baghdad\u{2069}\u{AD}.");
    assert_eq!(mentioned(&doc)[0], "Iran");
    assert!(mentioned(&doc).contains(&"Baghdad"));
}

#[test]
fn cjk_and_mixed_scripts() {
    check("\u{4E60}\u{8FD1}\u{5E73}\u{540C}\u{54C8}\u{8428}\u{514B}\u{65AF}\u{5766}\u{3002}Iran\u{3001}Iraq\u{FF01}");
    check("\u{0627}\u{064A}\u{0631}\u{0627}\u{0646} Iran \u{05D9}\u{05E9}\u{05E8}\u{05D0}\u{05DC} \u{0928}\u{092E}\u{0938}\u{094D}\u{0924}\u{0947}");
    check("\u{130}stanbul \u{130}RAN I\u{307}ran ß SS \u{1E9E}");
}

#[test]
fn markup_soup() {
    let doc = check("<p>Iran&nbsp;and <b>Iraq</b></p><script>var x = \"Syria\";</script>&#x2019;s");
    assert!(mentioned(&doc).contains(&"Iraq"));
}

#[test]
fn a_20_mb_single_line() {
    let unit = "Officials from Iran and Pakistan met in Islamabad on Monday, said the ministry; ";
    let n = size(20_000_000) / unit.len() + 1;
    let text = unit.repeat(n);
    let doc = check(&text);
    assert_eq!(doc.mentions.len(), 3 * n);
}

#[test]
fn two_mb_of_one_repeated_name() {
    let text = "Iran ".repeat(size(2_000_000) / 5);
    let doc = check(&text);
    assert_eq!(doc.mentions.len(), size(2_000_000) / 5);
    assert_eq!(doc.entities.len(), 1);
}

#[test]
fn no_spaces_and_no_sentence_ends() {
    let text = "IranIraq-Pakistan,Syria;".repeat(size(100_000));
    let doc = check(&text);
    assert!(mentioned(&doc).contains(&"Pakistan"));
    let text = "Iran and Iraq met ".repeat(size(100_000));
    check(&text);
}

#[test]
fn a_long_coordinated_list() {
    let mut text = String::new();
    let n = size(200_000);
    for _ in 0..n / 4 {
        text.push_str("Iran, Iraq, Syria, Jordan, ");
    }
    text.push_str("and Egypt met.");
    let doc = check(&text);
    assert_eq!(doc.mentions.len(), n + 1);
}

#[test]
fn pathological_punctuation() {
    check(&".".repeat(size(1_000_000)));
    check(&"a.".repeat(size(1_000_000)));
    check(&"U.S. ".repeat(size(100_000)));
    check(&"\u{2019}".repeat(size(100_000)));
    check(&"'s".repeat(size(100_000)));
    check(&"\n".repeat(size(1_000_000)));
    check(&"Mr. ".repeat(size(100_000)));
    check(&"\u{301}".repeat(size(100_000)));
}

/// Inputs that once crashed a fuzz target (`tools/fuzz.sh` keeps them in
/// `tests/fuzz-regressions/<target>/`): the `extract` ones must now extract cleanly.
#[test]
fn fuzz_regressions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions/extract");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for entry in entries.flatten() {
        let bytes = std::fs::read(entry.path()).expect("a regression input");
        let text = String::from_utf8_lossy(&bytes);
        check(&text);
    }
}
