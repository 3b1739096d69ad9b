"""Stage 3 of people: the terms of office. Per (country, office), consecutive editions naming one
person (by `Clusters.key_of`) become a run; each run a dated role of that person. Start dates come from
the "since" the Factbook gives (typos fixed), else the first edition naming the holder; a term ends the
day before the next holder's start.

A run is a list [key, latest holder, first edition, last edition, since, names, other spellings]."""

import re
import sys
from collections import defaultdict
from datetime import date, timedelta

from ..common import FACTBOOK_DATE, ascii_fold
from ..curated import FATHER_SON
from .holders import canonical_title


def holder_sinces(seq, key_of):
    """The "since" dates of each holder per office: a date the holder has in another office is his
    start there (the President since 2012, head of government too once the premiership was
    abolished in 2019), not a typo."""
    sinces = defaultdict(set)
    for (iso3, office), items in seq.items():
        for ed, p in items:
            if not p.get("vacant") and p["since"]:
                sinces[(key_of(iso3, p), office)].add(p["since"])
    return sinces


def office_terms(seq, key_of):
    """(people, named_in): people is {key: {"names", "p" (latest holder), "roles", "iso3", "eds",
    "alts"}}; named_in is {(office, of): [(edition, holder's name folded, title)]}: whom each edition
    names. Sorts `seq`'s lists in place."""
    sinces = holder_sinces(seq, key_of)
    people = {}
    named_in = defaultdict(list)
    for (iso3, office), items in seq.items():
        items.sort(key=lambda x: x[0])
        by_ed, eds = editions(items, iso3, key_of)
        # the office's usual title, for a holder the Factbook names without one ("Ahmad al-Shara'")
        titled = [canonical_title(by_ed[ed]["title"], office) for ed in eds
                  if not by_ed[ed].get("vacant") and by_ed[ed]["title"].strip(" ,+")]
        usual_title = titled[-1] if titled else canonical_title("", office)
        for ed in eds:
            p = by_ed[ed]
            if not p.get("vacant"):
                named_in[(office, f"country:{iso3}")].append(
                    (ed, ascii_fold(p["name"]).lower(), canonical_title(p["title"], office) if p["title"].strip(" ,+") else usual_title))
        runs = holder_runs(by_ed, eds, iso3, key_of)
        fix_early_sinces(runs, iso3, office, sinces)
        split_father_son(runs, iso3)
        drop_moved_sinces(runs)
        add_terms(people, runs, iso3, office, usual_title)
    return people, named_in


def editions(items, iso3, key_of):
    """(holder per edition, sorted editions): the first holder an edition names, without vacancies
    between two editions naming the same holder: a caretaker term (Mark RUTTE, "Prime Minister
    (vacant)" in 2021), not a change of holder."""
    by_ed = {}
    for ed, p in items:
        by_ed.setdefault(ed, p)
    eds = sorted(by_ed)
    named = [(ed, key_of(iso3, by_ed[ed])) for ed in eds if not by_ed[ed].get("vacant")]
    for ed in [ed for ed in eds if by_ed[ed].get("vacant")]:
        before = [k for e, k in named if e < ed]
        after = [k for e, k in named if e > ed]
        if before and after and before[-1] == after[0]:
            del by_ed[ed]
    return by_ed, sorted(by_ed)


def holder_runs(by_ed, eds, iso3, key_of):
    """Consecutive editions naming one person, as runs (layout in the module's docstring)."""
    runs = []  # [key, p_latest, first_ed, last_ed, since, names, other spellings]
    for ed in eds:
        p = by_ed[ed]
        key = key_of(iso3, p)
        if runs and runs[-1][0] == key:
            runs[-1][1] = p
            runs[-1][3] = ed
            if not p.get("vacant"):
                runs[-1][5].append(p["name"])
                runs[-1][6].extend(p["alts"])
            if p["since"] and not runs[-1][4]:
                runs[-1][4] = p["since"]
        else:
            runs.append([key, p, ed, ed, p["since"], [] if p.get("vacant") else [p["name"]],
                         [] if p.get("vacant") else list(p["alts"])])
    return runs


