#!/usr/bin/env python3
"""Moved: the generator is the package tools/gazetteers/ (python3 -m tools.gazetteers SOURCES_DIR [OUT_DIR])."""
import os, runpy, sys  # noqa: E401
sys.argv[0] = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gazetteers")
runpy.run_path(sys.argv[0], run_name="__main__")
