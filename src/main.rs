//! The `attache` command-line tool.

use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

use attache::batch::{decode, process_record};
use attache::check::{CheckOptions, Credit};
use attache::{export, Date, Defaults, Document, Extractor};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

#[derive(Parser)]
#[command(name = "attache", version, about = "Who is who and who did what to whom in English news.")]
#[command(after_help = "Examples:
  echo 'Xi Jinping held talks with Kassym-Jomart Tokayev in Astana.' | attache extract --date 2025-06-17
  attache extract --format json article.txt
  attache extract --format jsonl < articles.jsonl > found.jsonl
  attache extract --gazetteer my-people.jsonl --rules my-rules.toml article.txt
  attache test my-rules.toml")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find entities and relations in text files (or standard input).
    #[command(after_help = "Examples:
  echo 'Xi Jinping held talks with Kassym-Jomart Tokayev in Astana.' | attache extract --date 2025-06-17
  attache extract --format json --date 2025-06-17 article.txt
  attache extract --format jsonl --threads 2 < articles.jsonl > found.jsonl

With --format jsonl, each input line is {\"id\": …, \"text\": …, \"date\": \"YYYY-MM-DD\"} and each output
line is the document of that line with its \"id\", or {\"id\": …, \"error\": …, \"line\": N}.")]
    Extract(ExtractArgs),
    /// Check the examples and counterexamples of rule files; exits 1 when any fails.
    #[command(after_help = "Examples:
  attache test my-rules.toml
  attache test --no-defaults --gazetteer my-people.jsonl my-rules.toml

Every example (\"sentence => kind(Subject, Object)\") must yield exactly its relations, from any rule;
every counterexample must yield none from its own rule.")]
    Test(TestArgs),
}

#[derive(clap::Args)]
struct TestArgs {
    /// Rule files whose examples to check (with --all, files to add before checking everything).
    #[arg(required_unless_present = "all")]
    rules: Vec<PathBuf>,
    /// A gazetteer file to add. Repeatable.
    #[arg(long = "gazetteer", value_name = "PATH")]
    gazetteers: Vec<PathBuf>,
    /// A word list replacing the embedded one of the same file name (negation.txt, agents.tsv, …;
    /// see lexicon/). Repeatable.
    #[arg(long = "lexicon", value_name = "PATH")]
    lexicon: Vec<PathBuf>,
    #[command(flatten)]
    defaults: DefaultsArgs,
    /// Check every rule loaded, the default rules included, not only those of the files given.
    #[arg(long)]
    all: bool,
    /// Credit an example to any rule of its file, not only to the rule it belongs to.
    #[arg(long)]
    credit_file: bool,
    /// Let rules without examples pass (they are listed either way).
    #[arg(long)]
    allow_untested: bool,
}

/// Which embedded defaults to load.
#[derive(clap::Args)]
struct DefaultsArgs {
    /// Do not load the embedded default gazetteers and rules.
    #[arg(long)]
    no_defaults: bool,
    /// Do not load the embedded default rules (keep the default gazetteers).
    #[arg(long)]
    no_default_rules: bool,
    /// Do not load the embedded default gazetteers (keep the default rules).
    #[arg(long)]
    no_default_gazetteers: bool,
}

