"""Stage 5 of people: one record per person of the Factbook terms (its name, aliases and merged
roles), then the records that are one person merged."""

import re
from collections import defaultdict

from ..common import Rec, ascii_fold, slug
from ..curated import COMMON_SURNAMES, HOME_COUNTRY, PRESS_NAME, SAME_PERSON, SURNAME_STOP
from .aliases import add_article_surnames, add_nasab_short


def build_records(people):
    """{id: record} of the Factbook people (as `terms.office_terms` and `wikidata.match_heads` left
    them), the most recent first; a second person of one name gets the country in the id."""
    recs = {}
    used = {}
    for key, per in sorted(people.items(), key=lambda kv: (kv[1]["eds"][-1], kv[0]), reverse=True):
        p = per["p"]
        wd_rows = per.get("wd", [])
        name = record_name(key, per)
        sid = slug(ascii_fold(name))
        if sid in used:
            sid = f"{sid}-{per['iso3'].lower()}"
            if sid in used:
                continue
        used[sid] = per
        r = Rec(f"person:{sid}", "person", name, None)
        r.attrs["country"] = per["iso3"]
        srcs = []
        if wd_rows:
            r.attrs["wikidata"] = wd_rows[0]["officeholder"]
            srcs.append(f"Wikidata {wd_rows[0]['officeholder']}")
        years = sorted({e[:4] for e in per["eds"]})
        srcs.append(f"CIA World Factbook editions {years[0]}-{years[-1]}" if years[0] != years[-1] else f"CIA World Factbook {years[0]}")
        r.sources = srcs
        add_factbook_aliases(r, key, per, p["surname"])
        r.roles = merged_terms(per["roles"])
        r.priority = 20
        recs[r.id] = r
    return recs


def record_name(key, per):
    """A person's name: the Wikidata label, else the most frequent Factbook spelling without middle
    initials (ties to the shorter); a curated press spelling (PRESS_NAME) replaces either, which then
    stays an alias (added to per["names"])."""
    wd_rows = per.get("wd", [])
    if wd_rows:
        name = wd_rows[0]["officeholderLabel"]
    else:
        counts = defaultdict(int)
        for n in per["names"]:
            if len(key) < 4 or not key[3]:  # initials tell a father from his son (George W. Bush)
                n = re.sub(r"\s[A-Z]\.(?=\s)", "", n)
            n = re.sub(r"(?<=\S)\s+[A-Z][a-z]+(ovich|evich|yevich|ovna|evna|yevna|ogly|uly|kyzy)(?=\s)", "", n)
            counts[n] += 1
        # the name the holder goes by ("Anthony (Tony) BLAIR") counts for its form when another
        # edition names him so ("Tony BLAIR"); a tie goes to the name the editions print
        main = dict(counts)
        for n, _, nick in per["alts"]:
            if nick and n in main:
                counts[n] += 1
        name = sorted(counts, key=lambda n: (" " not in n, -counts[n], -main.get(n, 0), len(n), n))[0]
    if slug(ascii_fold(name)) in PRESS_NAME:
        per["names"].append(name)
        name = PRESS_NAME[slug(ascii_fold(name))]
    return name


def add_factbook_aliases(r, key, per, sur):
    """The Factbook's spellings of the person (`per`) as aliases of `r`, and the surname `sur`."""
    name = r.name
    for n in sorted(set(per["names"])):
        if " " not in n and " " in name:  # a holder the Factbook named by surname only
            r.add(n, "surname")
            continue
        r.add(n)
        # without initials
        if len(key) < 4 or not key[3]:  # "George Bush" is not an alias of George W. Bush
            r.add(re.sub(r"\s[A-Z]\.(?=\s)", "", n))
    # a double surname after the given names ("Santiago PENA Palacios", "Rodrigo PAZ Pereira"):
    # news writes the given names and the first surname ("Santiago Pena"), an alias
    words = name.split()
    # ("Andres Rodriguez" or "Alejandro Garcia" alone would name many people: not for COMMON_SURNAMES)
    if sur in words[1:-1] and not {sur, ascii_fold(sur)} & COMMON_SURNAMES:
        r.add(" ".join(words[:words.index(sur) + 1]))
    # regnal names ("Charles III") have no surname; the first name alone is not one
    if sur not in SURNAME_STOP and len(sur) >= 2 and not re.search(r"\b[IVX]+$", name):
        r.add(sur, "surname")
    add_article_surnames(r, name)
    add_nasab_short(r, name)
    # the Factbook's other spellings ("also spelled Vajiralongkorn", "also spelled PAETONGTARN
    # Shinawatra"): names, and their capitalised word the surname-form alias
    for alt, alt_sur, _ in sorted(set(per["alts"])):
        if " " in alt:
            r.add(alt)
        if alt_sur and alt_sur not in SURNAME_STOP:
            r.add(alt_sur, "surname")


