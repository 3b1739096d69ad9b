"""attache.Extractor: the same documents as the command line, batch mode, errors, threads."""

import concurrent.futures
import datetime
import gc
import json
import pickle
import subprocess

import pytest

import attache
from conftest import ARTICLES, ROOT, article_date

SENTENCE = "Kazakh President Kassym-Jomart Tokayev held talks with Xi Jinping in Astana on Tuesday."


def strip_char_offsets(doc):
    """The document without the char_start/char_end that Python adds to the CLI's JSON."""
    doc = json.loads(json.dumps(doc))
    for item in doc["mentions"] + doc["relations"]:
        del item["char_start"], item["char_end"]
    return doc


def test_extract_gives_the_documented_shape(extractor):
    doc = extractor.extract(SENTENCE, date="2025-06-17")
    assert list(doc) == ["date", "entities", "mentions", "relations"]
    assert doc["date"] == "2025-06-17"
    ids = {e["id"] for e in doc["entities"]}
    assert {"person:kassym-jomart-tokayev", "person:xi-jinping", "country:KAZ"} <= ids
    (meet,) = [r for r in doc["relations"] if r["kind"] == "meet"]
    assert {meet["subject"], meet["object"]} == {"person:kassym-jomart-tokayev", "person:xi-jinping"}
    assert meet["event"]["type"] == "CONSULT"
    for m in doc["mentions"]:
        assert list(m) == ["entity", "start", "end", "text", "sentence", "char_start", "char_end"]
        assert SENTENCE[m["start"] : m["end"]] == m["text"]


def test_without_a_date_today_is_assumed(extractor):
    doc = extractor.extract("Xi Jinping visited Astana.")
    assert doc["date_assumed"] is True
    datetime.date.fromisoformat(doc["date"])


def test_dates_as_strings_or_date_objects(extractor):
    a = extractor.extract(SENTENCE, date="2025-06-17")
    b = extractor.extract(SENTENCE, date=datetime.date(2025, 6, 17))
    c = extractor.extract(SENTENCE, date=datetime.datetime(2025, 6, 17, 12, 30))
    assert a == b == c


def test_bad_date_is_an_attache_error(extractor):
    with pytest.raises(attache.AttacheError) as e:
        extractor.extract(SENTENCE, date="17 June")
    assert isinstance(e.value, ValueError)
    assert "bad date" in str(e.value)
    assert e.value.file is None and e.value.line is None
    with pytest.raises(TypeError):
        extractor.extract(SENTENCE, date=20250617)


def test_text_must_be_a_str(extractor):
    with pytest.raises(TypeError):
        extractor.extract(b"Xi Jinping visited Astana.")
    with pytest.raises(TypeError):
        extractor.extract(None)


def test_char_offsets_index_python_strings():
    # accents, a non-BMP character and curly quotes before and between the names
    text = "Café 🙂 talk: “Kassym-Jomart Tokayev” met Xi Jinping in Astana — then Xi flew to Ürümqi."
    doc = attache.Extractor().extract(text, date="2025-06-17")
    data = text.encode("utf-8")
    assert doc["mentions"], doc
    for m in doc["mentions"]:
        assert text[m["char_start"] : m["char_end"]] == m["text"]
        assert data[m["start"] : m["end"]].decode("utf-8") == m["text"]
        assert m["char_start"] < m["start"]  # the bytes before it include multi-byte ones
    for r in doc["relations"]:
        assert text[r["char_start"] : r["char_end"]] == r["text"]


def test_empty_and_odd_texts(extractor):
    for text in ["", " ", "\n\n", "\x00", "a" * 10000, "é" * 3000]:
        doc = extractor.extract(text, date="2025-06-17")
        assert doc["mentions"] == [] or all(text[m["char_start"] : m["char_end"]] == m["text"] for m in doc["mentions"])


