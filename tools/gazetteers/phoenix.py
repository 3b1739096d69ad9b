"""PETRARCH2 Phoenix actor dictionaries (MIT): CAMEO actor codes for organisations and armed groups,
and people with dated role codes, merged into the records the other modules built.

TABARI format: an entry line `NAME_WITH_UNDERSCORES_ [CODE]` (optionally `# comment`), synonyms on
`+` lines, codes on indented `[CODE YYMMDD-YYMMDD]` lines (`>` = since, `<` = until; years of two
digits up to 14 are 20xx, the others 19xx: the Countries file was generated in 2014; eight-digit
dates are full years). Conservative by design: a name must have two words or more; synonyms that
carry a title or a country word ("PRESIDENT_PUTIN_", "RUSSIAN_PRESIDENT_VLADIMIR_PUTIN") or are one
word ("PUTIN_") are not aliases; names made only of frequent given names and surnames, or equal to a
country, place or organisation name, are left out; a new person needs a role that runs into 1990 or
later (the other sources start in 1990).
"""

import re
import sys
from collections import Counter, defaultdict

from .common import Rec, ascii_fold, slug, src_path
from .curated import (CAMEO_COUNTRY, COMMON_GIVEN_NAMES, COMMON_SURNAMES, COUNTRY_AKIN, FUNCTION_WORDS, MAC_WORDS,
                      ORG_NAME_SMALL_WORDS, PARTICLES, SECTOR_TITLE, SURNAME_STOP, SYNONYM_STOP_WORDS, TITLE_WORDS)
from .people.holders import cap_word
from .people.names import skeleton
from .people.roles import overlay_records

COUNTRIES_SRC = "PETRARCH2 Phoenix Countries dictionary (MIT)"
INTL_SRC = "PETRARCH2 Phoenix International dictionary (MIT)"
MNS_SRC = "PETRARCH2 Phoenix MilNonState dictionary (MIT; names from START TOPS)"

# Words a synonym shares with titles and descriptions ("PRIME_MINISTER_", "FORMER_", "MR_").
SYNONYM_STOPS = {w.lower() for w in TITLE_WORDS} | SYNONYM_STOP_WORDS


def parse_actors(lines):
    """Entries of a TABARI actor file: dicts with `name`, `synonyms`, `codes` [(code, start, end)]."""
    entries, cur = [], None
    for raw in lines:
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        codes = [(m.group(1), m.group(2)) for m in re.finditer(r"\[([A-Z0-9-]+)\s*([^\]]*)\]", line)]
        text = re.sub(r"\[[^\]]*\]", "", line).strip()
        if line[0] in " \t" and not text:
            if cur:
                cur["codes"] += [parse_code(c, d) for c, d in codes]
            continue
        if text.startswith("+"):
            if cur:
                cur["synonyms"].append(text[1:].strip())
                cur["codes"] += [parse_code(c, d) for c, d in codes]
            continue
        cur = {"name": text, "synonyms": [], "codes": [parse_code(c, d) for c, d in codes]}
        entries.append(cur)
    return entries


def parse_date(d):
    d = d.strip()
    if len(d) == 8:
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    if len(d) == 6:
        yy = int(d[:2])
        return f"{2000 + yy if yy <= 14 else 1900 + yy}-{d[2:4]}-{d[4:]}"
    return None


def parse_code(code, dates):
    dates = dates.replace(" ", "")
    if not dates:
        return (code, None, None, False)
    if dates.startswith(">"):
        return (code, parse_date(dates[1:]), None, True)
    if dates.startswith("<"):
        return (code, None, parse_date(dates[1:]), True)
    a, _, b = dates.partition("-")
    return (code, parse_date(a), parse_date(b), True)


def words_of(name):
    """'JACK_STRAW_' -> ['JACK', 'STRAW']; parenthesised parts and stray punctuation dropped."""
    name = re.sub(r"\([^)]*\)", " ", name.replace("_", " "))
    return [w for w in re.split(r"\s+", name.strip(" -")) if w and re.search(r"[A-Za-z]", w)]


