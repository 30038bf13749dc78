"""``rasd demo``: build a store from the bundled example articles and open the dashboard on it."""
from __future__ import annotations

import argparse
import sys

from ..store import open_store
from .serve import add_server_arguments, serve

DEMO_DB = "rasd-demo.sqlite"


def register(subparsers) -> None:
    p = subparsers.add_parser("demo", help="ingest the bundled example articles and serve the dashboard",
                              description="Ingest the example articles written for rasd (rasd/data/demo) into "
                                          f"a store (default {DEMO_DB}, kept apart from your rasd.sqlite) and "
                                          "serve the dashboard on it.")
    p.add_argument("--db", default=None, metavar="PATH_OR_URL", help=f"store to build (default: {DEMO_DB})")
    p.add_argument("--no-serve", action="store_true", help="only build the store")
    p.add_argument("--fixture", action="store_true",
                   help="store the hand-coded events of the examples instead of running the pipeline")
    add_server_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store import fixture
    use_pipeline = not args.fixture
    if use_pipeline:
        try:
            import rasd.pipeline  # noqa: F401
        except ImportError as error:
            print(f"rasd: the extraction pipeline cannot load ({error}); storing the hand-coded events "
                  "of the examples instead", file=sys.stderr)
            use_pipeline = False
    with open_store(args.db or DEMO_DB) as store:
        summary = fixture.load_demo(store, use_pipeline=use_pipeline)
        counts = store.counts()
        print(f"rasd: demo store {store.label}: {summary.summary()}; {counts['events']} events from "
              f"{counts['reports']} reports of {counts['articles']} articles", file=sys.stderr)
        if args.no_serve:
            return 0
        return serve(store, args)
