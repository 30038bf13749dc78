"""``rasd explain EVENT_ID``: why an event is what it is: its reports, their evidence, why they merged."""
from __future__ import annotations

import argparse
import json

from ..errors import InputError
from ..store import add_db_argument, open_store


def register(subparsers) -> None:
    p = subparsers.add_parser("explain", help="show an event's reports, evidence and merge reasons",
                              description="Show a stored event (or the event one of its report ids joined): "
                                          "each source's report, its evidence and why it was merged.")
    p.add_argument("event_id", help="an event id, or a report id printed by `rasd extract`")
    add_db_argument(p)
    p.add_argument("--json", action="store_true", help="print the event as JSON")
    p.set_defaults(func=run)


def describe(event: dict) -> str:
    from ..notes_en import english_note
    lines = [
        f"event {event['event_id']}: {event['sub_event_type']} ({event['event_type']})",
        f"  note      {event.get('notes_en') or english_note(event)}",
        f"  date      {event['event_date']} (time precision {event['time_precision']})",
        f"  place     {event['location']}, {event.get('admin2') or '-'}, {event.get('admin1') or '-'}, "
        f"{event.get('country') or '-'} (geo precision {event['geo_precision']})",
        f"  actors    {event.get('actor1') or '-'} / {event.get('actor2') or '-'}",
        f"  deaths    {event['fatalities']} (lowest figure across reports)",
        f"  sources   {event.get('source') or '-'}",
        f"  reports   {len(event['reports'])}",
    ]
    for number, report in enumerate(event["reports"], 1):
        article, record = report["article"], report["record"]
        lines.append("")
        lines.append(f"  [{number}] {report['report_id']} from {article.get('source') or '?'} "
                     f"({article.get('published') or 'no date'}) {article.get('url') or report['article_id']}")
        lines.append(f"      why:    {report['reason']}")
        lines.append(f"      said:   {record.get('event_date')}, {record.get('location')}, "
                     f"{record.get('fatalities', 0)} dead, {record.get('actor1') or '-'} / {record.get('actor2') or '-'}")
        for item in report["evidence"]:
            lines.append(f"      {item['field']:>8}: \u2068{item['text']}\u2069 [{item['start']}:{item['end']}]")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        resolved = store.resolve_event_id(args.event_id)
        event = store.event(resolved) if resolved else None
    if event is None:
        raise InputError(f"no event {args.event_id} in {args.db or 'the store'}")
    from ..notes_en import with_note
    event = with_note(event)
    print(json.dumps(event, ensure_ascii=False, indent=2, default=str) if args.json else describe(event))
    return 0
