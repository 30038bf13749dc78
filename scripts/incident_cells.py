#!/usr/bin/env python3
"""How many events one incident cell gives (issue 17): the (article, event type, admin1) cells of TRAIN where
rasd gives another number of events than the gold, and what separates the events of each side.

usage: python scripts/incident_cells.py [../shared/eval/train.jsonl] [--oof] [--cache FILE] [--list PATTERN]
       [--limit N] [--source NAME]

The scorer pairs events by event type and admin1 only, so in each cell what counts is how many events rasd
gives against the gold. For each cell where the counts differ, the script says what tells the gold's events
of the cell apart and what tells rasd's apart, each as a set of the fields that differ:

* ``loc``  the location (``loc<`` when one is the governorate, or the district, that holds the other:
           nested places), ``date`` the day (``prec`` when the two differ only by the date's precision),
           ``sub`` the sub-event type, ``sent`` (rasd only) the sentences the events were read in
           (``same-sent`` when two events share a sentence)

and tallies the patterns, e.g. ``more  g1 r2  rasd: loc`` (gold one event, rasd two at two places) or
``fewer g2 r1 gold: date`` (gold two events on two days, rasd one). ``--list PATTERN`` prints the cells whose
pattern starts with PATTERN, with the events of both sides and rasd's sentences. With ``--oof`` the decision
is made out of fold as ``scripts/event_recall.py --oof`` makes it; ``--cache FILE`` keeps the out-of-fold
distributions in FILE (a pickle; the proposals must not have changed since), so that a change of the merge is
measured again in a minute. The event F1 printed at the end is the one ``event_recall.py`` prints.

Train only: the dev sets are for evaluation, never diagnosis.
"""
from __future__ import annotations

import argparse
import collections
import itertools
import os
import pickle
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from rasd import assemble  # noqa: E402
from rasd.assemble import merge_events  # noqa: E402
from rasd.evaluate import admin1_aliases, article_pairs, canonical, fold  # noqa: E402
from rasd.learn import documents, read_records  # noqa: E402
from rasd.learn import events as event_model  # noqa: E402

from event_recall import decide_article, outlet  # noqa: E402  (scripts/ is on sys.path as the script's folder)


def _place(event: dict) -> str:
    return fold(event.get("location") or event.get("admin2") or event.get("admin1") or "") or ""


def _nested(a: dict, b: dict) -> bool:
    """One of the two is placed at the governorate or the district that holds the other."""
    for x, y in ((a, b), (b, a)):
        where = _place(x)
        if where and where in (fold(y.get("admin1") or ""), fold(y.get("admin2") or "")) and where != _place(y):
            return True
        if int(x.get("geo_precision") or 0) == 3 and int(y.get("geo_precision") or 0) < 3:
            return True
    return False


def sentences_of(doc, event: dict) -> frozenset[int]:
    starts = [item["start"] for item in event.get("evidence") or () if item.get("start") is not None]
    out = set()
    for start in starts:
        for k, sentence in enumerate(doc.sentences):
            if sentence.start <= start < sentence.end:
                out.add(k)
                break
    return frozenset(out)


