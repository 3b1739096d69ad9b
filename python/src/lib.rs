//! `attache._attache`: the Python bindings of the attache crate.
//!
//! Everything here is glue: arguments in, the crate's own serde output (what the command line
//! writes as JSON) out, turned into Python objects by `pythonize`, plus character offsets for
//! Python's string indexing. Batch mode on JSON Lines is the crate's `attache::batch`, as the
//! command line runs it. Extraction runs with the GIL released, and no Rust panic crosses into Python:
//! each call into the crate is wrapped in `catch_unwind` and a panic becomes an `AttacheError`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use attache::{Date, Document};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

pyo3::create_exception!(
    attache,
    AttacheError,
    PyValueError,
    "An error of attache: a bad gazetteer or rules file, a bad date, text that is not UTF-8.\n\n\
     ``file``, ``line`` and ``column`` (1-based) say where, when the error comes from a file; \
     they are None otherwise."
);

/// An `AttacheError` with its location attributes set.
fn attache_error(
    py: Python<'_>,
    message: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
) -> PyErr {
    let err = AttacheError::new_err(message);
    let value = err.value(py);
    // setting attributes on a fresh exception instance cannot fail
    let _ = value.setattr("file", file);
    let _ = value.setattr("line", line);
    let _ = value.setattr("column", column);
    err
}

fn to_py_err(py: Python<'_>, e: &attache::Error) -> PyErr {
    use attache::Error as E;
    let (file, line, column) = match e {
        E::Gazetteer { location, .. }
        | E::Rules { location, .. }
        | E::DuplicateEntity { location, .. }
        | E::DuplicateRule { location, .. }
        | E::Lexicon { location, .. } => (Some(location.file.clone()), Some(location.line), Some(location.column)),
        E::Io { path, .. } => (Some(path.display().to_string()), None, None),
        _ => (None, None, None),
    };
    attache_error(py, e.to_string(), file, line, column)
}

/// The message of a caught panic.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    format!("internal error in attache (please report it): {what}")
}

/// Runs `f`, turning a panic into an error message.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| panic_message(&*p))
}

/// Paths given as one path (str or os.PathLike) or an iterable of them.
fn paths(value: &Bound<'_, PyAny>) -> PyResult<Vec<PathBuf>> {
    if value.is_instance_of::<PyString>() || value.hasattr("__fspath__")? {
        return Ok(vec![value.extract()?]);
    }
    value.try_iter()?.map(|p| p?.extract::<PathBuf>()).collect()
}

/// A date given as `"YYYY-MM-DD"` or a `datetime.date`.
fn date_arg(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    let Some(value) = value.filter(|v| !v.is_none()) else { return Ok(None) };
    let text = date_text(value)?;
    text.parse::<Date>().map(Some).map_err(|e| to_py_err(py, &e))
}

fn date_text(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if value.hasattr("year")? && value.hasattr("month")? && value.hasattr("day")? {
        let (y, m, d): (i64, i64, i64) =
            (value.getattr("year")?.extract()?, value.getattr("month")?.extract()?, value.getattr("day")?.extract()?);
        return Ok(format!("{y:04}-{m:02}-{d:02}"));
    }
    Err(PyTypeError::new_err(format!(
        "date must be a 'YYYY-MM-DD' string or a datetime.date, not {}",
        value.get_type().name()?
    )))
}

/// Character offsets (Python string indices) of a document's mentions and relations.
struct CharOffsets {
    mentions: Vec<(usize, usize)>,
    relations: Vec<(usize, usize)>,
}

