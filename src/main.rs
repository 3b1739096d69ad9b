//! The `attache` command-line tool.

use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

use attache::batch::{decode, process_line};
use attache::{Date, Document, Extractor};
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
    /// Rule files whose examples to check.
    #[arg(required = true)]
    rules: Vec<PathBuf>,
    /// A gazetteer file to add. Repeatable.
    #[arg(long = "gazetteer", value_name = "PATH")]
    gazetteers: Vec<PathBuf>,
    /// Do not load the embedded default gazetteers and rules.
    #[arg(long)]
    no_defaults: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A readable view: entities by kind, then one relation a line (the default on a terminal).
    Pretty,
    /// One JSON object per input document (the default when output is not a terminal).
    Json,
    /// Batch mode: JSON Lines records in, one JSON line out per record, in order.
    Jsonl,
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
    /// A gazetteer file to add (.jsonl, or .tsv: name<TAB>kind[<TAB>id]). Repeatable.
    #[arg(long = "gazetteer", value_name = "PATH")]
    gazetteers: Vec<PathBuf>,
    /// A rule file to add. Repeatable.
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Do not load the embedded default gazetteers and rules.
    #[arg(long)]
    no_defaults: bool,
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
    let mut builder = Extractor::builder().defaults(!args.no_defaults);
    for path in &args.gazetteers {
        builder = builder.gazetteer_file(path)?;
    }
    for path in &args.rules {
        builder = builder.rules_file(path)?;
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
    let mut out = BufWriter::new(stdout.lock());
    if format == Format::Jsonl {
        let code = if args.files.is_empty() {
            batch(&extractor, io::BufReader::new(io::stdin()), &mut out, args.date, args.lossy)?
        } else {
            let mut code = ExitCode::SUCCESS;
            for path in &args.files {
                match std::fs::File::open(path) {
                    Ok(f) => {
                        batch(&extractor, io::BufReader::new(f), &mut out, args.date, args.lossy)?;
                    }
                    Err(e) => {
                        eprintln!("attache: cannot read {}: {e}", path.display());
                        code = ExitCode::from(2);
                    }
                }
            }
            code
        };
        out.flush()?;
        return Ok(code);
    }
    // one file in memory at a time
    let sources: Vec<Option<&PathBuf>> =
        if args.files.is_empty() { vec![None] } else { args.files.iter().map(Some).collect() };
    let mut code = ExitCode::SUCCESS;
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
                    continue;
                }
            },
        };
        let text = match decode(&bytes, args.lossy) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("attache: {name}: {e} (use --lossy to decode it anyway)");
                code = ExitCode::from(2);
                continue;
            }
        };
        let doc = match args.date {
            Some(d) => extractor.extract_with_date(&text, d),
            None => extractor.extract(&text),
        };
        match format {
            Format::Json => {
                serde_json::to_writer(&mut out, &doc)?;
                writeln!(out)?;
            }
            _ => pretty(&mut out, &name, &doc)?,
        }
        if args.explain {
            let date = doc.date.as_deref().and_then(|d| d.parse().ok()).unwrap_or_else(Date::today);
            let (analyzed, resolution) = extractor.analyze(&text, date);
            let explanation = extractor.rules().explain(&analyzed, &resolution);
            match format {
                Format::Json => eprint!("{explanation}"),
                _ => write!(out, "{explanation}")?,
            }
        }
    }
    out.flush()?;
    Ok(code)
}

/// `attache test`: the examples of the given rule files, run with everything else loaded.
fn test(args: TestArgs) -> io::Result<ExitCode> {
    // a default rule file given by path replaces the embedded defaults (it may have been edited)
    let default_file = |p: &PathBuf| attache::rules::DEFAULT_FILES.iter().any(|(label, _)| p.ends_with(label));
    let replaces_defaults = args.rules.iter().any(default_file);
    let built = (|| {
        let mut builder = Extractor::builder().defaults(!args.no_defaults).default_rules(!replaces_defaults);
        for path in &args.gazetteers {
            builder = builder.gazetteer_file(path)?;
        }
        for path in &args.rules {
            builder = builder.rules_file(path)?;
        }
        builder.build()
    })();
    let extractor = match built {
        Ok(x) => x,
        Err(e) => {
            eprintln!("attache: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let files: Vec<String> = args.rules.iter().map(|p| p.display().to_string()).collect();
    let report = extractor.rules().check_examples_where(&extractor, |r| files.contains(&r.location.file));
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
            r.rule,
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
) -> io::Result<ExitCode> {
    // a chunk ends after this many lines or bytes, whichever comes first: big enough that the
    // pool's threads rarely wait for each other at its end, small enough to stream
    const CHUNK_LINES: usize = 1024;
    const CHUNK_BYTES: usize = 1 << 22;
    type Chunk = Vec<(usize, Vec<u8>)>;
    let (chunks_tx, chunks_rx) = mpsc::sync_channel::<io::Result<Chunk>>(1);
    let (done_tx, done_rx) = mpsc::sync_channel::<Vec<String>>(1);
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
                    .map(|(n, bytes)| process_line(extractor, *n, bytes, default_date, lossy))
                    .collect();
                if done_tx.send(results).is_err() {
                    break;
                }
            }
            Ok(())
        });
        for results in done_rx {
            for r in results {
                out.write_all(r.as_bytes())?;
                out.write_all(b"\n")?;
            }
        }
        processor.join().unwrap_or_else(|_| Err(io::Error::other("the batch worker panicked")))
    })?;
    Ok(ExitCode::SUCCESS)
}
