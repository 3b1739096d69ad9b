"""attache: who is who and who did what to whom in English news.

A binding of the attache Rust crate. Build an :class:`Extractor` once and share it::

    import attache

    extractor = attache.Extractor()
    doc = extractor.extract("Kenya's president met Ghana's foreign minister in Nairobi.",
                            date="2025-06-17")
    doc["entities"], doc["mentions"], doc["relations"]

``extract`` gives exactly the JSON document of ``attache extract --format json`` (plus
``char_start``/``char_end`` for Python string indexing); ``extract_many`` runs many records in
parallel with the GIL released; ``extract_jsonl`` is the command line's batch mode, line for line.

``attache.spacy`` holds the spaCy pipeline component (``nlp.add_pipe("attache")``) and
``attache.spark`` the Spark job.
"""

import os
import threading
from typing import Dict, Iterable, Tuple, Union

from ._attache import AttacheError, Extractor, RulesReport, __version__, check_rules

__all__ = ["AttacheError", "Extractor", "RulesReport", "check_rules", "shared_extractor", "__version__"]

_lock = threading.Lock()
_extractors: Dict[Tuple[Tuple[str, ...], Tuple[str, ...], bool, Tuple[str, ...]], Extractor] = {}


def shared_extractor(
    gazetteers: Iterable[Union[str, "os.PathLike[str]"]] = (),
    rules: Iterable[Union[str, "os.PathLike[str]"]] = (),
    defaults: bool = True,
    lexicon: Iterable[Union[str, "os.PathLike[str]"]] = (),
) -> Extractor:
    """The process's one Extractor for these settings, built on first use and then shared.

    The spaCy component and the Spark job use it, so that a process builds each extractor once
    (an Extractor is thread-safe).
    """
    key = (
        tuple(os.fspath(g) for g in gazetteers),
        tuple(os.fspath(r) for r in rules),
        bool(defaults),
        tuple(os.fspath(w) for w in lexicon),
    )
    with _lock:
        extractor = _extractors.get(key)
        if extractor is None:
            extractor = Extractor(gazetteers=key[0], rules=key[1], defaults=key[2], lexicon=key[3])
            _extractors[key] = extractor
        return extractor
