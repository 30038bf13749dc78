"""``rasd export``: stored events as ACLED CSV, JSON lines, GeoJSON or Parquet."""
from __future__ import annotations

import argparse
import json
import sys

from ..errors import InputError
from ..store import Filters, add_db_argument, open_store


def add_filter_arguments(p) -> None:
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first event date")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last event date")
    p.add_argument("--country")
    p.add_argument("--admin1", help="governorate")
    p.add_argument("--admin2", help="district")
    p.add_argument("--event-type")
    p.add_argument("--sub-event-type")
    p.add_argument("--actor", help="substring of any actor name (case-insensitive)")
    p.add_argument("--source", help="an outlet that reported the event")
    p.add_argument("--no-background", action="store_true", help="leave out events mentioned as past context")


def filters_from(args) -> Filters:
    return Filters(date_from=args.date_from, date_to=args.date_to, country=args.country, admin1=args.admin1,
                   admin2=args.admin2, event_type=args.event_type, sub_event_type=args.sub_event_type,
                   actor=args.actor, source=args.source, include_background=not args.no_background)


def register(subparsers) -> None:
    p = subparsers.add_parser("export", help="write the stored events (ACLED CSV, JSONL, GeoJSON, Parquet)",
                              description="Write the deduplicated events of the store, filtered.")
    add_db_argument(p)
    p.add_argument("--format", choices=["acled-csv", "jsonl", "geojson", "parquet"], default="acled-csv")
    p.add_argument("-o", "--output", help="output file (default: standard output; Parquet needs a file)")
    p.add_argument("--notes-en", action="store_true",
                   help="ACLED CSV: add a notes_en column (the English note) after ACLED's 31 columns "
                        "(JSONL, GeoJSON and Parquet always carry it)")
    add_filter_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import export as exporting
    if args.format == "parquet" and not args.output:
        raise InputError("--format parquet needs -o FILE")
    filters = filters_from(args)
    with open_store(args.db, create=False) as store, store.snapshot():
        # one read transaction: an ingest running meanwhile cannot shift the pages of the export
        if args.format == "parquet":
            count = exporting.write_parquet(store.iter_events(filters, evidence=True), args.output)
        else:
            out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
            try:
                if args.format == "acled-csv":
                    count = exporting.write_acled_csv(store.iter_events(filters), out,
                                                      english_notes=args.notes_en)
                elif args.format == "jsonl":
                    count = exporting.write_jsonl(store.iter_events(filters, evidence=True), out)
                else:
                    collection = exporting.geojson(store.iter_events(filters))
                    count = len(collection["features"])
                    out.write(json.dumps(collection, ensure_ascii=False) + "\n")
            finally:
                if args.output:
                    out.close()
    if args.output:
        print(f"rasd: {count} events written to {args.output}", file=sys.stderr)
    return 0
