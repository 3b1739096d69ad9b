"""attache as a Spark job: JSON Lines records in, one JSON line per record out.

From the command line (``attache-spark`` is installed with the package; the project's
``examples/spark_extract.py`` is the same)::

    attache-spark --input records.jsonl --output out/ [--master local[2]] [--format jsonl|parquet]

Each input line is a record ``{"id": ..., "text": ..., "date": "YYYY-MM-DD"}``; each output line
is, byte for byte, what ``attache extract --format jsonl`` writes for it: the document with its
``id``, or ``{"id": ..., "error": "...", "line": N}`` for a line that is not such a record (N the
input line). N lines in, N lines out, in input order across the part files.

The work runs in ``mapPartitions``: each executor's Python worker builds one Extractor (shared by
every partition the worker runs, see :func:`attache.shared_extractor`) and extracts each
partition in batches. Gazetteer and rules files are shipped to the executors with
``SparkContext.addFile``.

From Python, :func:`extract_rdd` maps an RDD of lines and :func:`extract_dataframe` a DataFrame
with ``id``/``text``/``date`` columns.
"""

import argparse
import json
import os
import sys
from functools import partial
from typing import Any, Iterable, Iterator, List, Optional, Sequence, Tuple

from . import shared_extractor

__all__ = ["extract_partition", "extract_rdd", "extract_dataframe", "main"]


def _local_paths(paths: Sequence[str], shipped: bool) -> List[str]:
    if not shipped:
        return list(paths)
    from pyspark import SparkFiles

    return [SparkFiles.get(os.path.basename(p)) for p in paths]


def extract_partition(
    numbered_lines: Iterable[Tuple[Any, int]],
    *,
    date: Optional[str] = None,
    gazetteers: Sequence[str] = (),
    rules: Sequence[str] = (),
    defaults: bool = True,
    lexicon: Sequence[str] = (),
    shipped: bool = False,
    batch_size: int = 256,
    threads: int = 1,
) -> Iterator[str]:
    """The ``mapPartitions`` function: ``(line, index)`` pairs (``zipWithIndex``, 0-based) in,
    output lines out. ``shipped`` means the files were added with ``SparkContext.addFile`` and are
    found by their base names with ``SparkFiles.get``."""
    extractor = shared_extractor(
        _local_paths(gazetteers, shipped), _local_paths(rules, shipped), defaults, _local_paths(lexicon, shipped)
    )
    batch: List[Any] = []
    first = 0
    for line, index in numbered_lines:
        if not batch:
            first = index
        elif index != first + len(batch):
            # zipWithIndex numbers a partition's lines consecutively; be safe anyway
            yield from extractor.extract_jsonl(batch, threads=threads, date=date, first_line=first + 1)
            batch, first = [], index
        batch.append(line)
        if len(batch) >= batch_size:
            yield from extractor.extract_jsonl(batch, threads=threads, date=date, first_line=first + 1)
            batch = []
    if batch:
        yield from extractor.extract_jsonl(batch, threads=threads, date=date, first_line=first + 1)


def extract_rdd(lines: Any, **settings: Any) -> Any:
    """An RDD of JSON Lines records (str) → an RDD of output lines, in the same order.

    ``settings`` are those of :func:`extract_partition` (``date``, ``gazetteers``, ``rules``,
    ``defaults``, ``lexicon``, ``shipped``, ``batch_size``, ``threads``).
    """
    return lines.zipWithIndex().mapPartitions(partial(extract_partition, **settings), preservesPartitioning=True)


