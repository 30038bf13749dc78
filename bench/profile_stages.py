"""Where the time goes: per-stage seconds of the pipeline, then cProfile's top functions.

The default corpus is real news, as in ``bench_extract.py``: the articles of ``../shared/eval/dev.jsonl``
and ``dev2.jsonl`` (found beside the repository), repeated to ``-n`` articles with unique ids; the first
copy runs with the word caches cold, later copies with them warm, as in a long crawl. ``--corpus-kind
templates`` profiles the synthetic corpus of ``make_corpus.py`` instead, ``--corpus FILE`` any JSONL.

Stage times are CPU seconds of this thread (``time.thread_time``: on a machine other jobs share, wall
time counts their turns too), taken around each stage as ``rasd.pipeline.run_stages`` runs them; "clean"
(reading the record, HTML to text, normalising: ``make_document``) is what ``extract`` takes beyond the
stages, and "records" is turning events into records plus the JSON line ``rasd extract`` writes.

    python bench/profile_stages.py                 # 3,000 news articles
    python bench/profile_stages.py -n 240 --top 40 # each news article once: the caches cold
    python bench/profile_stages.py --corpus-kind templates
"""
from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import json
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def load(path: Path, limit: int | None) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in itertools.islice(handle, limit) if line.strip()]


def main(argv: list[str] | None = None) -> int:
    from bench_extract import add_corpus_arguments, ensure_corpus

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_arguments(parser)
    parser.add_argument("-n", "--articles", type=int, default=3000, help="articles to profile")
    parser.add_argument("--top", type=int, default=30, help="functions to list")
    parser.add_argument("--profile-articles", type=int, default=1000, help="articles under cProfile")
    args = parser.parse_args(argv)
    if args.corpus is None:
        # the template corpus is made once at 30,000 articles and its first -n used
        size = 30000 if args.corpus_kind == "templates" else args.articles
        args.corpus = ensure_corpus(args.corpus_kind, max(size, args.articles), args.news)
    records = load(args.corpus, args.articles)
    chars = sum(len(r.get("text") or r.get("html") or "") for r in records if isinstance(r, dict))
    print(f"{args.corpus}: {len(records):,} articles, {chars / max(1, len(records)):,.0f} characters of text an article")
    from rasd.batch import warm_up
    t0 = time.thread_time()
    warm_up()
    print(f"resources loaded in {time.thread_time() - t0:.2f} CPU seconds (once per process)")
    from rasd.batch import _freeze
    _freeze(collect=False)  # as rasd extract does in one process: resources frozen, the collector's thresholds

    timings, total, events, per_article = run_timed(records)
    print(f"\n{len(records):,} articles, {events:,} events, {total:.2f} CPU seconds: {len(records) / total:,.0f} "
          f"articles per CPU-second, {1000 * total / len(records):.2f} ms an article\n")
    print("| stage | CPU seconds | share | ms/article |")
    print("|---|---|---|---|")
    for name, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {seconds:.2f} | {100 * seconds / total:.1f}% | {1000 * seconds / len(records):.3f} |")
    slow = sorted(per_article, reverse=True)[:5]
    print("\nslowest articles: " + ", ".join(f"{rid} {ms:.1f} ms ({chars:,} chars)" for ms, rid, chars in slow))

    from rasd.pipeline import process
    sample = records[: args.profile_articles]
    profiler = cProfile.Profile()
    profiler.enable()
    for record in sample:
        process(record)
    profiler.disable()
    for order in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats(order).print_stats(args.top)
        text = buffer.getvalue()
        print(f"\n== cProfile over {len(sample):,} articles, by {order} ==")
        print(text[text.find("   ncalls"):].rstrip())
    return 0


def run_timed(records: list[dict]):
    """Per-stage CPU seconds; "clean" is make_document, "records" the records and their JSON line."""
    from rasd.errors import InputError
    from rasd.pipeline import make_document, run_lean
    clock = time.thread_time
    timings: dict[str, float] = {}
    total = 0.0
    events = 0
    per_article = []
    doc = None
    for record in records:
        local: dict[str, float] = {}
        t0 = clock()
        doc = None  # the previous article's Document is freed here, its own row, not inside "clean"
        local["free"] = clock() - t0
        t0 = clock()
        try:
            doc = make_document(record)
        except InputError:
            doc = None
        local["clean"] = clock() - t0
        if doc is not None:  # what process() runs: a stage it puts off is timed where it runs, as itself
            run_lean(doc, timings=local, clock=clock)
        t1 = clock()
        if doc is not None:
            rows = [e.to_record() for e in doc.events]
            json.dumps({"id": doc.id, "events": rows}, ensure_ascii=False)
            events += len(rows)
        local["records"] = clock() - t1
        for key, value in local.items():
            timings[key] = timings.get(key, 0.0) + value
        spent = sum(local.values())
        total += spent
        per_article.append((1000 * spent, str(record.get("id")), len(record.get("text") or record.get("html") or "")))
    return timings, total, events, per_article


if __name__ == "__main__":
    sys.exit(main())