impl CharOffsets {
    fn of(text: &str, doc: &Document) -> CharOffsets {
        let byte_offsets = || {
            (
                doc.mentions.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>(),
                doc.relations.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>(),
            )
        };
        let (mentions, relations) = byte_offsets();
        if text.is_ascii() {
            return CharOffsets { mentions, relations };
        }
        let mut points: Vec<usize> =
            mentions.iter().chain(&relations).flat_map(|&(s, e)| [s, e]).map(|p| p.min(text.len())).collect();
        points.sort_unstable();
        points.dedup();
        // characters before each point: the bytes that do not continue a UTF-8 sequence
        let bytes = text.as_bytes();
        let mut chars = Vec::with_capacity(points.len());
        let (mut at, mut count) = (0, 0);
        for &p in &points {
            count += bytes[at..p].iter().filter(|&&b| b & 0xC0 != 0x80).count();
            at = p;
            chars.push(count);
        }
        let to_char = |b: usize| chars[points.binary_search(&b.min(text.len())).unwrap_or(0)];
        let convert = |v: Vec<(usize, usize)>| v.into_iter().map(|(s, e)| (to_char(s), to_char(e))).collect();
        CharOffsets { mentions: convert(mentions), relations: convert(relations) }
    }
}

/// What one extraction gives before it becomes a Python object: the document's JSON (as the
/// command line writes it) and the character offsets to add.
struct Extracted {
    doc: Document,
    /// Whether the document goes out in batch form, `"id"` first.
    with_id: bool,
    offsets: CharOffsets,
}

/// A document in batch mode's form: `id` (set afterwards) first.
#[derive(serde::Serialize)]
struct WithId<'a> {
    id: (),
    #[serde(flatten)]
    doc: &'a Document,
}

/// The Python dict of an extraction: the crate's serde output turned into Python objects (the
/// same keys, in the same order, as its JSON), with `char_start` and `char_end` added to each
/// mention and relation.
///
/// Directly, not through JSON text: serialising each document in the worker threads and reading
/// it with CPython's C scanner (`json.JSONDecoder().scan_once`) was measured to cost the calling
/// thread 1.75x the instructions of this (callgrind, 1 MB of news), and this is what the calling
/// thread must do alone.
fn to_python<'py>(py: Python<'py>, extracted: &Extracted) -> PyResult<Bound<'py, PyAny>> {
    let doc = if extracted.with_id {
        pythonize::pythonize(py, &WithId { id: (), doc: &extracted.doc })
    } else {
        pythonize::pythonize(py, &extracted.doc)
    }
    .map_err(|e| attache_error(py, e.to_string(), None, None, None))?;
    let (start_key, end_key) = (pyo3::intern!(py, "char_start"), pyo3::intern!(py, "char_end"));
    for (key, offsets) in [
        (pyo3::intern!(py, "mentions"), &extracted.offsets.mentions),
        (pyo3::intern!(py, "relations"), &extracted.offsets.relations),
    ] {
        let list = doc.get_item(key)?;
        let list = list.cast::<PyList>()?;
        for (item, &(start, end)) in list.iter().zip(offsets) {
            item.set_item(start_key, start)?;
            item.set_item(end_key, end)?;
        }
    }
    Ok(doc)
}

/// Python's cyclic garbage collector paused while `extract_many` builds its documents, and
/// enabled again when this is dropped (if it was enabled before).
///
/// Each container made counts towards the next collection, and with the documents made so far
/// kept alive, the collections in between walk them again and again: measured, about half the
/// cost of building the dicts, all of it on the calling thread, which the other threads wait for.
/// The documents hold no cycles; whatever garbage other code makes meanwhile is collected after.
struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> PyResult<GcPause<'py>> {
        let gc = py.import("gc")?;
        if !gc.call_method0("isenabled")?.is_truthy()? {
            return Ok(GcPause { gc: None });
        }
        gc.call_method0("disable")?;
        Ok(GcPause { gc: Some(gc) })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = self.gc.take() {
            // `gc.enable()` does not fail
            let _ = gc.call_method0("enable");
        }
    }
}

/// `f` over `items` on `threads` threads, results in order. `f` must not panic (wrap it in
/// [`guarded`]); a result lost to a panic anyway is `None`.
///
/// Plain scoped threads, not a pool: nothing outlives the call, so a process forked later (by
/// multiprocessing, say) inherits no half-existing worker threads.
fn parallel_map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.iter().map(|x| Some(f(x))).collect();
    }
    let next = AtomicUsize::new(0);
    let parts: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= items.len() {
                            return out;
                        }
                        out.push((i, f(&items[i])));
                    }
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or_default()).collect()
    });
    let mut results: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    for (i, r) in parts.into_iter().flatten() {
        results[i] = Some(r);
    }
    results
}

