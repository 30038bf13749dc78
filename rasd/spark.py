"""rasd on Spark: the same pipeline over a DataFrame of articles, one output row per event.

From Python (a SparkSession you already have)::

    from rasd.spark import read_articles, extract_events, write_events
    articles = read_articles(spark, "s3://bucket/articles/*.jsonl")      # or Parquet
    events = extract_events(articles)                                     # one row per event
    write_events(events, "s3://bucket/events.parquet")

From the command line: ``rasd spark IN OUT`` (local mode, ``--master`` for a cluster), or with
``spark-submit`` (see docs/scale.md)::

    spark-submit --master yarn "$(python -c 'import rasd.spark as m; print(m.__file__)')" IN OUT

How it runs: each partition of articles goes through :func:`extract_partition` (``mapPartitions``:
``mapInArrow`` where pandas is installed, else the RDD ``mapPartitions``; ``engine=`` chooses). The pipeline function and
its resources (gazetteer, lexicons) are module-level caches of this module and of the pipeline's
modules, so each Python worker on an executor loads them once, on its first partition, and keeps them
for every later task (Spark reuses its Python workers).

Input columns (any missing one is null): ``id, title, text, html, published, source, url``; other
columns are ignored. Output: the event record of docs (spec section 2) as typed columns, with
``article_id``; a field the pipeline emits that has no column (or whose value does not fit its
column's type) is kept, as JSON, in the ``extra`` column, so :func:`row_to_event` gives back exactly
the record ``rasd extract`` writes. With JSONL output (``as_json=True``) each line *is* that record.
"""
from __future__ import annotations

if __name__ == "__main__":  # run as a script (spark-submit rasd/spark.py): rasd/ must not shadow the stdlib
    import sys as _sys
    import os as _os
    _here = _os.path.dirname(_os.path.abspath(__file__))
    _sys.path[:] = [p for p in _sys.path if _os.path.abspath(p or ".") != _here]
    _sys.path.insert(0, _os.path.dirname(_here))
    del _sys, _os, _here

import argparse
import json
import os
import sys
from typing import Any, Callable, Iterable, Iterator

ARTICLE_COLUMNS = ("id", "title", "text", "html", "published", "source", "url")

#: the event record's fields (spec section 2) and their column types; "evidence" is a list of spans
EVENT_FIELDS: list[tuple[str, str]] = [
    ("event_id", "string"), ("article_id", "string"), ("event_date", "string"), ("time_precision", "long"),
    ("disorder_type", "string"), ("event_type", "string"), ("sub_event_type", "string"),
    ("actor1", "string"), ("assoc_actor_1", "string"), ("inter1", "string"),
    ("actor2", "string"), ("assoc_actor_2", "string"), ("inter2", "string"),
    ("country", "string"), ("iso", "long"), ("admin1", "string"), ("admin2", "string"), ("admin3", "string"),
    ("location", "string"), ("location_ar", "string"), ("latitude", "double"), ("longitude", "double"),
    ("geo_precision", "long"), ("geonameid", "long"), ("fatalities", "long"), ("civilian_targeting", "boolean"),
    ("background", "boolean"), ("source", "string"), ("notes", "string"), ("evidence", "evidence"),
    ("confidence", "double"),
]
EXTRA = "extra"
_MISSING = object()

ProcessFunc = Callable[[dict], Any]


# -- schemas ---------------------------------------------------------------------------------------
def article_schema():
    from pyspark.sql.types import StringType, StructField, StructType
    return StructType([StructField(name, StringType(), True) for name in ARTICLE_COLUMNS])


def event_schema():
    """The Spark schema of the event rows."""
    from pyspark.sql import types as T
    evidence = T.ArrayType(T.StructType([
        T.StructField("field", T.StringType()), T.StructField("start", T.LongType()),
        T.StructField("end", T.LongType()), T.StructField("text", T.StringType())]))
    kinds = {"string": T.StringType(), "long": T.LongType(), "double": T.DoubleType(),
             "boolean": T.BooleanType(), "evidence": evidence}
    fields = [T.StructField(name, kinds[kind], True) for name, kind in EVENT_FIELDS]
    return T.StructType(fields + [T.StructField(EXTRA, T.StringType(), True)])


def json_schema():
    from pyspark.sql.types import StringType, StructField, StructType
    return StructType([StructField("value", StringType(), True)])


