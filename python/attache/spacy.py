"""The spaCy pipeline component ``"attache"``.

Registered with spaCy through an entry point, so no import is needed::

    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("attache", config={"date": "2025-06-17"})
    doc = nlp("Chile's foreign minister flew to Lima for talks with Peru's president.")
    [(e.text, e.label_, e._.attache_id) for e in doc.ents]
    doc._.attache_relations

It sets:

- ``doc.ents``: one span per mention, labelled in spaCy's convention (PERSON, GPE for
  countries, LOC for places, ORG, NORP for groups, LAW for documents, EVENT), aligned to spaCy's
  tokens (a mention inside a token takes the whole token), overlapping mentions resolved
  (the longest wins), pronouns ("he", "her") left out unless ``pronoun_ents`` is set.
  Entities a model found before are kept where no attache mention overlaps them
  (``overwrite_ents=False`` keeps the model's and adds only attache's that do not overlap);
- ``doc.spans["attache"]``: every mention, overlapping ones too;
- ``span._.attache_id`` (``"person:xi-jinping"``) and ``span._.attache_attrs`` (the entity's
  attributes: ISO codes, country, role on the document's date, actor code) on those spans;
- ``doc._.attache``: the whole document as :meth:`attache.Extractor.extract` gives it;
- ``doc._.attache_relations``: its relations, each a dict with the relation's fields (kind,
  subject, object, rule, ``rules`` when several rules found it, event, args, offsets) plus
  ``span`` (the evidence) and
  ``subject_span``/``object_span`` (their mentions within the evidence, or None).

The document's date is the component's ``date`` setting, or ``doc._.attache_date`` when set
before the component runs (``doc = nlp.make_doc(text); doc._.attache_date = "2025-06-17";
nlp(doc)``); without either, the text is read as of today.

Only ``doc._.attache`` (plain data) and the span attributes are stored in the ``Doc``: the
relations are computed from it when read, so docs cross processes (``nlp.pipe(texts,
n_process=2)``) and ``DocBin`` intact.
"""

from typing import Any, Dict, Iterable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from . import AttacheError, shared_extractor

__all__ = ["AttacheComponent", "LABELS", "make_attache"]

#: attache's entity kinds and the spaCy (OntoNotes) labels they get.
LABELS: Dict[str, str] = {
    "person": "PERSON",
    "country": "GPE",
    "place": "LOC",
    "organization": "ORG",
    "group": "NORP",
    "document": "LAW",
    "event": "EVENT",
    "money": "MONEY",
}

#: Mentions written as these words refer back to a person named before: they are in
#: ``doc.spans`` but not in ``doc.ents`` (unless ``pronoun_ents`` is set), as spaCy's NER never
#: labels pronouns.
PRONOUNS = frozenset("he him his himself she her hers herself they them their theirs themselves".split())


def _register_extensions() -> None:
    if not Doc.has_extension("attache"):
        Doc.set_extension("attache", default=None)
    if not Doc.has_extension("attache_date"):
        Doc.set_extension("attache_date", default=None)
    if not Doc.has_extension("attache_relations"):
        Doc.set_extension("attache_relations", getter=relations)
    if not Span.has_extension("attache_id"):
        Span.set_extension("attache_id", default=None)
    if not Span.has_extension("attache_attrs"):
        Span.set_extension("attache_attrs", default=None)


def relations(doc: Doc) -> List[Dict[str, Any]]:
    """The relations of ``doc._.attache``, each with its ``span``, ``subject_span`` and
    ``object_span`` (the getter of ``doc._.attache_relations``)."""
    data = doc._.attache
    if not data:
        return []
    out = []
    for r in data["relations"]:
        rel = dict(r)
        start, end = r["char_start"], r["char_end"]
        rel["span"] = doc.char_span(start, end, alignment_mode="expand")
        for role in ("subject", "object"):
            rel[role + "_span"] = None
            entity = r.get(role)
            for m in data["mentions"]:
                if m["entity"] == entity and start <= m["char_start"] and m["char_end"] <= end:
                    rel[role + "_span"] = doc.char_span(m["char_start"], m["char_end"], alignment_mode="expand")
                    break
        out.append(rel)
    return out


