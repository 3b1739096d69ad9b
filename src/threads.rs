//! Two jobs at once on scoped threads, for the builds that split their work in two. Not rayon: a
//! pool thread blocked on the lazily loaded defaults could steal a task that waits on the same
//! initialisation, and every thread would hang.

use std::thread::ScopedJoinHandle;

/// Runs `first` here and `second` beside it on a scoped thread, or after it when there is one
/// core (where a second thread would only cost its memory: an allocator arena of its own). A panic
/// of either passes on.
pub(crate) fn join<A, B: Send>(first: impl FnOnce() -> A, second: impl FnOnce() -> B + Send) -> (A, B) {
    if std::thread::available_parallelism().map_or(1, usize::from) > 1 {
        std::thread::scope(|scope| {
            let second = scope.spawn(second);
            let first = first();
            (first, joined(second))
        })
    } else {
        (first(), second())
    }
}

/// The result of a scoped thread, its panic passed on.
pub(crate) fn joined<T>(handle: ScopedJoinHandle<'_, T>) -> T {
    handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
