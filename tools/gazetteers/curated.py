"""The curated tables: hand-made knowledge the sources lack, read from `gazetteers/curated/`.

Each table is one file with a `#` comment header saying what it is, its source and its reason.
TSV files: the first line that is not a comment names the columns; list cells separate their
items with `|`; an empty cell in a column marked optional below means "none" (`None`). JSON files
(for nested tables) are an object whose "comment" lists the header lines and whose "data" is the
table. `TABLES` declares every table's file, shape and columns; the module exposes each table under
its upper-case name (e.g. `CITY_STOP`), as the generator uses them.
"""

import json
import os

CURATED_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                           "gazetteers", "curated")

# name -> (file, shape, columns). shape: "dict" (first `keys` columns are the key, the rest the value:
# one column a scalar, several a tuple), "set", "list" (rows as tuples, or scalars with one column),
# "tupleset" (a set of tuples), "json". Column types: "s" text, "s?" text or None when empty,
# "l" a list separated by "|".
TABLES = {
    "NAME_OVERRIDES": ("name_overrides.tsv", "dict", [("iso2", "s"), ("name", "s")]),
    "COUNTRY_EXTRA": ("country_extra.json", "json", None),
    "COUNTRY_ALIAS_STOP": ("country_alias_stop.tsv", "dict", [("alias", "s"), ("reason", "s?")]),
    "SHARED_ADJECTIVE_OWNER": ("shared_adjective_owner.tsv", "dict", [("adjective", "s"), ("iso3", "s")]),
    "SHARED_NAME_OWNER": ("shared_name_owner.tsv", "dict", [("name", "s"), ("iso3", "s")]),
    "REGION_EXTRA": ("region_extra.json", "json", None),
    "REGION_NAME_STOP": ("region_name_stop.tsv", "set", [("name", "s")]),
    "CURATED_REGIONS": ("regions.tsv", "list",
                        [("slug", "s"), ("name", "s?"), ("aliases", "l"), ("adjectives", "l"), ("members", "s")]),
    "CURATED_ADMIN": ("admin.tsv", "list", [("slug", "s"), ("name", "s?"), ("aliases", "l"), ("iso3", "s")]),
    "ADMIN_STOP": ("admin_stop.tsv", "set", [("name", "s")]),
    "ADMIN_TYPE_WORDS": ("admin_type_words.tsv", "list", [("word", "s")]),
    "GENERIC_PLACE_WORDS": ("generic_place_words.tsv", "set", [("word", "s")]),
    "CURATED_CITIES": ("cities.tsv", "list", [("name", "s"), ("iso2", "s"), ("aliases", "l")]),
    "CAPITAL_QUALIFIED": ("capital_qualified.tsv", "dict", [("id", "s"), ("name", "s?")]),
    "CITY_EXTRA": ("city_extra.tsv", "dict", [("geonames_name", "s"), ("aliases", "l")]),
    "FORMER_CITY_NAMES": ("former_city_names.tsv", "set", [("name", "s")]),
    "CITY_STOP": ("city_stop.tsv", "dict", [("name", "s"), ("reason", "s?")]),
    "SURNAME_STOP": ("surname_stop.tsv", "set", [("surname", "s")]),
    "COMMON_SURNAMES": ("common_surnames.tsv", "set", [("surname", "s")]),
    "FAMOUS_SURNAMES": ("famous_surnames.tsv", "dict", [("surname", "s"), ("person", "s?")]),
    "COMMON_GIVEN_NAMES": ("common_given_names.tsv", "set", [("name", "s")]),
    "PERSON_EXTRA": ("person_extra.json", "json", None),
    "DEFUNCT_STATES": ("defunct_states.tsv", "set", [("name", "s")]),
    "FACTBOOK_ERRATA": ("factbook_errata.tsv", "dict",
                        [("gec", "s"), ("edition", "s"), ("field", "s"), ("reason", "s")], 3),
    "SAME_PERSON": ("same_person.tsv", "list", [("merged_id", "s"), ("kept_id", "s")]),
    "FATHER_SON": ("father_son.tsv", "tupleset", [("iso3", "s"), ("surname", "s")]),
    "HOME_COUNTRY": ("home_country.tsv", "dict", [("name", "s"), ("iso3", "s")]),
    "PRESS_NAME": ("press_name.tsv", "dict", [("label_slug", "s"), ("press_name", "s")]),
    "ROLE_EXTRA": ("role_extra.json", "json", None),
    "CURATED_ORGS": ("organizations.tsv", "list",
                     [("slug", "s"), ("name", "s?"), ("aliases", "l"), ("acronyms", "l"), ("source", "s")]),
    "GOVERNMENT_BODIES": ("government_bodies.tsv", "list",
                          [("slug", "s"), ("name", "s"), ("aliases", "l"), ("acronyms", "l"), ("iso3", "s"), ("source", "s")]),
    "PETRARCH_VARIANTS": ("petrarch_variants.tsv", "dict", [("petrarch_name", "s"), ("target", "s?")]),
    "ORG_MEMBERS_EXTRA": ("org_members_extra.tsv", "dict", [("slug", "s"), ("members", "s"), ("source", "s")]),
    "ACRONYM_STOP": ("acronym_stop.tsv", "dict", [("acronym", "s"), ("reason", "s?")]),
    "INTL_OFFICES": ("intl_offices.tsv", "dict", [("wikidata_position", "s"), ("org_slug", "s"), ("title", "s")]),
    "NOT_COUNTRIES": ("not_countries.tsv", "set", [("iso2", "s")]),
    "SPELLING_PAIRS": ("spelling_pairs.tsv", "list", [("british", "s"), ("american", "s")]),
    "TWO_LETTER_OK": ("two_letter_acronyms.tsv", "set", [("acronym", "s")]),
    "TITLE_WORDS": ("title_words.tsv", "set", [("word", "s")]),
    "HOS_TITLES": ("head_of_state_titles.tsv", "list", [("title", "s")]),
    "HOS_TITLE_WORDS": ("head_of_state_title_words.tsv", "list", [("pattern", "s"), ("title", "s")]),
    "HOG_TITLES": ("head_of_government_titles.tsv", "list", [("wording", "s"), ("title", "s?")]),
    "PARTICLES": ("name_particles.tsv", "set", [("particle", "s")]),
    "CAPS_SKIP": ("caps_skip.tsv", "set", [("token", "s")]),
    "NAME_SUFFIXES": ("name_suffixes.tsv", "set", [("suffix", "s")]),
    "DYNASTIES": ("dynasties.tsv", "set", [("family", "s")]),
    "GIVEN_NOISE": ("given_noise.tsv", "set", [("word", "s")]),
    "DISTINCT_GIVEN": ("distinct_given.tsv", "tupleset", [("given", "s"), ("other_given", "s")]),
    "LABEL_HONORIFICS": ("label_honorifics.tsv", "set", [("honorific", "s")]),
    "WIKIDATA_HEAD_POSITIONS": ("wikidata_head_positions.tsv", "list", [("position_prefix", "s"), ("title", "s")]),
    "CAMEO_COUNTRY": ("cameo_country.tsv", "dict", [("cameo", "s"), ("iso3", "s")]),
    "COUNTRY_AKIN": ("country_akin.tsv", "dict", [("iso3", "s"), ("akin_iso3", "s")]),
    "SECTOR_TITLE": ("sector_title.tsv", "dict", [("sector", "s"), ("title", "s")]),
    "SYNONYM_STOP_WORDS": ("synonym_stop_words.tsv", "set", [("word", "s")]),
    "FUNCTION_WORDS": ("function_words.tsv", "set", [("word", "s")]),
    "REGNAL_TITLES": ("regnal_titles.tsv", "set", [("title", "s")]),
    "REALM_TITLES": ("realm_titles.tsv", "set", [("title", "s")]),
    "COLLEGIAL_TITLES": ("collegial_titles.tsv", "set", [("title", "s")]),
    "COLLEGIAL_COUNTRIES": ("collegial_countries.tsv", "set", [("of", "s")]),
    "QUEENS_REGNANT": ("queens_regnant.tsv", "set", [("label", "s")]),
    "TITLE_PLACES_EXTRA": ("title_places_extra.tsv", "set", [("name", "s")]),
    "HOLDER_TITLE_STOP": ("holder_title_stop.tsv", "list", [("title_prefix", "s")]),
    "ORG_NAME_SMALL_WORDS": ("org_name_small_words.tsv", "set", [("word", "s")]),
    "MAC_WORDS": ("mac_words.tsv", "set", [("word", "s")]),
    "SHORT_COUNTRY_ALIASES": ("short_country_aliases.tsv", "set", [("alias", "s")]),
    "ISO2_TO_GEC_EXTRA": ("iso2_to_gec_extra.tsv", "dict", [("iso2", "s"), ("gec", "s")]),
}