def fix_early_sinces(runs, iso3, office, sinces):
    """A "since" date long before an edition that names another holder is a typo ("Prime Minister
    Ilie BOLOJAN (since 23 June 2005)" in 2025, after Marcel CIOLACU in 2024): the year that
    differs by one digit and falls between the two editions, else the first edition's date."""
    for i, run in enumerate(runs):
        if not run[4] or run[0][2] == "vacant":
            continue
        # another holder who took office after that date (by his own "since") and whom an
        # edition more than a year after it still names; spellings of one person share a date
        others = [r[3] for r in runs[:i] if r[0] != run[0] and r[0][2] != "vacant" and (r[4] or r[2]) > run[4]]
        seen_other = max(others, default=None)
        if not seen_other or date.fromisoformat(run[4]) >= date.fromisoformat(seen_other) - timedelta(days=366):
            continue
        upper = run[2] if len(run[2]) > 4 and run[2][5:] != "01-01" else f"{int(run[2][:4]) + 1}-01-01"
        y = run[4][:4]
        fixes = [f"{c}{run[4][4:]}" for c in (f"{n}" for n in range(int(seen_other[:4]), int(upper[:4]) + 1))
                 if sum(a != b for a, b in zip(c, y)) == 1]
        fixes = [f for f in fixes if seen_other < f <= upper]
        elsewhere = any(run[4] in d for (k, o), d in sinces.items() if k == run[0] and o != office)
        if elsewhere:
            fixes = []
        fixed = fixes[0] if len(fixes) == 1 else run[2]
        print(f"since check: {iso3} {office} {run[1]['name']}: since {run[4]} is before {seen_other}, "
              f"when the Factbook named another holder; using {fixed}"
              f" ({'year fix' if len(fixes) == 1 else 'his start in another office' if elsewhere else 'first edition naming him'})",
              file=sys.stderr)
        run[4] = fixed


def initials(run):
    return "".join(sorted({i for n in run[5] for i in re.findall(r"\b([A-Z])\.", n)}))


def split_father_son(runs, iso3):
    """A father and son of one name and surname (George BUSH 1989-1993, George W. BUSH 2001-2009):
    two runs of one key, separated by another holder, whose names carry different middle
    initials. The Factbook writes a returning leader the same way (Ronald VENETIAAN and Ronald
    R. VENETIAAN, Orlando SMITH and Orlando D. SMITH), so only the surnames in FATHER_SON split."""
    for key in {r[0] for r in runs}:
        same = [r for r in runs if r[0] == key]
        if (iso3, same[0][1].get("surname")) in FATHER_SON and len({initials(r) for r in same}) > 1:
            for r in same:
                r[0] = key + (initials(r),)


def drop_moved_sinces(runs):
    """A holder whose "since" is not after the previous holder's start took this office when the
    edition naming him first appeared: the Factbook moved the office to him (Sri Lanka's head of
    government: Prime Minister Harini AMARASURIYA since 24 September 2024 in 2024, President
    DISSANAYAKE "since 23 September 2024" in 2025)."""
    for i in range(1, len(runs)):
        prev = next((r for r in reversed(runs[:i]) if r[0][2] != "vacant"), None)
        if (prev is not None and runs[i][4] and runs[i][0][2] != "vacant" and prev[0] != runs[i][0]
                and runs[i][4] <= (prev[4] or prev[2]) and runs[i][2] > (prev[4] or prev[2])):
            runs[i][4] = None


def add_terms(people, runs, iso3, office, usual_title):
    """Each run's term as a role of its person in `people` (created on first sight)."""
    for i, (key, p, first, last, since, run_names, run_alts) in enumerate(runs):
        if p.get("vacant"):
            continue
        start = since or first
        if not since and first >= "2021":  # to review: a curated start (ROLE_EXTRA) may be needed
            print(f"no start date: {iso3} {office} {p['name']}: first named in the {first[:4]} edition; starts {first}",
                  file=sys.stderr)
        end = None
        if i + 1 < len(runs):
            nxt = runs[i + 1]
            ns = nxt[4] or nxt[2]
            if ns and ns > start:
                end = (date.fromisoformat(ns) - timedelta(days=1)).isoformat()
            else:
                end = (date.fromisoformat(nxt[2]) - timedelta(days=1)).isoformat()
                if end < start:
                    end = start
        elif last < FACTBOOK_DATE:
            # the office is no longer in the Factbook (Martinique after 2006) or its holder no
            # longer parses: the last holder named is not still in office; his term ends with
            # the year of the last edition naming him (Wikidata may name a successor)
            end = max(start, f"{last[:4]}-12-31")
        per = people.setdefault(key, {"names": [], "p": p, "roles": [], "iso3": iso3, "eds": [], "alts": []})
        per["names"].extend(run_names)
        per["alts"].extend(run_alts)
        per["p"] = p
        per["eds"].extend([first, last])
        title = canonical_title(p["title"], office) if p["title"].strip(" ,+") else usual_title
        per["roles"].append({"title": title, "office": office, "of": f"country:{iso3}", "start": start,
                             **({"end": end} if end else {})})
