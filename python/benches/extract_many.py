"""Throughput of the Python package: extract_many on 1 and 2 threads over about 10 MB of news,
and the cost per record of going through Python on short records.

    python python/benches/extract_many.py [--mb 10] [--short 20000] [--cli target/release/attache]

Use a release build of the package (`pip install ./python`). The news is the project's own test
articles (tests/articles/*.txt), repeated to the size asked for, one record per article.
"""

import argparse
import gc
import json
import subprocess
import tempfile
import time
from pathlib import Path

import attache

ROOT = Path(__file__).resolve().parents[2]
DATE = "2025-06-17"


CPU = {}
CALLER = {}


def best(f, repeat):
    """The best wall time of `repeat` runs (and, in CPU[f], the CPU time of this process then; in
    CALLER[f], that of the calling thread)."""
    times = []
    for _ in range(repeat):
        t, c, th = time.perf_counter(), time.process_time(), time.thread_time()
        f()
        times.append((time.perf_counter() - t, time.process_time() - c, time.thread_time() - th))
    wall, cpu, caller = min(times)
    CPU[f], CALLER[f] = cpu, caller
    return wall


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--mb", type=float, default=10.0)
    p.add_argument("--short", type=int, default=20000)
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument("--cli", help="the attache binary, to time its batch mode on the same short records")
    args = p.parse_args()

    x = attache.Extractor()
    articles = [a.read_text(encoding="utf-8") for a in sorted((ROOT / "tests" / "articles").glob("*.txt"))]
    texts, size = [], 0
    while size < args.mb * 1e6:
        for a in articles:
            texts.append(a)
            size += len(a.encode("utf-8"))
    records = [{"id": i, "text": t, "date": DATE} for i, t in enumerate(texts)]
    print(f"news: {len(records)} records, {size / 1e6:.1f} MB")
    x.extract_many(records[:50], threads=1)  # warm up
    f1 = lambda: x.extract_many(records, threads=1)  # noqa: E731
    f2 = lambda: x.extract_many(records, threads=2)  # noqa: E731
    one, two = best(f1, args.repeat), best(f2, args.repeat)
    lines = [json.dumps(r) for r in records]
    fj = lambda: x.extract_jsonl(lines, threads=1)  # noqa: E731
    jsonl_one = best(fj, args.repeat)
    fj2 = lambda: x.extract_jsonl(lines, threads=2)  # noqa: E731
    jsonl_two = best(fj2, args.repeat)
    mb = size / 1e6
    print(f"  extract_many threads=1: {one:.2f} s ({mb / one:.1f} MB/s; CPU {CPU[f1]:.2f} s, {mb / CPU[f1]:.1f} MB/s per core)")
    print(f"  extract_many threads=2: {two:.2f} s ({mb / two:.1f} MB/s), speed-up {one / two:.2f}x")
    # On a busy machine the wall times say little. How the work splits does: on idle cores the
    # two threads run side by side, and the call lasts about as long as the busier one (CPU times
    # grow too when other jobs share the caches, so this is a lower bound of the idle speed-up).
    caller, other = CALLER[f2], CPU[f2] - CALLER[f2]
    print(
        f"    CPU {CPU[f2]:.2f} s: calling thread {caller:.2f} s, other thread {other:.2f} s;"
        f" one thread's CPU time / the busier thread's: {CPU[f1] / max(caller, other):.2f}x"
    )
    # the collector, paused while the documents are built, walks them once when they are kept
    kept = x.extract_many(records, threads=2)
    t = time.perf_counter()
    gc.collect(0)
    print(f"  first collection with the {len(kept)} documents kept: {time.perf_counter() - t:.2f} s")
    del kept
    print(f"  extract_jsonl threads=1 (no Python objects): {jsonl_one:.2f} s (CPU {CPU[fj]:.2f} s, {mb / CPU[fj]:.1f} MB/s per core)")
    # the ceiling of the speed-up on this machine now: the same extraction, no Python objects
    print(f"  extract_jsonl threads=2: {jsonl_two:.2f} s, speed-up {jsonl_one / jsonl_two:.2f}x")

    templates = [
        "Kazakh President Kassym-Jomart Tokayev held talks with Xi Jinping in Astana, meeting {i}.",
        "Xi Jinping visited Astana on day {i} of the tour.",
        "Nothing of note happened in round {i}.",
    ]
    short = [templates[i % 3].format(i=i) for i in range(args.short)]
    short_records = [{"id": i, "text": t, "date": DATE} for i, t in enumerate(short)]
    short_lines = [json.dumps(r) for r in short_records]
    mean = sum(len(t) for t in short) / len(short)
    print(f"short records: {len(short)}, {mean:.0f} bytes each")
    fl = lambda: [x.extract(t, date=DATE) for t in short]  # noqa: E731
    fm = lambda: x.extract_many(short_records, threads=1)  # noqa: E731
    fs = lambda: x.extract_jsonl(short_lines, threads=1)  # noqa: E731
    loop, many, jsonl = best(fl, args.repeat), best(fm, args.repeat), best(fs, args.repeat)
    n = len(short)
    print(f"  extract() in a loop:       {n / loop:,.0f} records/s (CPU: {n / CPU[fl]:,.0f} records/s)")
    print(f"  extract_many threads=1:    {n / many:,.0f} records/s (CPU: {n / CPU[fm]:,.0f} records/s)")
    print(f"  extract_jsonl threads=1:   {n / jsonl:,.0f} records/s (CPU: {n / CPU[fs]:,.0f} records/s)")
    print(f"  Python objects' cost per record (extract_many vs extract_jsonl, CPU): {(CPU[fm] - CPU[fs]) / n * 1e6:.1f} µs")
    if args.cli:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl") as f:
            f.write("\n".join(short_lines) + "\n")
            f.flush()
            cmd = [args.cli, "extract", "--format", "jsonl", "--threads", "1", f.name]
            cli = best(lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL), args.repeat)
        print(f"  CLI batch mode --threads 1: {len(short) / cli:,.0f} records/s (process start included)")


if __name__ == "__main__":
    main()