/// `f` over `items` on `threads` threads (the GIL released), and `consume` of each result in
/// order on the calling thread (the GIL held): the calling thread is one of the `threads`, and
/// turns results into Python objects while the other threads extract the next ones, helping
/// them extract when no result is ready. `f` must not panic (wrap it in [`guarded`]); a result
/// lost anyway comes to `consume` as `None`. When `consume` fails, the other threads stop and the
/// error is returned.
fn parallel_ordered<'py, T: Sync, R: Send>(
    py: Python<'py>,
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(usize, Option<R>) -> PyResult<()>,
) -> PyResult<()> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        for (i, item) in items.iter().enumerate() {
            let r = py.detach(|| f(item));
            consume(i, Some(r))?;
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 1..threads {
            let tx = tx.clone();
            let (next, f) = (&next, &f);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= items.len() || tx.send((i, f(&items[i]))).is_err() {
                    return;
                }
            });
        }
        drop(tx);
        // a Receiver is not Sync: behind a lock (only this thread takes it) to cross `detach`
        let rx = std::sync::Mutex::new(rx);
        let mut pending = std::collections::BTreeMap::new();
        let mut outcome = Ok(());
        for want in 0..items.len() {
            while !pending.contains_key(&want) {
                let ready = rx.lock().ok().and_then(|rx| rx.try_recv().ok());
                if let Some((i, r)) = ready {
                    pending.insert(i, r);
                    continue;
                }
                // nothing ready: extract the next item here
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i < items.len() {
                    let r = py.detach(|| f(&items[i]));
                    pending.insert(i, r);
                    continue;
                }
                // nothing left to take: wait for the other threads
                match py.detach(|| rx.lock().map_err(|_| std::sync::mpsc::RecvError).and_then(|rx| rx.recv())) {
                    Ok((i, r)) => {
                        pending.insert(i, r);
                    }
                    Err(_) => break, // every other thread has ended: the result is lost
                }
            }
            outcome = consume(want, pending.remove(&want));
            if outcome.is_err() {
                // the other threads take no new item and their sends fail from here on
                next.store(items.len(), Ordering::Relaxed);
                break;
            }
        }
        drop(rx);
        outcome
    })
}

fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

/// Reads English news text and finds its entities and relations.
///
/// ``Extractor(gazetteers=(), rules=(), defaults=True, lexicon=())`` builds the gazetteers and rules
/// once: ``gazetteers`` and ``rules`` are paths (one, or an iterable of them) of files to add, as
/// the command line's ``--gazetteer`` and ``--rules``; ``defaults=False`` leaves out the embedded
/// defaults (``--no-defaults``); ``lexicon`` files replace the embedded word lists of the same
/// file name (``negation.txt``, ``agents.tsv``), as ``--lexicon``. Building is the expensive part: build one and share it. An
/// Extractor is immutable and safe to use from many threads at once; extraction releases the GIL.
///
/// Raises AttacheError (with ``file``, ``line``, ``column``) when a file is malformed.
#[pyclass(frozen, module = "attache")]
struct Extractor {
    inner: attache::Extractor,
    gazetteers: Vec<PathBuf>,
    rules: Vec<PathBuf>,
    defaults: bool,
    lexicon: Vec<PathBuf>,
}

/// What `Extractor(...)` was built from: gazetteers, rules, defaults, lexicon (for pickling).
type BuildArgs = (Vec<PathBuf>, Vec<PathBuf>, bool, Vec<PathBuf>);

/// One record of `extract_many`, read while the GIL is held.
enum Job {
    /// A plain string: its document, as `extract` gives it.
    Text { text: String, date: Option<Date> },
    /// A dict record: its document with its id first, as batch mode writes it.
    Record { id: Py<PyAny>, text: String, date: Option<Date> },
    /// A record that cannot be read: an error record.
    Bad { id: Py<PyAny>, error: String },
}

impl Extractor {
    fn run(&self, text: &str, date: Option<Date>) -> Document {
        match date {
            Some(d) => self.inner.extract_with_date(text, d),
            None => self.inner.extract(text),
        }
    }

