"""Countries and territories (countries.jsonl): CLDR codes and names, Factbook names and demonyms."""

import re
import sys
from collections import defaultdict

from .common import *  # noqa: F401,F403  (helpers and constants)
from .curated import *  # noqa: F401,F403  (the curated tables)


def split_names(text):
    """Factbook name lists: 'A, B or C (note)' -> ['A', 'B', 'C']."""
    text = clean(text)
    text = re.sub(r"\((singular and plural|collective plural|singular|plural)\)", "", text)
    out = []
    for part in re.split(r",|;| or |/", text):
        part = part.strip()
        part = re.sub(r"\s*\(.*?\)\s*", " ", part).strip()
        part = part.strip(" .")
        if part and part.lower() not in ("none", "na"):
            out.append(part)
    return out


def plural_forms(text):
    """'Kazakhstani(s)' -> ['Kazakhstani', 'Kazakhstanis'] ; 'Briton(s)' likewise."""
    out = []
    for part in split_names(text.replace("(s)", "@S").replace("(es)", "@ES")):
        if "@S" in part:
            out += [part.replace("@S", ""), part.replace("@S", "s")]
        elif "@ES" in part:
            out += [part.replace("@ES", ""), part.replace("@ES", "es")]
        else:
            out.append(part)
    return out


