#!/usr/bin/env bash
# The HTML view in a real browser: Debian's headless Chromium loads pages made by the built
# binary and the checks read the DOM after the page's script ran (--dump-dom):
#  - the test articles (tests/articles/*.txt) and a few sentences of our own (nested mentions,
#    multi-byte names, markup in the text) as one batch page: as many mark[data-entity] as
#    mentions in the JSON output of the same input, each with its mention's entity and text, as
#    many [data-relation] as relations, one section per record; at a desktop width (1280 px) and
#    at a phone width (500 px, the narrowest window headless Chromium makes), with no
#    horizontal overflow; hovering the first relation highlights its evidence and parties;
#  - screenshots at both widths must not be blank (one colour, or almost), and a blank page's must
#    fail that check.
# Installs chromium (and a font) with apt-get when missing. ATTACHE_UPDATE_SCREENSHOT=1 also
# writes the README's screenshot, docs/html-view.png, from the small page.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS

chromium=/usr/bin/chromium
if [ ! -x "$chromium" ] || [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
    echo "installing chromium and fonts-dejavu-core"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

cargo build -j 1 --quiet --bin attache
bin="${CARGO_TARGET_DIR:-target}/debug/attache"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the inputs: the test articles with their dates, and our own small page
python3 - "$work" <<'EOF'
import json, pathlib, sys
work = pathlib.Path(sys.argv[1])
own = [
    {"id": "multibyte", "date": "2025-06-17",
     "text": "Zelenskyy met Erdoğan in Türkiye. Kazakh President Kassym-Jomart Tokayev held talks "
             "with Xi Jinping in Astana."},
    {"id": "nested", "date": "2025-06-17",
     "text": "Turkish troops and Syrian opposition leaders met in Ankara on Monday."},
    {"id": "<markup> & \"quotes\"", "date": "2025-06-17",
     "text": "A <b>bold</b> claim & a <script>alert('x')</script>: Macron visited Berlin.\r\nHe left."},
]
with open(work / "small.jsonl", "w") as f:
    for r in own:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
with open(work / "all.jsonl", "w") as f:
    for txt in sorted(pathlib.Path("tests/articles").glob("*.txt")):
        gold = txt.with_suffix(".gold.json")
        date = json.loads(gold.read_text())["date"] if gold.exists() else None
        f.write(json.dumps({"id": txt.stem, "text": txt.read_text(), "date": date}, ensure_ascii=False) + "\n")
    for r in own:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
EOF

for input in small all; do
    "$bin" extract --quiet --format jsonl "$work/$input.jsonl" >"$work/$input.json"
    "$bin" extract --quiet --format html --batch "$work/$input.jsonl" >"$work/$input.html"
done

browse() { # browse LOG ARGS…: headless chromium with a profile of its own, at most 60 s
    local log=$1
    shift
    if ! timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
        --disable-dev-shm-usage --user-data-dir="$work/profile" "$@" 2>"$log"; then
        cat "$log" >&2
        echo "chromium failed: $*" >&2
        return 1
    fi
}

for input in small all; do
    for width in 1280 500; do
        browse "$work/chromium.log" --window-size="$width,900" --dump-dom \
            "file://$work/$input.html#selftest" >"$work/$input-$width.dom"
        browse "$work/chromium.log" --window-size="$width,900" --screenshot="$work/$input-$width.png" \
            "file://$work/$input.html" >/dev/null
    done
done
# a blank page, which the screenshot check must fail
printf '<!DOCTYPE html><title>blank</title>\n' >"$work/blank.html"
browse "$work/chromium.log" --window-size=1280,900 --screenshot="$work/blank.png" "file://$work/blank.html" >/dev/null

python3 - "$work" <<'EOF'
import html.parser, json, pathlib, struct, sys, zlib
from collections import Counter

work = pathlib.Path(sys.argv[1])
failed = []

def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failed.append(what)

class Dom(html.parser.HTMLParser):
    """The marks (entity, text) and relation elements of a dumped DOM, and the self-test."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []      # a list per open mark: its text so far, or None for other marks
        self.marks = []
        self.relations = 0
        self.sections = 0
        self.selftest = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark":
            self.open.append([a["data-entity"], ""] if "data-entity" in a else None)
        if "data-relation" in a:
            self.relations += 1
        if tag == "section" and "doc" in (a.get("class") or "").split():
            self.sections += 1
        if tag == "body" and "data-selftest" in a:
            self.selftest = json.loads(a["data-selftest"])
    def handle_endtag(self, tag):
        if tag == "mark" and self.open:
            m = self.open.pop()
            if m is not None:
                self.marks.append(tuple(m))
    def handle_data(self, data):
        for m in self.open:
            if m is not None:
                m[1] += data

def png_pixels(path):
    """The width, height and rows of pixels of an 8-bit RGB or RGBA PNG (as Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), f"PNG depth {depth} colour type {colour}"
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, [[row[x:x + 3] for x in range(0, stride, bpp)] for row in rows]

def not_blank(path):
    """Whether a screenshot shows something: many colours, and not all background."""
    w, h, rows = png_pixels(path)
    colours = Counter(bytes(p) for row in rows[::2] for p in row[::2])
    background = colours.most_common(1)[0][1] / sum(colours.values())
    return len(colours) >= 16 and background < 0.98, f"{w}x{h}, {len(colours)} colours, {background:.0%} background"

for name in ["small", "all"]:
    docs = [json.loads(l) for l in (work / f"{name}.json").read_text().splitlines()]
    errors = [d for d in docs if "error" in d]
    check(not errors, f"{name}: every record extracted {errors[:1]}")
    mentions = Counter((m["entity"], m["text"]) for d in docs for m in d.get("mentions", []))
    relations = sum(len(d.get("relations", [])) for d in docs)
    n_mentions = sum(mentions.values())
    print(f"{name}: {len(docs)} documents, {n_mentions} mentions, {relations} relations")
    check(n_mentions > 0 and relations > 0, f"{name}: the input has mentions and relations")
    for width in [1280, 500]:
        dom = Dom()
        dom.feed((work / f"{name}-{width}.dom").read_text())
        what = f"{name} at {width} px"
        check(dom.selftest is not None, f"{what}: the page's script ran")
        st = dom.selftest or {}
        check(st.get("marks") == n_mentions, f"{what}: mark[data-entity] {st.get('marks')} == mentions {n_mentions}")
        check(st.get("relations") == relations, f"{what}: [data-relation] {st.get('relations')} == relations {relations}")
        check(st.get("documents") == len(docs), f"{what}: sections {st.get('documents')} == documents {len(docs)}")
        check(st.get("overflow") is False, f"{what}: no horizontal overflow (width {st.get('width')})")
        check(Counter(dom.marks) == mentions, f"{what}: each mark holds its mention's entity and text")
        first = next(r for d in docs for r in d.get("relations", []))
        hover = st.get("hover") or {}
        check(" ".join((hover.get("evidence") or "").split()) == " ".join(first["text"].split())
              and hover.get("parties", 0) >= 1,
              f"{what}: hovering the first relation highlights its evidence and parties {hover}")
        check(dom.relations == relations and dom.sections == len(docs), f"{what}: the dumped DOM agrees")
        ok, how = not_blank(work / f"{name}-{width}.png")
        check(ok, f"{what}: screenshot not blank ({how})")

ok, how = not_blank(work / "blank.png")
check(not ok, f"a blank page fails the screenshot check ({how})")

if failed:
    print(f"{len(failed)} failed")
    sys.exit(1)
EOF

if [ "${ATTACHE_UPDATE_SCREENSHOT:-}" = 1 ]; then
    browse "$work/chromium.log" --window-size=1100,700 --screenshot="$work/view.png" "file://$work/small.html" >/dev/null
    mkdir -p docs
    cp "$work/view.png" docs/html-view.png
    echo "wrote docs/html-view.png"
fi
echo "browser checks passed in $((SECONDS - started)) s"
