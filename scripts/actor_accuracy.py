#!/usr/bin/env python3
"""Actor accuracy on matched events, by outlet, and the disagreements grouped by class.

usage: python scripts/actor_accuracy.py GOLD.jsonl PRED.jsonl [--by source] [--list N]

Events are paired exactly as ``../shared/tools/score_events.py`` pairs them; for each matched event the
gold and predicted actor1/actor2 are compared after the scorer's folding. ``--list N`` prints the N most
frequent (gold, predicted) disagreements of each field. Use it on train.jsonl to find classes of error;
on the dev sets only to report.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[1].parent / "shared" / "tools"


def _scorer():
    sys.path.insert(0, str(TOOLS))
    import score_events  # noqa: E402  (the shared scorer, standard library only)
    return score_events


def pairs(gold_path: Path, pred_path: Path):
    """(article record, gold event, predicted event) for every matched pair."""
    se = _scorer()
    aliases = se.load_admin1_aliases()
    pred = se.load(str(pred_path))
    with open(gold_path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            gold_events = record.get("events") or []
            pred_events = pred.get(str(record["id"]), [])
            if not gold_events or not pred_events:
                continue
            weights = [[1000 + se.agreement(g, p, aliases) if se.compatible(g, p, aliases) else 0
                        for p in pred_events] for g in gold_events]
            for r, c in se.hungarian(weights):
                yield record, gold_events[r], pred_events[c]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--by", default="source")
    ap.add_argument("--list", type=int, default=0)
    args = ap.parse_args(argv)
    se = _scorer()
    right: dict[str, Counter] = defaultdict(Counter)
    wrong: dict[str, Counter] = defaultdict(Counter)
    for record, g, p in pairs(args.gold, args.pred):
        group = str(record.get(args.by) or "?")
        for key in (group, "all"):
            right[key]["n"] += 1
        for f in ("actor1", "actor2"):
            ok = se.fold(g.get(f)) == se.fold(p.get(f))
            for key in (group, "all"):
                right[key][f] += ok
            if not ok:
                wrong[f][(g.get(f), p.get(f))] += 1
    print(f"{args.by:12} {'matched':>7} {'actor1':>7} {'actor2':>7}")
    for key in sorted(right, key=lambda k: (k == "all", k)):
        n = right[key]["n"]
        print(f"{key:12} {n:7d} {right[key]['actor1'] / n:7.3f} {right[key]['actor2'] / n:7.3f}")
    for f in ("actor1", "actor2"):
        if args.list:
            print(f"\n{f}: gold -> predicted ({sum(wrong[f].values())} wrong)")
            for (g, p), n in wrong[f].most_common(args.list):
                print(f"  {n:3d}  {g}  ->  {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
