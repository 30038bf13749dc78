"""``rasd train``: rebuild the shipped models from hand-coded news (``../shared/eval/train.jsonl``).

Every trainer named in :data:`rasd.learn.TRAINERS` is run with the same seed; each writes its weights
into the output folder (by default the package's own ``rasd/data/models/``, so that a run over the same
data and seed gives the shipped files bit for bit) and returns its cross-validated figures, printed as
JSON. The dev sets are never read here.
"""
from __future__ import annotations

import importlib
import json
import re
import time
from pathlib import Path

from ..errors import InputError

MODELS = Path(__file__).resolve().parents[1] / "data" / "models"
# ../shared beside the checkout (where the repository is run from a clone)
DEFAULT_TRAIN = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "train.jsonl"


def register(subparsers) -> None:
    p = subparsers.add_parser("train", help="rebuild the shipped models from train.jsonl",
                              description="Train the learned decisions (event or not and its type, whose toll, "
                                          "which actor is which) on hand-coded articles; seeded and reproducible.")
    p.add_argument("--train", default=str(DEFAULT_TRAIN), help="hand-coded training articles (JSONL; default: "
                   "../shared/eval/train.jsonl beside the checkout)")
    p.add_argument("--out", default=str(MODELS), help="folder for the weights (default: the package's models)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--only", action="append", default=[], metavar="NAME",
                   help="train only this model (events, tolls, actor_roles); repeatable")
    p.set_defaults(func=run)


def trainers(only: list[str] | None = None) -> list[tuple[str, object]]:
    from ..learn import TRAINERS
    out = []
    for dotted in TRAINERS:
        name = dotted.rsplit(".", 1)[-1]
        if only and name not in only:
            continue
        out.append((name, importlib.import_module(dotted)))
    return out


def run(args) -> int:
    path = Path(args.train)
    if not path.is_file():
        raise InputError(f"no training file at {path} (give --train PATH)")
    if re.fullmatch(r"dev\d*\.jsonl", path.name):  # the evaluation sets
        raise InputError("the dev sets are for evaluation only: train on train.jsonl")
    out = Path(args.out)
    reports = {}
    for name, module in trainers(args.only):
        started = time.perf_counter()
        reports[name] = module.train(path, out, seed=args.seed)
        reports[name]["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(reports, indent=1, ensure_ascii=False))
    return 0
