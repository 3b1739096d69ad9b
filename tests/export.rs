//! The exports (`--format html`, `conll`, `brat`, `plover`) and the progress bar, through the command line
//! and the library.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Output, Stdio};

use attache::export::{BratExporter, ConllExporter, Exporter, HtmlExporter, Item, PloverExporter};
use attache::{Document, Entity, EntityKind, Event, EventType, Mention, Relation, RelationKind};

fn attache(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("writer thread");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
}

const DATE: &str = "2025-06-17";
const MULTIBYTE: &str = "Zelenskyy met Erdoğan in Türkiye.";
const NESTED: &str = "Turkish troops and Syrian opposition leaders met in Ankara.";
const TALKS: &str = "Kazakh President Kassym-Jomart Tokayev held talks with Xi Jinping in Astana.";
const HOSTILE: &str = "<script>alert('x')</script> & \"Zelenskyy\" met Erdoğan.\r\nThen <b>he</b> left.";

/// The JSON documents of a batch input, in order.
fn json_docs(jsonl: &str) -> Vec<serde_json::Value> {
    let out = attache(&["extract", "--format", "jsonl"], jsonl.as_bytes());
    stdout(&out).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

fn record(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "date": DATE}).to_string() + "\n"
}

fn batch_input() -> String {
    [record("multibyte/1", MULTIBYTE), record("nested 2", NESTED), record("hostile", HOSTILE), record("talks", TALKS)]
        .concat()
}

/// Every `<mark` opened is closed, never below zero.
fn marks_balance(html: &str) -> bool {
    let mut depth: i64 = 0;
    let mut rest = html;
    while let Some(i) = rest.find("<mark").into_iter().chain(rest.find("</mark>")).min() {
        if rest[i..].starts_with("</mark>") {
            depth -= 1;
            if depth < 0 {
                return false;
            }
        } else {
            depth += 1;
        }
        rest = &rest[i + 5..];
    }
    depth == 0
}

#[test]
fn html_marks_every_mention_and_lists_every_relation() {
    let input = batch_input();
    let docs = json_docs(&input);
    let mentions: usize = docs.iter().map(|d| d["mentions"].as_array().unwrap().len()).sum();
    let relations: usize = docs.iter().map(|d| d["relations"].as_array().unwrap().len()).sum();
    assert!(mentions >= 8 && relations >= 2, "{docs:?}");
    let html = stdout(&attache(&["extract", "--format", "html", "--batch"], input.as_bytes()));
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert_eq!(html.matches("<mark data-entity=").count(), mentions);
    assert_eq!(html.matches(" data-relation=").count(), relations);
    assert_eq!(html.matches("<section class=\"doc\"").count(), 4);
    assert!(marks_balance(&html));
    // self-contained: nothing loaded from anywhere
    for needle in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(needle), "{needle} in the page");
    }
    // a one-party relation would have no data-object; these have both parties
    assert!(html.contains("data-relation=\"meet\" data-subject=\"person:volodymyr-zelenskyy\" data-object=\"person:recep-tayyip-erdogan\" data-event=\"CONSULT\""));
}

