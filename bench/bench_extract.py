"""End-to-end throughput and memory of ``rasd extract`` with 1, 2, ... workers, on real news.

Runs the real command (``python -m rasd.cli extract CORPUS -o OUT --workers N``) in a subprocess and
samples the memory of the whole process tree (the command and its workers) every 50 ms.

The default corpus is real news: the article texts of ``../shared/eval/dev.jsonl`` and ``dev2.jsonl``
(found beside the repository, as ``.ci/run`` finds them; their gold events are dropped), repeated to the
size asked for, each copy's id made unique. Reading them for a speed benchmark fits nothing to them.
``--corpus-kind templates`` uses the synthetic corpus of ``bench/make_corpus.py`` instead (shapes real
news seldom has: huge articles, many triggers); ``--corpus FILE`` any JSONL of articles.

* articles per CPU-second and characters (of article text) per CPU-second: the per-core figures
  that other load on the machine distorts least;
* wall articles/s and articles/s per core (/ workers), MB/s of input JSONL;
* peak RSS of the tree (sum over processes: counts pages shared copy-on-write once per process),
  peak PSS (proportional: shared pages split between the processes that share them; the honest sum)
  and the largest single process;
* the speed-up from 1 to N workers (the load average before each run is printed so a contended run
  shows).

    python bench/bench_extract.py                        # 6,000 news articles, workers 1 and 2
    python bench/bench_extract.py -n 1200 --workers 1    # a quick look
    python bench/bench_extract.py --corpus-kind templates -n 30000
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
SHARED = ROOT.parent / "shared"  # beside the checkout, as .ci/run finds it
NEWS = [SHARED / "eval" / "dev.jsonl", SHARED / "eval" / "dev2.jsonl"]
ARTICLE_FIELDS = ("id", "source", "url", "published", "title", "text", "html")


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
def count_articles(paths: list[Path]) -> tuple[int, int, int]:
    """Articles, bytes of JSONL and characters of article text (``text``, else ``html``)."""
    lines = size = chars = 0
    for path in paths:
        size += path.stat().st_size
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.strip():
                    continue
                lines += 1
                try:
                    row = json.loads(line)
                except ValueError:
                    continue
                if isinstance(row, dict):
                    body = row.get("text") or row.get("html") or ""
                    chars += len(body) if isinstance(body, str) else 0
    return lines, size, chars


def news_articles(sources: list[Path]) -> list[dict]:
    """The article fields of the news files (gold events and other keys dropped)."""
    articles = []
    for path in sources:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    articles.append({k: row[k] for k in ARTICLE_FIELDS if k in row})
    return articles


def make_news_corpus(sources: list[Path], articles: int, out: Path) -> None:
    """``articles`` lines cycling through the news files; copy k of an article gets the id ``ID~k``."""
    base = news_articles(sources)
    if not base:
        raise SystemExit(f"no articles in {', '.join(map(str, sources))}")
    tmp = out.with_name(f"{out.name}.{os.getpid()}.part")  # two benches at once each write their own
    with open(tmp, "w", encoding="utf-8") as handle:
        for i in range(articles):
            row = dict(base[i % len(base)])
            copy = i // len(base)
            if copy:
                row["id"] = f"{row.get('id', '')}~{copy}"
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(out)


def run_extract(inputs: list[Path], workers: int, out_dir: Path, extra: list[str], chars: int = 0) -> dict:
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
            "chars_per_cpu_s": round(chars / cpu) if cpu else None,
            "load_before": round(load_before, 2), "articles": articles, "events": events,
            "skipped": skipped, "peak_rss_mb": round(sampler.peak_rss / 1024, 1),
            "peak_pss_mb": round(sampler.peak_pss / 1024, 1),
            "peak_single_process_mb": round(sampler.peak_single / 1024, 1),
            "processes": sampler.peak_processes, "output": str(out)}


def default_corpus(articles: int, kind: str = "news") -> Path:
    """Where the corpus of ``articles`` articles of this kind is kept (the temporary folder)."""
    name = "corpus" if kind == "templates" else "news"
    return Path(tempfile.gettempdir()) / f"rasd-bench-{name}-{articles}.jsonl"


def ensure_corpus(kind: str, articles: int, news: list[Path] | None = None) -> Path:
    """The corpus file, made on first use: news repeated from ``news``, or make_corpus.py's templates."""
    path = default_corpus(articles, kind)
    if kind == "templates":
        if not path.exists() or path.stat().st_size == 0:
            print(f"making {articles} template articles in {path}", file=sys.stderr)
            subprocess.run([sys.executable, str(HERE / "make_corpus.py"), "-n", str(articles), "-o",
                            str(path)], check=True)
        return path
    sources = [p for p in (news or NEWS) if p.exists()]
    if not sources:
        raise SystemExit("no news to read: " + ", ".join(map(str, news or NEWS)) + " missing "
                         "(give --news FILE, --corpus FILE or --corpus-kind templates)")
    # remade every time: cheap, and a changed dev file must not leave a stale corpus behind
    make_news_corpus(sources, articles, path)
    return path


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that choose the corpus (shared with ``profile_stages.py``); see :func:`ensure_corpus`."""
    parser.add_argument("--corpus-kind", choices=("news", "templates"), default="news",
                        help="news: the dev articles repeated (default); templates: bench/make_corpus.py")
    parser.add_argument("--corpus", type=Path, default=None, help="a JSONL of articles to use as it is")
    parser.add_argument("--news", type=Path, action="append", default=None,
                        help="news JSONL to repeat (default: ../shared/eval/dev.jsonl and dev2.jsonl)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_arguments(parser)
    parser.add_argument("-n", "--articles", type=int, default=6000, help="articles in the corpus")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the outputs (in a temporary folder)")
    parser.add_argument("--compiled", action="store_true",
                        help="compile rasd's modules to bytecode (its __pycache__, ignored by git) before the runs, so "
                             "that each run reads them as an installed rasd does; without it, where "
                             "PYTHONDONTWRITEBYTECODE is set, every run compiles them from source (~0.2 CPU-s of "
                             "serial start-up, a third of it)")
    parser.add_argument("extra", nargs=argparse.REMAINDER, help="after --: more arguments for rasd extract")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    corpus = args.corpus or ensure_corpus(args.corpus_kind, args.articles, args.news)
    if not corpus.exists():
        raise SystemExit(f"no such corpus: {corpus}")
    inputs = [corpus]
    lines, size, chars = count_articles(inputs)
    extra = [a for a in args.extra if a != "--"]
    print(f"input: {lines:,} articles, {chars / lines if lines else 0:,.0f} characters of text an article, "
          f"{size / 1e6:.1f} MB ({corpus}); {os.cpu_count()} cores", file=sys.stderr)

    if args.compiled:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "rasd")], check=True,
                       stdout=subprocess.DEVNULL)
    results = []
    out_dir = Path(tempfile.mkdtemp(prefix="rasd-bench-"))
    for workers in [int(w) for w in args.workers.split(",") if w.strip()]:
        result = run_extract(inputs, workers, out_dir, extra, chars)
        result["articles_per_s"] = round(result["articles"] / result["seconds"], 1)
        result["articles_per_s_per_core"] = round(result["articles_per_s"] / workers, 1)
        result["mb_per_s"] = round(size / 1e6 / result["seconds"], 2)
        results.append(result)
        print(json.dumps(result), file=sys.stderr)
    base = results[0]
    for result in results:
        result["speedup"] = round(base["seconds"] / result["seconds"] * base["workers"], 2)
        # what the CPU figures allow on cores of their own: N workers at the CPU cost an article they
        # showed (a loaded machine's wall clock says nothing about scaling: each worker waits its turns)
        result["cpu_bound_speedup"] = round(result["workers"] * base["cpu_seconds"] / base["workers"]
                                            / result["cpu_seconds"], 2) if result["cpu_seconds"] else None
    outputs = [Path(r["output"]).read_bytes() for r in results]
    same = all(o == outputs[0] for o in outputs)
    if not args.keep:
        for r in results:
            Path(r["output"]).unlink(missing_ok=True)

    print(f"\n{lines:,} articles ({corpus.name}), {chars / lines if lines else 0:,.0f} characters of text an "
          f"article, {size / 1e6:.1f} MB input; outputs identical across worker counts: {same}\n")
    print("| workers | seconds | articles/s | per core | articles per CPU-second | characters per CPU-second | "
          "MB/s | events | skipped | peak RSS sum | peak PSS | largest process | speed-up | load before |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['workers']} | {r['seconds']} | {r['articles_per_s']} | {r['articles_per_s_per_core']} | "
              f"{r['articles_per_cpu_s']} | {r['chars_per_cpu_s'] or 0:,} | "
              f"{r['mb_per_s']} | {r['events']:,} | {r['skipped']:,} | {r['peak_rss_mb']} MB | {r['peak_pss_mb']} MB | "
              f"{r['peak_single_process_mb']} MB | {r['speedup']}x | {r['load_before']} |")
    print("\nspeed-up the CPU figures allow (workers x CPU-seconds of the first run / CPU-seconds of this one): "
          + ", ".join(f"{r['workers']} workers {r['cpu_bound_speedup']}x" for r in results))
    if args.json:
        args.json.write_text(json.dumps({"corpus": str(corpus), "articles": lines, "bytes": size, "characters": chars,
                                        "identical": same, "runs": results},
                                        indent=2) + "\n")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