impl DefaultsArgs {
    fn defaults(&self) -> Defaults {
        match (self.no_defaults || self.no_default_gazetteers, self.no_defaults || self.no_default_rules) {
            (false, false) => Defaults::All,
            (false, true) => Defaults::Gazetteers,
            (true, false) => Defaults::Rules,
            (true, true) => Defaults::None,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A readable view: entities by kind, then one relation a line (the default on a terminal).
    Pretty,
    /// One JSON object per input document (the default when output is not a terminal).
    Json,
    /// Batch mode: JSON Lines records in, one JSON line out per record, in order.
    Jsonl,
    /// One self-contained HTML page: each text with its mentions marked, its relations beside it.
    Html,
    /// CoNLL-2003 NER columns (token, IOB2 tag), for spaCy and other NER tools.
    Conll,
    /// brat standoff files (.txt, .ann, annotation.conf) in --out-dir.
    Brat,
    /// PLOVER event records, one JSON line per event (with --batch, for JSON Lines input).
    Plover,
    /// Events as tab-separated lines: date, source, target, type, CAMEO code, document, sentence.
    Events,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Text files to read; standard input when none is given.
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// The documents' date (YYYY-MM-DD): roles resolve to the office holders on that date.
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// A gazetteer file to add (.jsonl; .tsv: name<TAB>kind[<TAB>id]; a PETRARCH actor dictionary
    /// *.actors.txt; a PETRARCH agents dictionary *.agents.txt, which adds agent nouns). Repeatable.
    #[arg(long = "gazetteer", value_name = "PATH")]
    gazetteers: Vec<PathBuf>,
    /// A rule file to add. Repeatable.
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// A word list replacing the embedded one of the same file name (negation.txt, agents.tsv, …;
    /// see lexicon/). Repeatable.
    #[arg(long = "lexicon", value_name = "PATH")]
    lexicon: Vec<PathBuf>,
    #[command(flatten)]
    defaults: DefaultsArgs,
    /// Decode invalid UTF-8 lossily (U+FFFD); offsets then refer to the decoded text.
    #[arg(long)]
    lossy: bool,
    /// Show, for each relation, the rule, the pattern and the words that filled each part; and, for
    /// sentences where a rule could have fired but none did, the nearest partial matches (on
    /// standard error with --format json).
    #[arg(long)]
    explain: bool,
    /// Worker threads for batch mode (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Read the input as JSON Lines records, as --format jsonl does (for html, conll and brat).
    #[arg(long)]
    batch: bool,
    /// The folder --format brat writes its files in (created when missing).
    #[arg(long, value_name = "DIR", required_if_eq("format", "brat"))]
    out_dir: Option<PathBuf>,
    /// No progress bar (shown on a terminal for batch input and several files).
    #[arg(long, short)]
    quiet: bool,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse().map_err(|e: attache::Error| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Test(args) => test(args),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("attache: {e}");
            ExitCode::from(2)
        }
    }
}

fn build(args: &ExtractArgs) -> Result<Extractor, attache::Error> {
    let mut builder = Extractor::builder().defaults(args.defaults.defaults());
    for path in &args.gazetteers {
        builder = builder.gazetteer_file(path);
    }
    for path in &args.rules {
        builder = builder.rules_file(path);
    }
    for path in &args.lexicon {
        builder = builder.lexicon_file(path);
    }
    builder.build()
}

fn extract(args: ExtractArgs) -> io::Result<ExitCode> {
    // before the build, which runs on the pool too
    if let Some(n) = args.threads {
        // only fails if a global pool exists already, which it cannot at this point
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let extractor = match build(&args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("attache: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let stdout = io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() { Format::Pretty } else { Format::Json });
    let mut exporter: Option<Box<dyn export::Exporter>> = match format {
        Format::Html => Some(Box::new(export::HtmlExporter::default())),
        Format::Conll => Some(Box::new(export::ConllExporter::new())),
        Format::Plover => Some(Box::new(export::PloverExporter::new(
            extractor.rules().kinds().filter(|k| k.symmetric).map(|k| k.name.to_string()),
        ))),
        Format::Events => Some(Box::new(export::EventsExporter::new())),
        Format::Brat => Some(Box::new(export::BratExporter::new(
            args.out_dir.as_deref().unwrap_or(Path::new(".")),
            extractor.rules().kinds().map(|k| (k.name.to_string(), k.symmetric)),
        )?)),
        _ => None,
    };
    let batch_input = format == Format::Jsonl || args.batch;
    // on a terminal, unless it shows the output too; for batch input and several files
    let show = !args.quiet
        && io::stderr().is_terminal()
        && (format == Format::Brat || !stdout.is_terminal())
        && (batch_input || args.files.len() > 1);
    let sizes: Option<u64> = if args.files.is_empty() {
        export::progress::stdin_size()
    } else {
        args.files.iter().map(|p| std::fs::metadata(p).ok().map(|m| m.len())).sum()
    };
    let progress = export::Progress::new(show, sizes, if batch_input { "records" } else { "files" });
    let mut out = BufWriter::new(stdout.lock());
    if batch_input {
        let mut code = ExitCode::SUCCESS;
        let mut tally = Tally::default();
        let mut inputs: Vec<Box<dyn BufRead + Send>> = Vec::new();
        if args.files.is_empty() {
            inputs.push(Box::new(io::BufReader::new(io::stdin())));
        }
        for path in &args.files {
            match std::fs::File::open(path) {
                Ok(f) => inputs.push(Box::new(io::BufReader::new(f))),
                Err(e) => {
                    eprintln!("attache: cannot read {}: {e}", path.display());
                    code = ExitCode::from(2);
                }
            }
        }
        for input in inputs {
            match exporter.as_mut() {
                Some(x) => {
                    let failed = export::batch(
                        &extractor,
                        progress.reader(input),
                        &mut out,
                        x.as_mut(),
                        &|n| progress.done(n),
                        args.date,
                        args.lossy,
                    )?;
                    tally.failed += failed;
                }
                None => {
                    // each output line is one record done
                    let mut out = progress.writer(&mut out);
                    let t = batch(&extractor, progress.reader(input), &mut out, args.date, args.lossy)?;
                    tally.records += t.records;
                    tally.failed += t.failed;
                }
            }
        }
        if let Some(x) = exporter.as_mut() {
            x.finish(&mut out)?;
        }
        progress.finish();
        out.flush()?;
        if tally.failed > 0 {
            // every record has its line, error records included; the count and the exit code
            // tell a script that some of them are errors
            if exporter.is_some() {
                eprintln!("attache: {} records failed", tally.failed);
            } else {
                eprintln!("attache: {} of {} records failed (see their \"error\" fields)", tally.failed, tally.records);
            }
            if code == ExitCode::SUCCESS {
                code = ExitCode::from(1);
            }
        }
        return Ok(code);
    }
    // one file in memory at a time
    let sources: Vec<Option<&PathBuf>> =
        if args.files.is_empty() { vec![None] } else { args.files.iter().map(Some).collect() };
    let mut code = ExitCode::SUCCESS;
    let mut failed_files = 0;
    let mut json: Vec<u8> = Vec::new();
    for source in sources {
        let (name, bytes) = match source {
            None => {
                let mut buf = Vec::new();
                io::stdin().read_to_end(&mut buf)?;
                ("<stdin>".to_string(), buf)
            }
            Some(path) => match std::fs::read(path) {
                Ok(b) => (path.display().to_string(), b),
                Err(e) => {
                    eprintln!("attache: cannot read {}: {e}", path.display());
                    code = ExitCode::from(2);
                    failed_files += 1;
                    continue;
                }
            },
        };
        let text = match decode(&bytes, args.lossy) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("attache: {name}: {e} (use --lossy to decode it anyway)");
                code = ExitCode::from(2);
                failed_files += 1;
                continue;
            }
        };
        let doc = match args.date {
            Some(d) => extractor.extract_with_date(&text, d),
            None => extractor.extract(&text),
        };
        match (format, exporter.as_mut()) {
            (_, Some(x)) => x.document(&mut out, &export::Item { name: &name, text: &text, doc: &doc })?,
            (Format::Json, _) => {
                // serialised into a buffer kept between files, then written at once: the many
                // small writes of the serialiser are cheaper on a plain vector
                json.clear();
                // (which reserves what the document needs at once)
                doc.write_json(&mut json);
                json.push(b'\n');
                out.write_all(&json)?;
            }
            _ => pretty(&mut out, &name, &doc)?,
        }
        progress.record(bytes.len() as u64);
        if args.explain {
            let date = doc.date.unwrap_or_else(Date::today);
            let (analyzed, resolution) = extractor.analyze(&text, date);
            let explanation = extractor.rules().explain(&analyzed, &resolution);
            match format {
                Format::Pretty => write!(out, "{explanation}")?,
                _ => eprint!("{explanation}"),
            }
        }
    }
    if let Some(x) = exporter.as_mut() {
        x.finish(&mut out)?;
    }
    progress.finish();
    out.flush()?;
    if failed_files > 0 {
        eprintln!("attache: {failed_files} of {} inputs failed", args.files.len().max(1));
    }
    Ok(code)
}

/// `attache test`: the examples of the given rule files, run with everything else loaded.
fn test(args: TestArgs) -> io::Result<ExitCode> {
    let extractor =
        match attache::check::extractor_for(&args.rules, &args.gazetteers, &args.lexicon, args.defaults.defaults()) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("attache: {e}");
                return Ok(ExitCode::from(2));
            }
        };
    let mut options = CheckOptions::new()
        .credit(if args.credit_file { Credit::File } else { Credit::Rule })
        .allow_untested(args.allow_untested);
    if !args.all {
        options = options.files(args.rules.iter().map(|p| p.display().to_string()));
    }
    let report = extractor.check_rules_with(&options);
    println!("{report}");
    Ok(if report.is_ok() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn pretty(out: &mut impl Write, name: &str, doc: &Document) -> io::Result<()> {
    writeln!(out, "== {name}{}", doc.date.as_ref().map_or(String::new(), |d| format!(" (as of {d})")))?;
    for kind in attache::EntityKind::ALL {
        let names: Vec<&str> = doc.entities.iter().filter(|e| e.kind == kind).map(|e| e.name.as_str()).collect();
        if !names.is_empty() {
            writeln!(out, "{:>13}: {}", kind.as_str(), names.join(", "))?;
        }
    }
    if doc.relations.is_empty() {
        writeln!(out, "    relations: none found")?;
    }
    for r in &doc.relations {
        let args: Vec<String> = r.args.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let args = if args.is_empty() { String::new() } else { format!(" [{}]", args.join(", ")) };
        writeln!(
            out,
            "  {}({}{}){args} {}\n      \"{}\"  ({}, bytes {}..{})",
            r.kind,
            doc.name(&r.subject),
            r.object.as_deref().map(|o| format!(", {}", doc.name(o))).unwrap_or_default(),
            event_label(&r.event),
            r.text.split_whitespace().collect::<Vec<_>>().join(" "),
            r.rule_ids().map(|x| x.as_str()).collect::<Vec<_>>().join(", "),
            r.start,
            r.end
        )?;
    }
    Ok(())
}

/// An event as the pretty format shows it: `CONSULT/visit 042`.
fn event_label(event: &attache::Event) -> String {
    let mut s = event.event_type.to_string();
    if !event.mode.is_empty() {
        s.push('/');
        s.push_str(&event.mode);
    }
    if !event.cameo.is_empty() {
        s.push(' ');
        s.push_str(&event.cameo);
    }
    format!("<{s}>")
}

/// Batch mode: reads lines in chunks, processes each chunk in parallel, writes in input order.
///
/// Reading, processing and writing overlap: a reader thread fills the next chunk and the calling
/// thread writes the last one while the thread pool works on the current one, so that only the
/// pool's cores limit throughput. At most three chunks are in memory, whatever the input's size.
fn batch(
    extractor: &Extractor,
    input: impl BufRead + Send,
    out: &mut impl Write,
    default_date: Option<Date>,
    lossy: bool,
) -> io::Result<Tally> {
    // a chunk ends after this many lines or bytes, whichever comes first: big enough that the
    // pool's threads rarely wait for each other at its end, small enough to stream
    const CHUNK_LINES: usize = 1024;
    const CHUNK_BYTES: usize = 1 << 22;
    type Chunk = Vec<(usize, Vec<u8>)>;
    let (chunks_tx, chunks_rx) = mpsc::sync_channel::<io::Result<Chunk>>(1);
    let (done_tx, done_rx) = mpsc::sync_channel::<Vec<(String, bool)>>(1);
    let mut tally = Tally::default();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut input = input;
            let mut line_no = 0usize;
            loop {
                let mut lines: Chunk = Vec::with_capacity(CHUNK_LINES);
                let mut bytes = 0;
                let mut eof = false;
                while lines.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
                    let mut buf = Vec::new();
                    match input.read_until(b'\n', &mut buf) {
                        Ok(0) => {
                            eof = true;
                            break;
                        }
                        Ok(_) => {}
                        Err(e) => {
                            let _ = chunks_tx.send(Err(e));
                            return;
                        }
                    }
                    line_no += 1;
                    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                        buf.pop();
                    }
                    bytes += buf.len();
                    lines.push((line_no, buf));
                }
                // a failed send means the writer has stopped (a closed pipe): stop reading too
                if (!lines.is_empty() && chunks_tx.send(Ok(lines)).is_err()) || eof {
                    return;
                }
            }
        });
        let processor = scope.spawn(move || -> io::Result<()> {
            for chunk in chunks_rx {
                let results = chunk?
                    .par_iter()
                    .map(|(n, bytes)| process_record(extractor, *n, bytes, default_date, lossy))
                    .collect();
                if done_tx.send(results).is_err() {
                    break;
                }
            }
            Ok(())
        });
        for results in done_rx {
            for (r, failed) in results {
                out.write_all(r.as_bytes())?;
                out.write_all(b"\n")?;
                tally.records += 1;
                tally.failed += usize::from(failed);
            }
        }
        processor.join().unwrap_or_else(|_| Err(io::Error::other("the batch worker panicked")))
    })?;
    Ok(tally)
}

/// Records written by batch mode, and how many of them are error records.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    records: usize,
    failed: usize,
}