#[test]
fn html_escapes_text_names_and_ids() {
    let html = stdout(&attache(&["extract", "--format", "html", "--date", DATE], HOSTILE.as_bytes()));
    let body = &html[html.find("<main>").unwrap()..html.find("</main>").unwrap()];
    assert!(!body.contains("<script>") && !body.contains("<b>"), "{body}");
    assert!(body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;"), "{body}");
    // a CR survives the HTML parser as a character reference, so offsets in the page hold
    assert!(body.contains("&#13;\n"));
    assert_eq!(html.matches("<script>").count(), 1, "the page's own script only");
}

#[test]
fn html_nests_marks_of_nested_mentions() {
    let html = stdout(&attache(&["extract", "--format", "html", "--date", DATE], NESTED.as_bytes()));
    assert!(
        html.contains("<mark data-entity=\"group:TUR-MIL\" data-kind=\"group\" title=\"Turkish troops&#10;")
            || html.contains("<mark data-entity=\"group:TUR-MIL\" data-kind=\"group\" title=\"Turkish troops\n"),
        "{html}"
    );
    let group = html.find("<mark data-entity=\"group:TUR-MIL\"").unwrap();
    let rest = &html[group..];
    let inner = rest.find("<mark data-entity=\"country:TUR\"").unwrap();
    let closes: Vec<usize> = rest.match_indices("</mark>").map(|(i, _)| i).take(2).collect();
    assert!(inner < closes[0], "the country mark opens inside the group mark");
    assert!(rest[closes[0]..closes[1]].contains(" troops"), "the group mark closes after 'troops'");
    assert!(marks_balance(&html));
}

fn mention(text: &str, id: &str, words: &str, nth: usize) -> Mention {
    let start = text.match_indices(words).nth(nth).expect("words in text").0;
    Mention { entity: id.into(), start, end: start + words.len(), text: words.into(), sentence: 0 }
}

fn entity(id: &str, kind: EntityKind, name: &str, actor: &str) -> Entity {
    let mut attrs = BTreeMap::new();
    attrs.insert("actor".to_string(), actor.to_string());
    Entity { id: id.into(), kind, name: name.into(), aliases: vec![], attrs }
}

/// "Ukrainian farmers marched in Kyiv <b>" with a one-party event, and two mentions that cross.
fn handmade() -> (String, Document) {
    let text = "Ukrainian farmers marched in Kyiv <b> and Kyiv\nregion.".to_string();
    let mut doc = Document {
        entities: vec![
            entity("group:UKR-AGR", EntityKind::Group, "Ukrainian farmers", "UKRAGR"),
            entity("country:UKR", EntityKind::Country, "Ukraine", "UKR"),
            entity("place:kyiv", EntityKind::Place, "Kyiv <b>", "UKR"),
            entity("place:kyiv-region", EntityKind::Place, "Kyiv region", "UKR"),
        ],
        mentions: vec![
            mention(&text, "group:UKR-AGR", "Ukrainian farmers", 0),
            mention(&text, "country:UKR", "Ukrainian", 0),
            mention(&text, "place:kyiv", "Kyiv <b>", 0),
            // crosses the one before: "in Kyiv" (made up, to test crossing spans)
            mention(&text, "country:UKR", "in Kyiv", 0),
            mention(&text, "place:kyiv-region", "Kyiv\nregion", 0),
        ],
        ..Document::default()
    };
    doc.mentions.sort_by_key(|m| m.start);
    doc.relations.push(Relation {
        kind: RelationKind::new("protest"),
        subject: "group:UKR-AGR".into(),
        object: None,
        rule: "protest/marched".into(),
        // two rules found the march (one event, one row)
        rules: vec!["protest/marched".into(), "protest/rallied".into()],
        start: 0,
        end: 33,
        text: text[..33].to_string(),
        event: Event { event_type: EventType::Protest, mode: "demo".into(), cameo: "141".into() },
        args: [("location".to_string(), "place:kyiv".to_string())].into_iter().collect(),
    });
    (text, doc)
}

#[test]
fn html_keeps_crossing_mentions_valid_and_one_party_events_without_object() {
    let (text, doc) = handmade();
    let mut out = Vec::new();
    let mut x = HtmlExporter::new("test <page>");
    x.document(&mut out, &Item { name: "hand & made", text: &text, doc: &doc }).unwrap();
    x.finish(&mut out).unwrap();
    let html = String::from_utf8(out).unwrap();
    assert!(html.contains("<title>test &lt;page&gt;</title>"));
    assert!(html.contains("data-doc=\"hand &amp; made\""));
    assert_eq!(html.matches("<mark data-entity=").count(), doc.mentions.len());
    assert_eq!(html.matches("<mark class=\"cont\" data-cont=\"place:kyiv\"").count(), 1, "{html}");
    assert!(marks_balance(&html));
    let li = &html[html.find("data-relation=\"protest\"").unwrap()..];
    let li = &li[..li.find('>').unwrap()];
    assert!(!li.contains("data-object"), "{li}");
    assert!(li.contains("data-event=\"PROTEST\"") && li.contains("data-start=\"0\" data-end=\"33\""), "{li}");
    assert!(html.contains("location=Kyiv &lt;b&gt;"));
    // every rule that found it
    assert!(li.contains("data-rule=\"protest/marched\" data-rules=\"protest/marched protest/rallied\""), "{li}");
    assert!(html.contains("<span class=\"rule\">protest/marched, protest/rallied</span>"), "{html}");
}

#[test]
fn html_evidence_offsets_are_utf16_units() {
    let text = "Zelenskyy 🇺🇦 met Erdoğan.";
    let doc = Document {
        relations: vec![Relation {
            kind: RelationKind::MEET,
            subject: "person:z".into(),
            object: Some("person:e".into()),
            rule: "meet/met".into(),
            rules: Vec::new(),
            start: text.find("met").unwrap(),
            end: text.len() - 1,
            text: "met Erdoğan".into(),
            event: Event { event_type: EventType::Consult, mode: String::new(), cameo: "040".into() },
            args: BTreeMap::new(),
        }],
        ..Document::default()
    };
    let mut out = Vec::new();
    let mut x = HtmlExporter::default();
    x.document(&mut out, &Item { name: "u", text, doc: &doc }).unwrap();
    let html = String::from_utf8(out).unwrap();
    let (s, e) = (text.find("met").unwrap(), text.len() - 1);
    let (s16, e16) = (text[..s].encode_utf16().count(), text[..e].encode_utf16().count());
    assert_eq!((s16, e16), (15, 26));
    assert!(html.contains(&format!("data-start=\"{s16}\" data-end=\"{e16}\"")), "{html}");
}

#[test]
fn conll_has_a_docstart_per_document_and_valid_iob2() {
    let input = batch_input();
    let conll = stdout(&attache(&["extract", "--format", "conll", "--batch"], input.as_bytes()));
    assert_eq!(conll.matches("-DOCSTART- -X- O O\n\n").count(), 4);
    assert!(conll.contains("Erdoğan B-person\nin O\nTürkiye B-country\n"), "{conll}");
    // the outer mention of a nested pair
    assert!(conll.contains("Turkish B-group\ntroops I-group\n"), "{conll}");
    let mut previous: Option<String> = None;
    for line in conll.lines() {
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            previous = None;
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols.len(), 2, "{line:?}");
        let tag = cols[1];
        if let Some(label) = tag.strip_prefix("I-") {
            assert_eq!(previous.as_deref(), Some(label), "{line:?} follows another label");
        }
        previous = tag.get(2..).map(str::to_string).filter(|_| tag != "O");
    }
    // sentences end with a blank line, and so does the output
    assert!(conll.ends_with(". O\n\n"));
}

