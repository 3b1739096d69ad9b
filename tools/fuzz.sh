#!/bin/sh
# Runs the cargo-fuzz targets of fuzz/ for a bounded time each, one after the other, and copies
# any crashing input into tests/fuzz-regressions/<target>/ (replayed by tests/hostile.rs).
#
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 600 s; extract gazetteer rules jsonl)
#
# Needs `cargo install cargo-fuzz`; on a stable toolchain it runs with RUSTC_BOOTSTRAP=1.
set -u
cd "$(dirname "$0")/.."
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-extract gazetteer rules jsonl}
status=0
for t in $targets; do
    echo "== fuzz $t for ${seconds}s ($(date -u +%H:%M:%S) UTC)"
    mkdir -p "fuzz/corpus/$t"
    # Batch mode starts a reader thread per call and runs on the rayon pool. LeakSanitizer counts
    # the thread-local destructor entries of pool threads that are still alive as leaks (32 bytes
    # from __cxa_thread_atexit_impl, which a fresh process running the same input does not
    # report), so that target runs without leak detection; the others keep it.
    leaks=1
    [ "$t" = jsonl ] && leaks=0
    RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -detect_leaks="$leaks" || status=1
    if ls "fuzz/artifacts/$t"/* >/dev/null 2>&1; then
        mkdir -p "tests/fuzz-regressions/$t"
        cp "fuzz/artifacts/$t"/* "tests/fuzz-regressions/$t/"
        echo "!! $t: crashing inputs copied to tests/fuzz-regressions/$t/"
        status=1
    fi
done
exit $status
