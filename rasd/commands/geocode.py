"""``rasd geocode "نص"``: the places a text names, their candidates and why each was chosen."""
from __future__ import annotations

import json
import sys

from ..errors import InputError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "geocode", help="find and geocode the places an Arabic text names",
        description="Print the places found in an Arabic text (argument, file or standard input): the place chosen, "
                    "geo_precision, the candidates and the reason for the choice.")
    p.add_argument("text", nargs="?", help="the text ('-' or nothing: standard input)")
    p.add_argument("-f", "--file", help="read the text from this file")
    p.add_argument("--country", help="the article's country when the text alone does not say (e.g. Iraq or IQ)")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--all", action="store_true", help="list every candidate, not only the first five")
    p.set_defaults(func=run)


def _read(args) -> str:
    if args.file:
        try:
            with open(args.file, encoding="utf-8") as handle:
                return handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"cannot read {args.file}: {error}") from error
    if args.text and args.text != "-":
        return args.text
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError("give a text, --file FILE, or pipe the text in")
    return sys.stdin.read()


def run(args) -> int:
    from .. import geo

    text = _read(args)
    if not text.strip():
        raise InputError("empty text")
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
        cands = m["candidates"] if args.all else m["candidates"][:5]
        if len(m["candidates"]) > 1:
            for c in cands:
                print(f"    candidate: {c['name']} ({c['feature']}, {c['admin1'] or '-'}, {c['country']}, pop {c['population']})")
            if len(m["candidates"]) > len(cands):
                print(f"    ... {len(m['candidates']) - len(cands)} more (--all)")
    for r in result["rejected"]:
        print(f"not a place here: {r['text']} [{r['start']}:{r['end']}]")
    return 0
