"""``rasd spark IN... OUT``: the pipeline over JSONL/Parquet articles on Spark, one row per event.

Runs in local mode by default (``--master local[*]``); ``--master spark://host:7077`` or ``yarn`` for a
cluster, or submit :mod:`rasd.spark` itself with ``spark-submit`` (docs/scale.md)."""
from __future__ import annotations

import argparse


def register(subparsers) -> None:
    from ..spark import add_arguments
    p = subparsers.add_parser(
        "spark", help="extract events from JSONL/Parquet articles with Spark",
        description="Run the extraction pipeline with Spark over articles in JSONL or Parquet "
                    "({id,title,text|html,published,source,url}) and write one row per event "
                    "(Parquet, or JSONL: each line the event record `rasd extract` writes). "
                    "Needs pyspark and Java 17+ (pip install 'rasd[spark]').")
    add_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..spark import run_args
    return run_args(args, default_master="local[*]")
