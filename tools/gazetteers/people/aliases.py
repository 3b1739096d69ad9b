"""Stage 8 of people: aliases. The alias forms news uses beside the full name (surname alone, a
name without the Arabic article, given and father's names, curated press spellings, titled one-word
and regnal names, names without diacritics), and which surname-alone aliases are safe."""

import re
import sys

from ..common import add_extra_names, ascii_fold
from ..curated import (COMMON_GIVEN_NAMES, COMMON_SURNAMES, DYNASTIES, FAMOUS_SURNAMES, PERSON_EXTRA, REGNAL_TITLES,
                       SURNAME_STOP)


def add_article_surnames(r, name):
    """ "Bashar al-Assad", "Abd-al-Fattah al-Burhan": news names them "Assad", "al-Assad", "Burhan";
    the surname without its Arabic article is a surname-form alias, unless it is a ruling family's
    name or a common given name ("al-Sabah", "al-Khalifa")."""
    m = re.search(r"\b(?:al|el|as|ad|ar|ash|at|az|an)-([A-Z][a-z'’]{3,})$", name)
    if not m:
        return
    bare = m.group(1).rstrip("'’")
    if (bare.lower() in DYNASTIES or bare in SURNAME_STOP or bare in COMMON_GIVEN_NAMES or bare in COMMON_SURNAMES
            or len(bare) < 4):
        return
    r.add(bare, "surname")


def add_nasab_short(r, name):
    """ "Faisal bin Farhan Al Saud", "Tamim bin Hamad Al Thani": news writes the given and the
    father's names alone ("Faisal bin Farhan", "Tamim bin Hamad"), an alias."""
    m = re.match(r"^([A-Z][\w'-]+ (?:bin|bint|ibn) [A-Z][\w'-]+)(?: (?:bin|ibn) [A-Z][\w'-]+)* (?:Al|al|Al-|al-)[ -]?[A-Z][\w'-]+$", name)
    if m:
        r.add(m.group(1))


def add_press_spellings(recs):
    """The curated press spellings (PERSON_EXTRA) as aliases of their kind."""
    for sid, extra in PERSON_EXTRA.items():
        r = recs.get(f"person:{sid}")
        if not r:
            print(f"warning: PERSON_EXTRA {sid} not found", file=sys.stderr)
            continue
        add_extra_names(r, extra, "nshxf")
        r.src("press spellings curated")


def filter_surnames(recs, by_iso3, other_names):
    """Surname-alone aliases: none for common words (COMMON_SURNAMES, SURNAME_STOP), country names,
    the names of other entities (`other_names`), particles or suffixes, nor for people whose only
    offices are in dependencies (low value, and their surnames are often ordinary English ones)."""
    sovereign = {f"country:{iso3}" for iso3, c in by_iso3.items() if getattr(c, "fb_type", "") in ("sovereign", "disputed", "freely_associated")}
    taken = COMMON_SURNAMES | SURNAME_STOP | {c.name for c in by_iso3.values()} | other_names
    for r in recs.values():
        own_sovereign = any(x["of"] in sovereign or x["of"].startswith("organization:") for x in r.roles)
        r.aliases = [(t, c, f) for t, c, f in r.aliases
                     if f != "surname" or (own_sovereign and surname_ok(r, t, taken)
                                           and (len(t) >= 3 or r.name.split()[0] == t))]


def surname_ok(r, t, taken):
    """Whether `t` may be a surname-alone alias of `r`: its owner's, if FAMOUS_SURNAMES names one;
    else a word not `taken`, no particle and no abbreviation."""
    # the checks compare the accent-free form too: "Rodríguez" is as common as "Rodriguez"
    forms = {t, ascii_fold(t)}
    owner = next((FAMOUS_SURNAMES[x] for x in forms if x in FAMOUS_SURNAMES), False)
    if owner is not False:
        return owner is None or r.id == f"person:{owner}"
    return (not forms & taken
            and not re.match(r"^(de|da|ben|bin|al|el|van|von|St|Sr|Jr)\b", t) and not t.endswith("."))


def title_one_word_names(recs, other_names):
    """A one-word name (a monarch, a pope, a holder the Factbook names by one name) would fire on every
    bearer of that name ("Francis", "Jean", "Philippe"): the canonical name takes the title ("Pope
    Francis", "Grand Duke Jean"), the bare word stays only as a surname-form alias, and not at all
    for common given names."""
    for r in recs.values():
        if " " in r.name or not r.roles:
            continue
        title = sorted(r.roles, key=lambda x: x.get("start") or "")[-1]["title"]
        bare = r.name
        r.name = f"{title} {bare}"
        r.aliases = [a for a in r.aliases if a[0] != bare]
        if bare not in COMMON_GIVEN_NAMES and bare not in COMMON_SURNAMES and bare not in other_names:
            r.add(bare, "surname")


def add_regnal_names(recs):
    """Regnal names ("Charles III", "Abdullah II of Jordan", "Albert II, Prince of Monaco"): news writes
    the title and the name without the numeral ("King Charles", "King Abdullah", "Pope Leo"): an alias."""
    for r in recs.values():
        m = re.match(r"^([A-Z][\w-]+) ([IVX]+)(?:,? (?:Prince )?of [A-Z].*)?$", r.name)
        titles = {x["title"] for x in r.roles if x["office"] == "head-of-state"}
        for title in sorted(titles & REGNAL_TITLES):
            if m:
                r.add(f"{title} {m.group(1)}")


def add_unaccented(recs):
    """News in English often drops diacritics: "Pedro Sanchez", "Recep Tayyip Erdogan"."""
    for r in recs.values():
        for t, c, f in [(r.name, "capitalized", "name")] + list(r.aliases):
            if ascii_fold(t) != t:
                r.add(ascii_fold(t), f)


def add_article_forms(recs):
    """An Arabic article inside a name is written joined or apart ("Tamim bin Hamad Al Thani", "Tamim
    bin Hamad al-Thani"; "Bashar al-Assad", "Bashar Al Assad"): both forms (the matcher lets such
    particles take either case, but a hyphen and a space are different text)."""
    for r in recs.values():
        for t, c, f in [(r.name, "capitalized", "name")] + list(r.aliases):
            if f in ("name", "former") and re.search(r" (?:[Aa]l|[Ee]l)[ -][A-Z]", t):
                r.add(re.sub(r" ([Aa]l|[Ee]l) (?=[A-Z])", r" \1-", t), f)
                r.add(re.sub(r" ([Aa]l|[Ee]l)-(?=[A-Z])", r" \1 ", t), f)
