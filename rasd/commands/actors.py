"""``rasd actors "نص"``: the actors a text names, their roles in each event it reports, and why."""
from __future__ import annotations

import json

from ..errors import InputError
from . import add_text_arguments, read_text


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "actors", help="find the actors an Arabic text names and their roles",
        description="Print the actors found in an Arabic text (argument, file or standard input): each mention's "
                    "canonical ACLED-style name and category, then for each event word the actor1/actor2, their "
                    "associated actors, inter codes and the reasons for each role.")
    add_text_arguments(p)
    p.add_argument("--published", help="publication date YYYY-MM-DD (people's posts and names are judged by it)")
    p.set_defaults(func=run)


def run(args) -> int:
    from .. import actors
    from ..doc import parse_date

    text = read_text(args)
    if args.published and parse_date(args.published) is None:
        raise InputError(f"--published: not a date: {args.published!r} (use YYYY-MM-DD)")
    result = actors.explain(text, published=args.published, country=args.country)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"country: {result['country'] or '(unknown)'}   published: {result['published'] or '(unknown)'}")
    if not result["actors"]:
        print("no actors found")
    for m in result["actors"]:
        kind = {"source": "source (reports, never a participant)", "other-country": "not here"}.get(
            m["kind"], "generic" if m["generic"] else m["kind"])
        note = f"  [{m['note']}]" if m["note"] else ""
        print(f"{m['text']} [{m['start']}:{m['end']}] -> {m['name']} ({m['category']}; {kind}){note}")
    for e in result["events"]:
        print()
        flag = f" ({e['modality']}: not an event)" if e["modality"] else ""
        print(f"event word: {e['trigger']} -> {e['sub_event_type']}{flag}")
        for role in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
            if e[role]:
                inter = e.get("inter" + role[-1]) if role.startswith("actor") else None
                print(f"  {role:14} {e[role]}" + (f"  ({inter})" if inter else ""))
        if e["interaction"] is not None:
            print(f"  {'interaction':14} {e['interaction']}")
        for reason in e["reasons"]:
            print(f"    why: {reason}")
    return 0
