#!/usr/bin/env bash
# The golden check: attache's JSON output over a fixed set of inputs, one file each, so that a
# refactoring can show its output is byte-identical (`diff -r before/ after/`).
#   tools/golden.sh OUT_DIR [BINARY]
# Inputs: tests/articles/*.txt, every sentence of tests/events/*.txt and of the rules news corpus
# (batch mode), and the seed article of ../shared when it is there. Dates are fixed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: tools/golden.sh OUT_DIR [BINARY]}
bin=${2:-}
if [ -z "$bin" ]; then
    (cd "$root" && cargo build --quiet --release)
    bin="$root/target/release/attache"
fi
mkdir -p "$out"
for f in "$root"/tests/articles/*.txt; do
    "$bin" extract --format json --date 2025-06-17 "$f" >"$out/article-$(basename "$f" .txt).json"
done
if [ -e "$root/../shared/seed" ]; then
    for f in "$root"/../shared/seed/*.txt; do
        "$bin" extract --format json --date 2025-06-17 "$f" >"$out/seed-$(basename "$f" .txt).json"
    done
fi
python3 - "$root" >"$out/sentences.jsonl" <<'PY'
import json, pathlib, re, sys
root = pathlib.Path(sys.argv[1])
n = 0
for f in sorted((root / "tests/events").glob("*.txt")):
    for line in f.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            n += 1
            print(json.dumps({"id": n, "text": line.split(" =>")[0], "date": "2025-06-17"}))
news = (root / "tests/rules_news.rs").read_text()
corpus = re.search(r'const CORPUS: &str = r#"(.*?)"#;', news, re.S)
for line in (corpus.group(1) if corpus else "").splitlines():
    if line.strip():
        n += 1
        print(json.dumps({"id": n, "text": line.split(" =>")[0], "date": "2025-06-17"}))
PY
"$bin" extract --format jsonl --threads 1 "$out/sentences.jsonl" >"$out/sentences.out.jsonl"
echo "golden output in $out: $(ls "$out" | wc -l) files"
