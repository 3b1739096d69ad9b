"""Organisations (organizations.jsonl): curated organisations and government bodies, Factbook Appendix B,
PETRARCH2 International IGOs, Factbook memberships."""

import re
import sys

from .common import *  # noqa: F401,F403  (helpers and constants)
from .curated import *  # noqa: F401,F403  (the curated tables)


def spelling_variants(name):
    out = {name}
    for a, b in SPELLING_PAIRS:
        for n in list(out):
            if a in n:
                out.add(n.replace(a, b))
            if b in n:
                out.add(n.replace(b, a))
    return sorted(out - {name})


def restore_case(upper):
    small = ORG_NAME_SMALL_WORDS
    words = upper.replace("_", " ").split()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and lw in small:
            out.append(lw)
        elif len(w) <= 5 and not re.search(r"[AEIOU]", w[1:]) and len(w) > 1:
            out.append(w)  # acronym-like
        else:
            out.append("-".join(p.capitalize() for p in lw.split("-")))
    return " ".join(out)


ORG_WORDS = (r"\b(Organi[sz]ation|Union|Council|Bank|Fund|Association|Community|Commission|Committee|Agency|Group|"
             r"Alliance|Federation|Forum|Parliament|Assembly|Court|Tribunal|Programme|Program|Institute|League|"
             r"Conference|Treaty|Movement|Partnership|Area|States|Cooperation|Secretariat|Authority|Office|Cent(er|re)|"
             r"Initiative|Francophonie|Panel|Society|Network|Board|Pact|Club|Nations|Fund)\b")


def add_acronym(r, a):
    """An acronym alias: exact case, or a pronounceable one written as a word ("Caricom", "Interpol")
    in capitalised and upper-case forms."""
    if re.fullmatch(r"[A-Z][a-z]{3,}", a):
        r.add(a, "abbreviation", "capitalized")
        r.add(a.upper(), "abbreviation", "exact")
    else:
        r.add(a, "abbreviation", "exact")


def acronym_ok(a):
    letters = re.sub(r"[^A-Za-z]", "", a)
    if a in ACRONYM_STOP:
        return False
    return len(letters) >= 3 or a in TWO_LETTER_OK or re.fullmatch(r"G-?\d+\+?", a) is not None


