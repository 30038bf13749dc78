#!/usr/bin/env python3
"""Actor accuracy on matched events, by outlet, and the disagreements grouped by class.

usage: python scripts/actor_accuracy.py GOLD.jsonl PRED.jsonl [--by source] [--list N]
       python scripts/actor_accuracy.py ../shared/eval/train.jsonl --oof PRED.jsonl [--by source] [--list N]

Events are paired exactly as ``../shared/tools/score_events.py`` pairs them; for each matched event the
gold and predicted actor1/actor2 are compared after the scorer's folding. ``--list N`` prints the N most
frequent (gold, predicted) disagreements of each field. Use it on train.jsonl to find classes of error;
on the dev sets only to report.

``--oof PRED.jsonl`` (train.jsonl only) first writes out-of-fold predictions for the training articles and
scores those: the role model (``rasd.learn.actor_roles``) is refitted once per outlet group on the other
outlets (the folds of its own cross-validation) and the pipeline runs over the held-out outlet with it, so
that no article's actors are decided by weights fitted on that article. The dictionary and the rules are
as they are; the other shipped models (event decision, tolls, dates) stay as shipped, so which events are
matched is in-sample, but the actors of a matched event are not decided by a fit to it.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT.parent / "shared" / "tools"


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


def oof_predictions(train_path: Path, out_path: Path, seed: int = 0) -> None:
    """Write out-of-fold predictions for ``train_path`` (see the module's docstring)."""
    sys.path.insert(0, str(ROOT))
    import numpy as np

    from rasd.learn import actor_roles, read_records
    from rasd.pipeline import process

    items = actor_roles.examples(train_path)
    records = list(read_records(train_path))
    outlets = sorted({actor_roles._outlet(str(r.get("source") or "?")) for r in records})
    shipped = actor_roles.model
    try:
        with open(out_path, "w", encoding="utf-8") as out:
            for outlet in outlets:
                weights = actor_roles._fit([i for i in items if i["outlet"] != outlet], seed).astype(np.float64)
                fold = actor_roles.RoleModel(weights=weights, classes=actor_roles.CLASSES,
                                             rows=np.ascontiguousarray(weights.T))
                actor_roles.model = lambda fold=fold: fold
                for r in records:
                    if actor_roles._outlet(str(r.get("source") or "?")) != outlet:
                        continue
                    record = {k: r.get(k) for k in ("id", "title", "text", "html", "published", "source", "url")}
                    out.write(json.dumps({"id": r["id"], "events": process(record).events}, ensure_ascii=False) + "\n")
    finally:
        actor_roles.model = shipped


def predictions(ap: argparse.ArgumentParser, args: argparse.Namespace, write_oof) -> Path:
    """The predictions to score: ``args.pred``, or with ``--oof`` the out-of-fold predictions ``write_oof(gold,
    path)`` writes first (train.jsonl only: the dev sets are for evaluation)."""
    if args.oof:
        if "dev" in args.gold.name:
            ap.error("out-of-fold predictions are for train.jsonl; the dev sets are for evaluation only")
        write_oof(args.gold, args.oof)
        return args.oof
    if args.pred is None:
        ap.error("give PRED.jsonl or --oof PRED.jsonl")
    return args.pred


def gold_pred_parser(description: str) -> argparse.ArgumentParser:
    """The arguments these scripts share: GOLD, PRED or ``--oof PRED``, ``--by``, ``--list``."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path, nargs="?")
    ap.add_argument("--oof", type=Path, metavar="PRED", help="write out-of-fold predictions for GOLD (train.jsonl "
                    "only) here first, and score them")
    ap.add_argument("--by", default="source")
    ap.add_argument("--list", type=int, default=0)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = gold_pred_parser(__doc__.split("\n\n")[0])
    args = ap.parse_args(argv)
    args.pred = predictions(ap, args, oof_predictions)
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
