//! Peak memory of one extraction, as a multiple of the input's size (Linux: reads `VmHWM`).
//!
//! ```text
//! cargo run --release --example peak_memory -- [SHAPE] [MEGABYTES]
//! ```
//! SHAPE is `news` (generated news-like text, the default) or one of the hostile shapes of the
//! benchmarks: `one-name-repeated`, `no-spaces`, `no-sentence-ends`, `coordinated-list`.
//! MEGABYTES defaults to 100.

mod common;
#[path = "../benches/corpus/mod.rs"]
#[allow(dead_code)]
mod corpus;

use std::time::Instant;

use attache::{Date, Extractor};
use common::status_bytes;

fn main() {
    let mut args = std::env::args().skip(1);
    let shape = args.next().unwrap_or_else(|| "news".to_string());
    let megabytes: usize = args.next().and_then(|m| m.parse().ok()).unwrap_or(100);
    let extractor = Extractor::new().expect("the default extractor builds");
    let names = corpus::Names::from_gazetteer(extractor.gazetteer());
    let text = corpus::hostile_shape(&names, &shape, megabytes * 1_000_000);
    let date: Date = "2025-06-17".parse().expect("a valid date");
    let (Some(before), Some(rss)) = (status_bytes("VmHWM:"), status_bytes("VmRSS:")) else {
        eprintln!("peak_memory needs Linux's /proc/self/status");
        return;
    };
    let start = Instant::now();
    let doc = extractor.extract_with_date(&text, date);
    let elapsed = start.elapsed();
    let peak = status_bytes("VmHWM:").unwrap_or(before);
    let mb = |b: u64| b as f64 / 1e6;
    let input = text.len() as u64;
    println!(
        "{shape}: {:.1} MB in, {} mentions, {} relations, {:.2} s ({:.1} MB/s)",
        mb(input),
        doc.mentions.len(),
        doc.relations.len(),
        elapsed.as_secs_f64(),
        mb(input) / elapsed.as_secs_f64()
    );
    println!(
        "peak RSS {:.0} MB = {:.1}x the input (before extracting: {:.0} MB with the input and the extractor; \
         extraction added {:.1}x the input)",
        mb(peak),
        peak as f64 / input as f64,
        mb(rss),
        peak.saturating_sub(rss) as f64 / input as f64
    );
}
