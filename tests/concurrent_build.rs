//! Extractors built on many threads at once all finish: users' test suites build one per test, and
//! `cargo test` runs tests in parallel. The first build also loads the embedded defaults, so that
//! race is exercised in fresh processes (this test binary re-run), where nothing is loaded yet.

use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use attache::Extractor;

/// Far above a build's time, even a debug build on a loaded machine: past it, the builds are stuck.
const WATCHDOG: Duration = Duration::from_secs(240);

const CHILD_ENV: &str = "ATTACHE_CONCURRENT_BUILD_CHILD";

const JANE_DOE: &str = "{\"id\":\"person:jane-doe\",\"kind\":\"person\",\"name\":\"Jane Doe\"}\n";

/// The builds users' tests make (defaults with an addition, defaults alone, the addition alone),
/// with a name each must find in "Jane Doe met reporters in Paris."
fn build(which: usize) -> (Extractor, &'static str) {
    let builder = Extractor::builder();
    let (builder, expected) = match which % 3 {
        0 => (builder.gazetteer_str("extra.jsonl", JANE_DOE), "Jane Doe"),
        1 => (builder, "Paris"),
        _ => (builder.defaults(false).gazetteer_str("extra.jsonl", JANE_DOE), "Jane Doe"),
    };
    (builder.build().expect("the extractor builds"), expected)
}

/// Builds `threads` extractors at once, each checked on a sentence, failing past the watchdog.
fn build_at_once(threads: usize) {
    let (done, finished) = mpsc::channel();
    for which in 0..threads {
        let done = done.clone();
        thread::spawn(move || {
            let (extractor, expected) = build(which);
            let doc = extractor.extract("Jane Doe met reporters in Paris.");
            done.send(doc.entities.iter().any(|e| e.name == expected)).ok();
        });
    }
    drop(done);
    let start = Instant::now();
    for _ in 0..threads {
        let left = WATCHDOG.saturating_sub(start.elapsed());
        match finished.recv_timeout(left) {
            Ok(found) => assert!(found, "an extractor built beside others finds its names"),
            Err(mpsc::RecvTimeoutError::Timeout) => panic!("concurrent builds did not finish in {WATCHDOG:?}"),
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("a concurrent build panicked"),
        }
    }
}

#[test]
fn many_rounds_of_concurrent_builds_finish() {
    for _ in 0..50 {
        build_at_once(8);
    }
}

#[test]
#[ignore = "run by first_builds_in_fresh_processes_finish, in a process of its own"]
fn first_build_child() {
    if std::env::var_os(CHILD_ENV).is_some() {
        build_at_once(8);
    }
}

#[test]
fn first_builds_in_fresh_processes_finish() {
    let me = std::env::current_exe().expect("the test binary's path");
    for _ in 0..6 {
        let mut child = Command::new(&me)
            .args(["--exact", "first_build_child", "--ignored", "--test-threads=1"])
            .env(CHILD_ENV, "1")
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("the test binary re-runs");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("the child can be waited on") {
                break status;
            }
            if start.elapsed() > WATCHDOG {
                child.kill().ok();
                panic!("the first concurrent builds of a fresh process did not finish in {WATCHDOG:?}");
            }
            thread::sleep(Duration::from_millis(50));
        };
        assert!(status.success(), "the child process's builds failed: {status}");
    }
}

const MY_RULES: &str = r#"
date = "2025-06-17"
[[rule]]
id = "meet/conferred"
relation = "meet"
patterns = ["{subject:person} <aux> conferred with {object:person+}"]
examples = ["Jane Doe conferred with Xi Jinping in Paris. => meet(Jane Doe, Xi Jinping)"]
counterexamples = ["Jane Doe never conferred with Xi Jinping."]
"#;

/// What the README tells users to write in their tests: files added to the defaults, built, and
/// the file's examples checked. Two tests do it at once (cargo runs tests in parallel).
fn readme_form() -> attache::Result<()> {
    let dir = tempfile::Builder::new().prefix("attache-readme-form-").tempdir().expect("a temporary directory");
    let people = dir.path().join("my-people.jsonl");
    let rules = dir.path().join("my-rules.toml");
    std::fs::write(&people, JANE_DOE).expect("writes");
    std::fs::write(&rules, MY_RULES).expect("writes");
    let extractor = Extractor::builder().gazetteer_file(&people).rules_file(&rules).build()?;
    let options = attache::check::CheckOptions::new().files([rules.display().to_string()]);
    let report = extractor.check_rules_with(&options);
    assert!(report.is_ok(), "{report}");
    assert_eq!(report.examples, 1);
    Ok(())
}

#[test]
fn users_first_test_in_the_readme_form() -> attache::Result<()> {
    readme_form()
}

#[test]
fn users_second_test_in_the_readme_form() -> attache::Result<()> {
    readme_form()
}