def merged_terms(roles):
    """The terms in start order, a term that starts within the previous one of the office dropped."""
    out = []
    for ro in sorted(roles, key=lambda x: (x["start"], x["office"])):
        if out and out[-1]["office"] == ro["office"] and out[-1]["of"] == ro["of"] and out[-1].get("end") and out[-1]["end"] >= ro["start"]:
            continue
        out.append(ro)
    return out


def drop_parser_leftovers(recs):
    """A one-word "name" of four letters or fewer, or with a full stop ("Ngc" from a council's
    acronym, "M.d."), is not a person's name."""
    for rid in [rid for rid, r in recs.items() if " " not in r.name and (len(r.name) <= 4 or "." in r.name)
                and "wikidata" not in r.attrs]:
        del recs[rid]


def home_score(r):
    """How much a record of a merged group looks like the person's home record."""
    own = [ro for ro in r.roles if ro["title"] not in ("Prince", "Co-prince") and ro["of"] == f"country:{r.attrs['country']}"]
    return (HOME_COUNTRY.get(r.name) == r.attrs["country"], len(own), r.attrs["country"] not in ("AND",), r.id.count("-") == 0)


def merge_same_person(recs):
    """The same person under two spellings (SAME_PERSON) or in two countries' tables (one name):
    merged into one record, the home country's, whose id becomes the name's slug when it is free."""
    by_name = defaultdict(list)
    for r in recs.values():
        by_name[r.name].append(r)
    for a, b in SAME_PERSON:
        if f"person:{a}" in recs and f"person:{b}" in recs:
            by_name[("curated", b, a)] = [recs[f"person:{b}"], recs[f"person:{a}"]]
    for group in by_name.values():
        if len(group) < 2:
            continue
        keep = group[0] if isinstance(group, list) and len(group) == 2 and group[0].name != group[1].name else max(group, key=home_score)
        for r in group:
            if r is keep or r.id not in recs:
                continue
            keep.roles.extend(x for x in r.roles if x not in keep.roles)
            keep.add(r.name)
            for t, c, f in r.aliases:
                keep.add(t, f, c)
            for sname in r.sources:
                keep.src(sname)
            if "wikidata" in r.attrs and "wikidata" not in keep.attrs:
                keep.attrs["wikidata"] = r.attrs["wikidata"]
            del recs[r.id]
        base = f"person:{slug(ascii_fold(keep.name))}"
        if keep.id != base and base not in recs and keep.id in recs:
            del recs[keep.id]
            keep.id = base
            recs[base] = keep


def merge_titled_names(recs):
    """Titled names can now equal another record's ("Pope Francis" from Wikidata and the Factbook):
    one record each, the one with a Wikidata id (or more roles) kept."""
    groups = defaultdict(list)
    for r in recs.values():
        groups[r.name].append(r)
    for group in groups.values():
        if len(group) < 2:
            continue
        keep = max(group, key=lambda r: ("wikidata" in r.attrs, len(r.roles), r.id))
        for r in group:
            if r is keep:
                continue
            keep.roles.extend(x for x in r.roles if x not in keep.roles)
            for t, c, f in r.aliases:
                keep.add(t, f, c)
            for sname in r.sources:
                keep.src(sname)
            del recs[r.id]