def build_countries(S):
    codes, names = S["cldr_codes"], S["cldr_names"]
    # GEC (Factbook) code of each ISO alpha-2: the Factbook archive's master table first, then CLDR's
    # fips10 mapping, then the ISO code itself where no other territory claims it as a GEC.
    iso2_to_gec = {}
    uses = defaultdict(int)
    for row in S["master"]:
        uses[row["ISOAlpha2"]] += 1
    for row in S["master"]:
        # an ISO code the table gives to several GEC entities (GB: UK, Guernsey, …) is ambiguous,
        # unless one of them has the ISO code as its GEC (RE: Reunion, not Europa Island)
        iso2, gec = row["ISOAlpha2"], row["CanonicalCode"]
        if iso2 and row["EntityType"] not in ("disputed", "misc", "dissolved") and (uses[iso2] == 1 or gec == iso2):
            iso2_to_gec[iso2] = gec.lower()
    claimed = {m["_fips10"].lower() for m in codes.values() if "_fips10" in m}
    claimed |= {row["CanonicalCode"].lower() for row in S["master"]}  # Akrotiri is "ax", Navassa "bq"
    for iso2, m in codes.items():
        if "_fips10" in m:
            iso2_to_gec.setdefault(iso2, m["_fips10"].lower())
        elif iso2.lower() not in claimed:
            iso2_to_gec.setdefault(iso2, iso2.lower())
    iso2_to_gec.update(ISO2_TO_GEC_EXTRA)
    entity_type = {r["CanonicalCode"].lower(): r["EntityType"] for r in S["master"]}

    recs, by_iso3 = [], {}
    adjective_owner = defaultdict(set)
    fb = S["factbook"]
    for iso2 in sorted(k for k in names if re.fullmatch(r"[A-Z]{2}", k)):
        if iso2 in NOT_COUNTRIES:
            continue
        iso3 = codes.get(iso2, {}).get("_alpha3")
        if iso2 == "XK":
            iso3 = "XKX"
        if not iso3:
            continue
        name = NAME_OVERRIDES.get(iso2, names[iso2].replace(" & ", " and "))
        r = Rec(f"country:{iso3}", "country", name, f"Unicode CLDR 48")
        r.attrs.update({"iso2": iso2, "iso3": iso3})
        for key in (iso2, iso2 + "-alt-short", iso2 + "-alt-variant"):
            if key in names:
                n = names[key].replace(" & ", " and ")
                if "(" in n:
                    n = n.split("(")[0].strip()
                if not re.search(r" - |SAR", n):
                    r.add(n)
        gec = iso2_to_gec.get(iso2)
        e = fb.get(gec)
        if e and iso2 != "PS":
            r.src(FB)
            r.fb_type = entity_type.get(gec, "sovereign")
            gov = e.get("Government", {})
            cn = gov.get("Country name", {})
            for k in ("conventional short form", "conventional long form"):
                t = clean(cn.get(k, {}).get("text", "")).split(";")[0]
                for n in split_names(t) if k == "conventional short form" else [re.sub(r"\s*\(.*?\)", "", t)]:
                    if n.lower() != "none":
                        r.add(n)
            t = clean(cn.get("local short form", {}).get("text", ""))
            for n in split_names(t):
                if re.fullmatch(r"[A-Za-z' \-]+", n) and n.lower() != "none":
                    r.add(n)
            t = clean(cn.get("abbreviation", {}).get("text", ""))
            for n in split_names(t):
                if re.fullmatch(r"[A-Z.]+", n):
                    r.add(n, "abbreviation", "exact")
            t = clean(cn.get("former", {}).get("text", ""))
            for n in split_names(t.replace("/", "\u0000")):
                if "\u0000" not in n:
                    r.add(n, "former")
            nat = e.get("People and Society", {}).get("Nationality", {})
            for k in ("adjective", "noun"):
                for n in plural_forms(clean(nat.get(k, {}).get("text", ""))):
                    if n == r.name:
                        continue
                    adjective_owner[n].add(iso3)
                    r.add(n, "adjective")
            cap = clean(gov.get("Capital", {}).get("name", {}).get("text", ""))
            r.capital_text = cap
        else:
            r.fb_type = "territory" if e is None else "disputed"
            r.capital_text = ""
        extra = COUNTRY_EXTRA.get(iso3, {})
        add_extra_names(r, extra, "nfhx")
        for n in extra.get("a", []):
            adjective_owner[n].add(iso3)
            r.add(n, "adjective")
        if extra:
            r.src("curated press forms")
        r.gec = gec
        recs.append(r)
        by_iso3[iso3] = r
    for t, owners in sorted(adjective_owner.items()):
        if len(owners) > 1:
            print(f"shared adjective {t}: {sorted(owners)} -> {SHARED_ADJECTIVE_OWNER.get(t)}", file=sys.stderr)
    # Two-letter codes as aliases only where news writes them (US, UK, NZ, HK): "AS", "PR", "CH", "NL"
    # are words or ambiguous.
    for r in recs:
        r.aliases = [(t, c, f) for t, c, f in r.aliases
                     if not (c == "exact" and len(re.sub(r"[^A-Za-z]", "", t)) <= 2 and t not in SHORT_COUNTRY_ALIASES)]
    # Clean-up: stop list, shared adjectives, aliases equal to another country's name, names that
    # several countries list (former names such as "German East Africa"), and Factbook notes that the
    # field splitting left in a name.
    all_names = {r.name for r in recs}
    alias_owner = defaultdict(set)
    for r in recs:
        for t, c, f in r.aliases:
            alias_owner[t].add(r.id)
    for r in recs:
        keep = []
        for t, c, f in r.aliases:
            if f != "adjective" and len(alias_owner[t]) > 1:
                continue
            if re.search(r"[()\[\]]|, | - |\b(note|used|former|is|sometimes)\b", t) or not t[:1].isupper() and not t.startswith(("e", "li", "ema")):
                continue
            if COUNTRY_ALIAS_STOP.get(t):
                continue
            if f == "adjective" and len(adjective_owner[t]) > 1 and SHARED_ADJECTIVE_OWNER.get(t) != r.attrs["iso3"]:
                continue
            if t in all_names and t != r.name:
                continue
            # "Congo" style adjectives equal to a bare name of another country are dropped above.
            keep.append((t, c, f))
        r.aliases = keep
        # A country beats a city or person of the same name.
        r.priority = 10
    return recs, by_iso3
