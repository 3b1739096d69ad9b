#!/usr/bin/env bash
# The gazetteer generator (tools/gazetteers/): its curated tables parse and repeat no key (no source
# data needed), and, when the staged sources are next to the checkout (../shared/data/gazetteer-sources,
# absent from CI clones), a fresh run reproduces the committed gazetteers/*.jsonl byte for byte.
# System python3 (standard library only), no venv.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
python3 -m unittest tools.gazetteers.test_curated
sources="$root/../shared/data/gazetteer-sources"
if [ ! -d "$sources" ]; then
    echo "skip: $sources not found, gazetteers not regenerated"
    exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 -m tools.gazetteers "$sources" "$out" 2>"$out/stderr.log" || { cat "$out/stderr.log"; exit 1; }
for f in countries places organizations people; do
    cmp "$out/$f.jsonl" "gazetteers/$f.jsonl" || { echo "gazetteers/$f.jsonl differs from a fresh run: rerun the generator"; exit 1; }
done
echo "gazetteers/*.jsonl reproduced byte for byte"
