//! Throughput of each stage and of the whole pipeline, beside a bare Aho-Corasick baseline.
//!
//! `cargo bench --bench pipeline` runs everything in a few minutes. Corpora:
//! - generated news-like text ([`corpus`]), 1 KB to 10 MB, with the default gazetteers' names;
//! - the hostile shapes of issue 7 (one name repeated, no spaces, no sentence ends, a huge list);
//! - `ATTACHE_BENCH_CORPUS=path`: any real corpus (plain text, or JSON Lines with a `text` field
//!   per line, the texts then joined by blank lines).
//!
//! The baseline is a bare `aho-corasick` pass (ASCII case-insensitive, leftmost-longest, every
//! match counted, no word-boundary check) over the same names; the benchmark also prints the
//! ratio of the whole pipeline to it, measured back to back, so the figure does not drift with
//! the machine. `ATTACHE_BENCH_DUMP=path` writes the 1 MB generated corpus there (for the CLI).
//!
//! `stages/extract-gazetteer-only` is issue 17's gazetteer-only figure: no embedded defaults and
//! the default gazetteers' names as a `name<TAB>kind` file (`attache extract --no-defaults
//! --gazetteer names.tsv`); `ATTACHE_BENCH_NAMES=path` writes that file there, for the peer,
//! `python benches/pyahocorasick.py names.tsv corpus.txt`.
//!
//! `batch/` reads the same 1 MB as batch records of some 300 bytes (JSON Lines through
//! `attache::batch::process_record`, as `attache extract --format jsonl` does) on one and on two
//! threads, beside the same text as one document, and prints the ratios.

use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use attache::text::Text;
use attache::{Date, Extractor, Gazetteer};
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

mod corpus;

use corpus::{Corpus, Names};

const SIZES: &[(usize, &str)] =
    &[(1_000, "1KB"), (10_000, "10KB"), (100_000, "100KB"), (1_000_000, "1MB"), (10_000_000, "10MB")];

fn date() -> Date {
    "2025-06-17".parse().expect("a valid date")
}

fn extractor() -> Extractor {
    Extractor::new().expect("the default extractor builds")
}

/// The baseline automaton: every name of every entity, as users of a bare Aho-Corasick would.
fn baseline(g: &Gazetteer) -> AhoCorasick {
    let names: Vec<String> = g.entities().iter().flat_map(|e| e.names().map(|a| a.text.clone())).collect();
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&names)
        .expect("the baseline builds")
}

/// The extractor of issue 17's gazetteer-only figure (`attache extract --no-defaults --gazetteer
/// names.tsv`): no embedded defaults, and every name and alias of `g` as a `name<TAB>kind` file,
/// the file `benches/pyahocorasick.py` (the peer) reads too.
fn gazetteer_only(g: &Gazetteer) -> Extractor {
    let mut tsv = String::new();
    for e in g.entities() {
        for alias in e.names().filter(|a| !a.text.contains(['\t', '\n', '\r'])) {
            tsv.push_str(&alias.text);
            tsv.push('\t');
            tsv.push_str(e.kind.as_str());
            tsv.push('\n');
        }
    }
    let path = std::env::temp_dir().join(format!("attache-bench-names-{}.tsv", std::process::id()));
    std::fs::write(&path, tsv).expect("the temporary folder is writable");
    if let Ok(copy) = std::env::var("ATTACHE_BENCH_NAMES") {
        std::fs::copy(&path, &copy).expect("ATTACHE_BENCH_NAMES is writable");
    }
    let built = Extractor::builder().defaults(false).gazetteer_file(&path).build();
    let _ = std::fs::remove_file(&path);
    built.expect("the gazetteer-only extractor builds")
}

/// The real corpus named by `ATTACHE_BENCH_CORPUS`, if any.
fn real_corpus() -> Option<(String, String)> {
    let path = std::env::var("ATTACHE_BENCH_CORPUS").ok()?;
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("ATTACHE_BENCH_CORPUS={path}: {e}"));
    let label = std::path::Path::new(&path).file_name().map_or("real".into(), |f| f.to_string_lossy().into_owned());
    let jsonl = path.ends_with(".jsonl") || path.ends_with(".ndjson");
    if !jsonl {
        return Some((label, raw));
    }
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    Some((label, texts.join("\n\n")))
}

fn corpora(names: &Names) -> Vec<(String, String)> {
    let corpus = Corpus::new(names);
    let mut out: Vec<(String, String)> =
        SIZES.iter().map(|&(n, label)| (label.to_string(), corpus.generate(n, n as u64))).collect();
    if let Some(real) = real_corpus() {
        out.push(real);
    }
    out
}

/// A group with short warm-up and measurement, so that the whole run takes minutes.
fn group_config<'c>(
    c: &'c mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'c, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2)).sample_size(10);
    g
}