# Stop lists whose entries without a reason were reviewed and kept: only entries with a reason stop.
REASON_REQUIRED = {"CITY_STOP", "ACRONYM_STOP"}


def spec(name):
    t = TABLES[name]
    return t[0], t[1], t[2], (t[3] if len(t) > 3 else 1)


def cell(text, typ):
    if typ == "l":
        return text.split("|") if text else []
    if typ == "s?":
        return text or None
    return text


def tsv_rows(path):
    """(line number, cells) of a curated TSV file's data rows, after checking the column header."""
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
            else:
                rows.append((n, cells))
    return header, rows


def load(name, directory=CURATED_DIR):
    """One table, in the shape the generator uses. Raises ValueError on malformed rows or repeated keys."""
    file, shape, cols, nkeys = spec(name)
    path = os.path.join(directory, file)
    if shape == "json":
        with open(path, encoding="utf-8") as f:
            data = json.load(f)["data"]
        if name == "ROLE_EXTRA":
            return [tuple(x) for x in data]
        return data
    header, rows = tsv_rows(path)
    if header != [c for c, _ in cols]:
        raise ValueError(f"{path}: columns {header}, expected {[c for c, _ in cols]}")
    out = {} if shape == "dict" else set() if shape in ("set", "tupleset") else []
    for n, cells in rows:
        if len(cells) != len(cols):
            raise ValueError(f"{path}:{n}: {len(cells)} cells, expected {len(cols)}")
        vals = [cell(c, t) for c, (_, t) in zip(cells, cols)]
        if shape == "dict":
            key = vals[0] if nkeys == 1 else tuple(vals[:nkeys])
            rest = vals[nkeys:]
            if key in out:
                raise ValueError(f"{path}:{n}: repeated key {key!r}")
            out[key] = rest[0] if len(rest) == 1 else tuple(rest)
        elif shape == "set":
            if vals[0] in out:
                raise ValueError(f"{path}:{n}: repeated entry {vals[0]!r}")
            out.add(vals[0])
        elif shape == "tupleset":
            out.add(tuple(vals))
        else:
            out.append(vals[0] if len(cols) == 1 else tuple(vals))
    if name in REASON_REQUIRED:
        out = {k: v for k, v in out.items() if v}
    return out


for _name in TABLES:
    globals()[_name] = load(_name)
del _name
