"""End-to-end throughput and memory of ``rasd extract`` with 1, 2, ... workers.

Runs the real command (``python -m rasd.cli extract CORPUS -o OUT --workers N``) in a subprocess over
the synthetic corpus (bench/make_corpus.py, made on first use) plus the dev set (by path), and samples
the memory of the whole process tree (the command and its workers) every 50 ms:

* articles/s and articles/s per core (/ workers), MB/s of input JSONL;
* peak RSS of the tree (sum over processes: counts pages shared copy-on-write once per process),
  peak PSS (proportional: shared pages split between the processes that share them; the honest sum)
  and the largest single process;
* the speed-up from 1 to N workers, and the CPU seconds the tree used (articles per CPU-second is
  the per-core figure that other load on the machine does not distort; the load average before each
  run is printed so a contended run shows).

    python bench/bench_extract.py                       # 30,000 articles + dev, workers 1 and 2
    python bench/bench_extract.py -n 3000 --workers 1   # a quick look
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEV = Path("/work/shared/eval/dev.jsonl")


# -- memory of a process tree, from /proc -----------------------------------------------------------------
def _children_map() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read().decode(errors="replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _tree(pid: int) -> list[int]:
    tree = _children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(tree.get(p, []))
    return out


def _kib(pid: int, path: str, key: str) -> int:
    try:
        with open(f"/proc/{pid}/{path}") as handle:
            for line in handle:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class MemorySampler(threading.Thread):
    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = self.peak_single = 0
        self.peak_processes = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            pids = _tree(self.pid)
            rss = [_kib(p, "status", "VmRSS:") for p in pids]
            pss = sum(_kib(p, "smaps_rollup", "Pss:") for p in pids)
            self.peak_rss = max(self.peak_rss, sum(rss))
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_single = max(self.peak_single, max(rss, default=0))
            self.peak_processes = max(self.peak_processes, len(pids))
            self.stop.wait(self.interval)


# -- one run --------------------------------------------------------------------------------------------
def count_lines(paths: list[Path]) -> tuple[int, int]:
    lines = size = 0
    for path in paths:
        size += path.stat().st_size
        with open(path, "rb") as handle:
            lines += sum(1 for line in handle if line.strip())
    return lines, size


def run_extract(inputs: list[Path], workers: int, out_dir: Path, extra: list[str]) -> dict:
    out = out_dir / f"out-w{workers}.jsonl"
    command = [sys.executable, "-m", "rasd.cli", "extract", *map(str, inputs), "-o", str(out),
               "--workers", str(workers), *extra]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with open(out_dir / f"stderr-w{workers}.txt", "wb") as err:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT, env=env)
        sampler = MemorySampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # usage covers the workers too (waited for by the command)
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        sampler.stop.set()
        sampler.join()
    seconds = time.perf_counter() - started
    if code != 0:
        tail = (out_dir / f"stderr-w{workers}.txt").read_text(errors="replace")[-2000:]
        raise SystemExit(f"rasd extract failed (exit {code}):\n{tail}")
    articles = events = skipped = 0
    with open(out, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            articles += 1
            events += len(row.get("events") or [])
            skipped += bool(row.get("skipped"))
    cpu = usage.ru_utime + usage.ru_stime
    return {"workers": workers, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "articles_per_cpu_s": round(articles / cpu, 1) if cpu else None,
            "load_before": round(load_before, 2), "articles": articles, "events": events,
            "skipped": skipped, "peak_rss_mb": round(sampler.peak_rss / 1024, 1),
            "peak_pss_mb": round(sampler.peak_pss / 1024, 1),
            "peak_single_process_mb": round(sampler.peak_single / 1024, 1),
            "processes": sampler.peak_processes, "output": str(out)}


def default_corpus(articles: int) -> Path:
    return Path(tempfile.gettempdir()) / f"rasd-bench-corpus-{articles}.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None,
                        help="synthetic corpus (default: made with make_corpus.py in the temporary folder)")
    parser.add_argument("-n", "--articles", type=int, default=30000, help="articles to make when the corpus is missing")
    parser.add_argument("--dev", type=Path, default=DEV, help="the dev set, read by path (skipped when missing)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the outputs (in a temporary folder)")
    parser.add_argument("extra", nargs=argparse.REMAINDER, help="after --: more arguments for rasd extract")
    args = parser.parse_args(argv)
    args.corpus = args.corpus or default_corpus(args.articles)

    if not args.corpus.exists() or args.corpus.stat().st_size == 0:
        print(f"making {args.articles} articles in {args.corpus}", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), "-n", str(args.articles), "-o",
                        str(args.corpus)], check=True)
    inputs = [args.corpus] + ([args.dev] if args.dev.exists() else [])
    lines, size = count_lines(inputs)
    extra = [a for a in args.extra if a != "--"]
    print(f"input: {lines:,} articles, {size / 1e6:.1f} MB ({', '.join(map(str, inputs))}); "
          f"{os.cpu_count()} cores", file=sys.stderr)

    results = []
    out_dir = Path(tempfile.mkdtemp(prefix="rasd-bench-"))
    for workers in [int(w) for w in args.workers.split(",") if w.strip()]:
        result = run_extract(inputs, workers, out_dir, extra)
        result["articles_per_s"] = round(result["articles"] / result["seconds"], 1)
        result["articles_per_s_per_core"] = round(result["articles_per_s"] / workers, 1)
        result["mb_per_s"] = round(size / 1e6 / result["seconds"], 2)
        results.append(result)
        print(json.dumps(result), file=sys.stderr)
    base = results[0]
    for result in results:
        result["speedup"] = round(base["seconds"] / result["seconds"] * base["workers"], 2)
    outputs = [Path(r["output"]).read_bytes() for r in results]
    same = all(o == outputs[0] for o in outputs)
    if not args.keep:
        for r in results:
            Path(r["output"]).unlink(missing_ok=True)

    print(f"\n{lines:,} articles, {size / 1e6:.1f} MB input; outputs identical across worker counts: {same}\n")
    print("| workers | seconds | articles/s | per core | per CPU-second | MB/s | events | skipped | peak RSS sum | "
          "peak PSS | largest process | speed-up | load before |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['workers']} | {r['seconds']} | {r['articles_per_s']} | {r['articles_per_s_per_core']} | "
              f"{r['articles_per_cpu_s']} | "
              f"{r['mb_per_s']} | {r['events']:,} | {r['skipped']:,} | {r['peak_rss_mb']} MB | {r['peak_pss_mb']} MB | "
              f"{r['peak_single_process_mb']} MB | {r['speedup']}x | {r['load_before']} |")
    if args.json:
        args.json.write_text(json.dumps({"articles": lines, "bytes": size, "identical": same, "runs": results},
                                        indent=2) + "\n")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
