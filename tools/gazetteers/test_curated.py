"""Checks of the curated tables that need no source data: every table parses, none repeats a key.

Run from the repository root: python3 -m unittest tools.gazetteers.test_curated
(or python3 tools/gazetteers/test_curated.py).
"""

import json
import os
import sys
import unittest

if not __package__:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from tools.gazetteers import curated  # noqa: E402

# List tables whose first column is an id that must be unique.
KEYED_LISTS = ["CURATED_REGIONS", "CURATED_ADMIN", "CURATED_CITIES", "CURATED_ORGS", "GOVERNMENT_BODIES", "SAME_PERSON"]
# Tables the generator compares with lower-case words.
LOWER_CASE = ["PARTICLES", "DYNASTIES", "GIVEN_NOISE", "DISTINCT_GIVEN", "SYNONYM_STOP_WORDS", "FUNCTION_WORDS"]


def no_repeats(pairs):
    keys = [k for k, _ in pairs]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"repeated keys {repeated}")
    return dict(pairs)


class CuratedTables(unittest.TestCase):
    def test_every_table_parses(self):
        for name in curated.TABLES:
            with self.subTest(table=name):
                table = curated.load(name)  # raises on a malformed row or a repeated key
                self.assertTrue(table, f"{name} is empty")

    def test_every_file_is_declared_and_has_a_header(self):
        declared = {spec[0] for spec in curated.TABLES.values()}
        for file in sorted(os.listdir(curated.CURATED_DIR)):
            with self.subTest(file=file):
                self.assertIn(file, declared, "a file no table reads")
                with open(os.path.join(curated.CURATED_DIR, file), encoding="utf-8") as f:
                    text = f.read()
                if file.endswith(".json"):
                    doc = json.loads(text)
                    self.assertTrue(doc["comment"], "no comment header")
                else:
                    self.assertTrue(text.startswith("# "), "no comment header")
                    self.assertNotIn("\r", text)
                    for n, line in enumerate(text.split("\n"), 1):
                        self.assertEqual(line, line.strip(" "), f"line {n}: stray spaces at an end")

    def test_json_tables_repeat_no_key(self):
        for name, spec in curated.TABLES.items():
            if spec[1] != "json":
                continue
            with self.subTest(table=name), open(os.path.join(curated.CURATED_DIR, spec[0]), encoding="utf-8") as f:
                json.load(f, object_pairs_hook=no_repeats)

    def test_keyed_lists_repeat_no_id(self):
        for name in KEYED_LISTS:
            ids = [row[0] for row in curated.load(name)]
            with self.subTest(table=name):
                self.assertEqual(sorted({i for i in ids if ids.count(i) > 1}), [])

    def test_lower_case_tables_are_lower_case(self):
        # the code compares these with folded, lower-case words: an entry with a capital never matches
        for name in LOWER_CASE:
            for entry in curated.load(name):
                for word in (entry if isinstance(entry, tuple) else (entry,)):
                    with self.subTest(table=name, entry=word):
                        self.assertEqual(word, word.lower())

    def test_role_extra_roles_are_well_formed(self):
        for slug, role, note in curated.ROLE_EXTRA:
            with self.subTest(person=slug, start=role.get("start")):
                self.assertTrue(note)
                self.assertLessEqual({"title", "office", "of", "start"}, set(role))
                self.assertRegex(role["start"], r"^\d{4}-\d{2}(-\d{2})?$")


if __name__ == "__main__":
    unittest.main()
