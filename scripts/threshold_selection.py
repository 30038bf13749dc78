#!/usr/bin/env python3
"""How should the event decision's keep threshold be chosen? Nested cross-validation on TRAIN.

usage: python scripts/threshold_selection.py [../shared/eval/train.jsonl]

``rasd train`` scores every (threshold, re-typing margin, rescue) setting on the out-of-fold decisions of
train and ships the one :func:`rasd.learn.events.choose_setting` picks. The out-of-fold F1 is flat around its
best, so which setting of the plateau is taken is a choice of its own. This script checks each way of choosing
on text it did not choose on: for each outlet group, the setting is chosen on the other five groups' out-of-fold
decisions and scored on the held-out group; the six held-out results are summed into one precision, recall
and F1. It prints, for each way, that nested figure, the setting each fold chose, and the setting chosen on
all of train. Train only (the dev sets are for evaluation, never selection); about two minutes.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd.learn import events  # noqa: E402


def _prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": p, "recall": r, "event_f1": 2 * p * r / (p + r) if p + r else 0.0}


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else ROOT.parent / "shared" / "eval" / "train.jsonl"
    if "dev" in path.name:
        print("threshold_selection: train only; the dev sets are for evaluation", file=sys.stderr)
        return 2
    proposed = events.propose_all(events.read_articles(path))
    _rows, _labels, _groups, dists = events.out_of_fold(proposed)
    group_of = [events.outlet_group(article.get("source") or "") for article, _doc, _c in proposed]
    groups = sorted(set(group_of))
    subsets = {group: [a for a, g in enumerate(group_of) if g == group] for group in groups}
    counts: dict[tuple, tuple[int, int, int]] = {}
    parts = {}
    for group, subset in subsets.items():
        position = {a: k for k, a in enumerate(subset)}
        parts[group] = ([proposed[a] for a in subset],
                        {(position[a], j): d for (a, j), d in dists.items() if a in position})
    for key in events.SETTINGS:
        for group, (sub_proposed, sub_dists) in parts.items():
            result = events.score_model(sub_proposed, sub_dists, *key)
            counts[key + (group,)] = (result["matched"], result["pred_events"], result["gold_events"])

    def pooled(key, among) -> dict[str, float]:
        return _prf(*(sum(counts[key + (g,)][i] for g in among) for i in range(3)))

    print("| choosing on the plateau | nested precision | recall | **F1** | chosen per held-out group | on all of train |")
    print("|---|---:|---:|---:|---|---|")
    for prefer in ("precision", "recall", "f1"):
        total, chosen = [0, 0, 0], []
        for group in groups:
            others = [g for g in groups if g != group]
            key = events.choose_setting({k: pooled(k, others) for k in events.SETTINGS}, prefer)
            chosen.append(f"{group} {key[0]}/{key[2]}")
            total = [x + y for x, y in zip(total, counts[key + (group,)])]
        full = events.choose_setting({k: pooled(k, groups) for k in events.SETTINGS}, prefer)
        f = _prf(*total)
        print(f"| highest {prefer} | {f['precision']:.3f} | {f['recall']:.3f} | **{f['event_f1']:.3f}** | "
              f"{', '.join(chosen)} | {full[0]}/{full[2]} (margin {full[1]}) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