    /// Extracts and serialises one text; `with_id` writes the batch form (`"id": null` first).
    fn extract_doc(&self, text: &str, date: Option<Date>, with_id: bool) -> Result<Extracted, String> {
        guarded(|| {
            let doc = self.run(text, date);
            let offsets = CharOffsets::of(text, &doc);
            Extracted { doc, with_id, offsets }
        })
    }

    fn job(&self, py: Python<'_>, record: &Bound<'_, PyAny>, default_date: Option<Date>) -> PyResult<Job> {
        let none = || py.None();
        if let Ok(s) = record.cast::<PyString>() {
            return Ok(match s.to_cow() {
                Ok(text) => Job::Text { text: text.into_owned(), date: default_date },
                Err(e) => Job::Bad { id: none(), error: e.value(py).str()?.to_cow()?.into_owned() },
            });
        }
        let Ok(dict) = record.cast::<PyDict>() else {
            let error = format!("bad record: expected a dict or a str, not {}", record.get_type().name()?);
            return Ok(Job::Bad { id: none(), error });
        };
        let id = dict.get_item("id")?.map_or_else(none, Bound::unbind);
        let text = match dict.get_item("text")? {
            None => return Ok(Job::Bad { id, error: "bad record: missing field `text`".to_string() }),
            Some(t) => match t.cast::<PyString>() {
                Ok(s) => match s.to_cow() {
                    Ok(text) => text.into_owned(),
                    Err(e) => return Ok(Job::Bad { id, error: e.value(py).str()?.to_cow()?.into_owned() }),
                },
                Err(_) => {
                    let error = format!("bad record: `text` must be a string, not {}", t.get_type().name()?);
                    return Ok(Job::Bad { id, error });
                }
            },
        };
        let date = match dict.get_item("date")? {
            None => default_date,
            Some(d) if d.is_none() => default_date,
            Some(d) => match date_text(&d).map(|t| t.parse::<Date>()) {
                Ok(Ok(date)) => Some(date),
                Ok(Err(e)) => return Ok(Job::Bad { id, error: e.to_string() }),
                Err(e) => return Ok(Job::Bad { id, error: format!("bad record: {}", e.value(py).str()?) }),
            },
        };
        Ok(Job::Record { id, text, date })
    }
}

