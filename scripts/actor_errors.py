#!/usr/bin/env python3
"""Actor disagreements on matched events sorted into classes, with counts per outlet (for diagnosis on train).

usage: python scripts/actor_errors.py GOLD.jsonl PRED.jsonl [--show CLASS] [--field actor1|actor2] [--max N]

Events are paired as ``scripts/actor_accuracy.py`` pairs them (the shared scorer's pairing). Each wrong
actor1/actor2 is put in the first class that fits:

* ``swap``: the gold actor is the predicted other side (actor1 and actor2 read the wrong way round);
* ``missing``: the gold names an actor, rasd none; ``spurious``: rasd names one, the gold none;
* ``country``: the same kind of actor, another country (``Civilians (Syria)`` vs ``Civilians (Iraq)``,
  ``Military Forces of X`` vs ``... of Y``);
* ``police/military``: police and military forces of one country confused;
* ``crowd``: protesters, rioters and civilians confused (spec section 5);
* ``generic-for-named``: rasd gives a generic name (unidentified armed group, civilians, a country's
  forces) where the gold names a group; ``named-for-generic``: the other way;
* ``civilians-vs-armed``: civilians where the gold has an armed side, or the other way;
* ``other-named``: two named actors (a wrong side, a wrong reading of the name).

``--show CLASS`` lists the events of a class with the gold Arabic words (``actor1_ar``/``actor2_ar``), the
predicted actor's words (its evidence span) and the gold evidence sentence. Use it on train.jsonl only.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from actor_accuracy import _scorer, pairs  # noqa: E402

GENERIC = ("Unidentified Armed Group", "Civilians", "Protesters", "Rioters", "Military Forces of", "Police Forces of",
           "Unidentified Military Forces")


def _generic(name: str | None) -> bool:
    return bool(name) and name.startswith(GENERIC)


def _kind(name: str) -> str:
    for prefix in GENERIC:
        if name.startswith(prefix):
            return prefix
    return name


def _country(name: str) -> str:
    if "(" in name:
        return name[name.rindex("(") + 1:].rstrip(")")
    for prefix in ("Military Forces of ", "Police Forces of "):
        if name.startswith(prefix):
            return name[len(prefix):].removeprefix("the ")
    return ""


def classify(field: str, gold: dict, pred: dict, fold) -> str:
    other = "actor2" if field == "actor1" else "actor1"
    g, p = gold.get(field), pred.get(field)
    if g and fold(g) == fold(pred.get(other)):
        return "swap"
    if g and not p:
        return "missing"
    if p and not g:
        return "spurious"
    if _generic(g) and _generic(p) and _kind(g) == _kind(p):
        return "country"
    if {_kind(g), _kind(p)} == {"Military Forces of", "Police Forces of"} and _country(g) == _country(p):
        return "police/military"
    crowd = ("Protesters", "Rioters", "Civilians")
    if _kind(g) in crowd and _kind(p) in crowd:
        return "crowd"
    if _kind(g) == "Civilians" or _kind(p) == "Civilians":
        return "civilians-vs-armed"
    if _generic(p) and not _generic(g):
        return "generic-for-named"
    if _generic(g) and not _generic(p):
        return "named-for-generic"
    return "other-named"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--show", help="list the events of this class")
    ap.add_argument("--field", choices=("actor1", "actor2"))
    ap.add_argument("--max", type=int, default=40)
    ap.add_argument("--by", default="source")
    args = ap.parse_args(argv)
    fold = _scorer().fold
    counts: dict[str, Counter] = defaultdict(Counter)
    groups: set[str] = set()
    shown = 0
    matched = 0
    for record, g, p in pairs(args.gold, args.pred):
        matched += 1
        group = str(record.get(args.by) or "?")
        groups.add(group)
        for field in ("actor1", "actor2"):
            if fold(g.get(field)) == fold(p.get(field)):
                continue
            cls = classify(field, g, p, fold)
            counts[f"{field} {cls}"][group] += 1
            counts[f"{field} {cls}"]["all"] += 1
            if args.show == cls and (args.field in (None, field)) and shown < args.max:
                shown += 1
                spans = {e["field"]: e["text"] for e in p.get("evidence") or [] if isinstance(e, dict)}
                print(f"--- {record['id']} [{group}] {g.get('sub_event_type')} | {field}: gold {g.get(field)!r} "
                      f"({g.get(field + '_ar')}) -> rasd {p.get(field)!r} ({spans.get(field)})")
                print(f"    gold {g.get('actor1')} / {g.get('actor2')}   rasd {p.get('actor1')} / {p.get('actor2')}"
                      f"   sub rasd {p.get('sub_event_type')}")
                print(f"    {(g.get('evidence') or '')[:400]}")
    order = sorted(groups)
    print(f"{matched} matched events; wrong actors by class and outlet")
    print(f"{'class':32} {'all':>4} " + " ".join(f"{o[:8]:>8}" for o in order))
    for key in sorted(counts, key=lambda k: (k.split()[0], -counts[k]["all"])):
        print(f"{key:32} {counts[key]['all']:4d} " + " ".join(f"{counts[key][o]:8d}" for o in order))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
