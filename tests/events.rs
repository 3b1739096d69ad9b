//! The default rules as an event coder: news-style sentences (written for this test, one behaviour
//! each, `tests/events/<type>.txt`) coded by hand the way event data codes them, PLOVER event type
//! and CAMEO-style actor codes, and scored by type: how many of the hand-coded events attache finds
//! (recall) and how many of the events it finds are right (precision).
//!
//! Each line is `sentence => TYPE(SOURCE, TARGET); …` with actor codes as a coder writes them
//! (`RUSGOV` for Vladimir Putin, `RUS` for Russia, `SYRREB` for Syrian rebels); a one-party event
//! has no target (`PROTEST(KENCVL)`). A line with nothing after `=>` must yield no event: negated,
//! hypothetical and reported-speech counterexamples. A `# date: YYYY-MM-DD` line sets the date the
//! lines after it are read on (roles depend on it); other `#` lines are comments.
//!
//! An event found matches an expected one of the same type and the same actor codes (either order
//! for symmetric kinds such as `meet`); a second score compares only the actors' countries (the
//! first three letters), where a sector is a matter of judgement. The figures are floors, not exact
//! counts. `ATTACHE_EVENTS_REPORT=1` prints every miss and every wrong event.
//!
//! `tests/events_heldout/` is a second corpus in the same format, by other authors, that no rule
//! was tuned on: its figures estimate what unseen news scores, and its floors are lower.
//! `mixed.txt` was written after the rules by another author (48 events: P 0.800 R 0.646 exact);
//! `actors.txt` (47 events, 86 actors, more groups and domestic events) later still, scored once
//! before anything changed: events P 0.73 R 0.38, actors 0.99 by country and 0.74 by country and
//! sector (two corpora together: events P 0.769 R 0.516, actors 0.838). Four general gaps it showed
//! were mended afterwards (singular bodies "coast guard", "foreign ministry"; "unions"; a group as
//! a possessor), so it is no longer quite unseen.

use std::collections::BTreeMap;
use std::path::Path;

use attache::{Date, Document, EventType, Extractor};

/// One event: type, source code, target code (empty for a one-party event).
type Coded = (String, String, String);

struct Line {
    file: String,
    number: usize,
    date: Date,
    sentence: String,
    expected: Vec<Coded>,
}

fn corpus(folder: &str) -> Vec<Line> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/events exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut lines = Vec::new();
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text = std::fs::read_to_string(&path).expect("a readable corpus file");
        let mut date = Date::new(2025, 6, 17).expect("a date");
        for (k, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if let Some(d) = line.strip_prefix("# date:") {
                date = d.trim().parse().unwrap_or_else(|e| panic!("{name}:{}: bad date: {e}", k + 1));
                continue;
            }
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (sentence, coded) =
                line.split_once(" =>").unwrap_or_else(|| panic!("{name}:{}: no ` =>` in {line:?}", k + 1));
            let expected = coded
                .split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(|c| parse_event(c).unwrap_or_else(|e| panic!("{name}:{}: {e}", k + 1)))
                .collect();
            lines.push(Line {
                file: name.clone(),
                number: k + 1,
                date,
                sentence: sentence.trim().to_string(),
                expected,
            });
        }
    }
    lines
}

fn parse_event(text: &str) -> Result<Coded, String> {
    let (kind, args) = text.split_once('(').ok_or_else(|| format!("no `(` in {text:?}"))?;
    let kind = kind.trim();
    let kind = kind.split(':').next().unwrap_or(kind);
    let event_type: EventType = kind.parse().map_err(|e| format!("{e} in {text:?}"))?;
    let args = args.trim().strip_suffix(')').ok_or_else(|| format!("no `)` in {text:?}"))?;
    let mut parts = args.split(',').map(str::trim);
    let source = parts.next().filter(|s| !s.is_empty()).ok_or_else(|| format!("no source in {text:?}"))?;
    let target = parts.next().unwrap_or("");
    if parts.next().is_some() {
        return Err(format!("more than two actors in {text:?}"));
    }
    Ok((event_type.as_str().to_string(), source.to_string(), target.to_string()))
}

/// The actor code of entity `id` in `doc` (empty when it has none).
fn code(doc: &Document, id: &str) -> String {
    doc.entity(id).and_then(|e| e.attrs.get("actor")).cloned().unwrap_or_default()
}