class AttacheComponent:
    """The pipeline component: see the module's documentation."""

    def __init__(
        self,
        nlp: Language,
        name: str = "attache",
        *,
        date: Optional[str] = None,
        gazetteers: Iterable[str] = (),
        rules: Iterable[str] = (),
        defaults: bool = True,
        lexicon: Iterable[str] = (),
        overwrite_ents: bool = True,
        spans_key: str = "attache",
        threads: Optional[int] = None,
        pronoun_ents: bool = False,
    ) -> None:
        _register_extensions()
        self.name = name
        self.date = date
        self.gazetteers = [str(g) for g in gazetteers]
        self.rules = [str(r) for r in rules]
        self.defaults = defaults
        self.lexicon = [str(w) for w in lexicon]
        self.overwrite_ents = overwrite_ents
        self.spans_key = spans_key
        self.threads = threads
        self.pronoun_ents = pronoun_ents
        self.extractor = shared_extractor(self.gazetteers, self.rules, defaults, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        data = self.extractor.extract(doc.text, date=self._date(doc))
        self.annotate(doc, data)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Documents in batches, each batch extracted in parallel (GIL released)."""
        for batch in minibatch(stream, size=batch_size):
            records = [{"text": doc.text, "date": self._date(doc)} for doc in batch]
            for doc, data in zip(batch, self.extractor.extract_many(records, threads=self.threads)):
                if "error" in data:
                    raise AttacheError(data["error"])
                del data["id"]
                self.annotate(doc, data)
                yield doc

    def _date(self, doc: Doc) -> Optional[str]:
        date = doc._.attache_date
        return str(date) if date is not None else self.date

    def annotate(self, doc: Doc, data: Dict[str, Any]) -> None:
        """Sets ``doc.ents``, ``doc.spans``, the span attributes and ``doc._.attache`` from the
        document ``data`` that :meth:`attache.Extractor.extract` gave for ``doc.text``."""
        entities = {e["id"]: e for e in data["entities"]}
        spans = []
        for m in data["mentions"]:
            entity = entities.get(m["entity"])
            kind = entity["kind"] if entity else m["entity"].split(":", 1)[0]
            label = LABELS.get(kind, kind.upper())
            span = doc.char_span(m["char_start"], m["char_end"], label=label, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            span._.attache_id = m["entity"]
            span._.attache_attrs = dict(entity.get("attrs", {})) if entity else {}
            spans.append(span)
        if self.spans_key:
            doc.spans[self.spans_key] = spans
        named = spans if self.pronoun_ents else [s for s in spans if s.text.lower() not in PRONOUNS]
        ours = filter_spans(named)
        theirs = list(doc.ents)
        if self.overwrite_ents:
            taken = {i for s in ours for i in range(s.start, s.end)}
            kept = [s for s in theirs if not any(i in taken for i in range(s.start, s.end))]
            ents = ours + kept
        else:
            taken = {i for s in theirs for i in range(s.start, s.end)}
            ents = theirs + [s for s in ours if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = sorted(ents, key=lambda s: s.start)
        doc._.attache = data

    def __reduce__(self) -> Any:
        # the Extractor is rebuilt (or shared) in the receiving process
        settings = {k: v for k, v in vars(self).items() if k not in ("extractor", "name")}
        return (_rebuild, (self.name, settings))


def _rebuild(name: str, settings: Dict[str, Any]) -> "AttacheComponent":
    component = AttacheComponent.__new__(AttacheComponent)
    _register_extensions()
    component.name = name
    for key, value in settings.items():
        setattr(component, key, value)
    # (a component pickled before the lexicon setting existed has none)
    component.lexicon = getattr(component, "lexicon", [])
    component.extractor = shared_extractor(
        component.gazetteers, component.rules, component.defaults, component.lexicon
    )
    return component


@Language.factory(
    "attache",
    default_config={
        "date": None,
        "gazetteers": [],
        "rules": [],
        "defaults": True,
        "lexicon": [],
        "overwrite_ents": True,
        "spans_key": "attache",
        "threads": None,
        "pronoun_ents": False,
    },
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "doc.spans", "doc._.attache", "span._.attache_id"],
)
def make_attache(
    nlp: Language,
    name: str,
    date: Optional[str],
    gazetteers: List[str],
    rules: List[str],
    defaults: bool,
    lexicon: List[str],
    overwrite_ents: bool,
    spans_key: str,
    threads: Optional[int],
    pronoun_ents: bool,
) -> AttacheComponent:
    """Builds the ``"attache"`` component (see the module's documentation for the settings)."""
    return AttacheComponent(
        nlp,
        name,
        date=date,
        gazetteers=gazetteers,
        rules=rules,
        defaults=defaults,
        lexicon=lexicon,
        overwrite_ents=overwrite_ents,
        spans_key=spans_key,
        threads=threads,
        pronoun_ents=pronoun_ents,
    )


_register_extensions()
