"""Instructions an article, cold and warm: a measure of speed that other jobs on the machine do not move.

Runs ``rasd extract --workers 1`` under valgrind's cachegrind (``--cache-sim=no``) over the first 1, N and
2N articles of the news corpus of ``bench_extract.py`` (the ``dev.jsonl`` + ``dev2.jsonl`` articles repeated,
N = 240: each article once, then each again), with ``PYTHONHASHSEED=0``, and prints

* the start-up (one article: imports, resources, the warm-up);
* an article the first time it is read (its words new to the per-word caches): (run N - run 1) / (N - 1);
* an article read again (warm caches): (run 2N - run N) / N;
* what the bench's default run (6,000 articles, one worker) comes to.

Wall-clock and even CPU-second figures scatter by 5-10 % on a shared machine; instruction counts repeat to
about 0.3 % (what is left: addresses, which hash tables of objects depend on). They leave out what memory
costs (cache misses), so a change that moves memory rather than instructions needs CPU-second rounds too.
Needs ``valgrind``; about a minute a run on a quiet machine.

    python bench/count_instructions.py
    python bench/count_instructions.py --tree /tmp/other-checkout   # another checkout, same corpus
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def instructions(tree: Path, corpus: Path, python: str) -> int:
    """Instructions of ``rasd extract CORPUS --workers 1`` run from ``tree`` (its rasd), all of them."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "cachegrind.log"
        subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                        f"--log-file={log}", python, "-m", "rasd.cli", "extract", str(corpus), "--workers", "1",
                        "-o", os.devnull], cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        found = re.search(r"I\s+refs:\s+([\d,]+)", log.read_text())
    if not found:
        raise RuntimeError(f"no instruction count in cachegrind's log for {corpus}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    from bench_extract import ensure_corpus

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", type=Path, default=HERE.parent, help="checkout whose rasd runs (default: this one)")
    parser.add_argument("-n", "--articles", type=int, default=240, help="articles of one pass (default: 240)")
    parser.add_argument("--total", type=int, default=6000, help="articles of the run to project (default: 6,000)")
    args = parser.parse_args(argv)
    n = args.articles
    corpus = ensure_corpus("news", 2 * n, None)
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
        for size in (1, n, 2 * n):
            part = Path(tmp) / f"first-{size}.jsonl"
            part.write_text("".join(lines[:size]), encoding="utf-8")
            counts[size] = instructions(args.tree.resolve(), part, sys.executable)
            print(f"{size:>5} articles: {counts[size]:,} instructions", file=sys.stderr)
    start = counts[1]
    cold = (counts[n] - counts[1]) / (n - 1)
    warm = (counts[2 * n] - counts[n]) / n
    total = start + cold * n + warm * (args.total - n)
    print(f"start-up {start / 1e9:.3f} G; an article cold {cold / 1e6:.2f} M, warm {warm / 1e6:.2f} M; "
          f"{args.total:,} articles (one worker) {total / 1e9:.2f} G")
    return 0


if __name__ == "__main__":
    sys.exit(main())