def separators(events: list[dict], sents: list[frozenset[int]] | None = None) -> str:
    """What tells the events of one side of a cell apart (the union over their pairs)."""
    marks = set()
    for i, j in itertools.combinations(range(len(events)), 2):
        a, b = events[i], events[j]
        if _place(a) != _place(b):
            marks.add("loc<" if _nested(a, b) else "loc")
        if a.get("event_date") != b.get("event_date"):
            marks.add("date")
        elif int(a.get("time_precision") or 1) != int(b.get("time_precision") or 1):
            marks.add("prec")
        if a.get("sub_event_type") != b.get("sub_event_type"):
            marks.add("sub")
        if sents is not None:
            marks.add("same-sent" if sents[i] & sents[j] else "sent")
    if sents is not None and not marks - {"same-sent", "sent"}:
        marks.add("NOTHING")
    order = ["loc", "loc<", "date", "prec", "sub", "NOTHING", "same-sent", "sent"]
    return "+".join(m for m in order if m in marks) or "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "train.jsonl"))
    parser.add_argument("--oof", action="store_true")
    parser.add_argument("--cache", help="a pickle of the out-of-fold distributions (written when missing)")
    parser.add_argument("--list", help="print the cells whose pattern starts with this (several: comma-separated)")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--source")
    parser.add_argument("--ids", help="list every differing cell of these articles (comma-separated ids)")
    parser.add_argument("--dump", help="write each differing cell (article, type, admin1, gold, rasd, pattern) to this TSV")
    parser.add_argument("--without", action="append", default=[], help="measure without this fold of rasd.assemble "
                        "(a function name such as _fold_told_together; repeatable)")
    args = parser.parse_args()
    if "dev" in os.path.basename(args.gold):
        sys.exit("incident_cells.py diagnoses train only: the dev sets are for evaluation")
    for name in args.without:
        setattr(assemble, name, lambda *a, **k: None)
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    aliases = admin1_aliases()
    proposed = [(record, doc, doc.user_data.get("candidates", [])) for record, doc in documents(read_records(args.gold))]
    dists = meta = None
    if args.oof:
        if args.cache and os.path.exists(args.cache):
            with open(args.cache, "rb") as handle:
                dists = pickle.load(handle)
        else:
            dists = event_model.out_of_fold(proposed)[3]
            if args.cache:
                with open(args.cache, "wb") as handle:
                    pickle.dump(dists, handle)
        meta = event_model.load_model().meta
    patterns = collections.Counter()
    cost = collections.Counter()  # pattern -> events it costs (the count difference)
    by_outlet: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    totals = collections.Counter()
    listed = 0
    for a, (record, doc, candidates) in enumerate(proposed):
        group = outlet(record.get("source") or "")
        if args.source and group != args.source:
            continue
        decide_article(doc, candidates, dists, meta, a)
        merge_events(doc)
        gold_events = record.get("events") or []
        pred = [e.to_record() for e in doc.events]
        pairs = article_pairs(gold_events, pred, aliases)
        totals["gold"] += len(gold_events)
        totals["pred"] += len(pred)
        totals["matched"] += len(pairs)
        by_outlet[group]["gold"] += len(gold_events)
        by_outlet[group]["pred"] += len(pred)
        by_outlet[group]["matched"] += len(pairs)
        cells: dict[tuple, tuple[list, list]] = collections.defaultdict(lambda: ([], []))
        for g in gold_events:
            cells[fold(g.get("event_type")), canonical("admin1", g.get("admin1"), aliases)][0].append(g)
        for p in pred:
            cells[fold(p.get("event_type")), canonical("admin1", p.get("admin1"), aliases)][1].append(p)
        for (kind, where), (gs, ps) in cells.items():
            if len(gs) == len(ps) or not gs or not ps:
                continue
            sents = [sentences_of(doc, p) for p in ps]
            side = "more" if len(ps) > len(gs) else "fewer"
            gn, pn = min(len(gs), 3), min(len(ps), 3)
            if len(ps) > len(gs):
                name = f"more  g{gn} r{pn}  rasd: {separators(ps, sents)}"
            else:
                name = f"fewer g{gn} r{pn}  gold: {separators(gs)}"
            patterns[name] += 1
            if dump:
                dump.write(f"{record['id']}\t{group}\t{kind}\t{where}\t{len(gs)}\t{len(ps)}\t{name}\n")
            cost[name] += abs(len(ps) - len(gs))
            by_outlet[group][side] += abs(len(ps) - len(gs))
            wanted = (args.list and name.startswith(tuple(args.list.split(",")))) \
                or (args.ids and record["id"] in args.ids.split(","))
            if wanted and listed < args.limit:
                listed += 1
                print(f"== {record['id']} [{group}] {kind} / {where}: {name}")
                for g in gs:
                    print(f"   gold {g.get('sub_event_type')} | {g.get('location')} p{g.get('geo_precision')} | "
                          f"{g.get('event_date')} t{g.get('time_precision')} | {(g.get('evidence') or '')[:110]!r}")
                for p, s in zip(ps, sents):
                    text = " / ".join(doc.norm.text[doc.sentences[k].start:doc.sentences[k].end][:110] for k in sorted(s))
                    print(f"   rasd {p.get('sub_event_type')} | {p.get('location')} p{p.get('geo_precision')} | "
                          f"{p.get('event_date')} t{p.get('time_precision')} | s{sorted(s)} {text!r}")
    print(f"{'pattern':52}{'cells':>7}{'events':>8}")
    for name, n in sorted(patterns.items(), key=lambda kv: (kv[0][:5], -cost[kv[0]])):
        print(f"{name:52}{n:>7}{cost[name]:>8}")
    for g in sorted(by_outlet, key=lambda g: (g == "saudi", g)) + ["all"]:
        t = totals if g == "all" else by_outlet[g]
        p, r = t["matched"] / max(1, t["pred"]), t["matched"] / max(1, t["gold"])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        extra = "" if g == "all" else f"  events in cells with more {t['more']}, fewer {t['fewer']}"
        print(f"{g:10} event F1 {f1:.4f} (P {p:.3f} R {r:.3f}){extra}")


if __name__ == "__main__":
    main()
