"""``rasd actors "نص"``: the actors a text names, their roles in each event it reports, and why.

The explanation runs the whole pipeline, so it lives here and not in :mod:`rasd.actors`: the actor stage
imports neither the pipeline nor the assembly (no import circle actors -> pipeline -> actors).
"""
from __future__ import annotations

import json
from typing import Any

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


def explain(text: str, published: str | None = None, country: str | None = None) -> dict[str, Any]:
    """The actors a text names and, for each event word, the roles and why (as the pipeline assigns them)."""
    from .. import actors, geo, pipeline
    from ..event import interaction_code

    doc = pipeline.make_document({"text": text, "published": published})
    if country:
        doc.user_data["country_hint"] = country
    pipeline.run_stages(doc)
    where = doc.country
    mentions = []
    for m in doc.actors:
        actor = None if m.kind == "source" else actors._resolve(doc, m, where)
        note = m.note
        if actor is None and m.kind != "source":
            held = sorted({c for e in m.entries if e.countries for c in e.countries})
            note = f"not an actor in {where or 'this country'} (this reading holds in {', '.join(held)})"
        mentions.append({"text": m.text, "start": m.start, "end": m.end,
                         "kind": m.kind if actor or m.kind == "source" else "other-country", "generic": m.generic,
                         "name": actor.name if actor else m.entries[0].name,
                         "category": actor.category if actor else "-", "note": note})
    events = []
    for trigger in doc.triggers:
        if trigger.absorbed:
            continue
        sentence = doc.sentences[trigger.sentence]
        places = geo.places_for(doc, trigger, sentence)
        r = actors.roles_for(doc, trigger, sentence, places[0].place.country if places else where)  # as assemble does
        events.append({"trigger": doc.original_text(trigger.start, trigger.end),
                       "sub_event_type": r.sub_event_type or trigger.sub_event_type,
                       "modality": trigger.modality, "actor1": r.actor1, "assoc_actor_1": r.assoc_actor_1,
                       "actor2": r.actor2, "assoc_actor_2": r.assoc_actor_2, "inter1": r.inter1, "inter2": r.inter2,
                       "interaction": interaction_code(r.inter1, r.inter2),
                       "civilian_targeting": r.civilian_targeting, "reasons": r.reasons})
    return {"country": where, "published": doc.published.isoformat() if doc.published else None,
            "actors": mentions, "events": events}


def run(args) -> int:
    from ..doc import parse_date

    text = read_text(args)
    if args.published and parse_date(args.published) is None:
        raise InputError(f"--published: not a date: {args.published!r} (use YYYY-MM-DD)")
    result = explain(text, published=args.published, country=args.country)
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