fn stages(c: &mut Criterion) {
    let ex = extractor();
    let names = Names::from_gazetteer(ex.gazetteer());
    let corpora = corpora(&names);
    let ac = baseline(ex.gazetteer());
    let only = gazetteer_only(ex.gazetteer());
    if let Ok(path) = std::env::var("ATTACHE_BENCH_DUMP") {
        let one_mb = &corpora.iter().find(|(l, _)| l == "1MB").expect("a 1MB corpus").1;
        std::fs::write(&path, one_mb).expect("ATTACHE_BENCH_DUMP is writable");
    }
    for (label, text) in &corpora {
        let mentions = ex.extract_with_date(text, date()).mentions.len();
        println!(
            "corpus {label}: {} bytes, {:.1} mentions per KB",
            text.len(),
            mentions as f64 * 1000.0 / text.len() as f64
        );
    }
    let mut g = group_config(c, "stages");
    for (label, text) in &corpora {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("baseline-aho-corasick", label), text, |b, t| {
            b.iter(|| ac.find_iter(t.as_str()).count())
        });
        g.bench_with_input(BenchmarkId::new("text", label), text, |b, t| b.iter(|| Text::new(t).tokens().len()));
        let prepared = Text::new(text);
        g.bench_with_input(BenchmarkId::new("matcher", label), &prepared, |b, t| {
            b.iter(|| ex.matcher().find_all(t).len())
        });
        g.bench_with_input(BenchmarkId::new("analyze", label), text, |b, t| {
            b.iter(|| ex.analyze(t, date()).1.mentions.len())
        });
        g.bench_with_input(BenchmarkId::new("extract", label), text, |b, t| {
            b.iter(|| black_box(ex.extract_with_date(t, date())))
        });
        g.bench_with_input(BenchmarkId::new("extract-gazetteer-only", label), text, |b, t| {
            b.iter(|| black_box(only.extract_with_date(t, date())))
        });
    }
    g.finish();
    ratio(&ex, &only, &ac, &corpora);
}

/// Best-of-n MiB/s of `f` over `bytes` (criterion's unit).
fn mb_per_s(bytes: usize, mut f: impl FnMut()) -> f64 {
    let mut best = Duration::MAX;
    for _ in 0..7 {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
    }
    bytes as f64 / best.as_secs_f64() / (1u64 << 20) as f64
}

/// Prints the pipeline's throughput as a multiple of the baseline's, measured back to back.
fn ratio(ex: &Extractor, only: &Extractor, ac: &AhoCorasick, corpora: &[(String, String)]) {
    for (label, text) in corpora.iter().filter(|(l, _)| l == "1MB" || !l.ends_with('B')) {
        let base = mb_per_s(text.len(), || {
            black_box(ac.find_iter(text.as_str()).count());
        });
        let pipe = mb_per_s(text.len(), || {
            black_box(ex.extract_with_date(text, date()));
        });
        let gazetteer_only = mb_per_s(text.len(), || {
            black_box(only.extract_with_date(text, date()));
        });
        let text_stage = mb_per_s(text.len(), || {
            black_box(Text::new(text));
        });
        println!(
            "ratio {label}: pipeline {pipe:.1} MiB/s, gazetteer only {gazetteer_only:.1} MiB/s, text stage \
             {text_stage:.1} MiB/s, baseline aho-corasick {base:.1} MiB/s, pipeline/baseline = {:.2}",
            pipe / base
        );
    }
}

fn hostile(c: &mut Criterion) {
    let ex = extractor();
    let names = Names::from_gazetteer(ex.gazetteer());
    let mut g = group_config(c, "hostile");
    for (label, text) in corpus::hostile(&names, 1_000_000) {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("extract", label), &text, |b, t| {
            b.iter(|| black_box(ex.extract_with_date(t, date())))
        });
    }
    g.finish();
}

/// Rules cost only where their trigger words occur: the whole pipeline with the default rules,
/// next to the same pipeline with no rules at all.
fn rules(c: &mut Criterion) {
    let ex = extractor();
    let bare = Extractor::builder()
        .defaults(attache::Defaults::Gazetteers)
        .build()
        .expect("the extractor without rules builds");
    let names = Names::from_gazetteer(ex.gazetteer());
    let corpora = corpora(&names);
    let mut g = group_config(c, "rules");
    for (label, text) in corpora.iter().filter(|(l, _)| l == "1MB" || !l.ends_with('B')) {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("extract-no-rules", label), text, |b, t| {
            b.iter(|| black_box(bare.extract_with_date(t, date())))
        });
        g.bench_with_input(BenchmarkId::new("extract-default-rules", label), text, |b, t| {
            b.iter(|| black_box(ex.extract_with_date(t, date())))
        });
        let without = mb_per_s(text.len(), || {
            black_box(bare.extract_with_date(text, date()));
        });
        let with = mb_per_s(text.len(), || {
            black_box(ex.extract_with_date(text, date()));
        });
        println!(
            "rules {label}: {} rules, with {with:.1} MiB/s, without {without:.1} MiB/s, cost = {:.2}x",
            ex.rules().rules().len(),
            without / with
        );
    }
    g.finish();
}

