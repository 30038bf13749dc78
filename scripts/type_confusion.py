#!/usr/bin/env python3
"""Which event types rasd confuses (issue 17, sub-event type): the confusion table of TRAIN, gold type ->
predicted type, per outlet, with the trigger words that gave the wrong type.

usage: python scripts/type_confusion.py [../shared/eval/train.jsonl] [--oof] [--list GOLD->PRED] [--limit N]

Train only (the dev sets are for evaluation, never diagnosis). Three kinds of confusion are counted:

* ``sub``     a gold event and a prediction paired by the scorer (same event type and admin1) whose sub-event
              types differ: the sub-event type accuracy loses it (shelling read as an air strike)
* ``pair``    a prediction paired with no gold event, at the admin1 of a gold event of another event type that
              is paired with nothing (``scripts/event_recall.py``'s "sp: type confusion"): the incident was
              found and typed wrong, and the event F1 loses it twice
* ``lost``    a gold event paired with nothing whose coded trigger words (``trigger_ar``) are matched only by
              triggers of another event type (event_recall's "trigger of other type")

Each row gives ``gold sub-event type -> predicted sub-event type``, the count per outlet, and with ``--list`` the
articles and the trigger words (the predicted event's trigger evidence, the coders' ``trigger_ar``).
``--oof`` decides each outlet with a decision model that never saw it (as event_recall.py --oof does).
"""
from __future__ import annotations

import argparse
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from event_recall import decide_article, occurrences, outlet  # noqa: E402
from rasd.assemble import merge_events  # noqa: E402
from rasd.evaluate import admin1_aliases, article_pairs, canonical, fold  # noqa: E402
from rasd.learn import documents, read_records  # noqa: E402
from rasd.learn import events as event_model  # noqa: E402
from rasd.text import normalize  # noqa: E402


def trigger_words(event: dict) -> str:
    return " / ".join(e.get("text") or "" for e in event.get("evidence") or [] if e.get("field") == "trigger")


def confusions(record: dict, doc, aliases) -> list[tuple[str, str, str, str]]:
    """(kind, gold sub, predicted sub, detail) of one decided and merged article."""
    gold_events = record.get("events") or []
    pred = [e.to_record() for e in doc.events]
    pairs = article_pairs(gold_events, pred, aliases)
    out = []
    for g, p in pairs:
        gs, ps = gold_events[g].get("sub_event_type"), pred[p].get("sub_event_type")
        if fold(gs) != fold(ps):
            out.append(("sub", gs, ps, f"{trigger_words(pred[p])} | gold: {gold_events[g].get('trigger_ar')}"))
    paired_gold, paired_pred = {g for g, _ in pairs}, {p for _, p in pairs}

    def a1(event: dict):
        return canonical("admin1", event.get("admin1"), aliases)

    lost = [k for k in range(len(gold_events)) if k not in paired_gold]
    for p, event in enumerate(pred):
        if p in paired_pred:
            continue
        same = [k for k in lost if a1(gold_events[k]) == a1(event)
                and fold(gold_events[k].get("event_type")) != fold(event.get("event_type"))]
        if same and not any(a1(gold_events[k]) == a1(event) and fold(gold_events[k].get("event_type"))
                            == fold(event.get("event_type")) for k in range(len(gold_events))):
            gold = gold_events[same[0]]
            out.append(("pair", gold.get("sub_event_type"), event.get("sub_event_type"),
                        f"{trigger_words(event)} | gold: {gold.get('trigger_ar')}"))
    for k in lost:
        gold = gold_events[k]
        phrase = normalize(gold.get("trigger_ar") or "").text.strip()
        spans = occurrences(doc.norm.text, phrase)
        over = [t for t in doc.triggers if any(t.start < e and s < t.end for s, e in spans)]
        if over and not any(t.event_type == gold.get("event_type") for t in over):
            subs = sorted({t.sub_event_type for t in over})
            out.append(("lost", gold.get("sub_event_type"), ",".join(subs),
                        f"{phrase} <- {', '.join(sorted({t.cue for t in over}))}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=os.path.join(HERE, "..", "..", "shared", "eval", "train.jsonl"))
    parser.add_argument("--oof", action="store_true", help="decide each outlet with a model trained on the others")
    parser.add_argument("--list", help="list the cases of the rows that start with this (e.g. 'Attack->')")
    parser.add_argument("--limit", type=int, default=80)
    parser.add_argument("--min", type=int, default=2, help="print rows with at least this many cases")
    args = parser.parse_args()
    if "dev" in os.path.basename(args.gold):
        sys.exit("type_confusion.py diagnoses train only: the dev sets are for evaluation")
    aliases = admin1_aliases()
    proposed = [(record, doc, doc.user_data.get("candidates", [])) for record, doc in documents(read_records(args.gold))]
    dists = meta = None
    if args.oof:
        dists = event_model.out_of_fold(proposed)[3]
        meta = event_model.load_model().meta
    table: dict[tuple[str, str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    cases: dict[tuple[str, str, str], list[str]] = collections.defaultdict(list)
    paired = same = 0
    scores: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for a, (record, doc, candidates) in enumerate(proposed):
        decide_article(doc, candidates, dists, meta, a)
        merge_events(doc)
        group = outlet(record.get("source") or "")
        pred = [e.to_record() for e in doc.events]
        matched = article_pairs(record.get("events") or [], pred, aliases)
        scores[group].update(gold=len(record.get("events") or []), pred=len(pred), matched=len(matched))
        for g, p in matched:
            paired += 1
            same += fold(record["events"][g].get("sub_event_type")) == fold(pred[p].get("sub_event_type"))
        for kind, gs, ps, detail in confusions(record, doc, aliases):
            key = (kind, gs or "?", ps or "?")
            table[key][group] += 1
            cases[key].append(f"{record['id']} [{group}] {detail}")
    groups = ["BBC", "CNN", "alarabia", "france24", "skynews", "saudi"]
    print(f"sub-event type accuracy of paired events: {same}/{paired} = {same / max(1, paired):.3f}")
    scores["all"] = sum(scores.values(), collections.Counter())
    for g in groups + ["all"]:
        t = scores[g]
        p, r = t["matched"] / max(1, t["pred"]), t["matched"] / max(1, t["gold"])
        print(f"event F1 {g:9} {2 * p * r / (p + r) if p + r else 0:.3f}  (P {p:.3f} R {r:.3f}, "
              f"{t['matched']} matched of {t['gold']} gold, {t['pred']} predicted)")
    print(f"{'kind':5} {'gold -> predicted':70}" + "".join(f"{g:>9}" for g in groups) + f"{'all':>6}{'outlets':>8}")
    for key, counts in sorted(table.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        total = sum(counts.values())
        if total < args.min:
            continue
        print(f"{key[0]:5} {key[1] + ' -> ' + key[2]:70}" + "".join(f"{counts[g]:>9}" for g in groups)
              + f"{total:>6}{sum(1 for g in groups if counts[g]):>8}")
    if args.list is not None:
        shown = 0
        for key, lines in sorted(cases.items(), key=lambda kv: -len(kv[1])):
            if not f"{key[1]}->{key[2]}".startswith(args.list) and not f"{key[0]}:{key[1]}->{key[2]}".startswith(args.list):
                continue
            print(f"\n== {key[0]}: {key[1]} -> {key[2]}")
            for line in lines:
                if shown >= args.limit:
                    return
                shown += 1
                print("   ", line)


if __name__ == "__main__":
    main()
