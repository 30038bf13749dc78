"""Replay the actor work of the pipeline on real news, for timing and for comparing two versions of the code.

Runs the pipeline once over the news corpus of ``bench/bench_extract.py`` (each dev and dev2 article once by
default), recording every ``rasd.actors.roles_for`` call the assembling makes; then, ``--rounds`` times, runs
``find_actors`` on every document and replays every recorded call (the actors' per-article memos cleared
first), and prints the lowest CPU milliseconds an article of each. ``--dump FILE`` writes what the calls
returned (one JSON line a call) so that two checkouts can be compared with ``cmp``.

    python scripts/actors_replay.py --rounds 5 --dump /tmp/roles.jsonl
    (cd ../other-checkout && python ../this-checkout/scripts/actors_replay.py --dump /tmp/roles-other.jsonl)
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

# the checkout run from (the current directory) is the one measured: another checkout's code can be timed
# with this script, ``cd OTHER && python /path/to/scripts/actors_replay.py``
sys.path.insert(0, str(Path.cwd()))
sys.path.insert(0, str(Path.cwd() / "bench"))


def main(argv: list[str] | None = None) -> int:
    from bench_extract import ensure_corpus

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--articles", type=int, default=240)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--only", choices=("find", "roles", "none"),
                    help="replay only find_actors, only roles_for, or nothing (instruction counts under valgrind: "
                         "the difference between runs is what the replayed part costs)")
    ap.add_argument("--parts", action="store_true", help="also time the parts of roles_for (inclusive)")
    args = ap.parse_args(argv)
    path = ensure_corpus("news", args.articles)
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()][: args.articles]

    from rasd import actors, assemble
    from rasd.batch import warm_up
    from rasd.errors import InputError
    from rasd.pipeline import STAGES, make_document

    warm_up()
    calls = []
    original = actors.roles_for

    def recording(*a, **k):
        calls.append((a, k))
        return original(*a, **k)

    assemble.actors.roles_for = recording
    docs = []
    for record in records:
        try:
            doc = make_document(record)
        except InputError:
            continue
        for _, stage in STAGES:
            stage(doc)
        docs.append(doc)
    assemble.actors.roles_for = original

    def clear(doc):
        for key in [k for k in doc.user_data if k.startswith(("_actors", "_carried", "_article_counts"))]:
            del doc.user_data[key]

    clock = time.thread_time
    parts: dict[str, float] = {}
    if args.parts:
        from rasd.learn import actor_roles

        def timing(owner, name, label):
            inner = getattr(owner, name)

            def wrapped(*a, **k):
                t = clock()
                try:
                    return inner(*a, **k)
                finally:
                    parts[label] = parts.get(label, 0.0) + clock() - t
            setattr(owner, name, wrapped)

        for name in ("_analyse", "candidates", "_default_actor1", "_associates", "_crowd_roles", "_denials",
                     "_opponent", "_claimant"):
            timing(actors, name, name)
        timing(actor_roles.RoleModel, "rescore", "rescore")
        timing(actor_roles, "_parts", "rescore._parts")
        timing(actor_roles.RoleModel, "probabilities_of_indices", "rescore.probabilities")
    best_find = best_roles = float("inf")
    out = None
    for _ in range(args.rounds):
        for doc in docs:
            clear(doc)
        t0 = clock()
        if args.only in (None, "find"):
            for doc in docs:
                actors.find_actors(doc)
        t1 = clock()
        if args.only in (None, "roles"):
            out = [actors.roles_for(*a, **k) for a, k in calls]
        t2 = clock()
        best_find, best_roles = min(best_find, t1 - t0), min(best_roles, t2 - t1)
    n = len(docs)
    for label, seconds in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"  {label}: {1000 * seconds / n / args.rounds:.3f} ms/article (mean, inclusive)")
    print(f"{n} articles, {len(calls)} roles_for calls: find_actors {1000 * best_find / n:.3f} ms/article, "
          f"roles_for {1000 * best_roles / n:.3f} ms/article (lowest of {args.rounds} rounds)")
    if args.dump and out is not None:
        with open(args.dump, "w", encoding="utf-8") as handle:
            for doc in docs:
                handle.write(json.dumps([(m.start, m.end, m.text, m.actor.name, m.kind, m.first, m.last,
                                          m.cue_first, m.country, m.note) for m in doc.actors],
                                        ensure_ascii=False) + "\n")
            for roles in out:
                handle.write(json.dumps(dataclasses.asdict(roles), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