#[test]
fn conll_splits_no_token_on_odd_whitespace() {
    let (text, doc) = handmade();
    let mut out = Vec::new();
    ConllExporter::new().document(&mut out, &Item { name: "x", text: &text, doc: &doc }).unwrap();
    let conll = String::from_utf8(out).unwrap();
    assert!(conll.starts_with(
        "-DOCSTART- -X- O O\n\nUkrainian B-group\nfarmers I-group\nmarched O\nin B-country\nKyiv I-country\n< O\n"
    ));
    for line in conll.lines().filter(|l| !l.is_empty()) {
        assert!(line.split(' ').count() == 2 || line.starts_with("-DOCSTART-"), "{line:?}");
    }
}

/// A brat `T` line: id, label, fragments (character offsets), text.
type TextBound = (String, String, Vec<(usize, usize)>, String);

/// brat's `T` lines.
fn t_lines(ann: &str) -> Vec<TextBound> {
    ann.lines()
        .filter(|l| l.starts_with('T'))
        .map(|l| {
            let parts: Vec<&str> = l.split('\t').collect();
            assert_eq!(parts.len(), 3, "{l:?}");
            let (label, spans) = parts[1].split_once(' ').unwrap();
            let spans = spans
                .split(';')
                .map(|s| {
                    let (a, b) = s.split_once(' ').unwrap();
                    (a.parse().unwrap(), b.parse().unwrap())
                })
                .collect();
            (parts[0].to_string(), label.to_string(), spans, parts[2].to_string())
        })
        .collect()
}

