"""The whole run: load the sources, build the four kinds, write the files."""

from .common import set_paths, write
from .countries import build_countries
from .curated import SHARED_NAME_OWNER
from .loaders import load_sources
from .organizations import build_orgs
from .people import build_people
from .phoenix import merge_orgs, merge_people
from .places import build_places


def run(src, out):
    set_paths(src, out)
    S = load_sources()
    countries, by_iso3 = build_countries(S)
    places = build_places(S, countries, by_iso3)
    # A country alias that is the name of a place ("Quito", "Tunis", "Santo Domingo") would make the
    # capital resolve to the country: the place keeps the name.
    place_names = {p.name for p in places}
    for c in countries:
        c.aliases = [(t, cs, f) for t, cs, f in c.aliases if t not in place_names]
    orgs = build_orgs(S, by_iso3)
    orgs += merge_orgs(orgs)
    other_names = {t for r in countries + places + orgs for t in [r.name] + [a[0] for a in r.aliases]}
    people = build_people(S, by_iso3, orgs, other_names)
    people += merge_people(people, by_iso3, orgs, other_names)
    for name, iso3 in SHARED_NAME_OWNER.items():
        by_iso3[iso3].add(name)
    write("countries.jsonl", countries, "Countries and territories: ISO 3166 (Unicode CLDR 48) + CIA World Factbook 2026-01-22")
    write("places.jsonl", places, "Places: UN M49 regions (CLDR), curated regions, Factbook capitals, GeoNames cities (CC BY 4.0)")
    write("organizations.jsonl", orgs, "Organisations: CIA World Factbook Appendix B, PETRARCH2 Phoenix International and MilNonState dictionaries (MIT), curated")
    write("people.jsonl", people, "People: CIA World Factbook 1990-2026, Wikidata (CC0), PETRARCH2 Phoenix Countries dictionary (MIT)")
