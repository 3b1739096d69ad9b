"""Command line: python3 -m tools.gazetteers SOURCES_DIR [OUT_DIR] (or python3 tools/gazetteers ...)."""

import os
import sys

if not __package__:  # run as `python3 tools/gazetteers`: import the package from the repository root
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    __package__ = "tools.gazetteers"

from .build import run  # noqa: E402
from .common import GAZETTEERS_DIR  # noqa: E402


def main(argv):
    if len(argv) not in (1, 2) or argv[0] in ("-h", "--help"):
        print(__doc__.strip() + "\nSOURCES_DIR: the staged gazetteer sources (see gazetteers/SOURCES.md); "
              "OUT_DIR defaults to the repository's gazetteers/.", file=sys.stderr)
        return 2
    src = argv[0]
    if not os.path.isdir(src):
        print(f"error: sources folder {src!r} not found", file=sys.stderr)
        return 2
    out = argv[1] if len(argv) > 1 else GAZETTEERS_DIR
    os.makedirs(out, exist_ok=True)
    run(src, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
