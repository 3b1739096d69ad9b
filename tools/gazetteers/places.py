"""Places (places.jsonl): UN M49 regions, curated regions and first-level divisions, capitals, GeoNames cities."""

import re
import sys
from collections import defaultdict

from .common import *  # noqa: F401,F403  (helpers and constants)
from .curated import *  # noqa: F401,F403  (the curated tables)


def m49_members(S, code, seen=None):
    contain = S["cldr_contain"]
    out = set()
    for c in contain.get(code, {}).get("_contains", []):
        if re.fullmatch(r"\d{3}", c):
            out |= m49_members(S, c)
        else:
            out.add(c)
    return out


def build_places(S, countries, by_iso3):
    """The places, in this order (an earlier place keeps its id and name): regions, capitals, curated
    and large cities, first-level divisions."""
    recs = {}
    iso2_to_iso3 = {r.attrs["iso2"]: r.attrs["iso3"] for r in countries}
    add_regions(S, recs, iso2_to_iso3, by_iso3)
    admin_pending = pending_admin_divisions(S, countries)
    cities = S["cities"]
    capital_names = add_capitals(recs, countries, cities)
    qualify_capitals(recs)
    country_names = set()
    for co in countries:
        country_names.add(co.name)
        country_names.update(t for t, c, f in co.aliases)
    add_curated_cities(recs, cities, iso2_to_iso3, capital_names)
    add_large_cities(recs, cities, iso2_to_iso3, capital_names, country_names)
    add_admin_divisions(recs, admin_pending, country_names)
    return list(recs.values())


def put(recs, r):
    """Adds `r` unless its id is taken; returns the record of that id."""
    if r.id in recs:
        return recs[r.id]
    recs[r.id] = r
    return r


def add_regions(S, recs, iso2_to_iso3, by_iso3):
    """UN M49 regions from CLDR, curated world regions and curated first-level divisions."""
    names = S["cldr_names"]
    for code in sorted(k for k in names if re.fullmatch(r"\d{3}", k)):
        name = names[code]
        if name in REGION_NAME_STOP:
            continue
        extra = REGION_EXTRA.get(code, {})
        press = (extra.get("n") or [name])[0]
        r = Rec(f"place:{slug(press)}", "place", press, "Unicode CLDR 48 (UN M49 region)")
        if press != name:
            r.add(name)
        for n in extra.get("n", [])[1:]:
            r.add(n)
        for n in extra.get("a", []):
            r.add(n, "adjective")
        r.members = {f"country:{iso2_to_iso3[c]}" for c in m49_members(S, code) if c in iso2_to_iso3}
        r.attrs["region"] = "m49:" + code
        r.attrs.pop("region")
        r.attrs["m49"] = code
        put(recs, r)
    for sl, name, alts, adjs, members in CURATED_REGIONS:
        if not name:
            continue
        r = Rec(f"place:{sl}", "place", name, "curated world region (common press usage)")
        for n in alts:
            r.add(n)
        for n in adjs:
            r.add(n, "adjective")
        r.members = {f"country:{m}" for m in members.split() if m in by_iso3}
        put(recs, r)
    for sl, name, alts, iso3 in CURATED_ADMIN:
        if not name or iso3 not in by_iso3:
            continue
        r = Rec(f"place:{sl}", "place", name, f"{FB} administrative divisions; press form curated")
        for n in alts:
            r.add(n)
        r.attrs["country"] = iso3
        put(recs, r)


def pending_admin_divisions(S, countries):
    """[(iso3, name, alternative names)] of the Factbook's first-level divisions, added last."""
    admin_pending = []
    for co in countries:
        e = S["factbook"].get(getattr(co, "gec", None) or "")
        if not e or co.attrs["iso3"] == "GBR":  # the UK list is counties and boroughs, not regions
            continue
        for main, alts in factbook_admin_divisions(e):
            admin_pending.append((co.attrs["iso3"], main, alts))
    return admin_pending