/// Counts for one event type, exact codes and countries only.
#[derive(Default, Clone, Copy)]
struct Count {
    found: usize,
    right: usize,
    right_country: usize,
    expected: usize,
    hit: usize,
    hit_country: usize,
}

impl Count {
    fn add(&mut self, o: Count) {
        self.found += o.found;
        self.right += o.right;
        self.right_country += o.right_country;
        self.expected += o.expected;
        self.hit += o.hit;
        self.hit_country += o.hit_country;
    }
    fn precision(&self) -> f64 {
        self.right as f64 / self.found.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.hit as f64 / self.expected.max(1) as f64
    }
    fn precision_country(&self) -> f64 {
        self.right_country as f64 / self.found.max(1) as f64
    }
    fn recall_country(&self) -> f64 {
        self.hit_country as f64 / self.expected.max(1) as f64
    }
}

fn country(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// Whether found event `f` codes expected event `e`, exactly or by countries only.
fn fits(f: &Coded, symmetric: bool, e: &Coded, by_country: bool) -> bool {
    let same = |a: &str, b: &str| if by_country { country(a) == country(b) } else { a == b };
    f.0 == e.0 && ((same(&f.1, &e.1) && same(&f.2, &e.2)) || (symmetric && same(&f.1, &e.2) && same(&f.2, &e.1)))
}

struct Scores {
    by_type: BTreeMap<String, Count>,
    report: Vec<String>,
    lines: usize,
}

fn score(folder: &str) -> Scores {
    let extractor = Extractor::new().expect("the embedded defaults build");
    let mut by_type: BTreeMap<String, Count> = BTreeMap::new();
    let mut report = Vec::new();
    let corpus = corpus(folder);
    for line in &corpus {
        let doc = extractor.extract_with_date(&line.sentence, line.date);
        // one event a (type, actors): several rules or kinds may code the same event
        let mut found: BTreeMap<Coded, bool> = BTreeMap::new();
        for r in &doc.relations {
            let target = r.object.as_deref().map(|o| code(&doc, o)).unwrap_or_default();
            let symmetric = extractor.rules().is_symmetric(&r.kind);
            let mut key = (r.event.event_type.as_str().to_string(), code(&doc, &r.subject), target);
            if symmetric && key.2 < key.1 {
                std::mem::swap(&mut key.1, &mut key.2);
            }
            *found.entry(key).or_default() |= symmetric;
        }
        let mut hit = vec![(false, false); line.expected.len()];
        for (f, &symmetric) in &found {
            let c = by_type.entry(f.0.clone()).or_default();
            c.found += 1;
            let exact = line.expected.iter().position(|e| fits(f, symmetric, e, false));
            let loose = line.expected.iter().position(|e| fits(f, symmetric, e, true));
            if let Some(i) = exact {
                c.right += 1;
                hit[i].0 = true;
            }
            if let Some(i) = loose {
                c.right_country += 1;
                hit[i].1 = true;
            }
            if exact.is_none() {
                report.push(format!(
                    "{}:{}: wrong {}({}, {}) in: {}",
                    line.file, line.number, f.0, f.1, f.2, line.sentence
                ));
            }
        }
        for (e, (exact, loose)) in line.expected.iter().zip(&hit) {
            let c = by_type.entry(e.0.clone()).or_default();
            c.expected += 1;
            c.hit += usize::from(*exact);
            c.hit_country += usize::from(*loose);
            if !exact {
                report.push(format!(
                    "{}:{}: missed {}({}, {}) in: {}",
                    line.file, line.number, e.0, e.1, e.2, line.sentence
                ));
            }
        }
    }
    Scores { by_type, report, lines: corpus.len() }
}

fn table(s: &Scores) -> String {
    let mut out = format!(
        "{:<10} {:>5} {:>5} {:>6} {:>6} {:>8} {:>8}\n",
        "type", "found", "gold", "prec", "recall", "prec/cc", "rec/cc"
    );
    let mut all = Count::default();
    for (t, c) in &s.by_type {
        all.add(*c);
        out += &format!(
            "{:<10} {:>5} {:>5} {:>6.3} {:>6.3} {:>8.3} {:>8.3}\n",
            t,
            c.found,
            c.expected,
            c.precision(),
            c.recall(),
            c.precision_country(),
            c.recall_country()
        );
    }
    out += &format!(
        "{:<10} {:>5} {:>5} {:>6.3} {:>6.3} {:>8.3} {:>8.3}\n",
        "all",
        all.found,
        all.expected,
        all.precision(),
        all.recall(),
        all.precision_country(),
        all.recall_country()
    );
    out
}

fn total(s: &Scores) -> Count {
    let mut all = Count::default();
    s.by_type.values().for_each(|c| all.add(*c));
    all
}

#[test]
fn default_rules_code_news_events_by_type() {
    let s = score("tests/events");
    let all = total(&s);
    let summary = table(&s);
    // the table is the point of this test: shown with --nocapture
    eprintln!("{} sentences\n{summary}", s.lines);
    if std::env::var_os("ATTACHE_EVENTS_REPORT").is_some() {
        eprintln!("{}", s.report.join("\n"));
    }
    assert!(s.lines >= 800, "{summary}");
    assert!(all.precision() >= 0.90, "{summary}");
    assert!(all.recall() >= 0.88, "{summary}");
}

#[test]
fn default_rules_code_held_out_sentences_by_type() {
    let s = score("tests/events_heldout");
    let all = total(&s);
    let summary = table(&s);
    eprintln!("held out: {} sentences\n{summary}", s.lines);
    if std::env::var_os("ATTACHE_EVENTS_REPORT").is_some() {
        eprintln!("{}", s.report.join("\n"));
    }
    assert!(all.precision() >= 0.72, "{summary}");
    assert!(all.recall() >= 0.50, "{summary}");
}

/// Actor coding apart from event coding: of the actors the coders wrote (each side of each
/// expected event), how many attache codes with the same country (some entity of the sentence has
/// a code of that country), and how many of those with the same full code, country and sector.
/// The second share is the agreement event data asks for: a `SYRREB` coded `SYR` or `SYRGOV` is
/// a disagreement even though the country is right.
struct Actors {
    expected: usize,
    country: usize,
    exact: usize,
    misses: Vec<String>,
}

fn actor_agreement(folder: &str) -> Actors {
    let extractor = Extractor::new().expect("the embedded defaults build");
    let mut a = Actors { expected: 0, country: 0, exact: 0, misses: Vec::new() };
    for line in corpus(folder) {
        let doc = extractor.extract_with_date(&line.sentence, line.date);
        let codes: Vec<String> = doc.entities.iter().filter_map(|e| e.attrs.get("actor").cloned()).collect();
        let mut seen = std::collections::BTreeSet::new();
        for e in &line.expected {
            for want in [&e.1, &e.2] {
                // one actor once per sentence, however many events it takes part in
                if want.is_empty() || !seen.insert(want.clone()) {
                    continue;
                }
                a.expected += 1;
                if codes.iter().any(|c| country(c) == country(want)) {
                    a.country += 1;
                    if codes.iter().any(|c| c == want) {
                        a.exact += 1;
                    } else {
                        a.misses.push(format!(
                            "{}:{}: {want} coded {codes:?} in: {}",
                            line.file, line.number, line.sentence
                        ));
                    }
                }
            }
        }
    }
    a
}

impl Actors {
    fn summary(&self) -> String {
        format!(
            "actors: {} coded by hand, {} found with their country ({:.3}), {} of those with country and sector ({:.3})",
            self.expected,
            self.country,
            self.country as f64 / self.expected.max(1) as f64,
            self.exact,
            self.exact as f64 / self.country.max(1) as f64
        )
    }
}

#[test]
fn actors_are_coded_by_country_and_sector() {
    // the held-out floor is issue 13's target: 70% of actors coded as a coder codes them
    for (folder, floor) in [("tests/events", 0.95), ("tests/events_heldout", 0.70)] {
        let a = actor_agreement(folder);
        eprintln!("{folder}: {}", a.summary());
        if std::env::var_os("ATTACHE_EVENTS_REPORT").is_some() {
            eprintln!("{}", a.misses.join("\n"));
        }
        assert!(a.exact as f64 >= floor * a.country as f64, "{folder}: {}", a.summary());
    }
}

#[test]
fn the_corpus_codes_every_event_type_with_counterexamples() {
    let corpus = corpus("tests/events");
    for t in EventType::ALL {
        let events = corpus.iter().flat_map(|l| &l.expected).filter(|e| e.0 == t.as_str()).count();
        assert!(events >= 30, "{} has {events} hand-coded events", t.as_str());
    }
    let silent = corpus.iter().filter(|l| l.expected.is_empty()).count();
    assert!(silent * 6 >= corpus.len(), "{silent} counterexamples of {} lines", corpus.len());
}