fn error_record<'py>(py: Python<'py>, id: &Py<PyAny>, error: &str, line: usize) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    d.set_item("id", id)?;
    d.set_item("error", error)?;
    d.set_item("line", line)?;
    Ok(d.into_any())
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (gazetteers = None, rules = None, defaults = true, lexicon = None))]
    #[pyo3(text_signature = "(gazetteers=(), rules=(), defaults=True, lexicon=())")]
    fn new(
        py: Python<'_>,
        gazetteers: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyAny>>,
        defaults: bool,
        lexicon: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Extractor> {
        let gazetteers = gazetteers.map(paths).transpose()?.unwrap_or_default();
        let rules = rules.map(paths).transpose()?.unwrap_or_default();
        let lexicon = lexicon.map(paths).transpose()?.unwrap_or_default();
        let built = py.detach(|| {
            guarded(|| {
                let mut builder = attache::Extractor::builder().defaults(defaults);
                for path in &gazetteers {
                    builder = builder.gazetteer_file(path);
                }
                for path in &rules {
                    builder = builder.rules_file(path);
                }
                for path in &lexicon {
                    builder = builder.lexicon_file(path);
                }
                builder.build()
            })
        });
        match built {
            Ok(Ok(inner)) => Ok(Extractor { inner, gazetteers, rules, defaults, lexicon }),
            Ok(Err(e)) => Err(to_py_err(py, &e)),
            Err(panic) => Err(attache_error(py, panic, None, None, None)),
        }
    }

    /// extract(text, date=None) -> dict
    ///
    /// The document of ``text``: exactly the JSON object of ``attache extract --format json``
    /// (keys ``date``, ``date_assumed`` when no date was given, ``entities``, ``mentions``,
    /// ``relations``; ids, byte offsets ``start``/``end`` into the UTF-8 text), with
    /// ``char_start``/``char_end`` added to each mention and relation so that
    /// ``text[m["char_start"]:m["char_end"]] == m["text"]``.
    ///
    /// ``date`` is the document's date (``"YYYY-MM-DD"`` or a ``datetime.date``): roles resolve to
    /// the office holders of that day. Without it the text is read as of today.
    #[pyo3(signature = (text, date = None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let date = date_arg(py, date)?;
        let text = text.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!(
                "text must be a str, not {}",
                text.get_type().name().map_or("?".into(), |n| n.to_string())
            ))
        })?;
        let text = text.to_cow()?;
        let text: &str = &text;
        let extracted = py.detach(|| self.extract_doc(text, date, false));
        match extracted {
            Ok(x) => to_python(py, &x),
            Err(message) => Err(attache_error(py, message, None, None, None)),
        }
    }

    /// extract_many(records, threads=None, date=None) -> list[dict]
    ///
    /// Extracts from many texts in parallel, with the GIL released: one result per record, in
    /// order. A record is a dict ``{"id": ..., "text": ..., "date": "YYYY-MM-DD"}`` (``id`` any
    /// value, ``date`` optional) or a plain string. A dict gives its document with its ``id`` as
    /// the first key, as ``attache extract --format jsonl`` writes it; a string gives what
    /// ``extract`` gives. A record that cannot be read (no string ``text``, a bad date, neither a
    /// dict nor a string) gives an error record ``{"id": ..., "error": "...", "line": N}`` (N its
    /// 1-based position) and the others go on.
    ///
    /// ``threads`` defaults to the number of cores; ``date`` is the date of records without one.
    /// Python's cyclic garbage collector is paused while the documents are built (they hold no
    /// cycles) and enabled again before the call returns, if it was enabled.
    #[pyo3(signature = (records, threads = None, date = None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        records: &Bound<'py, PyAny>,
        threads: Option<usize>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = thread_count(threads)?;
        let default_date = date_arg(py, date)?;
        let jobs: Vec<Job> = records.try_iter()?.map(|r| self.job(py, &r?, default_date)).collect::<PyResult<_>>()?;
        let out = PyList::empty(py);
        let _gc = GcPause::new(py)?;
        let extract = |job: &Job| match job {
            Job::Text { text, date } => Some(self.extract_doc(text, *date, false)),
            Job::Record { text, date, .. } => Some(self.extract_doc(text, *date, true)),
            Job::Bad { .. } => None,
        };
        parallel_ordered(py, &jobs, threads, extract, |i, result| {
            let job = &jobs[i];
            // `None` inside: a bad record, never extracted; `None` outside: a result lost to a panic
            let result =
                result.unwrap_or_else(|| Some(Err("internal error in attache: a worker thread failed".into())));
            let failure = |r: Option<Result<Extracted, String>>| match r {
                Some(Err(e)) => e,
                _ => "internal error in attache".to_string(),
            };
            let item = match (job, result) {
                (Job::Bad { id, error }, _) => error_record(py, id, error, i + 1)?,
                (Job::Text { .. }, Some(Ok(x))) => to_python(py, &x)?,
                (Job::Record { id, .. }, Some(Ok(x))) => {
                    let doc = to_python(py, &x)?;
                    doc.set_item("id", id)?;
                    doc
                }
                (Job::Text { .. }, r) => error_record(py, &py.None(), &failure(r), i + 1)?,
                (Job::Record { id, .. }, r) => error_record(py, id, &failure(r), i + 1)?,
            };
            out.append(item)
        })?;
        Ok(out)
    }

    /// extract_jsonl(lines, threads=None, date=None, lossy=False, first_line=1) -> list[str]
    ///
    /// Batch mode on JSON Lines, byte for byte as ``attache extract --format jsonl``: each line
    /// (a str or bytes, a trailing newline ignored) is a record ``{"id", "text", "date"}``, and
    /// its output line (a str without newline) is the record's document with its ``id``, or
    /// ``{"id": ..., "error": "...", "line": N}`` for a line that is not such a record. Lines are
    /// numbered from ``first_line``. ``lossy`` decodes invalid UTF-8 in bytes as U+FFFD.
    #[pyo3(signature = (lines, threads = None, date = None, lossy = false, first_line = 1))]
    fn extract_jsonl<'py>(
        &self,
        py: Python<'py>,
        lines: &Bound<'py, PyAny>,
        threads: Option<usize>,
        date: Option<&Bound<'py, PyAny>>,
        lossy: bool,
        first_line: usize,
    ) -> PyResult<Vec<String>> {
        let threads = thread_count(threads)?;
        let default_date = date_arg(py, date)?;
        let mut input: Vec<Vec<u8>> = Vec::new();
        for line in lines.try_iter()? {
            let line = line?;
            let mut bytes = if let Ok(b) = line.cast::<PyBytes>() {
                b.as_bytes().to_vec()
            } else if let Ok(s) = line.cast::<PyString>() {
                match s.to_cow() {
                    Ok(text) => text.into_owned().into_bytes(),
                    // a lone surrogate: not UTF-8, as bytes that are not would be
                    Err(_) => s.call_method1("encode", ("utf-8", "surrogateescape"))?.extract::<Vec<u8>>()?,
                }
            } else {
                return Err(PyTypeError::new_err(format!(
                    "a line must be str or bytes, not {}",
                    line.get_type().name()?
                )));
            };
            while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                bytes.pop();
            }
            input.push(bytes);
        }
        let results = py.detach(|| {
            let numbered: Vec<(usize, &[u8])> =
                input.iter().enumerate().map(|(i, b)| (first_line + i, &b[..])).collect();
            parallel_map(&numbered, threads, |&(n, bytes)| {
                guarded(|| attache::batch::process_line(&self.inner, n, bytes, default_date, lossy))
                    .unwrap_or_else(|panic| attache::batch::error_line(&serde_json::Value::Null, &panic, n))
            })
            .into_iter()
            .zip(&numbered)
            .map(|(r, &(n, _))| {
                r.unwrap_or_else(|| {
                    attache::batch::error_line(
                        &serde_json::Value::Null,
                        "internal error in attache: a worker thread failed",
                        n,
                    )
                })
            })
            .collect::<Vec<String>>()
        });
        Ok(results)
    }

    /// The gazetteer files given (as paths).
    #[getter]
    fn gazetteers(&self) -> Vec<PathBuf> {
        self.gazetteers.clone()
    }

    /// The rule files given (as paths).
    #[getter]
    fn rules(&self) -> Vec<PathBuf> {
        self.rules.clone()
    }

    /// Whether the embedded default gazetteers and rules are loaded.
    #[getter]
    fn defaults(&self) -> bool {
        self.defaults
    }

    /// The word lists given in place of embedded ones (as paths).
    #[getter]
    fn lexicon(&self) -> Vec<PathBuf> {
        self.lexicon.clone()
    }

    /// Ids of the rules in use.
    #[getter]
    fn rule_ids(&self) -> Vec<String> {
        self.inner.rules().rules().iter().map(|r| r.id.to_string()).collect()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, BuildArgs)> {
        let me = slf.get();
        Ok((slf.get_type().into_any(), (me.gazetteers.clone(), me.rules.clone(), me.defaults, me.lexicon.clone())))
    }

    fn __repr__(&self) -> String {
        let list =
            |v: &[PathBuf]| v.iter().map(|p| format!("{:?}", p.display().to_string())).collect::<Vec<_>>().join(", ");
        let lexicon =
            if self.lexicon.is_empty() { String::new() } else { format!(", lexicon=[{}]", list(&self.lexicon)) };
        format!(
            "Extractor(gazetteers=[{}], rules=[{}], defaults={}{lexicon})",
            list(&self.gazetteers),
            list(&self.rules),
            if self.defaults { "True" } else { "False" }
        )
    }
}