def press_case(words):
    out = []
    for i, w in enumerate(words):
        c = cap_word(w, first=i == 0)
        if re.fullmatch(r"Ma?c[a-z]{3,}", c) and c.lower() not in MAC_WORDS:
            k = 2 if c.startswith("Mc") else 3
            c = c[:k] + c[k].upper() + c[k + 1:]
        c = re.sub(r"'S\b", "'s", c)
        if i == 0 and c.lower() in PARTICLES:
            c = c[0].upper() + c[1:]
        out.append(c)
    return " ".join(out)


def norm(text):
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", ascii_fold(text).lower().replace("-", " ").replace(".", "")).split())


def read(name):
    with open(src_path("petrarch2-phoenix", name), encoding="utf-8", errors="replace") as f:
        return f.read().splitlines()


# --------------------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------------------


def merge_orgs(orgs):
    """Actor codes for the organisations already built (name or alias equal to a Phoenix entry's name or
    synonym), and armed groups of the MilNonState file as new organisations. Returns the new records."""
    # a match needs the existing record's main name (or the Phoenix main name of three words or more): a
    # short alias can be two groups' ("Ansar Allah" is the Houthis' and a Lebanese group's name)
    by_name, by_main = defaultdict(set), defaultdict(set)
    for r in orgs:
        by_main[norm(r.name)].add(r.id)
        for t in [r.name] + [a[0] for a in r.aliases if a[2] in ("name", "abbreviation")]:
            by_name[norm(t)].add(r.id)
    recs = {r.id: r for r in orgs}
    coded = {}
    added = []
    for file, src in (("Phoenix.International.actors.txt", INTL_SRC), ("Phoenix.MilNonState.actors.txt", MNS_SRC)):
        for e in parse_actors(read(file)):
            codes = [c for c, s, t, dated in e["codes"] if not dated]
            if not codes:
                continue
            code = codes[0]
            names = [e["name"]] + e["synonyms"]
            hits = set()
            for i, n in enumerate(names):
                ws = words_of(n)
                if not ws:
                    continue
                hits |= by_main.get(norm(" ".join(ws)), set())
                if i == 0 and len(ws) >= 3:  # a long name is one organisation's, even as another's alias
                    hits |= by_name.get(norm(" ".join(ws)), set())
            # an organisation of one country takes only that country's codes
            hits = {h for h in hits if recs[h].attrs.get("country") in (None, code[:3])}
            if len(hits) == 1:
                rid = hits.pop()
                if rid not in coded:
                    coded[rid] = code
                    recs[rid].attrs["actor"] = code
                    recs[rid].src(f"actor code: {src}")
                continue
            if hits or file != "Phoenix.MilNonState.actors.txt":
                continue
            # a new armed group: three words or more ("Angry Brigade", "Anarchist Struggle" are phrases)
            ws = words_of(e["name"])
            if len(ws) < 3 or not re.fullmatch(r"[A-Z]{3}[A-Z]{3}", code[:6]):
                continue
            if len(ws) < 4 and not GROUP_WORDS.search(" ".join(ws)):
                continue  # three words and no group word: often a person ("Mohammad Yasin Malik")
            name = restore_org_case(ws)
            rid = f"organization:{slug(ascii_fold(name))}"
            if rid in recs or norm(name) in by_name:
                continue
            r = Rec(rid, "organization", name, src)
            r.attrs["actor"] = code
            for s in e["synonyms"]:
                sw = words_of(s)
                if len(sw) >= 3 and "+" not in s:
                    r.add(restore_org_case(sw))
            recs[rid] = r
            by_name[norm(name)].add(rid)
            added.append(r)
    print(f"phoenix: actor codes for {len(coded)} existing organisations, {len(added)} armed groups added", file=sys.stderr)
    return added


GROUP_WORDS = re.compile(r"\b(ARMY|FRONT|MOVEMENT|BRIGADES?|PARTY|GROUPS?|ORGANI[SZ]ATION|COMMAND|FORCES?|COUNCIL|LEAGUES?|"
                         r"UNION|JIHAD|RESISTANCE|CELLS?|COMMANDOS?|MILITIAS?|TIGERS|LIBERATION|REVOLUTIONARY|NUCLEI|"
                         r"CONGRESS|COMMITTEE|ALLIANCE|BATTALIONS?|SQUADS?|UNITS?|FACTION|GUERRILLAS?|MUJAHIDEEN|ANSAR|JAMA'?AT|"
                         r"HARAKAT|LASHKAR|JAISH|JAYSH|TANZIM)\b", re.I)


