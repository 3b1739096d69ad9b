"""Stage 7 of people: the roles of all records together. Curated terms (ROLE_EXTRA) replace the
sources'; a term ends where another holder's of the same office begins (including the hand-written
overlay's); merged records keep one role per term."""

import json
import os
import sys
from collections import defaultdict
from datetime import date, timedelta

from ..common import GAZETTEERS_DIR, ascii_fold
from ..curated import COLLEGIAL_COUNTRIES, COLLEGIAL_TITLES, ROLE_EXTRA


def full_date(d):
    """A date of year or month precision ("2001", "2024-08") as its first day."""
    return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d


def overlay_records():
    """The records of the repository's gazetteers/overlay.jsonl (none when it is missing)."""
    path = os.path.join(GAZETTEERS_DIR, "overlay.jsonl")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip() and not l.startswith("#")]


def overlaps(a, b):
    return (full_date(a.get("start") or "0001") <= full_date(b.get("end") or "9999")
            and full_date(b.get("start") or "0001") <= full_date(a.get("end") or "9999"))


def names_of(r):
    """A record's name and name aliases, folded."""
    return {ascii_fold(t).lower() for t in [r.name, *(a[0] for a in r.aliases if a[2] == "name")]}


def collegial(ro):
    """An office held jointly (COLLEGIAL_TITLES, COLLEGIAL_COUNTRIES): its holders' terms overlap."""
    return ro["title"] in COLLEGIAL_TITLES or ro["of"] in COLLEGIAL_COUNTRIES


def within(a, b):
    """Role `a` is the same term as `b` or a part of it."""
    return (a is not b and a["office"] == b["office"] and a["of"] == b["of"] and a["title"] == b["title"]
            and (b.get("start") or "") <= (a.get("start") or "")
            and (not b.get("end") or (a.get("end") and a["end"] <= b["end"])))


def apply_curated_roles(recs):
    """A curated role replaces the person's roles of the same office that it overlaps (one term with
    a corrected start or end) and the one whose start it names in "replaces" (a wrong term). When
    it moves a term's start, the predecessor whose term ended the day before the old start now
    ends the day before the new one. Curated roles are marked "curated" until `clean_roles`."""
    for sid, role, note in ROLE_EXTRA:
        r = recs.get(f"person:{sid}")
        if not r:
            print(f"warning: ROLE_EXTRA {sid} not found", file=sys.stderr)
            continue
        role = dict(role)
        replaces = role.pop("replaces", None)
        old = [x for x in r.roles if x["office"] == role["office"] and x["of"] == role["of"]
               and (overlaps(x, role) or x.get("start") == replaces)]
        r.roles = [x for x in r.roles if not any(x is o for o in old)]
        for o in old:
            if o.get("start") and role.get("start") and role["start"] > o["start"]:
                before = (date.fromisoformat(full_date(o["start"])) - timedelta(days=1)).isoformat()
                new_end = (date.fromisoformat(full_date(role["start"])) - timedelta(days=1)).isoformat()
                for other in recs.values():
                    for x in other.roles:
                        if other is not r and x["office"] == role["office"] and x["of"] == role["of"] and x.get("end") == before:
                            x["end"] = new_end
        if role.get("drop"):
            r.src(note)
            continue
        role["curated"] = True  # removed before writing: the checks below leave curated terms alone
        r.roles.append(role)
        r.src(note)