def add_capitals(recs, countries, cities):
    """Capitals (Factbook), with their GeoNames population; returns their names, folded."""
    by_country_name = {}
    for c in cities:
        by_country_name.setdefault((c["countrycode"], ascii_fold(c["name"]).lower()), c)
    capital_names = set()
    for co in countries:
        cap = getattr(co, "capital_text", "")
        if not cap:
            continue
        iso2, iso3 = co.attrs["iso2"], co.attrs["iso3"]
        first = True
        for part in re.split(r";", cap):
            nm = re.sub(r"\s*\(.*?\)", "", part).strip()
            # "Nay Pyi Taw is the administrative capital": the name is the words before the note
            nm = re.sub(r"\s+is the\b.*$", "", nm)
            alts = re.findall(r"\(([^)]*)\)", part)
            if not nm or nm.lower() in ("none", "no official capital"):
                continue
            if "," in nm and nm != "Washington, D.C.":
                nm = nm.split(",")[0].strip()
            rid = f"place:{slug(ascii_fold(nm))}"
            r = recs.get(rid)
            if r is None:
                r = put(recs, Rec(rid, "place", nm, f"{FB} (capital)"))
            else:
                r.src(f"{FB} (capital)")
            r.attrs["country"] = iso3
            if first and "capital_of" not in r.attrs:
                r.attrs["capital_of"] = co.id
                co.attrs["capital"] = rid
            first = False
            for a in alts:
                for n in a.split(","):
                    n = n.strip()
                    if re.fullmatch(r"[A-Z][A-Za-z' \-]+", n) and "capital" not in n and n not in COUNTRY_ALIAS_STOP:
                        r.add(n)
            folded = ascii_fold(nm)
            if folded != nm:
                r.add(folded)
            for n in CITY_EXTRA.get(nm, []):
                r.add(n, "former" if n in FORMER_CITY_NAMES else "name")
            g = by_country_name.get((iso2, ascii_fold(nm).lower()))
            if g:
                r.src(f"GeoNames {g['geonameid']}")
                r.attrs["population"] = g["population"]
            capital_names.add(ascii_fold(nm).lower())
            r.priority = 5
    return capital_names


def qualify_capitals(recs):
    """Capitals whose bare name is ambiguous take the qualified one (CAPITAL_QUALIFIED)."""
    for rid, qualified in CAPITAL_QUALIFIED.items():
        if qualified and rid in recs:
            r = recs[rid]
            bare = {r.name, ascii_fold(r.name), qualified.split(",")[0], ascii_fold(qualified.split(",")[0])} - {qualified}
            r.name = qualified
            r.aliases = [a for a in r.aliases if a[0] not in bare]


def add_curated_cities(recs, cities, iso2_to_iso3, capital_names):
    """The news cities of CURATED_CITIES, whatever their population; their names join `capital_names`."""
    for nm, iso2, extra in CURATED_CITIES:
        key = ascii_fold(nm).lower()
        cands = [c for c in cities if c["countrycode"] == iso2 and (ascii_fold(c["name"]).lower() == key or key in {
            ascii_fold(a).lower() for a in c["alternatenames_latin"].split("|")} or any(
            ascii_fold(x).lower() == ascii_fold(c["name"]).lower() for x in extra))]
        if not cands:
            print(f"warning: CURATED_CITIES {nm} not in GeoNames", file=sys.stderr)
            continue
        g = max(cands, key=lambda c: int(c["population"] or 0))
        rid = f"place:{slug(ascii_fold(nm))}"
        if rid in recs or f"place:{slug(ascii_fold(g['name']))}" in recs:
            continue
        r = Rec(rid, "place", nm, f"GeoNames {g['geonameid']} (CC BY 4.0); listed as a news city (curated)")
        r.attrs["country"] = iso2_to_iso3[iso2]
        r.attrs["population"] = g["population"]
        if g["name"] != nm:
            r.add(g["name"])
        for n in extra:
            r.add(n)
        for n in [ascii_fold(x) for x in [nm, g["name"]]]:
            r.add(n)
        put(recs, r)
        capital_names.add(ascii_fold(nm).lower())
        capital_names.add(ascii_fold(g["name"]).lower())