def build_orgs(S, by_iso3):
    recs = {}
    acr_to_id = {}
    for sl, name, alts, acrs, src in CURATED_ORGS:
        if not name:
            continue
        r = Rec(f"organization:{sl}", "organization", name, src)
        for n in alts + spelling_variants(name):
            r.add(n)
            for v in spelling_variants(n):
                r.add(v)
        for a in acrs:
            if acronym_ok(a) or a in ("DPA", "dpa"):
                add_acronym(r, a)
            acr_to_id.setdefault(a.replace(".", "").upper(), r.id)
        recs[r.id] = r
    for sl, name, alts, acrs, iso3, src in GOVERNMENT_BODIES:
        r = Rec(f"organization:{sl}", "organization", name, src)
        for n in alts:
            r.add(n)
        for a in acrs:
            add_acronym(r, a)
        r.attrs["country"] = iso3
        recs[r.id] = r
    for row in S["appb"]:
        name = clean(row["name"])
        abbr = clean(row["abbreviation"])
        acrs = [a.strip() for a in re.split(r"\bor\b|,", abbr) if a.strip()]
        if not acrs:
            continue
        name_ids = {ascii_fold(n).lower(): r.id for r in recs.values() for n in [r.name] + [a[0] for a in r.aliases]}
        hit = [acr_to_id[a.replace(".", "").upper()] for a in acrs if a.replace(".", "").upper() in acr_to_id]
        hit += [name_ids[k] for k in [ascii_fold(name).lower()] + [ascii_fold(a).lower() for a in acrs] if k in name_ids]
        if hit:
            rid = hit[0]
            r = recs[rid]
            r.src("CIA World Factbook Appendix B")
            if name != r.name:
                r.add(name)
                for v in spelling_variants(name):
                    r.add(v)
            for a in acrs:
                if acronym_ok(a):
                    add_acronym(r, a)
            continue
        good = [a for a in acrs if acronym_ok(a)]
        rid = f"organization:{slug(good[0])}" if good else f"organization:{slug(name)}"
        if rid in recs:
            rid = f"organization:{slug(name)}"
        r = Rec(rid, "organization", name, "CIA World Factbook Appendix B")
        for v in spelling_variants(name):
            r.add(v)
        for a in acrs:
            if acronym_ok(a) and a != name:
                add_acronym(r, a)
            acr_to_id.setdefault(a.replace(".", "").upper(), rid)
        recs[rid] = r
    # PETRARCH IGO names (case-restored): only entries whose code starts with IGO.
    lines = S["petrarch_intl"]
    block = []
    known_names = {ascii_fold(n).lower() for r in recs.values() for n in [r.name] + [a[0] for a in r.aliases]}
    for line in lines:
        s = line.split("#")[0].rstrip()
        if not s.strip():
            continue
        if s.startswith("\t") or s.startswith(" "):
            continue
        m = re.match(r"^\+?([A-Z0-9'&.\-_ ]+?)_?\s*(\[([A-Z]+)[^\]]*\])?\s*$", s)
        if not m:
            continue
        nm, code = m.group(1), m.group(3)
        if code and code.startswith("IGO") and not s.startswith("+"):
            n = restore_case(nm)
            if len(n) < 6 or " " not in n or ascii_fold(n).lower() in known_names:
                continue
            if n.startswith("The ") or " to the " in n or not re.search(ORG_WORDS, n):
                continue
            if re.search(r"\b(Secretary|Chief|Spokesman|Official|Monitor|Envoy|Head|Director|Troops|Forces|Soldiers|Peacekeepers|Inspector|Delegation|Mission To|Commission For)\b", n):
                continue
            if n in PETRARCH_VARIANTS:
                target = PETRARCH_VARIANTS[n]
                tid = acr_to_id.get((target or "").upper()) or (f"organization:{target}" if target else None)
                if tid in recs:
                    recs[tid].add(n)
                    recs[tid].src("PETRARCH2 Phoenix International dictionary (MIT)")
                    known_names.add(ascii_fold(n).lower())
                elif target:
                    print(f"warning: PETRARCH_VARIANTS target {target} unknown", file=sys.stderr)
                continue
            rid = f"organization:{slug(n)}"
            if rid in recs:
                continue
            r = Rec(rid, "organization", n, "PETRARCH2 Phoenix International dictionary (MIT)")
            for v in spelling_variants(n):
                r.add(v)
            recs[rid] = r
            known_names.add(ascii_fold(n).lower())
    # Membership: Factbook 2026 per-country participation lists (full members only).
    fb = S["factbook"]
    gec_to_iso3 = {getattr(r, "gec", None): iso3 for iso3, r in by_iso3.items()}
    for gec, e in sorted(fb.items()):
        iso3 = gec_to_iso3.get(gec)
        if not iso3:
            continue
        t = clean(e.get("Government", {}).get("International organization participation", {}).get("text", ""))
        for part in t.split(","):
            part = part.strip()
            if not part or "(" in part:
                continue
            rid = acr_to_id.get(part.replace(".", "").upper())
            if rid:
                recs[rid].members.add(f"country:{iso3}")
                recs[rid].src(f"members: {FB}")
    for r in recs.values():
        if r.members:
            r.sources = [s for s in r.sources if not s.startswith("members:")] + [f"members: {FB}"]
    for sl, (members, note) in ORG_MEMBERS_EXTRA.items():
        r = recs[f"organization:{sl}"]
        r.members |= {f"country:{m}" for m in members.split()}
        r.src(note)
    return list(recs.values())