def test_lone_surrogates_are_refused(extractor):
    with pytest.raises(UnicodeEncodeError):
        extractor.extract("Xi \ud800 Jinping")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_same_document_as_the_cli(extractor, cli, article):
    date = article_date(article)
    out = subprocess.run(
        [cli, "extract", "--format", "json", "--date", date, str(article)], capture_output=True, check=True
    )
    expected = json.loads(out.stdout)
    got = extractor.extract(article.read_text(encoding="utf-8"), date=date)
    assert strip_char_offsets(got) == expected
    # and the same key order: the CLI's JSON, read as Python reads it
    assert json.dumps(strip_char_offsets(got)) == json.dumps(expected)


def batch_lines():
    lines = []
    for i, article in enumerate(ARTICLES):
        lines.append(json.dumps({"id": i, "text": article.read_text(encoding="utf-8"), "date": article_date(article)}))
    lines += [
        '{"id": "no-text"}',
        "not json at all",
        '{"id": [1, 2], "text": "Xi Jinping visited Astana.", "date": "June"}',
        "",
        '{"text": "Xi Jinping visited Astana."}',
        '{"id": {"a": 1}, "text": "Xi Jinping visited Astana.", "date": "2025-06-17", "extra": true}',
    ]
    return lines


def test_extract_jsonl_is_the_cli_batch_mode_byte_for_byte(extractor, cli):
    lines = batch_lines()
    data = ("\n".join(lines) + "\n").encode("utf-8") + b'{"id": "bad-utf8", "text": "\xff"}\n'
    out = subprocess.run(
        [cli, "extract", "--format", "jsonl", "--date", "2025-06-17", "--threads", "2"],
        input=data,
        capture_output=True,
    )
    # the batch holds bad records: the CLI writes every line, counts the failures and exits 1
    assert out.returncode == 1, out.stderr
    assert b"records failed" in out.stderr
    expected = out.stdout.decode("utf-8").splitlines()
    got = extractor.extract_jsonl(data.splitlines(), date="2025-06-17", threads=2)
    assert len(got) == len(expected) == len(lines) + 1
    assert got == expected
    # str lines too, with their newlines, on one thread
    assert extractor.extract_jsonl([line + "\n" for line in lines], date="2025-06-17", threads=1) == expected[:-1]


def test_extract_jsonl_numbers_lines_from_first_line(extractor):
    (out,) = extractor.extract_jsonl(["nope"], first_line=41)
    record = json.loads(out)
    assert (record["id"], record["line"]) == (None, 41)
    assert "must be a JSON object" in record["error"]


def test_extract_many_n_in_n_out_in_order(extractor):
    records = [{"id": i, "text": f"Xi Jinping visited Astana {i} times.", "date": "2025-06-17"} for i in range(300)]
    records[17] = {"id": "no-text"}
    records[42] = {"id": 42, "text": 7}
    records[99] = 3.5
    records[100] = {"id": 100, "text": "Xi Jinping visited Astana.", "date": "yesterday"}
    records[150] = "Xi Jinping visited Astana."
    out = extractor.extract_many(records, threads=2)
    assert len(out) == len(records)
    for i, (record, doc) in enumerate(zip(records, out)):
        if i in (17, 42, 99, 100):
            assert set(doc) == {"id", "error", "line"}, doc
            assert doc["line"] == i + 1
            assert doc["id"] == (record.get("id") if isinstance(record, dict) else None)
        elif i == 150:
            assert "id" not in doc and doc["relations"]
        else:
            assert list(doc)[0] == "id" and doc["id"] == i
            assert doc["relations"][0]["kind"] == "visit"
    assert "text" in out[17]["error"]
    assert "date" in out[100]["error"]


def test_extract_many_matches_extract_and_batch_mode(extractor):
    lines = batch_lines()
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except ValueError:
            records.append(None)
    good = [i for i, r in enumerate(records) if isinstance(r, dict) and "text" in r and r.get("date", "2025-06-17") != "June"]
    many = extractor.extract_many([records[i] for i in good], date="2025-06-17")
    jsonl = extractor.extract_jsonl([lines[i] for i in good], date="2025-06-17")
    for doc, line in zip(many, jsonl):
        assert strip_char_offsets(doc) == json.loads(line)
    texts = [a.read_text(encoding="utf-8") for a in ARTICLES]
    assert extractor.extract_many(texts, date="2025-06-17", threads=1) == [
        extractor.extract(t, date="2025-06-17") for t in texts
    ]


