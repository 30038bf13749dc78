#!/usr/bin/env python3
"""Place figures of a prediction file against a hand-coded set (evaluation only: never fit anything to it).

usage: python3 scripts/place_report.py GOLD.jsonl PRED.jsonl [--list]

Prints, for the articles that have gold events, the share of predicted events whose country is none of
that article's gold events' countries (the "wrong-country share"), and with ``--list`` each such event
(article, predicted country/admin1/location, the Arabic as written) so the *class* of error can be read.
Standard library only.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

ADMIN1 = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "admin1.tsv"


def _fold(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    return " ".join(text.replace("-", " ").replace("'", "").replace("`", "").split())


def _admin1_countries() -> dict[str, set[str]]:
    """folded admin1 name or alias -> the ISO codes of the countries it may be in (shared/data/admin1.tsv)."""
    out: dict[str, set[str]] = {}
    if ADMIN1.exists():
        for line in ADMIN1.read_text(encoding="utf-8").splitlines()[1:]:
            code, _, name, aliases = (line.split("\t") + ["", "", "", ""])[:4]
            for alias in [name, *aliases.split("|")]:
                if alias:
                    out.setdefault(_fold(alias), set()).add(code[:2])
    return out


def _keys(event: dict, a1: dict[str, set[str]]) -> set[str]:
    """What says an event's country: its country name and the ISO codes its admin1 may belong to."""
    keys = set(a1.get(_fold(event.get("admin1") or ""), ()))
    if event.get("country"):
        keys.add(event["country"])
    return keys


def _load(path: str) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rec = json.loads(line)
                out[str(rec["id"])] = rec
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    gold, pred = _load(argv[0]), _load(argv[1])
    show = "--list" in argv
    a1 = _admin1_countries()
    total = wrong = 0
    for aid, g in gold.items():
        gold_keys = [_keys(e, a1) for e in g.get("events") or []]
        if not gold_keys:
            continue
        union = set().union(*gold_keys)
        for e in (pred.get(aid) or {}).get("events") or []:
            total += 1
            keys = _keys(e, a1)
            if keys and union and not keys & union:
                wrong += 1
                if show:
                    print(f"{aid}\tpred={e.get('country')}\t{e.get('admin1')}\t{e.get('location')}"
                          f"\t{e.get('location_ar')}")
    share = wrong / total if total else 0.0
    print(f"predicted events in articles with gold events: {total}; in a country no gold event is in: "
          f"{wrong} ({share:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