def _arrow_schema(as_json: bool):
    import pyarrow as pa
    if as_json:
        return pa.schema([("value", pa.string())])
    evidence = pa.list_(pa.struct([("field", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                                   ("text", pa.string())]))
    kinds = {"string": pa.string(), "long": pa.int64(), "double": pa.float64(), "boolean": pa.bool_(),
             "evidence": evidence}
    return pa.schema([(name, kinds[kind]) for name, kind in EVENT_FIELDS] + [(EXTRA, pa.string())])


# -- events <-> rows ---------------------------------------------------------------------------------
def _coerce(kind: str, value: Any) -> Any:
    """``value`` as the column type ``kind``, or ``_MISSING`` when it does not fit exactly."""
    if value is None:
        return None
    if kind == "string":
        return value if isinstance(value, str) else _MISSING
    if kind == "long":
        return value if isinstance(value, int) and not isinstance(value, bool) and -2**63 <= value < 2**63 \
            else _MISSING
    if kind == "double":
        return value if isinstance(value, float) else _MISSING
    if kind == "boolean":
        return value if isinstance(value, bool) else _MISSING
    if kind == "evidence":
        if not isinstance(value, list):
            return _MISSING
        for item in value:
            if not (isinstance(item, dict) and set(item) == {"field", "start", "end", "text"}
                    and all(_coerce(k, item[name]) is not _MISSING
                            for name, k in (("field", "string"), ("start", "long"), ("end", "long"),
                                            ("text", "string")))):
                return _MISSING
        return [{"field": i["field"], "start": i["start"], "end": i["end"], "text": i["text"]} for i in value]
    raise ValueError(kind)


def event_to_row(event: dict) -> dict:
    """An event record -> a row of :func:`event_schema` (a dict). Lossless: :func:`row_to_event` gives
    back an equal dict (key order aside)."""
    row: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    absent: list[str] = []
    for name, kind in EVENT_FIELDS:
        if name not in event:
            row[name] = None
            absent.append(name)
            continue
        value = _coerce(kind, event[name])
        if value is _MISSING:
            row[name] = None
            extra[name] = event[name]
        else:
            row[name] = value
    known = {name for name, _ in EVENT_FIELDS}
    for key, value in event.items():
        if key not in known:
            extra[key] = value
    if absent:
        extra["__absent__"] = absent
    row[EXTRA] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
    return row


def row_to_event(row: Any) -> dict:
    """A row written by :func:`extract_events` (a Row, a dict, or a dict from a JSONL/Parquet reader) ->
    the event record as ``rasd extract`` writes it."""
    data = row.asDict(recursive=True) if hasattr(row, "asDict") else dict(row)
    if set(data) == {"value"} and isinstance(data["value"], str):  # JSONL output: the record itself
        return json.loads(data["value"])
    extra = json.loads(data.get(EXTRA) or "{}")
    absent = set(extra.pop("__absent__", []))
    event: dict[str, Any] = {}
    for name, kind in EVENT_FIELDS:
        if name in absent:
            continue
        if name in extra:
            event[name] = extra.pop(name)
            continue
        value = data.get(name)
        if kind == "evidence" and value is not None:
            value = [dict(item) if not isinstance(item, dict) else
                     {"field": item["field"], "start": item["start"], "end": item["end"], "text": item["text"]}
                     for item in value]
        event[name] = value
    event.update(extra)
    return event


# -- the work on one partition -------------------------------------------------------------------------
_PROCESS: ProcessFunc | None = None  # the pipeline, loaded once per Python worker process


def _pipeline() -> ProcessFunc:
    global _PROCESS
    if _PROCESS is None:
        from .batch import warm_up
        from .pipeline import process
        warm_up()
        _PROCESS = process
    return _PROCESS


def _record(row: Any) -> dict:
    data = row.asDict() if hasattr(row, "asDict") else dict(row)
    return {key: data[key] for key in ARTICLE_COLUMNS if data.get(key) is not None}


def extract_partition(rows: Iterable[Any], func: ProcessFunc | None = None, as_json: bool = False) -> Iterator[Any]:
    """Articles (Rows or dicts) -> event rows (dicts of :func:`event_schema`, or JSON strings with
    ``as_json``). The function behind ``mapPartitions``."""
    from .batch import _run_one
    process = func if func is not None else _pipeline()
    for row in rows:
        result = _run_one(process, _record(row))
        for event in getattr(result, "events", None) or []:
            yield json.dumps(event, ensure_ascii=False) if as_json else event_to_row(event)


def _arrow_partition(func: ProcessFunc | None, as_json: bool, batch_rows: int):
    def run(batches):
        import pyarrow as pa
        schema = _arrow_schema(as_json)

        def records():
            for batch in batches:
                yield from batch.to_pylist()

        out: list = []
        for item in extract_partition(records(), func, as_json):
            out.append({"value": item} if as_json else item)
            if len(out) >= batch_rows:
                yield pa.RecordBatch.from_pylist(out, schema=schema)
                out = []
        if out:
            yield pa.RecordBatch.from_pylist(out, schema=schema)
    return run


# -- DataFrames --------------------------------------------------------------------------------------
def _format_of(path: str, given: str | None) -> str:
    if given:
        return given
    lowered = path.rstrip("/").lower()
    if lowered.endswith((".parquet", ".pq")) or ".parquet" in os.path.basename(lowered):
        return "parquet"
    if lowered.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz")):
        return "jsonl"
    if os.path.isdir(path):
        names = os.listdir(path)
        if any(n.endswith(".parquet") for n in names):
            return "parquet"
        if any(n.endswith((".json", ".jsonl")) for n in names):
            return "jsonl"
    return "jsonl"


def read_articles(spark, path: str | list[str], fmt: str | None = None):
    """A DataFrame of articles (the columns of :data:`ARTICLE_COLUMNS`, as strings) from JSONL or Parquet."""
    from pyspark.sql import functions as F
    paths = [path] if isinstance(path, str) else list(path)
    fmt = _format_of(paths[0], fmt)
    if fmt == "parquet":
        frame = spark.read.parquet(*paths)
        present = set(frame.columns)
        return frame.select([F.col(c).cast("string").alias(c) if c in present else F.lit(None).cast("string").alias(c)
                             for c in ARTICLE_COLUMNS])
    if fmt == "jsonl":
        return spark.read.schema(article_schema()).option("mode", "PERMISSIVE").json(paths)
    raise ValueError(f"unknown input format {fmt!r} (jsonl or parquet)")


def _arrow_engine_available() -> bool:
    try:  # mapInArrow needs pandas (>= 2.2 for Spark 4) besides pyarrow
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def extract_events(articles, func: ProcessFunc | None = None, *, as_json: bool = False, engine: str = "auto",
                   batch_rows: int = 2048):
    """Run the pipeline over a DataFrame of articles; a DataFrame with one row per event.

    ``func``: the processing function (default :func:`rasd.pipeline.process`, loaded once per
    executor Python worker). ``as_json``: one string column ``value`` holding each event record as
    JSON (what ``rasd extract`` writes) instead of typed columns. ``engine``: ``"arrow"``
    (``mapInArrow``: no row pickling, works with Spark Connect; needs pandas), ``"rdd"``
    (``rdd.mapPartitions``) or ``"auto"`` (arrow where pandas is installed)."""
    columns = [c for c in ARTICLE_COLUMNS if c in articles.columns]
    articles = articles.select(*columns)
    schema = json_schema() if as_json else event_schema()
    if engine == "auto":
        engine = "arrow" if _arrow_engine_available() else "rdd"
    if engine == "arrow":
        return articles.mapInArrow(_arrow_partition(func, as_json, batch_rows), schema)
    if engine == "rdd":
        session = articles.sparkSession

        def run(rows):
            for item in extract_partition(rows, func, as_json):
                yield (item,) if as_json else tuple(item[f.name] for f in schema.fields)
        return session.createDataFrame(articles.rdd.mapPartitions(run), schema, verifySchema=False)
    raise ValueError(f"unknown engine {engine!r} (arrow or rdd)")


def write_events(events, path: str, fmt: str | None = None, mode: str = "errorifexists") -> None:
    """Write event rows as Parquet or JSONL (a folder of part files, as Spark writes)."""
    fmt = _format_of(path, fmt)
    writer = events.write.mode(mode)
    if fmt == "parquet":
        writer.parquet(path)
    elif fmt == "jsonl":
        if events.columns == ["value"]:
            writer.text(path)
        else:
            writer.option("ignoreNullFields", "false").json(path)
    else:
        raise ValueError(f"unknown output format {fmt!r} (parquet or jsonl)")


def run(spark, inputs: str | list[str], output: str, *, input_format: str | None = None,
        output_format: str | None = None, partitions: int | None = None, mode: str = "errorifexists",
        func: ProcessFunc | None = None, engine: str = "auto") -> None:
    """Read articles, extract events, write them: the whole job."""
    articles = read_articles(spark, inputs, input_format)
    if partitions:
        articles = articles.repartition(int(partitions))
    fmt = _format_of(output, output_format)
    events = extract_events(articles, func, as_json=(fmt == "jsonl"), engine=engine)
    write_events(events, output, fmt, mode)


def read_events(spark_or_none, path: str, fmt: str | None = None) -> list[dict]:
    """The event records of an output folder written by :func:`run` (small outputs: for tests and checks).
    Reads without Spark when ``spark_or_none`` is None (JSONL part files, or Parquet with pyarrow)."""
    fmt = _format_of(path, fmt)
    if spark_or_none is not None:
        frame = spark_or_none.read.text(path) if fmt == "jsonl" else spark_or_none.read.parquet(path)
        return [row_to_event(r) for r in frame.collect()]
    files = sorted(os.path.join(path, n) for n in os.listdir(path) if not n.startswith((".", "_")))
    if fmt == "jsonl":
        return [json.loads(line) for name in files for line in open(name, encoding="utf-8") if line.strip()]
    import pyarrow.parquet as pq
    return [row_to_event(r) for name in files for r in pq.read_table(name).to_pylist()]


# -- command line (rasd spark, spark-submit) ---------------------------------------------------------------
def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL or Parquet articles: files, folders, globs")
    p.add_argument("output", help="output folder (Parquet, or JSONL when it ends in .jsonl or with --format jsonl)")
    p.add_argument("--input-format", choices=["jsonl", "parquet"], help="default: from the input's name")
    p.add_argument("--format", dest="output_format", choices=["parquet", "jsonl"],
                   help="default: from the output's name, else Parquet")
    p.add_argument("--partitions", type=int, help="repartition the articles into this many tasks first")
    p.add_argument("--mode", choices=["errorifexists", "overwrite", "append", "ignore"], default="errorifexists",
                   help="when the output exists (default: stop with an error)")
    p.add_argument("--engine", choices=["auto", "arrow", "rdd"], default="auto",
                   help="mapInArrow (needs pandas) or RDD mapPartitions (default: arrow where pandas is installed)")
    p.add_argument("--master", help="Spark master (rasd spark: default local[*]; spark-submit: its own)")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="a Spark setting (repeatable)")
    p.add_argument("--app-name", default="rasd-extract")


