#!/usr/bin/env python3
"""Where the place of a lost gold event went (issue 13): each gold event of TRAIN that the pipeline's output does
not pair with, and for which no candidate of its type and admin1 was proposed (so the place, not the decision,
lost it), is put in one place class, per outlet.

usage: python scripts/place_misses.py [../shared/eval/train.jsonl] [--list CLASS] [--limit N]

Train only: a diagnosis of the training articles (the dev sets are for evaluation, never diagnosis).

The classes, first that applies (``S`` is the trigger's sentence, found from the gold's ``trigger_ar``):

* ``country only``            the gold has no admin1 (rasd proposes no event without one)
* ``no location_ar``          the gold gives no Arabic name of its place
* ``found, in S``             rasd found the gold's place (its name, in the gold's admin1) in S or the sentence
                              before: the event was not given it (the pick, or another trigger's place)
* ``found, N before/after``   found N sentences before S (N > 1) or after it: a place named in another sentence
* ``found, other admin1``     the gold's name is read as a place of another admin1 (a namesake, a region)
* ``rejected: RULE``          the name is in the gazetteer but rejected by an evidence rule
* ``not recognised``          the name is in the text and no place was found there (the gazetteer lacks it)
* ``title only``              the name is written in the title only
* ``name not written``        the gold's ``location_ar`` is not written as such (another spelling, a
                              paraphrase); ``+ admin1 found in S`` when a place of the gold's admin1 is in S
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from rasd import decide  # noqa: E402
from rasd.assemble import merge_events  # noqa: E402
from rasd.evaluate import _pairable, admin1_aliases, article_pairs, canonical  # noqa: E402
from rasd.learn import documents, read_records  # noqa: E402
from rasd.text import normalize  # noqa: E402

MAIN_OUTLETS = ("BBC", "CNN", "alarabia", "france24", "skynews")


def outlet(source: str) -> str:
    return source if source in MAIN_OUTLETS else "saudi"


def occurrences(text: str, phrase: str) -> list[int]:
    out, i = [], text.find(phrase) if phrase else -1
    while i >= 0:
        out.append(i)
        i = text.find(phrase, i + 1)
    return out


def sentence_of(doc, offset: int) -> int:
    return next((k for k, s in enumerate(doc.sentences) if s.start <= offset < s.end), -1)


def place_class(doc, gold: dict, aliases: dict[str, str]) -> tuple[str, str]:
    """(class, detail) of the place of one lost gold event."""
    if not gold.get("admin1"):
        return "country only", str(gold.get("location_ar"))
    text = doc.norm.text
    trig = normalize(gold.get("trigger_ar") or "").text.strip()
    spots = occurrences(text, trig)
    if not spots:
        evidence = normalize((gold.get("evidence") or "")[:40]).text.strip()
        spots = occurrences(text, evidence)
    s = sentence_of(doc, spots[0]) if spots else -1
    name = normalize(gold.get("location_ar") or "").text.strip()
    a1 = canonical("admin1", gold.get("admin1"), aliases)
    if not name:
        return "no location_ar", ""
    here = occurrences(text, name)
    ours = [p for p in doc.places if canonical("admin1", p.place.admin1, aliases) == a1]
    if here:
        hit = [p for p in doc.places if any(p.start < h + len(name) and h < p.end for h in here)]
        right = [p for p in hit if canonical("admin1", p.place.admin1, aliases) == a1]
        if right:
            dist = min((sentence_of(doc, p.start) - s for p in right), key=abs)
            if s < 0:
                return "found, trigger not found", name
            if -1 <= dist <= 0:
                return "found, in S", f"{name} -> {right[0].place.name}"
            return f"found, {abs(dist)} {'before' if dist < 0 else 'after'}"[:20], name
        if hit:
            return "found, other admin1", f"{name} -> {hit[0].place.name} ({hit[0].place.admin1}, {hit[0].place.country})"
        rejected = [r for r in (doc.user_data.get("geo") or {}).get("rejected", ())
                    if any(r[0] < h + len(name) and h < r[1] for h in here)]
        if rejected:
            why = rejected[0][3].split(":")[0].split(";")[0][:40]
            return f"rejected: {why}", name
        return "not recognised", name
    if doc.title and name in normalize(doc.title).text:
        return "title only", name
    near = [p for p in ours if s >= 0 and -1 <= sentence_of(doc, p.start) - s <= 0]
    return ("name not written + admin1 found in S" if near else "name not written"), \
        f"{name} ({gold.get('admin1')})" + (f" ~ {near[0].text}" if near else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "train.jsonl"))
    parser.add_argument("--list", help="print the lost gold events of this class (a prefix)")
    parser.add_argument("--limit", type=int, default=80)
    args = parser.parse_args()
    if "dev" in os.path.basename(args.gold):
        sys.exit("place_misses.py diagnoses train only: the dev sets are for evaluation")
    aliases = admin1_aliases()
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    listed = 0
    for record, doc in documents(read_records(args.gold)):
        group = outlet(record.get("source") or "")
        candidates = doc.user_data.get("candidates", [])
        decide.decide_events(doc)
        proposed = [e.to_record() for e, _ in candidates]
        merge_events(doc)
        gold_events = record.get("events") or []
        pred = [e.to_record() for e in doc.events]
        paired = {g for g, _ in article_pairs(gold_events, pred, aliases)}
        for k, gold in enumerate(gold_events):
            table[group]["gold"] += 1
            if k in paired:
                continue
            table[group]["lost"] += 1
            if any(_pairable(gold, p, aliases) for p in proposed if p.get("admin1")):
                table[group]["(a candidate was there)"] += 1
                continue
            cls, detail = place_class(doc, gold, aliases)
            if not pred:
                cls += " [no pred]"
            table[group][cls] += 1
            if args.list and cls.startswith(args.list) and listed < args.limit:
                listed += 1
                print(f"{record['id']} [{group}] {gold.get('sub_event_type')} | {gold.get('admin1')} | {detail}")
                print("    ", (gold.get("evidence") or "")[:200].replace("\n", " "))
    groups = sorted(table, key=lambda g: (g == "saudi", g))
    names = sorted({n for g in table.values() for n in g} - {"gold", "lost"},
                   key=lambda n: -sum(t[n] for t in table.values()))
    print(f"{'class':44}" + "".join(f"{g:>9}" for g in groups) + f"{'all':>7}")
    for name in ["gold", "lost"] + names:
        print(f"{name[:44]:44}" + "".join(f"{table[g][name]:>9}" for g in groups)
              + f"{sum(t[name] for t in table.values()):>7}")


if __name__ == "__main__":
    main()