/// Checks that every `T` line's character offsets slice its text, as brat reads them.
fn check_offsets(text: &str, ann: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let lines = t_lines(ann);
    for (id, _, spans, words) in &lines {
        let sliced: Vec<String> = spans.iter().map(|&(a, b)| chars[a..b].iter().collect()).collect();
        assert_eq!(&sliced.join(" "), words, "{id}");
    }
    lines.len()
}

#[test]
fn brat_writes_character_offsets_one_pair_per_record_and_the_conf() {
    let dir = tempfile::tempdir().unwrap();
    let input = batch_input();
    let docs = json_docs(&input);
    let out_dir = dir.path().join("out");
    let out =
        attache(&["extract", "--format", "brat", "--batch", "--out-dir", out_dir.to_str().unwrap()], input.as_bytes());
    assert!(out.stdout.is_empty());
    let mut names: Vec<String> =
        std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "annotation.conf",
            "hostile.ann",
            "hostile.txt",
            "multibyte_1.ann",
            "multibyte_1.txt",
            "nested_2.ann",
            "nested_2.txt",
            "talks.ann",
            "talks.txt"
        ]
    );
    for (name, (text, doc)) in ["multibyte_1", "nested_2", "hostile", "talks"]
        .iter()
        .zip([MULTIBYTE, NESTED, HOSTILE, TALKS].iter().zip(&docs))
    {
        assert_eq!(std::fs::read_to_string(out_dir.join(format!("{name}.txt"))).unwrap(), *text);
        let ann = std::fs::read_to_string(out_dir.join(format!("{name}.ann"))).unwrap();
        assert_eq!(check_offsets(text, &ann), doc["mentions"].as_array().unwrap().len(), "{ann}");
        let relations = doc["relations"].as_array().unwrap().len();
        assert_eq!(ann.lines().filter(|l| l.starts_with('R')).count(), relations, "{ann}");
    }
    let ann = std::fs::read_to_string(out_dir.join("multibyte_1.ann")).unwrap();
    // "Türkiye" starts at byte 26 and character 25
    assert!(ann.contains("\tcountry 25 32\tTürkiye\n"), "{ann}");
    assert!(ann.contains("\tmeet Arg1:T1 Arg2:T2\n"), "{ann}");
    let conf = std::fs::read_to_string(out_dir.join("annotation.conf")).unwrap();
    for needle in [
        "[entities]\nperson\ncountry\n",
        "\nmeet\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric\n",
        "\nAGREE\tAgent:<ENTITY>\n",
        "[attributes]\nKind\tArg:<EVENT>, Value:",
    ] {
        assert!(conf.contains(needle), "{needle:?} in {conf}");
    }
}

#[test]
fn brat_writes_one_party_events_and_fragments_across_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let (text, doc) = handmade();
    let mut x = BratExporter::new(dir.path(), [("meet".to_string(), true)]).unwrap();
    x.document(&mut std::io::sink(), &Item { name: "hand/made", text: &text, doc: &doc }).unwrap();
    x.finish(&mut std::io::sink()).unwrap();
    assert_eq!(x.written(), 1);
    let ann = std::fs::read_to_string(dir.path().join("hand_made.ann")).unwrap();
    assert_eq!(check_offsets(&text, &ann), doc.mentions.len() + 1, "{ann}");
    assert!(ann.contains("\tplace 42 46;47 53\tKyiv region\n"), "{ann}");
    assert!(
        ann.contains(
            "T6\tPROTEST 0 33\tUkrainian farmers marched in Kyiv\nE1\tPROTEST:T6 Agent:T1\nA1\tKind E1 protest\n"
        ),
        "{ann}"
    );
    assert!(ann.contains("AnnotatorNotes E1\tPROTEST demo 141 rule=protest/marched rules=protest/marched,protest/rallied location=place:kyiv\n"), "{ann}");
    let conf = std::fs::read_to_string(dir.path().join("annotation.conf")).unwrap();
    assert!(conf.contains("Value:meet|protest\n"), "{conf}");
}