/// The outcome of ``check_rules``: true when every example and counterexample passed.
///
/// ``str(report)`` is what ``attache test`` prints.
#[pyclass(frozen, module = "attache", get_all)]
struct RulesReport {
    /// Whether every example and counterexample passed.
    ok: bool,
    /// Rules checked.
    rules: usize,
    /// Examples run.
    examples: usize,
    /// Counterexamples run.
    counterexamples: usize,
    /// What failed: dicts with ``rule``, ``file``, ``line``, ``column``, ``sentence``,
    /// ``counterexample``, ``expected``, ``got``, ``missing``, ``unexpected``.
    failures: Py<PyList>,
    text: String,
}

#[pymethods]
impl RulesReport {
    fn __bool__(&self) -> bool {
        self.ok
    }

    fn __str__(&self) -> String {
        self.text.clone()
    }

    fn __repr__(&self) -> String {
        format!(
            "<RulesReport {} rules, {} examples, {} counterexamples, {} failed>",
            self.rules,
            self.examples,
            self.counterexamples,
            Python::attach(|py| self.failures.bind(py).len())
        )
    }
}

/// check_rules(path, gazetteers=(), defaults=True, lexicon=()) -> RulesReport
///
/// Runs the examples and counterexamples of the rules in ``path`` (one path or several), with the
/// default gazetteers and rules loaded (unless ``defaults=False``) and ``gazetteers`` added, as
/// ``attache test`` does: every example must yield exactly its relations, one of them found by
/// its own rule; every counterexample none from its rule; a rule without examples fails. Each
/// failure says why. ``lexicon`` files replace embedded word lists, as for ``Extractor``. Raises
/// AttacheError when a file is malformed.
#[pyfunction]
#[pyo3(signature = (path, gazetteers = None, defaults = true, lexicon = None))]
fn check_rules(
    py: Python<'_>,
    path: &Bound<'_, PyAny>,
    gazetteers: Option<&Bound<'_, PyAny>>,
    defaults: bool,
    lexicon: Option<&Bound<'_, PyAny>>,
) -> PyResult<RulesReport> {
    let rules = paths(path)?;
    let gazetteers = gazetteers.map(paths).transpose()?.unwrap_or_default();
    let lexicon = lexicon.map(paths).transpose()?.unwrap_or_default();
    let outcome = py.detach(|| {
        guarded(|| -> Result<attache::check::Report, attache::Error> {
            // as `attache test`: a default rule file given by path replaces the embedded one
            let extractor = attache::check::extractor_for(&rules, &gazetteers, &lexicon, defaults.into())?;
            let files = rules.iter().map(|p| p.display().to_string());
            Ok(extractor.check_rules_with(&attache::check::CheckOptions::new().files(files)))
        })
    });
    let report = match outcome {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => return Err(to_py_err(py, &e)),
        Err(panic) => return Err(attache_error(py, panic, None, None, None)),
    };
    let failures = PyList::empty(py);
    for f in &report.failures {
        let d = PyDict::new(py);
        d.set_item("rule", &f.rule)?;
        d.set_item("file", &f.location.file)?;
        d.set_item("line", f.location.line)?;
        d.set_item("column", f.location.column)?;
        d.set_item("sentence", &f.sentence)?;
        d.set_item("counterexample", f.counterexample)?;
        d.set_item("expected", &f.expected)?;
        d.set_item("got", &f.got)?;
        d.set_item("missing", &f.missing)?;
        d.set_item("unexpected", &f.unexpected)?;
        d.set_item("why", &f.why)?;
        failures.append(d)?;
    }
    Ok(RulesReport {
        ok: report.is_ok(),
        rules: report.rules,
        examples: report.examples,
        counterexamples: report.counterexamples,
        failures: failures.unbind(),
        text: report.to_string(),
    })
}

/// Raises a Rust panic inside a guarded call: for the tests that no panic crosses into Python.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    match py.detach(|| guarded(|| panic!("a test panic"))) {
        Ok(()) => Ok(()),
        Err(message) => Err(attache_error(py, message, None, None, None)),
    }
}

#[pymodule]
fn _attache(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("AttacheError", py.get_type::<AttacheError>())?;
    let error = py.get_type::<AttacheError>();
    for attr in ["file", "line", "column"] {
        error.setattr(attr, py.None())?;
    }
    m.add_class::<Extractor>()?;
    m.add_class::<RulesReport>()?;
    m.add_function(wrap_pyfunction!(check_rules, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
