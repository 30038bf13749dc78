#!/usr/bin/env python3
"""Measure the train place table honestly: leave one outlet out.

For each outlet group of train.jsonl (BBC, CNN, alarabia, france24, skynews, saudi = the other outlets), build the
table from the other five (``scripts/build_train_places.py --exclude-source G``), compile an index with it, run
``rasd eval`` on the held-out group's articles with ``RASD_GAZETTEER_DIR`` pointing at that index, and pool the six
held-out prediction files. The pooled file is scored on all of train by the shared scorer (``--by outlet``), beside
a baseline prediction file (the same checkout's code without the table: ``--baseline PRED`` from a run of the
code being compared, or ``--run-baseline`` to run it here with an index compiled without the table).

usage:
    python3 scripts/train_places_loso.py --work /tmp/loso [--train ../shared/eval/train.jsonl]
        [--baseline PRED.jsonl | --run-baseline] [--groups BBC,CNN]

The table built from all of train and scored on train (in-sample) says nothing about new text: do not report it
as a gain.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.build_train_places import MAIN_OUTLETS, TRAIN, group_of  # noqa: E402

SCORER = ROOT.parent / "shared" / "tools" / "score_events.py"
GROUPS = MAIN_OUTLETS + ("saudi",)


def run(cmd: list[str], env: dict | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), file=sys.stderr, flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=Path, default=TRAIN)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--baseline", type=Path, help="baseline predictions of all of train (JSONL)")
    parser.add_argument("--run-baseline", action="store_true", help="run the baseline here (index without the table)")
    parser.add_argument("--groups", default=",".join(GROUPS))
    args = parser.parse_args(argv)
    py = sys.executable
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    articles = [json.loads(line) for line in open(args.train, encoding="utf-8") if line.strip()]
    for a in articles:
        a["outlet"] = group_of(a.get("source", ""))
    gold = work / "gold.jsonl"
    gold.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    pooled = work / "loso_pred.jsonl"
    with open(pooled, "w", encoding="utf-8") as out:
        for g in args.groups.split(","):
            fold = work / g
            (fold / "gaz").mkdir(parents=True, exist_ok=True)
            subset = fold / "gold.jsonl"
            subset.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles if a["outlet"] == g),
                              encoding="utf-8")
            table = fold / "train_places.tsv"
            run([py, "scripts/build_train_places.py", "--train", args.train, "--exclude-source", g, "--out", table])
            run([py, "-c", "import sys; from pathlib import Path; from rasd.geo.build import compile_index; "
                 f"compile_index(out=Path({str(fold / 'gaz' / 'index.tsv')!r}), train_places=Path({str(table)!r}))"])
            env = dict(os.environ, RASD_GAZETTEER_DIR=str(fold / "gaz"), RASD_CACHE_DIR=str(fold / "cache"))
            pred = fold / "pred.jsonl"
            run([py, "-m", "rasd.cli", "eval", subset, "--pred-out", pred], env=env)
            out.write(pred.read_text(encoding="utf-8"))
    baseline = args.baseline
    if args.run_baseline:
        (work / "base" / "gaz").mkdir(parents=True, exist_ok=True)
        run([py, "-c", "from pathlib import Path; from rasd.geo.build import compile_index; "
             f"compile_index(out=Path({str(work / 'base' / 'gaz' / 'index.tsv')!r}), train_places=False)"])
        baseline = work / "base" / "pred.jsonl"
        env = dict(os.environ, RASD_GAZETTEER_DIR=str(work / "base" / "gaz"), RASD_CACHE_DIR=str(work / "base" / "cache"))
        run([py, "-m", "rasd.cli", "eval", args.train, "--pred-out", baseline], env=env)
    for name, pred in (("baseline", baseline), ("held-out table (LOSO)", pooled)):
        if pred is None:
            continue
        print(f"== {name}: {pred}", flush=True)
        subprocess.run([py, str(SCORER), str(gold), str(pred), "--by", "outlet"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