def _output_format(args) -> str:
    if args.output_format:
        return args.output_format
    lowered = args.output.rstrip("/").lower()
    return "jsonl" if lowered.endswith((".jsonl", ".json", ".ndjson")) else "parquet"


def session(args, default_master: str | None = "local[*]"):
    """A SparkSession for the command line; :class:`rasd.errors.ConfigError` where Spark cannot start."""
    from .errors import ConfigError
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise ConfigError(f"Spark is not installed ({error}): pip install 'rasd[spark]'") from error
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(args.app_name)
    master = args.master or default_master
    if master and master.startswith("local"):
        _importable_here()
    if master:
        builder = builder.master(master)
    for item in args.conf:
        key, sep, value = item.partition("=")
        if not sep:
            raise ConfigError(f"--conf needs KEY=VALUE, not {item!r}")
        builder = builder.config(key.strip(), value.strip())
    try:
        existing = SparkSession.getActiveSession()
        spark = builder.getOrCreate()
        spark._rasd_owned = existing is None  # stop it afterwards only where we started it
    except Exception as error:  # noqa: BLE001 - Java missing, bad master, ...
        raise ConfigError(f"Spark cannot start: {str(error).strip().splitlines()[0] if str(error) else error!r} "
                          "(is Java 17+ installed and JAVA_HOME set?)") from error
    spark.sparkContext.setLogLevel("WARN")
    return spark


