#!/usr/bin/env python3
"""Place figures of a prediction file against a hand-coded set (evaluation only: never fit anything to it).

usage: python3 scripts/place_report.py GOLD.jsonl PRED.jsonl [--list]
       python3 scripts/place_report.py --gaps TRAIN.jsonl [--list]

Prints, for the articles that have gold events, the share of predicted events whose country is none of
that article's gold events' countries (the "wrong-country share"), and with ``--list`` each such event
(article, predicted country/admin1/location, the Arabic as written) so the *class* of error can be read.
Standard library only.

``--gaps`` (for train.jsonl, whose events carry ``location_ar``): how many gold places the gazetteer does not
know by the words the text gives (type words, directions and fronts in front of the name left out, proclitics
off), and how many lie in another sentence than the event's trigger; ``--list`` prints the unknown ones. This
mode imports rasd (the gazetteer) from the checkout.
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


def _gaps(path: str, show: bool) -> int:
    """Gold places of a train-style file (events with ``location_ar``) the gazetteer does not know."""
    import re
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from rasd.geo.gazetteer import load
    from rasd.geo.recognize import _bare_forms, _readings
    from rasd.text import norm, tokenize
    gaz = load()
    lead = set(gaz.types1) | set(gaz.directions1) | set(gaz.fronts) | {
        "ريف", "ارياف", "مناطق", "جبال", "مرتفعات", "قاعده", "محيط", "اطراف"}

    def known(written: str) -> bool:
        toks = [t.text for t in tokenize(norm(written))]
        while len(toks) > 1 and any(f in lead for f in _bare_forms(toks[0])):
            toks = toks[1:]
        if not toks:
            return True
        for n in range(len(toks), 0, -1):  # the name, or the name a longer phrase starts with
            for form, _ in _readings(toks[0]):
                if " ".join([form] + toks[1:n]) in gaz.names:
                    return True
        return False

    total = unknown = elsewhere = 0
    for rec in _load(path).values():
        text = rec.get("text") or ""
        for e in rec.get("events") or []:
            written = e.get("location_ar")
            if not written:
                continue
            total += 1
            if not known(written):
                unknown += 1
                if show:
                    print(f"{rec['id']}\t{written}\t{e.get('location')}\t{e.get('admin1')}\t{e.get('geo_precision')}")
            trigger = e.get("trigger_ar")
            if trigger and trigger in text:
                i = text.find(trigger)
                ends = [m.start() for m in re.finditer(r"[.!?؟\n]", text)]
                s0 = max([x + 1 for x in ends if x < i], default=0)
                s1 = min([x for x in ends if x >= i + len(trigger)], default=len(text))
                if written not in text[s0:s1 + 1]:
                    elsewhere += 1
    print(f"gold places (location_ar): {total}; unknown to the gazetteer: {unknown}; "
          f"in another sentence than the trigger: {elsewhere}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "--gaps":
        return _gaps(argv[1], "--list" in argv)
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
