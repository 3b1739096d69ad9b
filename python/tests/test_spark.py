"""The Spark job (attache.spark, examples/spark_extract.py) in local mode."""

import json
import os
import shutil
import subprocess
import sys

import pytest

import attache
import attache.spark

REQUIRED = os.environ.get("ATTACHE_REQUIRE_SPARK") == "1"
if not REQUIRED:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java for Spark", allow_module_level=True)

from conftest import ROOT  # noqa: E402

# Spark's driver on the loopback interface only
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

TEMPLATES = [
    "Kazakh President Kassym-Jomart Tokayev held talks with Xi Jinping in Astana, meeting {i}.",
    "Xi Jinping visited Astana on day {i} of the tour.",
    "The Egyptian foreign minister met Arab League officials in Cairo ({i}).",
    "Nothing of note happened in round {i}.",
    "Kenya pledged 40 million shillings to Uganda in budget line {i}.",
]


def records(n):
    out = []
    for i in range(n):
        record = {"id": f"doc-{i}", "text": TEMPLATES[i % len(TEMPLATES)].format(i=i)}
        if i % 2:
            record["date"] = "2025-06-17"
        out.append(json.dumps(record))
    return out


def test_example_job_2001_records_in_2001_lines_out(tmp_path):
    lines = records(2000)
    lines.insert(1234, '{"id": "broken", "text": "an unterminated string}')
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, SPARK_LOCAL_IP="127.0.0.1")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "examples" / "spark_extract.py"),
            "--input",
            str(source),
            "--output",
            str(out_dir),
            "--master",
            "local[2]",
            "--partitions",
            "3",
            "--date",
            "2025-06-18",
        ],
        check=True,
        env=env,
        timeout=300,
    )
    parts = sorted(p for p in out_dir.iterdir() if p.name.startswith("part-"))
    assert len(parts) >= 2
    got = [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(got) == 2001
    records_out = [json.loads(line) for line in got]
    assert records_out[1234] == {"id": None, "error": records_out[1234]["error"], "line": 1235}
    assert "must be a JSON object" in records_out[1234]["error"]
    ids = [r["id"] for i, r in enumerate(records_out) if i != 1234]
    assert ids == [f"doc-{i}" for i in range(2000)]
    # byte for byte the command line's batch mode (which extract_jsonl is)
    expected = attache.Extractor().extract_jsonl(lines, date="2025-06-18")
    assert got == expected
    assert records_out[0]["relations"][0]["kind"] == "meet"
    assert records_out[2]["date"] == "2025-06-18" and records_out[1]["date"] == "2025-06-17"


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("attache-tests")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_extract_dataframe(spark):
    import datetime

    rows = [(i, TEMPLATES[i % len(TEMPLATES)].format(i=i), datetime.date(2025, 6, 17)) for i in range(50)]
    rows.append((50, None, None))
    df = spark.createDataFrame(rows, "id long, text string, date date").repartition(3)
    out = attache.spark.extract_dataframe(df).collect()
    assert len(out) == 51
    by_id = {r["id"]: r for r in out}
    assert by_id[50]["document"] is None and "null" in by_id[50]["error"]
    doc = json.loads(by_id[0]["document"])
    assert doc["id"] == 0 and doc["date"] == "2025-06-17" and doc["relations"][0]["kind"] == "meet"
    assert all(by_id[i]["error"] is None for i in range(50))


def test_parquet_output_and_added_rules(spark, tmp_path):
    rules = tmp_path / "chat.toml"
    rules.write_text(
        '[[rule]]\nid = "meet/hobnobbed"\nrelation = "meet"\n'
        'patterns = ["{subject:person} hobnobbed with {object:person}"]\n'
    )
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": 1, "text": "Xi Jinping hobnobbed with Kassym-Jomart Tokayev.", "date": "2025-06-17"})
        + "\nnot json\n"
    )
    out = tmp_path / "out.parquet"
    assert attache.spark.main(["--input", str(source), "--output", str(out), "--format", "parquet", "--rules", str(rules)]) == 0
    rows = sorted(spark.read.parquet(str(out)).collect(), key=lambda r: r["line"])
    assert [r["line"] for r in rows] == [1, 2]
    assert rows[0]["id"] == "1" and rows[0]["error"] is None
    assert json.loads(rows[0]["document"])["relations"][0]["rule"] == "meet/hobnobbed"
    assert rows[1]["document"] is None and "must be a JSON object" in rows[1]["error"]


def test_bad_rules_fail_on_the_driver(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[rule]]\nid = 3\n")
    with pytest.raises(attache.AttacheError):
        attache.spark.main(["--input", str(bad), "--output", str(tmp_path / "o"), "--rules", str(bad), "--master", "local[1]"])
