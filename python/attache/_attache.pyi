"""Type stubs of the native module ``attache._attache`` (re-exported by ``attache``)."""

import datetime
import os
import pathlib
from typing import Any, Iterable, List, Optional, Tuple, Union

__version__: str

StrPath = Union[str, "os.PathLike[str]"]
Paths = Union[StrPath, Iterable[StrPath]]
DateLike = Union[str, datetime.date]
Record = Union[str, "dict[str, Any]"]

class AttacheError(ValueError):
    """A bad gazetteer or rules file, a bad date, text that is not UTF-8.

    ``file``, ``line`` and ``column`` (1-based) say where, when the error comes from a file.
    """

    file: Optional[str]
    line: Optional[int]
    column: Optional[int]

class Extractor:
    """Reads English news text and finds its entities and relations.

    Build it once (the expensive part) and share it: it is immutable and thread-safe, and
    extraction releases the GIL. ``gazetteers`` and ``rules`` are files to add (one path or
    several), as the command line's ``--gazetteer`` and ``--rules``; ``defaults=False`` leaves
    out the embedded default gazetteers and rules; ``lexicon`` files replace the embedded word
    lists of the same file name (``negation.txt``, ``agents.tsv``), as ``--lexicon``.
    """

    def __init__(
        self,
        gazetteers: Optional[Paths] = (),
        rules: Optional[Paths] = (),
        defaults: bool = True,
        lexicon: Optional[Paths] = (),
    ) -> None: ...
    def extract(self, text: str, date: Optional[DateLike] = None) -> "dict[str, Any]":
        """The document of ``text``, exactly as ``attache extract --format json`` prints it, with
        ``char_start``/``char_end`` added to each mention and relation."""
    def extract_many(
        self,
        records: Iterable[Record],
        threads: Optional[int] = None,
        date: Optional[DateLike] = None,
    ) -> "List[dict[str, Any]]":
        """One document (or error record) per record, in order, computed in parallel (Python's
        garbage collector paused meanwhile)."""
    def extract_jsonl(
        self,
        lines: Iterable[Union[str, bytes]],
        threads: Optional[int] = None,
        date: Optional[DateLike] = None,
        lossy: bool = False,
        first_line: int = 1,
    ) -> List[str]:
        """Batch mode on JSON Lines, byte for byte as ``attache extract --format jsonl``."""
    @property
    def gazetteers(self) -> List[pathlib.Path]: ...
    @property
    def rules(self) -> List[pathlib.Path]: ...
    @property
    def defaults(self) -> bool: ...
    @property
    def lexicon(self) -> List[pathlib.Path]: ...
    @property
    def rule_ids(self) -> List[str]: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...

class RulesReport:
    """The outcome of :func:`check_rules`; true when every example passed."""

    ok: bool
    rules: int
    examples: int
    counterexamples: int
    failures: "List[dict[str, Any]]"
    text: str
    def __bool__(self) -> bool: ...

def check_rules(
    path: Paths, gazetteers: Optional[Paths] = (), defaults: bool = True, lexicon: Optional[Paths] = ()
) -> RulesReport:
    """Runs the examples and counterexamples of a rules file, as ``attache test`` does."""
