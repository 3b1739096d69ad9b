//! Batch mode on arbitrary input lines: every line yields exactly one JSON output line, in
//! order, whatever it holds. Runs the CLI's own batch code (src/main.rs, see build.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;
use once_cell::sync::Lazy;

#[allow(dead_code)]
mod cli {
    include!(concat!(env!("OUT_DIR"), "/cli.rs"));

    pub fn run(extractor: &Extractor, input: &[u8], lossy: bool) -> Vec<u8> {
        let mut out = Vec::new();
        batch(extractor, input, &mut out, None, lossy).expect("writing to memory");
        out
    }
}

static EXTRACTOR: Lazy<attache::Extractor> = Lazy::new(|| attache::Extractor::new().expect("defaults build"));

fuzz_target!(|data: &[u8]| {
    // a line is what `read_until(b'\n')` yields: every newline ends one, and a last unended one
    let lines = data.iter().filter(|&&b| b == b'\n').count() + usize::from(!data.is_empty() && !data.ends_with(b"\n"));
    for lossy in [false, true] {
        let out = cli::run(&EXTRACTOR, data, lossy);
        let out = std::str::from_utf8(&out).expect("output is UTF-8");
        let records: Vec<&str> = out.lines().collect();
        assert_eq!(records.len(), lines, "one output line per input line");
        for (i, r) in records.iter().enumerate() {
            let v: serde_json::Value = serde_json::from_str(r).expect("each output line is JSON");
            if let Some(line) = v.get("line") {
                assert_eq!(line.as_u64(), Some(i as u64 + 1), "{r}");
            }
        }
    }
});
