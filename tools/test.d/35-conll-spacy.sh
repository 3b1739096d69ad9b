#!/usr/bin/env bash
# spaCy reads attache's CoNLL output: `spacy convert FILE OUTDIR -c ner` on the output of the
# built binary for the test articles and a few sentences of our own must succeed and give one
# spaCy document per input record, with as many tokens and entities as the file has token lines
# and B- tags. spaCy (pinned) lives in a venv of its own, target/venv-spacy, made when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS
spacy_version=3.8.18
venv="${CARGO_TARGET_DIR:-target}/venv-spacy"

if ! "$venv/bin/python" -c "import spacy, sys; sys.exit(spacy.__version__ != '$spacy_version')" 2>/dev/null; then
    echo "installing spaCy $spacy_version into $venv"
    rm -rf "$venv"
    if ! python3 -m venv "$venv" 2>/dev/null; then
        # Debian's python3 keeps venv in a package of its own
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq python3-venv >/dev/null
        rm -rf "$venv"
        python3 -m venv "$venv"
    fi
    "$venv/bin/pip" install -q --disable-pip-version-check "spacy==$spacy_version"
fi

cargo build -j 1 --quiet --bin attache
bin="${CARGO_TARGET_DIR:-target}/debug/attache"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$venv/bin/python" - "$work" <<'EOF'
import json, pathlib, sys
work = pathlib.Path(sys.argv[1])
with open(work / "in.jsonl", "w") as f:
    for txt in sorted(pathlib.Path("tests/articles").glob("*.txt")):
        gold = txt.with_suffix(".gold.json")
        date = json.loads(gold.read_text())["date"] if gold.exists() else None
        f.write(json.dumps({"id": txt.stem, "text": txt.read_text(), "date": date}) + "\n")
    for i, text in enumerate([
        "Zelenskyy met Erdoğan in Türkiye.",
        "Turkish troops and Syrian opposition leaders met in Ankara.\n\nThey talked for hours.",
    ]):
        f.write(json.dumps({"id": f"own-{i}", "text": text, "date": "2025-06-17"}) + "\n")
EOF

"$bin" extract --quiet --format conll --batch "$work/in.jsonl" >"$work/out.conll"
mkdir "$work/spacy"
"$venv/bin/python" -m spacy convert "$work/out.conll" "$work/spacy" -c ner

"$venv/bin/python" - "$work" <<'EOF'
import pathlib, sys
import spacy
from spacy.tokens import DocBin

work = pathlib.Path(sys.argv[1])
records = sum(1 for line in (work / "in.jsonl").read_text().splitlines() if line.strip())
lines = [l for l in (work / "out.conll").read_text().splitlines() if l and not l.startswith("-DOCSTART-")]
tags = [l.split()[-1] for l in lines]
files = list((work / "spacy").glob("*.spacy"))
assert len(files) == 1, f"spacy convert wrote {files}"
docs = list(DocBin().from_disk(files[0]).get_docs(spacy.blank("en").vocab))
tokens = sum(len(d) for d in docs)
ents = [e for d in docs for e in d.ents]
labels = sorted({e.label_ for e in ents})
print(f"spacy convert: {len(docs)} docs, {tokens} tokens, {len(ents)} entities, labels {labels}")
failed = []
if len(docs) != records:
    failed.append(f"{len(docs)} docs for {records} records")
if tokens != len(lines):
    failed.append(f"{tokens} tokens for {len(lines)} token lines")
if len(ents) != sum(t.startswith("B-") for t in tags) or not ents:
    failed.append(f"{len(ents)} entities for {sum(t.startswith('B-') for t in tags)} B- tags")
if not set(labels) <= {"person", "country", "organization", "place", "document", "event", "group", "money"}:
    failed.append(f"unexpected labels {labels}")
first = docs[-2]
if [t.text for t in first] != ["Zelenskyy", "met", "Erdoğan", "in", "Türkiye", "."]:
    failed.append(f"tokens of own-0: {[t.text for t in first]}")
if [(e.text, e.label_) for e in first.ents] != [("Zelenskyy", "person"), ("Erdoğan", "person"), ("Türkiye", "country")]:
    failed.append(f"entities of own-0: {[(e.text, e.label_) for e in first.ents]}")
if failed:
    print("FAIL " + "; ".join(failed))
    sys.exit(1)
EOF
echo "spaCy checks passed in $((SECONDS - started)) s"