def _importable_here() -> None:
    """Local mode: let Spark's Python workers import this copy of rasd (even one not pip-installed)."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if root not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([root, *paths])


def run_args(args, default_master: str | None = "local[*]") -> int:
    from .errors import InputError, RasdError
    for item in args.inputs:
        if "://" not in item and not any(ch in item for ch in "*?[") and not os.path.exists(item):
            raise InputError(f"no such input: {item}")
    spark = session(args, default_master)
    fmt = _output_format(args)
    try:
        run(spark, args.inputs, args.output, input_format=args.input_format, output_format=fmt,
            partitions=args.partitions, mode=args.mode, engine=args.engine)
    except RasdError:
        raise
    except Exception as error:  # noqa: BLE001 - Spark's errors, told without a Java stack
        message = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        if "already exists" in message.lower():
            raise InputError(f"{args.output} already exists (use --mode overwrite or append)") from error
        raise RasdError(f"the Spark job failed: {message}") from error
    finally:
        if getattr(spark, "_rasd_owned", True):
            spark.stop()
    print(f"rasd: events of {', '.join(args.inputs)} written to {args.output} ({fmt})", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``spark-submit rasd/spark.py INPUT... OUTPUT [options]`` (the master comes from spark-submit)."""
    from .errors import RasdError
    parser = argparse.ArgumentParser(prog="rasd.spark", description="rasd's pipeline over articles on Spark.")
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return run_args(args, default_master=None)
    except RasdError as error:
        print(f"rasd: error: {error}", file=sys.stderr)
        return error.exit_code


if __name__ == "__main__":
    from rasd.spark import main as _main  # the package's module, not this script's copy
    sys.exit(_main())
