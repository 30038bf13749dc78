#!/usr/bin/env python3
"""Fatalities on matched events, by outlet, and the disagreements grouped by class.

usage: python scripts/fatality_errors.py GOLD.jsonl PRED.jsonl [--by source] [--list N] [--class NAME] [--explain]
       [--rules]
       python scripts/fatality_errors.py ../shared/eval/train.jsonl --oof PRED.jsonl [--by source] [--list N]

Events are paired exactly as ``../shared/tools/score_events.py`` pairs them (see
``scripts/actor_accuracy.py``). For each outlet: matched events, exact fatalities accuracy, and the predicted
and gold fatality totals over all events (matched or not). Each wrong matched event is put in a class read
off the two records (a first sort, to be read by a person):

* ``missed``: gold > 0, predicted 0 (the toll was not found, or set aside);
* ``spurious``: gold 0, predicted > 0 (a toll of another incident, a cumulative toll, injured, a toll
  shared by several events that the coders set to 0);
* ``over`` / ``under``: both > 0, predicted above / below the gold.

``--rules`` runs the pipeline again on the matched articles and prints, for each rule that gave a predicted
toll (its clause or sentence, the next sentence, a story's neighbouring sentence, the other side's dead
added, an updated toll, a bomber added, a toll for two places ...), how many matched events it gave and
how many of them are right: where a rule does more harm than good.

``--list N`` prints up to N wrong events of each class (or of ``--class``) with the predicted toll's words,
the predicted event's sentence and the gold evidence. Use it on train.jsonl to find classes of error; on
the dev sets only to report.

``--oof PRED.jsonl`` (train.jsonl only) first writes out-of-fold predictions for the training articles:
the learned toll decision (``rasd.learn.tolls``), when it is turned on (``RASD_LEARNED_TOLLS=1``), is
refitted once per outlet on the other outlets and the pipeline runs over the held-out outlet with it. The
other shipped models (event decision, roles, dates) stay as shipped, so which events are matched is
in-sample; with the learned toll decision off (the default) the tolls are the rules' alone and the
out-of-fold run equals the plain one.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from actor_accuracy import _scorer, gold_pred_parser, pairs, predictions  # noqa: E402

CLASSES = ("missed", "spurious", "over", "under")


def error_class(gold: int, pred: int) -> str | None:
    if gold == pred:
        return None
    if pred == 0:
        return "missed"
    if gold == 0:
        return "spurious"
    return "over" if pred > gold else "under"


def oof_predictions(train_path: Path, out_path: Path, seed: int = 0) -> None:
    """Out-of-fold predictions for ``train_path`` (see the module's docstring)."""
    from rasd import numbers
    from rasd.learn import read_records, tolls
    from rasd.pipeline import process

    records = list(read_records(train_path))
    outlets = sorted({str(r.get("source") or "?") for r in records})
    rows = tolls.examples(train_path) if numbers.USE_LEARNED_TOLLS else []
    shipped = numbers._toll_model
    try:
        with open(out_path, "w", encoding="utf-8") as out:
            for outlet in outlets:
                if rows:
                    fit = [r for r in rows if r[2] != outlet]
                    fold = tolls._fit([r[0] for r in fit], [r[1] for r in fit], seed)
                    fold.meta = {"threshold": tolls.THRESHOLD}
                    numbers._toll_model = lambda fold=fold: fold
                for r in records:
                    if str(r.get("source") or "?") != outlet:
                        continue
                    record = {k: r.get(k) for k in ("id", "title", "text", "html", "published", "source", "url")}
                    out.write(json.dumps({"id": r["id"], "events": process(record).events}, ensure_ascii=False) + "\n")
    finally:
        numbers._toll_model = shipped


def _why(record: dict, g: dict, p: dict, doc, pred_event) -> str:
    """A finer class of one wrong event, read off the pipeline's own account of it."""
    gf, pf = int(g.get("fatalities") or 0), int(p.get("fatalities") or 0)
    reason = ""
    if pred_event is not None:
        reason = str((pred_event.extra.get("reasons") or {}).get("fatalities") or "")
    killed = [m for m in doc.casualties if m.kind == "killed"]
    if gf > pf:
        same = [m for m in killed if m.count == gf]
        if not same:
            if any(m.kind == "killed_or_injured" and m.count == gf for m in doc.casualties):
                return "gold count read as killed-or-injured"
            return "gold count not read as one death count"
        if all(m.aggregate for m in same):
            return "gold count set aside: " + same[0].aggregate.split(" (")[0].split(":")[0][:50]
        if pf and "separate counts" in reason:
            return "under: another count of the scope kept"
        return "gold count found, given to another event or not reached" + (f" [{reason[:40]}]" if pf else "")
    # pf > gf
    for key in ("next sentence", "updated toll", "one toll for", "attackers", "vague", "clause", "sentence"):
        if key in reason:
            return f"over/spurious via {key}" + (": gold 0" if gf == 0 else "")
    return "over/spurious: " + reason[:40]


def explain(gold_path: Path, wrong: dict) -> None:
    from rasd import pipeline

    by_article: dict[str, list] = defaultdict(list)
    for cls, items in wrong.items():
        for record, g, p in items:
            by_article[str(record["id"])].append((cls, record, g, p))
    tally: Counter = Counter()
    examples: dict[str, list] = defaultdict(list)
    for aid, items in by_article.items():
        record = items[0][1]
        doc = pipeline.extract({k: record.get(k) for k in ("id", "title", "text", "html", "published", "source", "url")})
        events = {e.event_id: e for e in doc.events} if hasattr(doc.events[0] if doc.events else None, "event_id") else {}
        for cls, _, g, p in items:
            pe = events.get(p.get("event_id"))
            if pe is None:
                pe = next((e for e in doc.events if e.sub_event_type == p.get("sub_event_type")
                           and e.location == p.get("location") and e.fatalities == p.get("fatalities")), None)
            why = _why(record, g, p, doc, pe)
            tally[why] += 1
            examples[why].append(f"{aid} gold {g.get('fatalities')} pred {p.get('fatalities')}")
    print("\nwhy (wrong matched events)")
    for why, n in tally.most_common():
        print(f"  {n:4d}  {why}    e.g. {'; '.join(examples[why][:2])}")


# What the reason of a toll says, in the order the rules apply (rasd.numbers.fatalities_for).
RULE_MARKS = (("other side", "+ the other side"), ("updated toll", "+ updated"), ("plus the suicide", "+ bomber"),
              ("attackers counted", "+ attackers"), ("largest kept", "+ largest of several"),
              ("vague quantity", "+ vague"))


def rule_of(reason: str) -> str:
    """The rule a toll's reason names: where the count was read, and what was done to it."""
    if not reason or reason.startswith("no death count"):
        return "no death count"
    head = reason.split(":")[0]
    if head not in ("clause", "sentence", "next sentence", "story sentence"):
        for key, name in (("one toll", "one toll for two events"), ("two places", "toll for two places"),
                          ("updated toll", "updated toll"), ("not this incident", "set aside (aggregate)")):
            if key in reason:
                head = name
                break
        else:
            head = "other"
    elif "deaths and injuries given together" in reason:
        head += " (killed or injured)"
    elif "without a number" in reason:
        head += " (no number)"
    return head + "".join(f" {name}" for key, name in RULE_MARKS if key in reason)


def rules(matched: list) -> None:
    from rasd import pipeline

    by_article: dict[str, list] = defaultdict(list)
    for record, g, p in matched:
        by_article[str(record["id"])].append((record, g, p))
    stats: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list] = defaultdict(list)
    for aid, items in by_article.items():
        record = items[0][0]
        doc = pipeline.extract({k: record.get(k) for k in ("id", "title", "text", "html", "published", "source", "url")})
        for _, g, p in items:
            pe = next((e for e in doc.events if e.sub_event_type == p.get("sub_event_type")
                       and e.location == p.get("location") and e.fatalities == p.get("fatalities")), None)
            reason = str((pe.extra.get("reasons") or {}).get("fatalities") or "") if pe is not None else ""
            rule = rule_of(reason) if pe is not None else "(event not found again)"
            gf, pf = int(g.get("fatalities") or 0), int(p.get("fatalities") or 0)
            stats[rule]["n"] += 1
            stats[rule]["ok"] += gf == pf
            if gf != pf:
                examples[rule].append(f"{aid} gold {gf} pred {pf}")
    print(f"\n{'events':>6} {'right':>6} {'acc':>5}  rule that gave the toll")
    for rule, c in sorted(stats.items(), key=lambda x: -x[1]["n"]):
        print(f"{c['n']:6d} {c['ok']:6d} {c['ok'] / c['n']:5.2f}  {rule}    e.g. {'; '.join(examples[rule][:2])}")


