//! The progress bar of long command-line runs (batch input, many files), on standard error.
//!
//! It shows records (or files) done, megabytes read of the total when the input's size is known,
//! the rate in MB/s and the time left; with no known size, a spinner, the count, the megabytes and
//! the rate. It is drawn only where it is asked for: the command line asks for it when standard
//! error is a terminal and `--quiet` is not given, so it never reaches a pipe or a file.

use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// A progress bar, or nothing (every method then does nothing).
#[derive(Clone, Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    records: Arc<AtomicU64>,
    // whether the last byte read ended a line (a last line without a newline still counts)
    at_line_start: Arc<std::sync::atomic::AtomicBool>,
}

impl Progress {
    /// No progress bar.
    pub fn hidden() -> Progress {
        Progress { bar: None, records: Arc::default(), at_line_start: Arc::new(true.into()) }
    }

    /// A bar on standard error when `show`, counting `unit` (`records`, `files`) over an input of
    /// `total` bytes, when known.
    pub fn new(show: bool, total: Option<u64>, unit: &'static str) -> Progress {
        let mut progress = Progress::hidden();
        if !show {
            return progress;
        }
        let records = progress.records.clone();
        let count = move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{} {unit}", HumanCount(records.load(Ordering::Relaxed)));
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

    /// `input`, counting its bytes and lines (records) as they are read.
    pub fn reader<R: BufRead>(&self, input: R) -> ProgressReader<R> {
        ProgressReader { inner: input, progress: self.clone() }
    }

    /// One record (a file) of `bytes` bytes done.
    pub fn record(&self, bytes: u64) {
        self.records.fetch_add(1, Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
        }
    }

    /// Records done so far.
    pub fn records(&self) -> u64 {
        self.records.load(Ordering::Relaxed)
    }

    fn read(&self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let lines = memchr::memchr_iter(b'\n', bytes).count() as u64;
        let was_at_start = self.at_line_start.swap(bytes.last() == Some(&b'\n'), Ordering::Relaxed);
        // a line is counted when it starts, so that the last one counts without a newline
        let starts = lines + u64::from(was_at_start) - u64::from(bytes.last() == Some(&b'\n'));
        self.records.fetch_add(starts, Ordering::Relaxed);
        if let Some(bar) = &self.bar {
            bar.inc(bytes.len() as u64);
        }
    }

    /// Draws the bar a last time and leaves it on the screen (a summary of the run).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish();
        }
    }
}

/// A reader that counts what goes through it into a [`Progress`].
#[derive(Debug)]
pub struct ProgressReader<R> {
    inner: R,
    progress: Progress,
}

impl<R: BufRead> Read for ProgressReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.read(&buf[..n]);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for ProgressReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        // the buffer filled before is still there: count what is consumed of it
        if let Ok(buf) = self.inner.fill_buf() {
            let n = amt.min(buf.len());
            self.progress.read(&buf[..n]);
        }
        self.inner.consume(amt);
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
    fn a_reader_counts_lines_and_bytes() {
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
        assert_eq!(progress.records(), 3);
        let p = Progress::hidden();
        let mut s = String::new();
        p.reader(&b"a\nb\n"[..]).read_to_string(&mut s).unwrap();
        assert_eq!(p.records(), 2);
        assert!(!p.is_shown());
    }
}
