//! Startup cost: builds the default extractor once, as a cold process does, and prints how long
//! it took and the resident memory after it (Linux: `/proc/self/status`).
//!
//! ```text
//! cargo run --release --example startup            # ready in N ms, RSS
//! cargo run --release --example startup -- empty   # exits at once: the baseline for callgrind
//! ```
//! For a load-independent figure, count instructions:
//! `valgrind --tool=callgrind target/release/examples/startup`, minus the same with `empty`.

mod common;

use std::time::Instant;

use common::status_bytes;

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let start = Instant::now();
    match which.as_str() {
        "empty" => return,
        "gazetteer" => drop(attache::Gazetteer::defaults().expect("the default gazetteers load")),
        "no-rules" => drop(
            attache::Extractor::builder()
                .defaults(attache::Defaults::Gazetteers)
                .build()
                .expect("the default gazetteers build"),
        ),
        _ => drop(attache::Extractor::new().expect("the default extractor builds")),
    }
    let elapsed = start.elapsed();
    let mb = |b: Option<u64>| b.map_or(f64::NAN, |b| b as f64 / 1e6);
    println!(
        "{}: ready in {:.1} ms, RSS {:.1} MB (peak {:.1} MB)",
        if which.is_empty() { "default" } else { &which },
        elapsed.as_secs_f64() * 1e3,
        mb(status_bytes("VmRSS:")),
        mb(status_bytes("VmHWM:"))
    );
}