def _toll_words(event: dict) -> str:
    for ev in event.get("evidence") or []:
        if isinstance(ev, dict) and ev.get("field") == "fatalities":
            return str(ev.get("text"))
    return "-"


def main(argv: list[str] | None = None) -> int:
    ap = gold_pred_parser(__doc__.split("\n\n")[0])
    ap.add_argument("--class", dest="only", choices=CLASSES)
    ap.add_argument("--explain", action="store_true", help="run the pipeline again on the articles of the wrong "
                    "events and sort them by what the rules did with the gold toll")
    ap.add_argument("--rules", action="store_true", help="run the pipeline again on the matched articles: accuracy "
                    "of the tolls each rule gave")
    args = ap.parse_args(argv)
    args.pred = predictions(ap, args, oof_predictions)
    se = _scorer()
    stats: dict[str, Counter] = defaultdict(Counter)
    wrong: dict[str, list] = defaultdict(list)
    source_of: dict[str, str] = {}
    with open(args.gold, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                group = str(record.get(args.by) or "?")
                source_of[str(record["id"])] = group
                for key in (group, "all"):
                    stats[key]["gold_total"] += sum(int(e.get("fatalities") or 0) for e in record.get("events") or [])
    for aid, events in se.load(str(args.pred)).items():
        group = source_of.get(str(aid))
        if group is None:
            continue
        for key in (group, "all"):
            stats[key]["pred_total"] += sum(int(e.get("fatalities") or 0) for e in events)
    matched = []
    for record, g, p in pairs(args.gold, args.pred):
        matched.append((record, g, p))
        group = str(record.get(args.by) or "?")
        gf, pf = int(g.get("fatalities") or 0), int(p.get("fatalities") or 0)
        cls = error_class(gf, pf)
        for key in (group, "all"):
            stats[key]["n"] += 1
            stats[key]["ok"] += cls is None
            if cls:
                stats[key][cls] += 1
        if cls:
            wrong[cls].append((record, g, p))
    print(f"{args.by:12} {'matched':>7} {'fatal':>6} {'missed':>6} {'spur':>5} {'over':>5} {'under':>5} "
          f"{'pred_tot':>8} {'gold_tot':>8}")
    for key in sorted(stats, key=lambda k: (k == "all", k)):
        s = stats[key]
        n = s["n"]
        acc = s["ok"] / n if n else 0.0
        print(f"{key:12} {n:7d} {acc:6.3f} {s['missed']:6d} {s['spurious']:5d} {s['over']:5d} {s['under']:5d} "
              f"{s['pred_total']:8d} {s['gold_total']:8d}")
    if args.explain:
        explain(args.gold, wrong)
    if args.rules:
        rules(matched)
    if args.list:
        for cls in CLASSES:
            if args.only and cls != args.only:
                continue
            print(f"\n== {cls}: {len(wrong[cls])}")
            for record, g, p in wrong[cls][:args.list]:
                print(f"-- {record['id']} [{record.get('source')}] gold {g.get('fatalities')} pred {p.get('fatalities')}"
                      f" | {g.get('sub_event_type')} | {g.get('location')}")
                print(f"   toll words: {_toll_words(p)}")
                print(f"   pred sentence: {str(p.get('notes') or '')[:400]}")
                print(f"   gold evidence: {str(g.get('evidence') or '')[:400]}")
                if g.get("note"):
                    print(f"   gold note: {str(g.get('note'))[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
