//! Rule files: any input is compiled or rejected with a located error, never a panic; what
//! compiles runs on a few sentences.
#![no_main]

use attache::{Extractor, RuleSet};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const GAZETTEER: &str = concat!(
    "{\"id\":\"country:IRN\",\"kind\":\"country\",\"name\":\"Iran\"}\n",
    "{\"id\":\"country:IRQ\",\"kind\":\"country\",\"name\":\"Iraq\"}\n",
    "{\"id\":\"place:baghdad\",\"kind\":\"place\",\"name\":\"Baghdad\"}\n",
);
const TEXT: &str = "Iran met Iraq in Baghdad. Iran and Iraq signed a deal. Iraq pledged $5 million to Iran.";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut rules = RuleSet::new();
    if let Err(e) = rules.add_str("fuzz.toml", text) {
        assert!(e.to_string().contains("fuzz.toml"), "{e}");
        return;
    }
    let built = Extractor::builder()
        .defaults(false)
        .gazetteer_str("fuzz-gazetteer", GAZETTEER)
        .and_then(|b| b.rules_str("fuzz.toml", text))
        .and_then(|b| b.build());
    if let Ok(ex) = built {
        common::check(TEXT, &ex.extract(TEXT));
    }
});