fn build(c: &mut Criterion) {
    let mut g = group_config(c, "build");
    // `Extractor::new` shares one compiled default extractor per process; adding one entity makes
    // the builder compile everything again (and copy the default gazetteer), as a cold start does.
    g.bench_function("default-extractor", |b| {
        b.iter(|| {
            let record = attache::EntityRecord::new("place:bench-town", attache::EntityKind::Place, "Bench Town");
            Extractor::builder().entity(record).build().expect("builds")
        })
    });
    g.bench_function("parse-default-gazetteers", |b| {
        b.iter(|| {
            let mut g = Gazetteer::new();
            for (label, text) in attache::gazetteer::DEFAULT_FILES {
                g.add_str(label, text).expect("the default gazetteers parse");
            }
            g
        })
    });
    g.bench_function("baseline-aho-corasick", |b| b.iter(|| baseline(Gazetteer::defaults().expect("defaults"))));
    cold_start(&mut g);
    g.finish();
}

/// Ready from cold: a new process of the CLI (spawn, the embedded gazetteers loaded, the automaton,
/// resolver and every default rule built, one sentence extracted, exit), which no in-process
/// measurement can repeat, the defaults being built once per process. Resident memory after the
/// build: `cargo run --release --example startup`.
fn cold_start(g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    // the CLI is built only with the `cli` feature (a default one)
    let Some(cli) = option_env!("CARGO_BIN_EXE_attache") else { return };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let input = dir.path().join("one.txt");
    std::fs::write(&input, "Kazakh President Kassym-Jomart Tokayev met Xi Jinping in Astana on Monday.\n")
        .expect("the temporary file is writable");
    let run = || {
        let out = std::process::Command::new(cli)
            .args(["extract", "--format", "json", "--date", "2025-06-17"])
            .arg(&input)
            .output()
            .expect("the CLI runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout.len()
    };
    g.bench_function("cold-start-cli", |b| b.iter(run));
}

/// The 1 MB corpus as JSON Lines records of at least 300 bytes of text each (whole sentences),
/// and the number of text bytes in them.
fn short_records(text: &str) -> (Vec<String>, usize) {
    let mut records = Vec::new();
    let mut bytes = 0;
    let mut current = String::new();
    for sentence in text.split_inclusive(". ") {
        current.push_str(sentence.trim_start_matches('\n'));
        if current.len() >= 300 {
            bytes += current.len();
            let record = serde_json::json!({"id": records.len(), "text": current, "date": "2025-06-17"});
            records.push(record.to_string());
            current.clear();
        }
    }
    (records, bytes)
}

/// Every record through the batch path, on `threads` threads (record `i` on thread `i % threads`,
/// as the pool deals them out in chunks).
fn run_records(ex: &Extractor, records: &[String], threads: usize) -> usize {
    let run = |k: usize| -> usize {
        let mut out = 0;
        for (i, r) in records.iter().enumerate().skip(k).step_by(threads) {
            out += attache::batch::process_record(ex, i + 1, r.as_bytes(), Some(date()), false).0.len();
        }
        out
    };
    if threads == 1 {
        return run(0);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|k| scope.spawn(move || run(k))).collect();
        handles.into_iter().map(|h| h.join().expect("a worker")).sum()
    })
}

/// Short records against one long document, and two threads against one.
fn batch(c: &mut Criterion) {
    let ex = extractor();
    let names = Names::from_gazetteer(ex.gazetteer());
    let text = Corpus::new(&names).generate(1_000_000, 1_000_000);
    let (records, bytes) = short_records(&text);
    let mut g = group_config(c, "batch");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("records-300B", |b| b.iter(|| run_records(&ex, &records, 1)));
    g.bench_function("records-300B-2-threads", |b| b.iter(|| run_records(&ex, &records, 2)));
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("document-1MB", |b| b.iter(|| black_box(ex.extract_with_date(&text, date()))));
    g.finish();
    let long = mb_per_s(text.len(), || {
        black_box(ex.extract_with_date(&text, date()));
    });
    let one = mb_per_s(bytes, || {
        black_box(run_records(&ex, &records, 1));
    });
    let two = mb_per_s(bytes, || {
        black_box(run_records(&ex, &records, 2));
    });
    println!(
        "batch: {} records of {:.0} bytes: {one:.1} MiB/s on one thread, {two:.1} MiB/s on two ({:.2}x); \
         one 1 MB document {long:.1} MiB/s (records/document = {:.2})",
        records.len(),
        bytes as f64 / records.len() as f64,
        two / one,
        one / long
    );
}

criterion_group!(benches, stages, rules, hostile, build, batch);
criterion_main!(benches);
