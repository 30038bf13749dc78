"""CPU time of the actor stage and of ``rasd.actors.roles_for`` on real news (issue 15).

Runs the pipeline over the news corpus of ``bench/bench_extract.py`` (the dev and dev2 articles repeated to
``-n``, as ``bench/profile_stages.py`` reads them) and reports the CPU milliseconds an article spent in
``find_actors`` (the actors stage) and in ``roles_for`` (called for every candidate event while assembling),
each timed with ``time.thread_time`` around the call. ``--rounds`` repeats the run in one process; the
lowest round is the figure least moved by other jobs on a shared machine.

    python scripts/actors_timing.py -n 600 --rounds 3
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "bench"))


def main(argv: list[str] | None = None) -> int:
    from bench_extract import ensure_corpus

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--articles", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    path = ensure_corpus("news", args.articles)
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()][: args.articles]

    from rasd import actors, assemble
    from rasd.batch import warm_up
    from rasd.errors import InputError
    from rasd.pipeline import STAGES, make_document

    warm_up()
    clock = time.thread_time
    spent = {"roles_for": 0.0, "calls": 0}
    original = actors.roles_for

    def timed(*a, **k):
        t0 = clock()
        try:
            return original(*a, **k)
        finally:
            spent["roles_for"] += clock() - t0
            spent["calls"] += 1

    assemble.actors.roles_for = timed
    rows = []
    for _ in range(args.rounds):
        spent.update(roles_for=0.0, calls=0)
        stage_time = {"actors": 0.0}
        total = 0.0
        for record in records:
            t0 = clock()
            try:
                doc = make_document(record)
            except InputError:
                continue
            for name, stage in STAGES:
                a = clock()
                stage(doc)
                if name == "actors":
                    stage_time["actors"] += clock() - a
            total += clock() - t0
        n = len(records)
        rows.append((1000 * spent["roles_for"] / n, 1000 * stage_time["actors"] / n, 1000 * total / n, spent["calls"]))
        print(f"roles_for {rows[-1][0]:.3f} ms/article ({rows[-1][3]} calls), actors stage {rows[-1][1]:.3f} "
              f"ms/article, pipeline {rows[-1][2]:.3f} ms/article", flush=True)
    best = min(rows)
    print(f"lowest: roles_for {best[0]:.3f}, actors {min(r[1] for r in rows):.3f}, pipeline {min(r[2] for r in rows):.3f} ms/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
