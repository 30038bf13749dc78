#!/usr/bin/env python3
"""How should the date chooser's (C, margin) be chosen among near-ties? Nested cross-validation on TRAIN.

usage: python scripts/date_selection.py [../shared/eval/train.jsonl] [--cache FILE]

``rasd train`` scores every (C, margin) of :mod:`rasd.learn.event_dates` out of fold (each outlet held out in
turn) and ships the one :func:`rasd.learn.event_dates.choose_setting` picks. This script prints, for each
setting, the out-of-fold accuracy (exact, and as groups right) and each C's out-of-fold log-loss, then checks
each way of choosing on outlets it did not choose on: for each outlet, the setting is chosen on the other
outlets' figures and scored on the held-out one (the fold models are the usual leave-one-outlet-out ones, so
the choosing outlets' figures come from models that saw the held-out outlet: a cheap approximation of a fully
nested run). Ways: ``first best`` (the rule before stop 35: the first setting with the best accuracy rounded to
3 decimals), ``plateau+logloss`` (choose_setting). Train only (the dev sets are for evaluation, never selection).
"""
from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd.learn import event_dates as ed  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", type=Path, default=ROOT.parent / "shared" / "eval" / "train.jsonl")
    ap.add_argument("--cache", type=Path, help="pickle of the training groups (written when missing)")
    args = ap.parse_args(argv)
    if "dev" in args.gold.name:
        print("date_selection: train only; the dev sets are for evaluation", file=sys.stderr)
        return 2
    if args.cache and args.cache.exists():
        groups = pickle.loads(args.cache.read_bytes())
    else:
        groups = ed.examples(args.gold)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(groups))
    outlets = sorted({g[0] for g in groups})
    by_outlet = {o: [g for g in groups if g[0] == o] for o in outlets}
    right: dict[tuple, int] = {}   # (c, margin, outlet) -> groups right
    loss: dict[tuple, tuple[float, int]] = {}  # (c, outlet) -> (summed log-loss, candidates)
    for c in ed.CS:
        for o in outlets:
            chooser = ed.DateChooser(ed._fit([g for g in groups if g[0] != o], 0, c))
            loss[c, o] = ed._log_loss(by_outlet[o], chooser)
            for m in ed.MARGINS:
                right[c, m, o] = round(ed._accuracy(by_outlet[o], chooser, m) * len(by_outlet[o]))
    settings = [(c, m) for c in ed.CS for m in ed.MARGINS]

    def figures(among):
        n = sum(len(by_outlet[o]) for o in among)
        acc = {s: sum(right[s + (o,)] for o in among) / n for s in settings}
        ll = {}
        for c in ed.CS:
            t = sum(loss[c, o][0] for o in among)
            k = sum(loss[c, o][1] for o in among)
            ll[c] = t / k if k else 0.0
        return acc, ll

    def first_best(acc, ll):
        best = None
        for s in settings:
            a = round(acc[s], 3)
            if best is None or a > best[0]:
                best = (a, s)
        return best[1]

    acc, ll = figures(outlets)
    print(f"{len(groups)} groups, {sum(1 for g in groups if g[6])} locked")
    for s in settings:
        print(f"C={s[0]:<5} margin={s[1]:<4} accuracy {acc[s]:.4f} ({sum(right[s + (o,)] for o in outlets)} right)")
    print("log-loss: " + ", ".join(f"C={c}: {v:.4f}" for c, v in ll.items()))
    for name, rule in (("first best", first_best), ("plateau+logloss", ed.choose_setting)):
        total, chosen = 0, []
        for o in outlets:
            s = rule(*figures([x for x in outlets if x != o]))
            chosen.append(f"{o} {s[0]}/{s[1]}")
            total += right[s + (o,)]
        print(f"{name:16} nested accuracy {total / len(groups):.4f} ({total}); on all of train: {rule(acc, ll)}; "
              f"per held-out outlet: {', '.join(chosen)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