def add_large_cities(recs, cities, iso2_to_iso3, capital_names, country_names):
    """GeoNames cities of CITY_MIN_POPULATION or more, but not a name already taken, stopped
    (CITY_STOP) or a country's."""
    seen_names = set()
    for c in cities:  # sorted by population, largest first
        pop = int(c["population"] or 0)
        if pop < CITY_MIN_POPULATION:
            break
        nm = c["name"]
        key = ascii_fold(nm).lower()
        if key in seen_names or key in capital_names:
            continue
        seen_names.add(key)
        if nm in CITY_STOP or ascii_fold(nm) in CITY_STOP or nm in country_names or c["countrycode"] not in iso2_to_iso3:
            continue
        rid = f"place:{slug(ascii_fold(nm))}"
        if rid in recs:
            continue
        r = Rec(rid, "place", nm, f"GeoNames {c['geonameid']} (CC BY 4.0)")
        r.attrs["country"] = iso2_to_iso3[c["countrycode"]]
        r.attrs["population"] = c["population"]
        folded = ascii_fold(nm)
        if folded != nm:
            r.add(folded)
        for n in CITY_EXTRA.get(nm, []):
            r.add(n)
        put(recs, r)


def add_admin_divisions(recs, admin_pending, country_names):
    """Factbook first-level divisions, last: a city or curated place of the same name wins, and a name
    two countries share is left out (it could not say which)."""
    name_count = defaultdict(set)
    for iso3, main, alts in admin_pending:
        name_count[main].add(iso3)
    known = {ascii_fold(n).lower() for r in recs.values() for n in [r.name] + [a[0] for a in r.aliases]}
    short_count = defaultdict(set)
    for iso3, main, alts in admin_pending:
        short_count[re.sub(r"\s+(" + "|".join(ADMIN_TYPE_WORDS) + r")$", "", main)].add(iso3)
    short_seen = {k.lower() for k, v in short_count.items() if len(v) > 1}
    for iso3, main, alts in admin_pending:
        if len(name_count[main]) > 1 or main in country_names or not admin_name_ok(main):
            continue
        if ascii_fold(main).lower() in known:
            continue
        rid = f"place:{slug(ascii_fold(main))}"
        if rid in recs:
            continue
        r = Rec(rid, "place", main, f"{FB} administrative divisions")
        r.attrs["country"] = iso3
        r.attrs["admin_level"] = "1"
        folded = ascii_fold(main)
        if folded != main:
            r.add(folded)
        # "Batken Oblusu", "Andijon Viloyati", "Herat Province": the name without its type word
        short = re.sub(r"\s+(" + "|".join(ADMIN_TYPE_WORDS) + r")$", "", main)
        if (short != main and admin_name_ok(short) and short not in country_names and len(name_count.get(short, ())) <= 1
                and ascii_fold(short).lower() not in known and ascii_fold(short).lower() not in short_seen):
            r.add(short)
            short_seen.add(ascii_fold(short).lower())
        for a in alts:
            if admin_name_ok(a) and a not in country_names and ascii_fold(a).lower() not in known:
                r.add(a)
        known.add(ascii_fold(main).lower())
        recs[rid] = r


def admin_name_ok(n):
    words = re.split(r"[\s]+", n)
    if not n or not n[0].isupper() or re.search(r"\d|note|includ", n) or len(n) < 3:
        return False
    # leftovers of the field's prose, not names: a parenthesis cut open ("Lefkosia (Nicosia"), two
    # list items run together ("Tianjin  Hong Kong"), language labels ("French short form", "Dutch:
    # gewesten"), claims ("Morocco claims the territory of …"), letters split by a lost accent ("R é gion")
    if (re.search(r"[():]|\s\s|\b(form|claims|also)\b", n) or re.match(r"\w\s", n)):
        return False
    if n in ADMIN_STOP or n in CITY_STOP:
        return False
    return not all(w in GENERIC_PLACE_WORDS for w in words)


def factbook_admin_divisions(e):
    """(name, [alternative names]) of each first-level division in a Factbook entry."""
    t = clean(e.get("Government", {}).get("Administrative divisions", {}).get("text", ""))
    if ";" not in t:
        return []
    t = t.split(";", 1)[1]
    t = re.sub(r"\(see note[^)]*\)", "", t)
    t = re.sub(r"\b[a-z][a-z \-]*:\s", " ", t)
    out = []
    for part in re.split(r"[;,]", t):
        part = part.strip().replace("*", "").strip()
        if not part or not part[0].isupper():
            continue
        names = [x.strip() for x in re.sub(r"\s*\(.*?\)", "", part).split(" or ") if x.strip()]
        if not names:
            continue
        alts = names[1:] + [a.strip() for a in re.findall(r"\(([^)]*)\)", part) if a.strip()[:1].isupper()]
        out.append((names[0], alts))
    return out