def test_extract_many_threads_agree_and_accept_any_iterable(extractor):
    texts = [a.read_text(encoding="utf-8") for a in ARTICLES] * 3
    one = extractor.extract_many(texts, threads=1, date="2025-06-17")
    two = extractor.extract_many(iter(texts), threads=2, date="2025-06-17")
    many = extractor.extract_many((t for t in texts), threads=16, date="2025-06-17")
    assert one == two == many
    assert extractor.extract_many([], threads=2) == []
    with pytest.raises(ValueError):
        extractor.extract_many(texts, threads=0)


def test_extract_many_leaves_the_garbage_collector_as_it_found_it(extractor):
    # paused while the documents are built, then as before, also when the call fails
    texts = ["Xi Jinping visited Astana."] * 5
    assert gc.isenabled()
    assert extractor.extract_many(texts, threads=2)
    assert gc.isenabled()
    assert extractor.extract_many(["Xi Jinping visited Astana.", 42, {"text": None}], threads=2)[1]["error"]
    assert gc.isenabled()
    gc.disable()
    try:
        assert extractor.extract_many(texts, threads=1)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_one_extractor_shared_by_python_threads(extractor):
    texts = [a.read_text(encoding="utf-8") for a in ARTICLES]
    expected = [extractor.extract(t, date="2025-06-17") for t in texts]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: extractor.extract(t, date="2025-06-17"), texts * 4))
    assert got == expected * 4


def test_added_gazetteer_and_rules(tmp_path):
    gazetteer = tmp_path / "people.jsonl"
    gazetteer.write_text(
        json.dumps(
            {
                "id": "person:quintus-vell",
                "kind": "person",
                "name": "Quintus Vell",
                "aliases": [{"text": "Vell", "form": "surname"}],
                "attrs": {"country": "KAZ"},
            }
        )
        + "\n"
    )
    x = attache.Extractor(gazetteers=[gazetteer])
    doc = x.extract("Quintus Vell held talks with Xi Jinping in Astana.", date="2025-06-17")
    assert "person:quintus-vell" in {e["id"] for e in doc["entities"]}
    assert [str(p) for p in x.gazetteers] == [str(gazetteer)]
    alone = attache.Extractor(gazetteers=str(gazetteer), defaults=False)
    doc = alone.extract("Quintus Vell held talks with Xi Jinping.", date="2025-06-17")
    assert [e["id"] for e in doc["entities"]] == ["person:quintus-vell"]
    assert alone.rule_ids == []


def test_bad_gazetteer_names_file_line_and_column(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "person:a", "kind": "person", "name": "A"}\n{"id": "person:b", "kind": "persn", "name": "B"}\n')
    with pytest.raises(attache.AttacheError) as e:
        attache.Extractor(gazetteers=[bad])
    assert e.value.file == str(bad)
    assert e.value.line == 2
    assert isinstance(e.value.column, int) and e.value.column >= 1
    assert "bad.jsonl:2:" in str(e.value)