def restore_org_case(words):
    small = ORG_NAME_SMALL_WORDS | {"al"}  # the Arabic article too ("Jaish al Mahdi")
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        out.append(lw if i > 0 and lw in small else "-".join(p.capitalize() for p in lw.split("-")))
    return " ".join(out)


# --------------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------------


def sector_title(code):
    rest = code[3:]
    for i in range(0, len(rest), 3):
        t = SECTOR_TITLE.get(rest[i:i + 3])
        if t:
            return t
    return "Official"


# Words that make a "name" a description or an institution ("Foreign Minister Abdullah", "Kosovo Assembly").
NOT_A_PERSON = re.compile(r"\b(Ministry|Minister|President|Party|Government|Council|Army|Forces|Front|Court|Police|Bank|Union|"
                          r"Committee|Movement|Assembly|Parliament|Office|Department|Agency|Cabinet|Guard|Senate|Congress|"
                          r"Republic|National|Coalition|Acting|Islamic|Brigade|Group)\b", re.I)


def common_name(words):
    """Every word a frequent given name or surname ("James Brown", "Mark Green"): too likely another person."""
    common = {w.lower() for w in COMMON_SURNAMES | SURNAME_STOP | COMMON_GIVEN_NAMES}
    return all(w.lower() in common or len(w) <= 2 for w in words)