#[test]
fn multi_file_runs_give_one_page_and_one_pair_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, MULTIBYTE).unwrap();
    std::fs::write(&b, NESTED).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let html = stdout(&attache(&["extract", "--format", "html", "--date", DATE, a, b], b""));
    assert_eq!(html.matches("<section class=\"doc\"").count(), 2);
    let out_dir = dir.path().join("brat");
    attache(&["extract", "--format", "brat", "--out-dir", out_dir.to_str().unwrap(), a, b], b"");
    assert_eq!(std::fs::read_dir(&out_dir).unwrap().count(), 5);
}

#[test]
fn brat_needs_an_out_dir() {
    let out = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["extract", "--format", "brat"])
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out-dir"));
}

/// Runs `command` with a pseudo-terminal as its terminal (`script`), and returns what the
/// terminal showed; `None` where `script` is missing.
fn under_terminal(command: &str) -> Option<String> {
    let out =
        Command::new("script").args(["-qec", command, "/dev/null"]).env("TERM", "xterm").stdin(Stdio::null()).output();
    match out {
        Ok(out) if !out.status.success() && String::from_utf8_lossy(&out.stderr).contains("pseudo-terminal") => {
            eprintln!("skipped: no pseudo-terminal here: {}", String::from_utf8_lossy(&out.stderr));
            None
        }
        Ok(out) => {
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(_) => {
            eprintln!("skipped: `script` (util-linux) is not installed");
            None
        }
    }
}

#[test]
fn the_progress_bar_shows_on_a_terminal_and_never_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let records: String = (0..40).map(|i| record(&i.to_string(), MULTIBYTE)).collect();
    std::fs::write(&input, records).unwrap();
    let bin = env!("CARGO_BIN_EXE_attache");
    let (input, out, err) = (
        input.to_str().unwrap(),
        dir.path().join("out.jsonl").to_str().unwrap().to_string(),
        dir.path().join("err.txt").to_str().unwrap().to_string(),
    );
    // stderr the terminal, stdout a file: the bar, with the records and the total size
    let Some(screen) = under_terminal(&format!("'{bin}' extract --format jsonl '{input}' > '{out}'")) else { return };
    assert!(screen.contains("40 records") && screen.contains("ETA"), "{screen:?}");
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 40);
    // from standard input, of known size too
    let Some(screen) = under_terminal(&format!("'{bin}' extract --format conll --batch < '{input}' > '{out}'")) else {
        return;
    };
    assert!(screen.contains("40 records"), "{screen:?}");
    // --quiet, or stderr to a file: nothing
    let screen = under_terminal(&format!("'{bin}' extract --quiet --format jsonl '{input}' > '{out}'")).unwrap();
    assert!(!screen.contains("records"), "{screen:?}");
    let screen = under_terminal(&format!("'{bin}' extract --format jsonl '{input}' > '{out}' 2> '{err}'")).unwrap();
    assert!(!screen.contains("records"), "{screen:?}");
    assert_eq!(std::fs::read_to_string(&err).unwrap(), "");
    // several files count files
    let screen =
        under_terminal(&format!("'{bin}' extract --format json '{input}' '{input}' '{input}' > '{out}'")).unwrap();
    assert!(screen.contains("3 files"), "{screen:?}");
}

#[test]
fn plover_records_name_every_rule_that_found_the_event() {
    let (text, doc) = handmade();
    let mut out = Vec::new();
    let mut x = PloverExporter::new(["meet".to_string()]);
    x.document(&mut out, &Item { name: "hand", text: &text, doc: &doc }).unwrap();
    x.finish(&mut out).unwrap();
    let record: serde_json::Value = serde_json::from_slice(out.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(record["attache"]["rule"], "protest/marched");
    assert_eq!(record["attache"]["rules"], serde_json::json!(["protest/marched", "protest/rallied"]));
}