def test_bad_rules_file_names_file_line_and_column(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nid = "x/y"\nrelation = "meet"\npatterns = ["{subject:person} (met"]\n')
    with pytest.raises(attache.AttacheError) as e:
        attache.Extractor(rules=bad)
    assert e.value.file == str(bad)
    assert e.value.line == 4
    assert e.value.column is not None


def test_missing_file_is_an_attache_error(tmp_path):
    with pytest.raises(attache.AttacheError) as e:
        attache.Extractor(rules=[tmp_path / "none.toml"])
    assert e.value.file == str(tmp_path / "none.toml")
    assert e.value.line is None


def test_a_rust_panic_becomes_an_exception():
    with pytest.raises(attache.AttacheError, match="internal error"):
        attache._attache._panic_for_tests()
    # and the interpreter goes on
    assert attache.Extractor().extract("Xi Jinping visited Astana.", date="2025-06-17")["relations"]


def test_spark_partition_takes_a_lexicon(negation_without_not):
    # the partition function runs without Spark: the lexicon reaches its shared extractor
    from attache.spark import extract_partition

    negation = negation_without_not
    line = json.dumps({"id": 1, "text": "Vladimir Putin did not meet Recep Tayyip Erdogan in Ankara."})
    out = [json.loads(x) for x in extract_partition([(line, 0)], date="2025-06-17", lexicon=[str(negation)])]
    assert [r["kind"] for r in out[0]["relations"]] == ["meet"]
    plain = [json.loads(x) for x in extract_partition([(line, 0)], date="2025-06-17")]
    assert plain[0]["relations"] == []
    assert attache.shared_extractor(lexicon=[negation]) is attache.shared_extractor(lexicon=[str(negation)])


def test_extractor_pickles(tmp_path):
    x = attache.Extractor(defaults=True)
    y = pickle.loads(pickle.dumps(x))
    assert repr(y) == repr(x)
    assert y.extract(SENTENCE, date="2025-06-17") == x.extract(SENTENCE, date="2025-06-17")


def test_lexicon_files_replace_embedded_word_lists_and_pickle(tmp_path, negation_without_not):
    text = "Vladimir Putin did not meet Recep Tayyip Erdogan in Ankara on Monday."
    negation = negation_without_not
    x = attache.Extractor(lexicon=negation)
    assert x.lexicon == [negation]
    assert "lexicon=" in repr(x)
    kinds = [r["kind"] for r in x.extract(text, date="2025-06-17")["relations"]]
    assert kinds == ["meet"]
    assert attache.Extractor().extract(text, date="2025-06-17")["relations"] == []
    y = pickle.loads(pickle.dumps(x))
    assert y.lexicon == [negation]
    assert y.extract(text, date="2025-06-17") == x.extract(text, date="2025-06-17")
    bad = tmp_path / "negations.txt"
    bad.write_text("not\n")
    with pytest.raises(attache.AttacheError) as e:
        attache.Extractor(lexicon=bad)
    assert e.value.line == 1 and "negation.txt" in str(e.value)


RULES = """
date = "2025-06-17"

[[rule]]
id = "meet/chatted"
relation = "meet"
patterns = ["{subject:person} chatted with {object:person}"]
examples = ["Xi Jinping chatted with Kassym-Jomart Tokayev. => meet(Xi Jinping, Kassym-Jomart Tokayev)"]
counterexamples = ["Xi Jinping never chatted about Kassym-Jomart Tokayev."]
"""


def test_check_rules(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text(RULES)
    report = attache.check_rules(good)
    assert report and report.ok
    assert (report.rules, report.examples, report.counterexamples) == (1, 1, 1)
    assert report.failures == []
    assert "1 rules, 1 examples, 1 counterexamples: all passed" in str(report)

    bad = tmp_path / "bad.toml"
    bad.write_text(RULES.replace("meet(Xi Jinping, Kassym-Jomart Tokayev)", "visit(Xi Jinping, Kassym-Jomart Tokayev)"))
    report = attache.check_rules(str(bad))
    assert not report
    (failure,) = report.failures
    assert failure["rule"] == "meet/chatted" and failure["file"] == str(bad)
    assert failure["line"] >= 1 and failure["missing"]
    assert "FAIL meet/chatted" in str(report)


def test_check_rules_on_the_default_rules():
    report = attache.check_rules(ROOT / "rules" / "diplomacy.toml")
    assert report.ok, str(report)
    assert report.rules > 50 and report.examples > 100


def test_check_rules_bad_file(tmp_path):
    bad = tmp_path / "broken.toml"
    bad.write_text("[[rule]]\nid = 3\n")
    with pytest.raises(attache.AttacheError) as e:
        attache.check_rules(bad)
    assert e.value.file == str(bad) and e.value.line is not None


def test_shared_extractor_is_built_once():
    assert attache.shared_extractor() is attache.shared_extractor([], [], True)
    assert attache.shared_extractor(defaults=False) is not attache.shared_extractor()


def test_version():
    assert attache.__version__.count(".") == 2
