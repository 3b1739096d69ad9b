//! The README says what the tool does: its JSON example is the tool's own output, and it names
//! every flag of every subcommand. `ATTACHE_BLESS=1 cargo test --test readme` rewrites the JSON
//! example from the tool's output after a change that alters it.

use std::io::Write;
use std::process::{Command, Stdio};

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
const SENTENCE: &str = "Kazakh President Kassym-Jomart Tokayev held talks with Xi Jinping in Astana on Tuesday.";
const MARKER: &str =
    "(`--format json --date 2025-06-17`; a test checks that this is what the tool prints):\n\n```json\n";

fn attache(args: &[&str], input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("writes");
    let out = child.wait_with_output().expect("finishes");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The document laid out as the README shows it: one entity, mention or relation a line.
fn layout(doc: &serde_json::Value) -> String {
    let mut lines = vec!["{".to_string()];
    let fields = doc.as_object().expect("an object");
    for (i, (key, value)) in fields.iter().enumerate() {
        let comma = if i + 1 < fields.len() { "," } else { "" };
        match value.as_array() {
            Some(items) => {
                lines.push(format!("  \"{key}\": ["));
                for (j, item) in items.iter().enumerate() {
                    let pretty = serde_json::to_string(item).expect("serialises");
                    // the README's spacing: ", " and ": " between items
                    let spaced = space(&pretty);
                    lines.push(format!("    {spaced}{}", if j + 1 < items.len() { "," } else { "" }));
                }
                lines.push(format!("  ]{comma}"));
            }
            None => lines.push(format!("  \"{key}\": {value}{comma}")),
        }
    }
    lines.push("}".to_string());
    lines.join("\n")
}

/// Compact JSON with a space after each `:` and `,` outside strings.
fn space(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 8);
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        out.push(c);
        if in_string {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => in_string = false,
                _ => escaped = false,
            }
        } else if c == '"' {
            in_string = true;
        } else if c == ':' || c == ',' {
            out.push(' ');
        }
    }
    out
}

#[test]
fn the_json_example_is_what_the_tool_prints() {
    let printed: serde_json::Value =
        serde_json::from_str(&attache(&["extract", "--format", "json", "--date", "2025-06-17"], SENTENCE))
            .expect("JSON");
    let readme = std::fs::read_to_string(README).expect("the README");
    let start = readme.find(MARKER).expect("the README introduces its JSON example") + MARKER.len();
    let end = start + readme[start..].find("\n```").expect("the example ends");
    if std::env::var_os("ATTACHE_BLESS").is_some() {
        let updated = format!("{}{}{}", &readme[..start], layout(&printed), &readme[end..]);
        std::fs::write(README, updated).expect("writes the README");
        return;
    }
    let shown: serde_json::Value = serde_json::from_str(&readme[start..end]).expect("the README's example is JSON");
    assert_eq!(shown, printed, "the README's JSON example is stale: run ATTACHE_BLESS=1 cargo test --test readme");
}

#[test]
fn every_flag_of_every_subcommand_is_in_the_readme() {
    let readme = std::fs::read_to_string(README).expect("the README");
    for sub in ["extract", "test"] {
        let help = attache(&[sub, "--help"], "");
        let flags: Vec<&str> = help
            .split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == ']')
            .filter(|w| w.starts_with("--") && w.len() > 2 && *w != "--help")
            .map(|w| w.split('=').next().unwrap_or(w))
            .collect();
        assert!(flags.len() >= 3, "{help}");
        for flag in flags {
            assert!(readme.contains(flag), "`attache {sub} {flag}` is not in the README");
        }
    }
}

/// The README's table of relation kinds: kind, PLOVER type, mode, CAMEO code, future, symmetric.
fn kinds_table() -> String {
    let extractor = attache::Extractor::new().expect("the defaults build");
    let mut lines = vec![
        "| kind | event type | mode | CAMEO | stated for the future | symmetric |".to_string(),
        "|---|---|---|---|---|---|".to_string(),
    ];
    for k in extractor.rules().kinds() {
        let future = k.future.as_ref().map_or(String::new(), |f| format!("{} {}", f.event_type.as_str(), f.cameo));
        lines.push(format!(
            "| `{}` | {} | {} | {} | {} | {} |",
            k.name.as_str(),
            k.event.event_type.as_str(),
            k.event.mode,
            k.event.cameo,
            future,
            if k.symmetric { "yes" } else { "" }
        ));
    }
    lines.join("\n")
}

#[test]
fn the_kinds_table_is_the_rule_sets() {
    let (open, close) = ("<!-- kinds table -->\n", "<!-- end kinds table -->");
    let readme = std::fs::read_to_string(README).expect("the README");
    let start = readme.find(open).expect("the README has a kinds table") + open.len();
    let end = start + readme[start..].find(close).expect("the table ends");
    let table = kinds_table();
    if std::env::var_os("ATTACHE_BLESS").is_some() {
        std::fs::write(README, format!("{}{table}\n{}", &readme[..start], &readme[end..])).expect("writes");
        return;
    }
    assert_eq!(readme[start..end].trim_end(), table, "stale kinds table: run ATTACHE_BLESS=1 cargo test --test readme");
}
