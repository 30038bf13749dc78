#!/usr/bin/env python3
"""Event-date accuracy on matched events, and the date errors broken down by class.

usage: python scripts/date_accuracy.py GOLD.jsonl [--list N] [--by source] [--dump FILE] [--oof]

Runs the pipeline (this checkout's ``rasd``) over every article of GOLD, pairs predicted with gold events
exactly as the scorer pairs them (:func:`rasd.evaluate.article_pairs`) and, for every pair, compares the
event date. Errors are broken down by the reason :func:`rasd.dates.date_for` gave (its scope and the kind
of mention: ``sentence: ... (relative)``, ``no date cue: ...``), by outlet, and by the offsets of the gold
and predicted dates from publication (gold - pub, pred - pub, in days). ``--list N`` prints N wrong pairs
with their evidence (train only: never read the dev sets' texts to fit anything). Use it on train.jsonl to
find classes of error; on the dev sets only to report. ``--oof`` (train only): each outlet's articles are
dated by a date chooser fitted on the other outlets (:mod:`rasd.learn.event_dates`), so the figures are out
of fold; ``RASD_LEARNED_DATES=0`` gives the rules alone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rasd import pipeline  # noqa: E402
from rasd.errors import InputError  # noqa: E402
from rasd.learn import read_records  # noqa: E402
from rasd.evaluate import admin1_aliases, article_pairs  # noqa: E402


def reason_class(reason: str) -> str:
    """``sentence: أمس (relative)`` -> ``sentence/relative``; the statement flag kept."""
    reason = reason or "?"
    head = reason.split(":")[0].strip()
    if "(" in reason and ")" in reason:
        kind = reason[reason.rfind("(") + 1:reason.rfind(")")]
        if " " in kind or len(kind) > 12:
            kind = "?"
        head = f"{head}/{kind}"
    if "date of the statement" in reason:
        head += "/statement"
    return head


def _offset(date: str | None, pub: dt.date | None) -> str:
    if not date or pub is None:
        return "?"
    days = (dt.date.fromisoformat(date) - pub).days
    if days < -31:
        return "<-31"
    if days < -7:
        return "-8..-31"
    return str(days)


def error_class(record, doc, g: dict, p: dict, reason: str) -> str:
    """The kind of a date error (in this order): ``background`` (gold more than 14 days before
    publication), ``yesterday missed`` (gold the day before publication, predicted the publication day),
    ``yesterday wrongly`` (the reverse), ``statement day`` (the rules took the date of a statement),
    ``other mention taken`` (the gold day is named in the gold evidence, another day was taken),
    ``one day off`` (any other error of one day), ``gold day unnamed`` (no mention of the article gives
    the gold day: a range, a count of days, a title), ``other``."""
    from rasd.dates import find_in_text
    from rasd.text import normalize
    pub = doc.published
    try:
        gold = dt.date.fromisoformat(g.get("event_date") or "")
        pred = dt.date.fromisoformat(p.get("event_date") or "")
    except ValueError:
        return "other"
    if pub is None:
        return "other"
    if (pub - gold).days > 14:
        return "background"
    if gold == pub - dt.timedelta(days=1) and pred == pub:
        return "yesterday missed" + (" (statement day)" if "statement" in reason else "")
    if gold == pub and pred == pub - dt.timedelta(days=1):
        return "yesterday wrongly"
    if "statement" in reason:
        return "statement day"
    evidence = g.get("evidence") or ""
    evidence = " ".join(evidence) if isinstance(evidence, list) else str(evidence)
    named = {d.date for d in find_in_text(normalize(evidence).text, pub)}
    if gold in named:
        return "other mention taken"
    if abs((gold - pred).days) == 1:
        return "one day off"
    if gold not in {d.date for d in doc.dates}:
        return "gold day unnamed"
    return "other"


def rows(gold_path: Path, oof: bool = False):
    """(record, gold event, predicted Event, date reason) of every matched pair."""
    aliases = admin1_aliases()
    folds = {}
    if oof:
        from rasd.learn import event_dates
        groups = event_dates.examples(gold_path)
        shipped = event_dates.load_model()
        c = shipped.model.meta.get("c") if shipped else None
        for outlet in sorted({g[0] for g in groups}):
            folds[outlet] = event_dates.DateChooser(event_dates._fit([g for g in groups if g[0] != outlet], 0, c))
            if shipped:
                folds[outlet].margin = shipped.margin  # the shipped setting's margin, not the default
    for record in read_records(gold_path):
        gold_events = record.get("events") or []
        if oof:
            from rasd.learn import event_dates
            event_dates._OVERRIDE["model"] = folds.get(str(record.get("source") or "?"))
        try:
            doc = pipeline.extract(record)
        except InputError:
            continue
        pred = [e.to_record() for e in doc.events]
        for r, c in article_pairs(gold_events, pred, aliases):
            event = doc.events[c]
            reason = (getattr(event, "extra", None) or {}).get("reasons", {}).get("date", "?")
            yield record, doc, gold_events[r], pred[c], str(reason)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--by", default="source")
    ap.add_argument("--list", type=int, default=0, help="print N wrong pairs (train only)")
    ap.add_argument("--dump", type=Path, help="write every pair as JSON lines (train only)")
    ap.add_argument("--oof", action="store_true", help="train only: each outlet dated by a chooser fitted on the others")
    args = ap.parse_args(argv)
    by_group: dict[str, Counter] = defaultdict(Counter)
    by_reason: dict[str, Counter] = defaultdict(Counter)
    by_offset: Counter = Counter()
    by_prec: Counter = Counter()
    by_class: Counter = Counter()
    wrong = []
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    for record, doc, g, p, reason in rows(args.gold, args.oof):
        ok = g.get("event_date") == p.get("event_date")
        group = str(record.get(args.by) or "?")
        cls = reason_class(reason)
        for key in (group, "all"):
            by_group[key]["n"] += 1
            by_group[key]["ok"] += ok
        by_reason[cls]["n"] += 1
        by_reason[cls]["ok"] += ok
        by_prec[(g.get("time_precision"), p.get("time_precision"))] += 1
        if not ok:
            by_offset[(_offset(g.get("event_date"), doc.published), _offset(p.get("event_date"), doc.published),
                       cls)] += 1
            cls_err = error_class(record, doc, g, p, reason)
            by_class[cls_err] += 1
            wrong.append((record, g, p, f"{cls_err}; {reason}"))
        if dump:
            dump.write(json.dumps({"id": record["id"], "source": record.get("source"),
                                   "published": record.get("published"), "gold": g.get("event_date"),
                                   "gold_tp": g.get("time_precision"), "pred": p.get("event_date"),
                                   "pred_tp": p.get("time_precision"), "reason": reason, "ok": ok,
                                   "background": g.get("background"), "evidence": g.get("evidence")},
                                  ensure_ascii=False) + "\n")
    print(f"{args.by:12} {'matched':>7} {'date_acc':>8}")
    for key in sorted(by_group, key=lambda k: (k == "all", k)):
        n = by_group[key]["n"]
        print(f"{key:12} {n:7d} {by_group[key]['ok'] / n:8.3f}")
    print(f"\n{'reason':40} {'n':>5} {'wrong':>5} {'acc':>6}")
    for key, c in sorted(by_reason.items(), key=lambda kv: -(kv[1]['n'] - kv[1]['ok'])):
        print(f"{key:40} {c['n']:5d} {c['n'] - c['ok']:5d} {c['ok'] / c['n']:6.3f}")
    print("\nwrong, by class (see error_class):")
    for key, n in by_class.most_common():
        print(f"  {n:4d}  {key}")
    print("\nwrong: gold-pub  pred-pub  reason")
    for (go, po, cls), n in by_offset.most_common(40):
        print(f"  {n:4d}  {go:>8} {po:>8}  {cls}")
    print("\ntime_precision (gold, pred): " + ", ".join(f"{k}: {v}" for k, v in sorted(by_prec.items(), key=str)))
    agree = sum(v for (gt, pt), v in by_prec.items() if gt == pt)
    total = sum(by_prec.values())
    if total:
        print(f"time_precision agreement: {agree / total:.3f} of {total}")
    for record, g, p, reason in wrong[:args.list]:
        print(f"\n{record['id']} {record.get('source')} pub {record.get('published')} gold {g.get('event_date')} "
              f"pred {p.get('event_date')} [{reason}] bg={g.get('background')}\n  {str(g.get('evidence'))[:300]}"
              + "".join(f"\n  pred {e.get('field')}: {e.get('text')}" for e in p.get("evidence") or []
                        if e.get("field") in ("trigger", "event_date")))
    if dump:
        dump.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
