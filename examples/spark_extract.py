#!/usr/bin/env python3
"""attache over JSON Lines with Spark: one output line per input record.

    python examples/spark_extract.py --input IN.jsonl --output DIR [--master local[2]]

Needs the Python package (`pip install ./python pyspark`) and Java. The job itself is
`attache.spark` (also installed as the `attache-spark` command): each executor's Python worker
builds one Extractor and runs `mapPartitions` over the records; DIR gets part files of the
output lines, in input order. See the README's "Python" section for running it on a cluster.
"""

import sys

from attache.spark import main

if __name__ == "__main__":
    sys.exit(main())