def merge_people(people, by_iso3, orgs, other_names):
    """People of the Countries dictionary with dated codes: roles (office `other`, `actor` = the code)
    and aliases added to the person already built when the name and the country agree, else a new
    person. Returns the new records."""
    country_words = set()
    for r in by_iso3.values():
        for t in [r.name] + [a[0] for a in r.aliases]:
            country_words |= set(norm(t).split())
    other = {norm(t) for t in other_names}
    org_by_actor = {r.attrs["actor"]: r.id for r in orgs if "actor" in r.attrs}
    index = defaultdict(list)  # normalised name -> records
    for r in people:
        for t in [r.name] + [a[0] for a in r.aliases if a[2] in ("name", "former")]:
            index[norm(t)].append(r)
    for o in overlay_records():
        if o.get("kind") == "person":
            for t in [o["name"]] + [a if isinstance(a, str) else a["text"] for a in o.get("aliases", [])]:
                index[norm(t)].append(None)  # an overlay person: never duplicated here
    # spelling-tolerant: the skeleton of every word ("Saddam Husayn" / "Saddam Hussein")
    fuzzy = defaultdict(list)
    for r in people:
        for t in [r.name] + [a[0] for a in r.aliases if a[2] == "name"]:
            fuzzy[name_skeleton(t)].append(r)
    ids = {r.id for r in people}
    merged, added, roles_added = set(), [], 0
    entries = parse_actors(read("Phoenix.Countries.actors.txt"))
    # countries Phoenix codes people of: a person of another (a territory: the Faroes, the Isle of Man,
    # the Falklands) is filed by Phoenix under the administering state
    coded = {CAMEO_COUNTRY.get(c[:3], c[:3]) for e in entries for c, _, _, dated in e["codes"] if dated}
    for e in entries:
        roles = []
        for code, start, end, dated in e["codes"]:
            if not dated:
                continue
            iso3 = CAMEO_COUNTRY.get(code[:3], code[:3])
            if iso3 in by_iso3:
                of = f"country:{iso3}"
            elif code in org_by_actor or code[:6] in org_by_actor:
                of = org_by_actor.get(code) or org_by_actor[code[:6]]
            else:
                continue
            role = {"title": sector_title(code), "office": "other", "of": of}
            if start:
                role["start"] = start
            if end:
                role["end"] = end
            role["actor"] = code
            if start and end and end < start:
                continue
            if role not in roles:
                roles.append(role)
        if not roles:
            continue
        ws = words_of(e["name"])
        if len(ws) < 2 or any(len(w) > 1 and not re.fullmatch(r"[A-Z'.-]+", w) for w in ws):
            continue
        name = press_case(ws)
        countries = Counter(ro["of"][8:] for ro in roles if ro["of"].startswith("country:"))
        home = countries.most_common(1)[0][0] if countries else None
        aliases = []
        for s in e["synonyms"]:
            sw = words_of(s)
            if len(sw) < 2 or "+" in s or any(w.lower().strip(".") in SYNONYM_STOPS for w in sw):
                continue
            if any(norm(w) in country_words for w in sw):
                continue
            a = press_case(sw)
            if a != name and a not in aliases:
                aliases.append(a)
        # the person already built: same name (or a synonym) and country (Phoenix roles end by 2014, the
        # Factbook's may start later: a minister who became president is one person)
        cands = []
        for t in [name] + aliases:
            for r in index.get(norm(t), []):
                if r is None:
                    cands.append(None)
                elif r not in cands and same_country(r, home, coded):
                    cands.append(r)
        if None in cands:
            continue
        if not cands:  # spelled otherwise: same country and years in office that overlap
            for t in [name] + aliases:
                for r in fuzzy.get(name_skeleton(t), []):
                    if r not in cands and r.attrs.get("country") in {home, COUNTRY_AKIN.get(home)} and overlapping(r, roles):
                        cands.append(r)
        if len(cands) > 1:  # two records of the name in the country: the one in office in the same years
            cands = [r for r in cands if overlapping(r, roles)]
        if len(cands) == 1:
            r = cands[0]
            for ro in roles:
                if ro not in r.roles:
                    r.roles.append(ro)
                    roles_added += 1
            for a in [name] + aliases:
                r.add(a)
            r.src(COUNTRIES_SRC)
            merged.add(r.id)
            continue
        if cands:
            continue  # two records could be this person: leave both alone
        # a new person
        if norm(name) in other or common_name(name.split()) or NOT_A_PERSON.search(name) or len(ws) > 6:
            continue
        if ws[-1].lower() in PARTICLES or any(w.lower().strip(".") in FUNCTION_WORDS for w in ws):
            continue
        if not any((ro.get("end") or "9999") >= "1990" for ro in roles):
            continue
        base = slug(ascii_fold(name))
        rid = f"person:{base}"
        if rid in ids:
            rid = f"person:{base}-{(home or 'x').lower()}"
            if rid in ids:
                continue
        r = Rec(rid, "person", name, COUNTRIES_SRC)
        if home:
            r.attrs["country"] = home
        for a in aliases:
            r.add(a)
        r.roles = roles
        r.priority = 20
        ids.add(rid)
        index[norm(name)].append(r)
        added.append(r)
        roles_added += len(roles)
    for r in people + added:
        r.roles.sort(key=lambda x: (x.get("start") or "", x["office"], x["of"], x.get("actor") or ""))
    print(f"phoenix: {len(merged)} people merged, {len(added)} added, {roles_added} dated roles", file=sys.stderr)
    return added


def name_skeleton(text):
    """The spelling-tolerant key of a whole name: each word's skeleton (`people.skeleton`)."""
    return " ".join(skeleton(w) for w in re.split(r"[\s-]+", text) if skeleton(w))


def same_country(r, home, coded):
    """Whether record `r` can be of country `home`: its `country` or a role's, or no country of its own
    (heads of organisations), or a country Phoenix files under another (`coded`: those it codes)."""
    country = r.attrs.get("country")
    homes = {home, COUNTRY_AKIN.get(home)}
    return (not home or country in homes or any(ro["of"] in {f"country:{h}" for h in homes if h} for ro in r.roles)
            or country is None or country not in coded)


def overlapping(r, roles):
    """Whether a role of record `r` overlaps one of `roles` in time."""
    spans = [(ro.get("start") or "0000", ro.get("end") or "9999") for ro in r.roles]
    return any((ro.get("start") or "0000") <= t and s <= (ro.get("end") or "9999") for ro in roles for s, t in spans)
