"""Shared fixtures of the Python package's tests (run by tools/test.d/20-python.sh)."""

import os
import shutil
from pathlib import Path

import pytest

import attache

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "tests" / "articles").glob("*.txt"))


@pytest.fixture(scope="session")
def extractor() -> attache.Extractor:
    return attache.Extractor()


@pytest.fixture(scope="session")
def cli() -> str:
    """The attache command-line tool: $ATTACHE_BIN, or a build in target/."""
    candidates = [os.environ.get("ATTACHE_BIN"), ROOT / "target" / "debug" / "attache", ROOT / "target" / "release" / "attache"]
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return str(c)
    found = shutil.which("attache")
    if found:
        return found
    pytest.skip("no attache binary: build it with `cargo build` or set ATTACHE_BIN")


@pytest.fixture
def negation_without_not(tmp_path: Path) -> Path:
    """A replacement of lexicon/negation.txt: the embedded list less "not"."""
    embedded = (ROOT / "lexicon" / "negation.txt").read_text().splitlines()
    negation = tmp_path / "negation.txt"
    negation.write_text("".join(w + "\n" for w in embedded if w.strip() != "not"))
    return negation


def article_date(path: Path) -> str:
    """The date of one of tests/articles: its gold file's."""
    import json

    gold = path.with_name(path.stem + ".gold.json")
    return json.loads(gold.read_text())["date"]
