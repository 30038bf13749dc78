"""rasd.spark: event rows, the Spark job in local[2] mode, and its output against `rasd extract`'s.

The row conversion is plain Python and always runs. The Spark tests need pyspark and Java 17+ and skip
with the reason otherwise; one Spark session (local[2]) serves them all."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from rasd import spark as rs

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"

EVENT = {
    "event_id": "e1", "article_id": "a1", "event_date": "2021-06-14", "time_precision": 1,
    "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
    "sub_event_type": "Remote explosive/landmine/IED", "actor1": "Unidentified Armed Group (Iraq)",
    "assoc_actor_1": None, "inter1": "Political militia", "actor2": "Military Forces of Iraq",
    "assoc_actor_2": None, "inter2": "State forces", "country": "Iraq", "iso": 368, "admin1": "Baghdad",
    "admin2": "Tarmia", "admin3": None, "location": "Tarmia", "location_ar": "الطارمية", "latitude": 33.67,
    "longitude": 44.39, "geo_precision": 1, "geonameid": 89888, "fatalities": 2, "civilian_targeting": False,
    "background": False, "source": "test", "notes": "انفجرت عبوة ناسفة", "confidence": 0.8,
    "evidence": [{"field": "trigger", "start": 0, "end": 9, "text": "انفجرت عبوة"}],
}


# -- rows (no Spark needed) ------------------------------------------------------------------------------
def test_event_row_round_trip():
    row = rs.event_to_row(EVENT)
    assert row["iso"] == 368 and row["latitude"] == 33.67 and row["extra"] is None
    assert rs.row_to_event(row) == EVENT


def test_row_keeps_fields_without_a_column_or_of_another_type():
    event = dict(EVENT, iso="368", fatalities=2.0, report_of="x", evidence=[{"field": "date"}])
    del event["admin3"]
    row = rs.event_to_row(event)
    assert row["iso"] is None and row["fatalities"] is None and row["evidence"] is None
    assert json.loads(row["extra"])["report_of"] == "x"
    back = rs.row_to_event(row)
    assert back == event and "admin3" not in back and type(back["fatalities"]) is float


def test_row_columns_follow_the_schema_order():
    names = [name for name, _ in rs.EVENT_FIELDS] + ["extra"]
    assert list(rs.event_to_row(EVENT)) == names


# -- Spark --------------------------------------------------------------------------------------------------
def _spark_or_skip():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        pytest.skip("pyspark is not installed (pip install 'rasd[spark]')")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("Java is not installed (Spark needs Java 17+)")


@pytest.fixture(scope="module")
def spark():
    _spark_or_skip()
    from pyspark.sql import SparkSession
    os.environ["PYSPARK_PYTHON"] = sys.executable
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), *paths])  # the workers import this rasd
    try:
        session = (SparkSession.builder.master("local[2]").appName("rasd-test")
                   .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                   .config("spark.driver.memory", "1g").getOrCreate())
    except Exception as error:  # noqa: BLE001
        pytest.skip(f"Spark cannot start here: {error}")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def make_fake():
    """A processing function of our own (a closure, so Spark ships it by value to its workers)."""
    def fake(record):
        text = record.get("text") or ""
        rid = str(record.get("id") or "")
        if not text.strip():
            return types.SimpleNamespace(id=rid, events=[], skipped="empty article")
        events = []
        for number, word in enumerate(text.split()):
            if word.startswith("ا"):
                events.append({"event_id": f"{rid}-{number}", "article_id": rid, "event_date": record.get("published"),
                               "location_ar": word, "fatalities": number, "latitude": number / 3,
                               "background": number % 2 == 0,
                               "evidence": [{"field": "trigger", "start": number, "end": number + 1, "text": word}],
                               "note_of_test": {"pid_free": True}})
        return types.SimpleNamespace(id=rid, events=events, skipped=None)
    return fake


ARTICLES = [
    {"id": "t1", "published": "2021-06-14", "source": "test",
     "text": "انفجرت عبوة ناسفة صباح اليوم الاثنين على طريق زراعي في قضاء الطارمية شمالي بغداد، ما أسفر عن "
             "مقتل جنديين وإصابة ثلاثة آخرين بجروح، بحسب مصدر أمني."},
    {"id": "t2", "published": "2021-06-15", "source": "test", "url": "https://news.example/t2",
     "text": "تظاهر مئات من الخريجين العاطلين عن العمل أمام مبنى المحافظة في مدينة الناصرية للمطالبة بفرص عمل، "
             "وانفضت التظاهرة بشكل سلمي."},
    {"id": "t3", "published": "2021-06-16",
     "text": "شن طيران الجيش العراقي غارات جوية فجر اليوم على مواقع لتنظيم داعش في وادي حوران غربي الرطبة "
             "بمحافظة الأنبار، ما أسفر عن مقتل سبعة من عناصره."},
    {"id": "t4", "text": "this is not an Arabic article at all"},
    {"id": "t5", "published": "2021-06-17", "title": "اعتقال مطلوبين",
     "text": "اعتقلت قوة من استخبارات الشرطة أربعة مطلوبين بتهم إرهابية خلال عملية دهم في قضاء المقدادية "
             "بمحافظة ديالى يوم أمس."},
    {"id": "t6", "published": "2021-06-18", "text": ""},
]


def write_jsonl(path: Path, rows: list[dict], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def expected_events(path: Path, func) -> list[dict]:
    """What the batch runner (the engine of `rasd extract`) gives on the same file."""
    from rasd.batch import process_stream
    from rasd.sources import records_from_jsonl
    with open(path, encoding="utf-8") as handle:
        results = list(process_stream(records_from_jsonl(handle, str(path)), workers=1, func=func))
    return [event for result in results for event in result.events]


def key(event: dict) -> str:
    return json.dumps(event, ensure_ascii=False, sort_keys=True)


@pytest.mark.parametrize("engine", ["rdd", "arrow"])
def test_spark_job_mechanics_with_our_own_function(spark, tmp_path, engine):
    if engine == "arrow" and not rs._arrow_engine_available():
        pytest.skip("mapInArrow needs pandas")
    fake = make_fake()
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES * 3)
    want = sorted(map(key, expected_events(source, fake)))
    assert len(want) > 20
    articles = rs.read_articles(spark, str(source)).repartition(3)
    for fmt in ("parquet", "jsonl"):
        out = tmp_path / f"out-{engine}.{fmt}"
        events = rs.extract_events(articles, fake, as_json=(fmt == "jsonl"), engine=engine)
        rs.write_events(events, str(out), fmt)
        got = rs.read_events(None, str(out), fmt)
        assert sorted(map(key, got)) == want, fmt
    frame = spark.read.parquet(str(tmp_path / f"out-{engine}.parquet"))
    assert dict(frame.dtypes)["fatalities"] == "bigint" and dict(frame.dtypes)["latitude"] == "double"
    assert frame.select("article_id").distinct().count() == 4


def test_parquet_input_gives_what_jsonl_input_gives(spark, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    fake = make_fake()
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    table = pa.Table.from_pylist([{**{c: None for c in ("title", "url", "source")}, **a, "extra_col": 1}
                                  for a in ARTICLES])
    pq.write_table(table, tmp_path / "in.parquet")
    rs.run(spark, str(tmp_path / "in.parquet"), str(tmp_path / "out.jsonl"), func=fake)
    got = rs.read_events(None, str(tmp_path / "out.jsonl"))
    assert sorted(map(key, got)) == sorted(map(key, expected_events(source, fake)))


def test_existing_output_is_refused_unless_overwritten(spark, tmp_path):
    fake = make_fake()
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES[:1])
    out = str(tmp_path / "out.parquet")
    rs.run(spark, str(source), out, func=fake)
    with pytest.raises(Exception, match="(?i)already exists"):
        rs.run(spark, str(source), out, func=fake)
    rs.run(spark, str(source), out, func=fake, mode="overwrite")
    assert len(rs.read_events(None, out)) == len(expected_events(source, fake))


# -- the real pipeline: `rasd spark` equals `rasd extract` -----------------------------------------------------
def _pipeline_or_skip():
    try:
        import rasd.pipeline  # noqa: F401
    except ImportError as error:
        pytest.skip(f"rasd.pipeline cannot be imported yet: {error}")


def test_rasd_spark_output_equals_rasd_extract(spark, tmp_path):
    _pipeline_or_skip()
    from rasd.cli import main
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES, extra_lines=("{not json",))
    inputs = [str(source)] + ([str(DEV)] if DEV.exists() else [])
    extracted = tmp_path / "extract.jsonl"
    assert main(["extract", *inputs, "-o", str(extracted), "--workers", "2"]) == 0
    want = [e for line in extracted.read_text(encoding="utf-8").splitlines() for e in json.loads(line)["events"]]
    assert len(want) >= 3
    for fmt in ("jsonl", "parquet"):
        out = tmp_path / f"spark.{fmt}"
        assert main(["spark", *inputs, str(out), "--format", fmt, "--partitions", "3"]) == 0
        got = rs.read_events(None, str(out), fmt)
        assert sorted(map(key, got)) == sorted(map(key, want)), fmt
    assert spark.sparkContext._jsc is not None, "rasd spark must not stop a session it did not start"


def test_rasd_spark_command_reports_a_missing_input(tmp_path, capsys):
    from rasd.cli import main
    assert main(["spark", str(tmp_path / "missing.jsonl"), str(tmp_path / "out")]) == 3
    assert "no such input" in capsys.readouterr().err


def test_spark_module_runs_as_a_script_without_shadowing_the_stdlib(tmp_path):
    # rasd/numbers.py and rasd/text.py must not hide the standard library when spark-submit runs the file
    out = subprocess.run([sys.executable, str(ROOT / "rasd" / "spark.py"), "--help"], capture_output=True,
                         text=True, timeout=60, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out.returncode == 0, out.stderr
    assert "INPUT" in out.stdout
