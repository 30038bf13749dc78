"""``rasd geocode "نص"``: the places a text names, their candidates and why each was chosen."""
from __future__ import annotations

import json

from . import add_text_arguments, read_text


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "geocode", help="find and geocode the places an Arabic text names",
        description="Print the places found in an Arabic text (argument, file or standard input): the place chosen, "
                    "geo_precision, the candidates and the reason for the choice.")
    add_text_arguments(p)
    p.add_argument("--all", action="store_true", help="list every candidate, not only the first five")
    p.set_defaults(func=run)


def run(args) -> int:
    from .. import geo

    text = read_text(args)
    result = geo.explain(text, country_hint=args.country)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"country: {result['country'] or '(unknown)'}")
    if not result["places"]:
        print("no places found")
    for m in result["places"]:
        p = m["place"]
        admin = " / ".join(x for x in (p["admin1"], p["admin2"], p["admin3"]) if x)
        rel = f" ({m['relation'].replace('_', ' ')})" if m["relation"] else ""
        print(f"{m['text']} [{m['start']}:{m['end']}] -> {p['name']}, {admin or '-'}, {p['country']}"
              f"  {p['latitude']:.4f},{p['longitude']:.4f}  precision {m['precision']}{rel}  [{p['feature']}"
              f"{', geonameid ' + str(p['geonameid']) if p['geonameid'] else ''}]")
        print(f"    why: {m['reason']}")
        if m.get("note"):
            print(f"    note: {m['note']}")
        cands = m["candidates"] if args.all else m["candidates"][:5]
        if len(m["candidates"]) > 1:
            for c in cands:
                print(f"    candidate: {c['name']} ({c['feature']}, {c['admin1'] or '-'}, {c['country']}, pop {c['population']})")
            if len(m["candidates"]) > len(cands):
                print(f"    ... {len(m['candidates']) - len(cands)} more (--all)")
    for r in result["rejected"]:
        print(f"not a place here: {r['text']} [{r['start']}:{r['end']}]" + (f"  ({r['reason']})" if r.get("reason") else ""))
    return 0