def _dataframe_partition(rows: Iterable[Any], **settings: Any) -> Iterator[Tuple[Any, Optional[str], Optional[str]]]:
    """Rows of (id, text[, date]) → (id, document line or None, error or None)."""
    settings = dict(settings)
    batch_size = settings.pop("batch_size", 256)
    threads = settings.pop("threads", 1)
    date = settings.pop("date", None)
    shipped = settings.pop("shipped", False)
    extractor = shared_extractor(
        _local_paths(settings.pop("gazetteers", ()), shipped),
        _local_paths(settings.pop("rules", ()), shipped),
        settings.pop("defaults", True),
        _local_paths(settings.pop("lexicon", ()), shipped),
    )
    if settings:
        raise TypeError("unknown settings: " + ", ".join(sorted(settings)))

    def flush(batch: List[Any]) -> Iterator[Tuple[Any, Optional[str], Optional[str]]]:
        lines = []
        for row in batch:
            record = {"id": row[0], "text": row[1]}
            if len(row) > 2 and row[2] is not None:
                record["date"] = row[2].isoformat() if hasattr(row[2], "isoformat") else str(row[2])
            lines.append(json.dumps(record, default=str))
        for row, line in zip(batch, extractor.extract_jsonl(lines, threads=threads, date=date)):
            if '"error":' in line:
                record = json.loads(line)
                if set(record) == {"id", "error", "line"}:
                    yield (row[0], None, record["error"])
                    continue
            yield (row[0], line, None)

    batch: List[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= batch_size:
            yield from flush(batch)
            batch = []
    if batch:
        yield from flush(batch)


def extract_dataframe(
    df: Any,
    *,
    id_col: str = "id",
    text_col: str = "text",
    date_col: Optional[str] = "date",
    **settings: Any,
) -> Any:
    """A DataFrame with id, text and (optional) date columns → a DataFrame of ``id`` (the input's
    id), ``document`` (the document's JSON with its id, as batch mode writes it) and ``error``
    (null, or why the row gave no document: a null text, a bad date), row for row.

    ``settings`` are those of :func:`extract_partition`.
    """
    from pyspark.sql.types import StringType, StructField, StructType

    columns = [id_col, text_col] + ([date_col] if date_col and date_col in df.columns else [])
    schema = StructType(
        [
            StructField("id", df.schema[id_col].dataType, True),
            StructField("document", StringType(), True),
            StructField("error", StringType(), True),
        ]
    )
    rows = df.select(*columns).rdd.mapPartitions(partial(_dataframe_partition, **settings))
    return df.sparkSession.createDataFrame(rows, schema)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="attache-spark",
        description="Extract entities and relations from JSON Lines records with Spark "
        "(one output line per input line, as `attache extract --format jsonl`).",
    )
    p.add_argument("--input", required=True, help="JSON Lines file(s) or directory (any path Spark reads)")
    p.add_argument("--output", required=True, help="output directory (must not exist)")
    p.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's, or local[*])")
    p.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl", help="output format")
    p.add_argument("--date", help="date (YYYY-MM-DD) of records that give none")
    p.add_argument("--gazetteer", action="append", default=[], metavar="PATH", help="gazetteer file to add")
    p.add_argument("--rules", action="append", default=[], metavar="PATH", help="rules file to add")
    p.add_argument(
        "--lexicon", action="append", default=[], metavar="PATH", help="word list replacing the embedded one of its name"
    )
    p.add_argument("--no-defaults", action="store_true", help="leave out the embedded defaults")
    p.add_argument("--partitions", type=int, help="minimum number of input partitions")
    p.add_argument("--batch-size", type=int, default=256, help="records per extraction call")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The command line: see the module's documentation."""
    args = _parser().parse_args(argv)
    # fail early, on the driver, on a malformed file (with its line and column)
    shared_extractor(args.gazetteer, args.rules, not args.no_defaults, args.lexicon)
    # the workers run this interpreter (where attache is installed) unless told otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    existing = SparkSession.getActiveSession()
    builder = SparkSession.builder.appName("attache-extract").config("spark.ui.showConsoleProgress", "false")
    if args.master:  # otherwise spark-submit's, or local[*]
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    try:
        for path in args.gazetteer + args.rules + args.lexicon:
            sc.addFile(os.path.abspath(path))
        settings = dict(
            date=args.date,
            gazetteers=args.gazetteer,
            rules=args.rules,
            defaults=not args.no_defaults,
            lexicon=args.lexicon,
            shipped=True,
            batch_size=args.batch_size,
        )
        lines = sc.textFile(args.input, minPartitions=args.partitions) if args.partitions else sc.textFile(args.input)
        out = extract_rdd(lines, **settings)
        if args.format == "jsonl":
            out.saveAsTextFile(args.output)
        else:
            from pyspark.sql.types import LongType, StringType, StructField, StructType

            def to_row(pair: Tuple[str, int]) -> Tuple[int, str, Optional[str], Optional[str]]:
                line, index = pair
                record = json.loads(line)
                is_error = set(record) == {"id", "error", "line"}
                return (
                    index + 1,
                    json.dumps(record.get("id")),
                    record["error"] if is_error else None,
                    None if is_error else line,
                )

            schema = StructType(
                [
                    StructField("line", LongType(), False),
                    StructField("id", StringType(), True),
                    StructField("error", StringType(), True),
                    StructField("document", StringType(), True),
                ]
            )
            spark.createDataFrame(out.zipWithIndex().map(to_row), schema).write.parquet(args.output)
    finally:
        if existing is None:  # a session of its own: stop it
            spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
