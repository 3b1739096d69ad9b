//! The progress bar of long command-line runs (batch input, many files), on standard error.
//!
//! It shows records (or files) done, megabytes read of the total when the input's size is known,
//! the rate in MB/s and the time left; with no known size, a spinner, the count, the megabytes and
//! the rate. It is drawn only where it is asked for: the command line asks for it when standard
//! error is a terminal and `--quiet` is not given, so it never reaches a pipe or a file.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// A progress bar, or nothing (every method then does nothing but count).
///
/// Batch input is counted twice: as it is read ([`reader`](Progress::reader) notes where each line
/// ends) and as its records are done ([`done`](Progress::done), or a [`writer`](Progress::writer)
/// that counts output lines, one per record). The bar shows what is done, up to the end of the
/// last line done, not what was read ahead.
#[derive(Clone, Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    state: Arc<Shared>,
}

#[derive(Debug, Default)]
struct Shared {
    records: AtomicU64,
    lines: Mutex<Lines>,
}

/// The lines read and not yet done.
#[derive(Debug, Default)]
struct Lines {
    // input offsets where each line read and not yet done ends
    ends: VecDeque<u64>,
    // bytes read so far, and whether they end inside a line
    read: u64,
    open: bool,
}

impl Progress {
    /// No progress bar.
    pub fn hidden() -> Progress {
        Progress { bar: None, state: Arc::default() }
    }

    /// A bar on standard error when `show`, counting `unit` (`records`, `files`) over an input of
    /// `total` bytes, when known.
    pub fn new(show: bool, total: Option<u64>, unit: &'static str) -> Progress {
        let mut progress = Progress::hidden();
        if !show {
            return progress;
        }
        let state = progress.state.clone();
        let count = move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{} {unit}", HumanCount(state.records.load(Ordering::Relaxed)));
        };
        let template = match total {
            Some(_) => "{count:>14} [{bar:30}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} ETA {eta}",
            None => "{spinner} {count:>14} {decimal_bytes} {decimal_bytes_per_sec} {elapsed}",
        };
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key("count", count)
            .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr_with_hz(8)).with_style(style);
        bar.enable_steady_tick(Duration::from_millis(250));
        progress.bar = Some(bar);
        progress
    }

    /// Whether a bar is drawn.
    pub fn is_shown(&self) -> bool {
        self.bar.is_some()
    }

    /// `input`, noting where each of its lines (records) ends as it is read.
    pub fn reader<R: BufRead>(&self, input: R) -> ProgressReader<R> {
        ProgressReader { inner: input, progress: self.clone() }
    }

    /// `output`, where each line written is one record done (batch mode's JSON Lines).
    pub fn writer<W: Write>(&self, output: W) -> ProgressWriter<W> {
        ProgressWriter { inner: output, progress: self.clone() }
    }

    /// One record (a file) of `bytes` bytes done.
    pub fn record(&self, bytes: u64) {
        self.state.records.fetch_add(1, Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
        }
    }

    /// The next `n` lines read are done.
    pub fn done(&self, n: u64) {
        let mut position = None;
        if let Ok(mut lines) = self.state.lines.lock() {
            for _ in 0..n {
                match lines.ends.pop_front() {
                    Some(end) => position = Some(end),
                    None => break,
                }
            }
        }
        self.state.records.fetch_add(n, Ordering::Relaxed);
        if let (Some(bar), Some(p)) = (&self.bar, position) {
            bar.set_position(p);
        }
    }

    /// Records done so far.
    pub fn records(&self) -> u64 {
        self.state.records.load(Ordering::Relaxed)
    }

    fn read(&self, bytes: &[u8]) {
        let Ok(mut lines) = self.state.lines.lock() else { return };
        let start = lines.read;
        for i in memchr::memchr_iter(b'\n', bytes) {
            lines.ends.push_back(start + i as u64 + 1);
        }
        lines.read += bytes.len() as u64;
        if let Some(&last) = bytes.last() {
            lines.open = last != b'\n';
        }
    }

    fn end_of_input(&self) {
        let Ok(mut lines) = self.state.lines.lock() else { return };
        if lines.open {
            let end = lines.read;
            lines.ends.push_back(end);
            lines.open = false;
        }
    }

    /// Draws the bar a last time and leaves it on the screen (a summary of the run).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish();
        }
    }
}

/// A reader that notes the lines going through it into a [`Progress`].
#[derive(Debug)]
pub struct ProgressReader<R> {
    inner: R,
    progress: Progress,
}

impl<R: BufRead> Read for ProgressReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.progress.end_of_input();
        }
        self.progress.read(&buf[..n]);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for ProgressReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let buf = self.inner.fill_buf()?;
        if buf.is_empty() {
            self.progress.end_of_input();
        }
        Ok(buf)
    }

    fn consume(&mut self, amt: usize) {
        // the buffer filled before is still there: note what is consumed of it
        if let Ok(buf) = self.inner.fill_buf() {
            let n = amt.min(buf.len());
            self.progress.read(&buf[..n]);
        }
        self.inner.consume(amt);
    }
}

/// A writer that counts the lines written through it as records done in a [`Progress`].
#[derive(Debug)]
pub struct ProgressWriter<W> {
    inner: W,
    progress: Progress,
}

impl<W: Write> Write for ProgressWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        let lines = memchr::memchr_iter(b'\n', &buf[..n]).count() as u64;
        if lines > 0 {
            self.progress.done(lines);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The size of standard input when it is a regular file (`< file`), for the bar's total.
pub fn stdin_size() -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
        let meta = std::fs::File::from(fd).metadata().ok()?;
        meta.is_file().then_some(meta.len())
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_become_records_done() {
        let progress = Progress::hidden();
        let mut r = progress.reader(io::BufReader::with_capacity(4, &b"{\"a\":1}\n{\"b\":2}\nlast"[..]));
        let mut lines = Vec::new();
        loop {
            let mut buf = Vec::new();
            if r.read_until(b'\n', &mut buf).unwrap() == 0 {
                break;
            }
            lines.push(buf);
        }
        assert_eq!(lines.len(), 3);
        assert_eq!(progress.records(), 0, "read, not done");
        assert_eq!(progress.state.lines.lock().unwrap().ends, [8, 16, 20]);
        let mut w = progress.writer(Vec::new());
        w.write_all(b"one\ntwo\n").unwrap();
        assert_eq!(progress.records(), 2);
        progress.done(1);
        assert_eq!(progress.records(), 3);
        assert!(progress.state.lines.lock().unwrap().ends.is_empty());
        assert!(!progress.is_shown());
    }

    #[test]
    fn files_count_as_records() {
        let p = Progress::new(false, Some(10), "files");
        p.record(4);
        p.record(6);
        assert_eq!(p.records(), 2);
        p.finish();
    }
}
