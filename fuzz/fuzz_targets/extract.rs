//! Extraction on arbitrary bytes: invalid UTF-8 is an error naming a valid offset; anything
//! else extracts without panicking, and every offset slices the input to the reported text.
#![no_main]

use attache::{Date, Error, Extractor};
use libfuzzer_sys::fuzz_target;
use once_cell::sync::Lazy;

#[path = "common.rs"]
mod common;

static EXTRACTOR: Lazy<Extractor> = Lazy::new(|| Extractor::new().expect("defaults build"));

fuzz_target!(|data: &[u8]| {
    let date: Date = "2025-06-17".parse().expect("date");
    match EXTRACTOR.extract_bytes(data, Some(date)) {
        Ok(doc) => {
            let text = std::str::from_utf8(data).expect("extract_bytes accepted it");
            common::check(text, &doc);
            let text_stage = attache::text::Text::new(text);
            for t in text_stage.tokens() {
                assert!(text.is_char_boundary(t.start()) && text.is_char_boundary(t.end()));
            }
        }
        Err(Error::InvalidUtf8 { offset }) => {
            assert!(std::str::from_utf8(data).is_err());
            assert_eq!(offset, std::str::from_utf8(data).unwrap_err().valid_up_to());
            let lossy = String::from_utf8_lossy(data);
            common::check(&lossy, &EXTRACTOR.extract_with_date(&lossy, date));
        }
        Err(e) => panic!("unexpected error {e}"),
    }
});
