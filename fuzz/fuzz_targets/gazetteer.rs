//! Gazetteer files, JSON Lines and tab-separated: any input is read or rejected with a located
//! error, never a panic; what is read builds an extractor that runs.
#![no_main]

use attache::{Error, Extractor, Gazetteer};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const TEXT: &str = "Iran and Iraq met in Baghdad. Freedonia's President Jane Roe visited Sylvania.";

fn located(e: &Error) {
    match e {
        Error::Gazetteer { location, .. } | Error::DuplicateEntity { location, .. } => {
            assert!(location.line >= 1 || location.line == 0, "{e}");
            assert!(!e.to_string().is_empty());
        }
        _ => assert!(!e.to_string().is_empty()),
    }
}

fn run(g: Gazetteer) {
    if g.validate().is_err() {
        return;
    }
    let mut b = Extractor::builder().defaults(false);
    for record in g.entities() {
        match b.entity(record.clone()) {
            Ok(next) => b = next,
            Err(e) => return located(&e),
        }
    }
    if let Ok(ex) = b.build() {
        common::check(TEXT, &ex.extract(TEXT));
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut jsonl = Gazetteer::new();
    match jsonl.add_str("fuzz.jsonl", text) {
        Ok(()) => run(jsonl),
        Err(e) => located(&e),
    }
    let mut tsv = Gazetteer::new();
    match tsv.add_tsv_str("fuzz.tsv", text) {
        Ok(()) => run(tsv),
        Err(e) => located(&e),
    }
});