def end_contradicted_roles(recs, named_in):
    """A Wikidata role that a later Factbook edition contradicts (it names, with the same title, a
    holder who was in office before that role began) ends the day before that edition: Fathi
    Bashagha, "Prime Minister" of Libya's eastern parliament from 2022, while the 2023-2026
    editions still name Abdul Hamid Dbeibeh, Prime Minister since 2021. The Factbook holder's term
    is then not cut at the Wikidata start (`end_at_successors`). `named_in` as
    `terms.office_terms` gives it."""
    starts_of = defaultdict(dict)  # (office, of) -> {folded name: earliest start of that holder}
    for r in recs.values():
        for ro in r.roles:
            if ro.get("start"):
                for n in names_of(r):
                    k = (ro["office"], ro["of"])
                    starts_of[k][n] = min(starts_of[k].get(n, "9999"), full_date(ro["start"]))
    for r in recs.values():
        mine = names_of(r)
        for ro in r.roles:
            k = (ro["office"], ro["of"])
            if (not ro.get("start") or collegial(ro) or ro.get("curated")
                    or any(n in mine for _, n, _ in named_in.get(k, []))):
                continue  # no date, a joint office, a curated term, or a Factbook holder of this office
            for ed, n, title in sorted(named_in.get(k, [])):
                if (ed > full_date(ro["start"]) and n not in mine and title == ro["title"]
                        and starts_of[k].get(n, "9999") <= full_date(ro["start"]) and (not ro.get("end") or ro["end"] >= ed)):
                    ro["end"] = (date.fromisoformat(ed) - timedelta(days=1)).isoformat()
                    break


def end_at_successors(recs, named_in):
    """A Wikidata role the snapshot leaves open ends the day before a later Factbook holder of the same
    office starts (Barnier, PM of France Sep-Dec 2024, fell between two Factbook editions).
    Likewise any open role another person's later start on the same office ends (a Factbook holder
    whose successor the Factbook text failed to name, a Wikidata holder replaced later). Not for
    collegial offices ("Member" of the Swiss Federal Council).
    A role with an end is cut the same way when another person's start falls inside it (Élisabeth
    BORNE's Factbook term ran to the next edition's holder, François BAYROU, but Wikidata has
    Michel Barnier in between)."""
    fb_starts = defaultdict(list)
    for r in recs.values():
        for ro in r.roles:
            if ro.get("start") and not collegial(ro) and ro["office"] != "other":
                fb_starts[(ro["office"], ro["of"])].append((ro["start"], r.id, ro["title"], bool(ro.get("curated"))))
    # The hand-curated overlay (gazetteers/overlay.jsonl: successors after the sources' dates) is
    # not generated, but its holders' starts end the generated predecessors' terms the same way.
    for o in overlay_records():
        for ro in o.get("roles", []):
            if ro.get("start") and not collegial(ro) and ro["office"] != "other":
                fb_starts[(ro["office"], ro["of"])].append((ro["start"], o["id"], ro["title"], True))
    for r in recs.values():
        for ro in r.roles:
            if not ro.get("start") or collegial(ro) or ro["office"] == "other":
                continue
            # not by a holder of the same title before a later edition that still names this one
            mine = names_of(r)
            named_until = max((ed for ed, n, title in named_in.get((ro["office"], ro["of"]), [])
                               if n in mine and title == ro["title"]), default="")
            later = sorted(st for st, who, title, curated in fb_starts[(ro["office"], ro["of"])]
                           if st > ro["start"] and who != r.id and (not ro.get("end") or st <= ro["end"])
                           and (curated or not (title == ro["title"] and full_date(st) < named_until)))
            if later:
                ro["end"] = (date.fromisoformat(full_date(later[0])) - timedelta(days=1)).isoformat()


def clean_roles(recs):
    """Merged records can repeat a term that another of their roles contains (two spellings' runs of
    one presidency): the containing role only is kept. Then the "curated" marks go and each record's
    roles are sorted."""
    for r in recs.values():
        # a curated term wins over a source's term of the same office it overlaps (records merged
        # after the curated roles were set: "Pope Francis" from Wikidata and "Francis" from the Factbook)
        cur = [x for x in r.roles if x.get("curated")]
        r.roles = [x for x in r.roles if x.get("curated") or not any(
            c["office"] == x["office"] and c["of"] == x["of"] and overlaps(c, x) for c in cur)]
        keep = []
        for i, a in enumerate(r.roles):
            if any(within(a, b) and (a != b or j < i) for j, b in enumerate(r.roles)):
                continue
            keep.append(a)
        r.roles = keep
    for r in recs.values():
        for ro in r.roles:
            ro.pop("curated", None)
        r.roles.sort(key=lambda x: (x.get("start") or "", x["office"], x["of"]))
