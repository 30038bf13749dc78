"""Coverage-guided fuzzing of rasd's input path with atheris (libFuzzer for Python), issue 8.

One harness per target; each turns libFuzzer's bytes into the input its target takes (raw bytes, text
mixed from an Arabic word list written for rasd and arbitrary Unicode, HTML, feeds, WARC records,
article records) and checks the target's contract. A *crash* is any exception the contract does not
allow, a broken invariant (offset maps, evidence that does not quote the text, a record outside the
taxonomy), or an input that runs longer than ``-timeout`` seconds.

    pip install atheris
    python bench/fuzz_atheris.py --list
    python bench/fuzz_atheris.py clean -max_total_time=60 -timeout=20    # one target, libFuzzer flags
    python bench/fuzz_atheris.py --all 100 --json bench/fuzz_atheris_results.json  # every target, 100 s each

``--all`` runs each target in its own process (with ``-print_final_stats=1``), in a fresh temporary
corpus seeded from :func:`seeds`, and collects executions, coverage and crashes; a crashing input is
saved as ``crash-<sha1>`` in ``--artifacts`` (default: the temporary folder) to be replayed with
``python bench/fuzz_atheris.py TARGET crash-<sha1>``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Words and marks the text generators draw on (written for rasd; no article text): triggers, places,
# dates, numbers, actors, clitics, punctuation, and characters that break text code.
WORDS = [
    "انفجرت", "عبوة", "ناسفة", "انفجار", "سيارة", "مفخخة", "قصف", "غارة", "غارات", "جوية", "اشتباكات", "مقتل",
    "قتل", "اصابة", "جرح", "اعتقلت", "اغتيال", "اختطف", "تظاهر", "احتجاجا", "هجوم", "مسلحون", "القوات",
    "الامنية", "الجيش", "تنظيم", "داعش", "الحشد", "الشعبي", "التحالف", "نفى", "هدد", "يعتزم", "دان",
    "في", "على", "قرب", "شمال", "جنوب", "غربي", "شرقي", "قضاء", "ناحية", "محافظة", "ريف", "مدينة", "بلدة",
    "بغداد", "الموصل", "البصرة", "كركوك", "تكريت", "الفلوجة", "حلب", "ادلب", "درعا", "تعز", "مأرب", "دمشق",
    "امس", "اليوم", "غدا", "الاحد", "الاثنين", "الجمعة", "صباح", "مساء", "ليلة", "فجر", "يوم", "الماضي",
    "كانون", "الثاني", "اذار", "حزيران", "رمضان", "شوال", "1446", "هـ", "2020", "2024", "12", "31", "29",
    "ثلاثة", "خمسة", "عشرات", "مئات", "الف", "اكثر", "من", "نحو", "3", "٣", "١٢", "9" * 30, "بينهم",
    "و", "ف", "ب", "ل", "ال", "لل", "وبال", "،", ".", "؟", "!", ":", "(", ")", "«", "»", "-", "\n", "\n\n",
    " ", "  ", "\u200f", "\u200d", "\u200c", "\u202e", "\u2067", "\ufeff", "\u0640", "\u064e", "\u0651",
    "\ufdfa", "\x00", "<", ">", "&amp;", "&#x110000;", "المصدر:", "(أ ف ب)", "•", "share", "IED", "中",
]


def text_from(fdp, max_items: int = 200) -> str:
    """A text mixed from WORDS and arbitrary Unicode (surrogates too), as the fuzzer steers it."""
    parts = []
    for _ in range(fdp.ConsumeIntInRange(0, max_items)):
        if fdp.remaining_bytes() <= 0:
            break
        if fdp.ConsumeIntInRange(0, 3):
            parts.append(WORDS[fdp.ConsumeIntInRange(0, len(WORDS) - 1)])
            parts.append(" " if fdp.ConsumeBool() else "")
        else:
            parts.append(fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 12)))
    return "".join(parts)


TAGS = ["p", "div", "article", "script", "style", "title", "meta", "time", "nav", "footer", "br", "table", "svg",
        "a", "span", "h1", "iframe", "template", "noscript", "li"]


def html_from(fdp) -> str:
    parts = []
    for _ in range(fdp.ConsumeIntInRange(0, 60)):
        if fdp.remaining_bytes() <= 0:
            break
        kind = fdp.ConsumeIntInRange(0, 6)
        tag = TAGS[fdp.ConsumeIntInRange(0, len(TAGS) - 1)]
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(f'<meta property="article:published_time" content="{fdp.ConsumeUnicode(12)}">')
        elif kind == 3:
            parts.append('<script type="application/ld+json">' + fdp.ConsumeUnicode(40) + "</script>")
        elif kind == 4:
            parts.append(f'<{tag} {fdp.ConsumeUnicode(10)}="{fdp.ConsumeUnicode(10)}">')
        else:
            parts.append(text_from(fdp, 30))
    return "".join(parts)


def _published(fdp):
    choice = fdp.ConsumeIntInRange(0, 4)
    if choice == 0:
        return None
    if choice == 1:
        return fdp.ConsumeUnicode(12)
    ordinal = fdp.ConsumeIntInRange(dt.date.min.toordinal(), dt.date.max.toordinal())
    day = dt.date.fromordinal(ordinal if choice == 2 else 730_000 + ordinal % 20_000)
    return day.isoformat()


# -- targets: each takes bytes, raises only on a broken contract ----------------------------------------------
def t_decode(data: bytes) -> None:
    from rasd.clean import decode_bytes
    from rasd.errors import InputError
    try:
        out = decode_bytes(data)
    except InputError as error:
        assert str(error)
        return
    assert isinstance(out, str)


def t_clean(data: bytes) -> None:
    import atheris
    from rasd.clean import clean_text, document_from_record, html_to_text
    from rasd.errors import InputError
    fdp = atheris.FuzzedDataProvider(data)
    markup = html_from(fdp)
    try:
        title, text = html_to_text(markup)
        assert isinstance(title, str) and isinstance(text, str)
    except InputError:
        pass
    body, outlet = clean_text(text_from(fdp))
    assert isinstance(body, str) and (outlet is None or isinstance(outlet, str))
    record = {"html": markup} if fdp.ConsumeBool() else {"text": text_from(fdp), "title": fdp.ConsumeUnicode(20)}
    record["published"] = _published(fdp)
    try:
        doc = document_from_record(record)
    except InputError as error:
        assert str(error)
        return
    n = doc.norm
    assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(doc.text)


def t_normalise(data: bytes) -> None:
    import atheris
    from rasd.text import normalize, tokenize
    fdp = atheris.FuzzedDataProvider(data)
    text = text_from(fdp) if fdp.ConsumeBool() else fdp.ConsumeUnicode(fdp.remaining_bytes())
    n = normalize(text)
    assert n.original == text and len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(text)
    assert all(a <= b for a, b in zip(n.offsets, n.offsets[1:]))
    assert normalize(n.text).text == n.text, "normalising twice changes the text"
    assert not any("\ud800" <= c <= "\udfff" for c in n.text)
    for tok in tokenize(n.text):
        assert n.text[tok.start:tok.end] == tok.text and tok.text
    for s in range(0, len(n.text) + 1, max(1, len(n.text) // 5)):
        a, b = n.span_to_original(s, len(n.text))
        assert 0 <= a <= b <= len(text)


def t_dates(data: bytes) -> None:
    import atheris
    from rasd import dates
    from rasd.text import normalize
    fdp = atheris.FuzzedDataProvider(data)
    published = _published(fdp)
    day = dates.parse_date_value(published) if isinstance(published, str) else None
    phrase = text_from(fdp, 40)
    out = dates.resolve_date(phrase, day)
    assert out is None or (isinstance(out[0], dt.date) and out[1] in (1, 2, 3))
    for m in dates.find_in_text(normalize(phrase).text, day):
        assert 0 <= m.start < m.end
    value = dates.parse_date_value(fdp.ConsumeUnicode(30))
    assert value is None or isinstance(value, dt.date)
    found, _ = dates.publication_date(html=html_from(fdp))
    assert found is None or isinstance(found, dt.date)


def t_numbers(data: bytes) -> None:
    import atheris
    from rasd import numbers
    from rasd.doc import Document
    from rasd.segment import segment
    fdp = atheris.FuzzedDataProvider(data)
    value = numbers.parse_number(text_from(fdp, 20))
    assert value is None or (isinstance(value, int) and value >= 0)
    doc = Document(text=text_from(fdp))
    segment(doc)
    numbers.find_casualties(doc)
    assert all(isinstance(c.count, int) and c.count >= 0 for c in doc.casualties)


def t_places(data: bytes) -> None:
    import atheris
    from rasd import geo
    from rasd.text import normalize
    fdp = atheris.FuzzedDataProvider(data)
    hint = [None, "Iraq", "Syria", "Yemen", "", "Atlantis"][fdp.ConsumeIntInRange(0, 5)]
    text = text_from(fdp)
    n = normalize(text)
    for m in geo.geocode(text, country_hint=hint):
        assert 0 <= m.start < m.end <= len(n.text) and m.precision in (1, 2, 3)


READER_ERRORS = (ValueError, OSError, EOFError, SyntaxError)  # what rasd.sources turns into a skip


def _scratch() -> Path:
    folder = Path(os.environ.get("RASD_FUZZ_SCRATCH") or tempfile.gettempdir())
    return folder / f"rasd-fuzz-{os.getpid()}"


def t_feeds(data: bytes) -> None:
    from rasd import feeds
    path = _scratch().with_suffix(".xml")
    path.write_bytes(data)
    try:
        for record in feeds.iter_feed(str(path)):
            assert isinstance(record, dict)
    except READER_ERRORS:
        pass
    finally:
        path.unlink(missing_ok=True)


def t_warc(data: bytes) -> None:
    from rasd import feeds
    path = _scratch().with_suffix(".warc")
    path.write_bytes(data)
    try:
        for record in feeds.iter_warc(str(path)):
            assert isinstance(record, dict)
    except READER_ERRORS:
        pass
    finally:
        path.unlink(missing_ok=True)


def t_sources(data: bytes) -> None:
    from rasd.sources import record_from_bytes, records_from_jsonl
    record = record_from_bytes(data, ident="x", kind="auto")
    assert isinstance(record, dict) and (record.get("_skip") or "text" in record or "html" in record)
    for record in records_from_jsonl(data.splitlines(), "fuzz"):
        assert isinstance(record, dict)


def t_extractor(data: bytes) -> None:
    import atheris

    from rasd.event import RECORD_FIELDS, SUB_EVENT_TYPES
    from rasd.pipeline import process
    fdp = atheris.FuzzedDataProvider(data)
    record = {"id": "fuzz", "published": _published(fdp)}
    if fdp.ConsumeBool():
        record["text"] = text_from(fdp, 300)
    else:
        record["html"] = html_from(fdp)
    result = process(record)
    if result.skipped:
        assert not result.events and isinstance(result.skipped, str)
        assert not result.skipped.startswith("internal error"), result.skipped
        return
    for event in result.events:
        assert list(event) == list(RECORD_FIELDS) and event["sub_event_type"] in SUB_EVENT_TYPES
        assert isinstance(event["fatalities"], int) and event["fatalities"] >= 0
        for ev in event["evidence"]:
            assert result.text[ev["start"]:ev["end"]] == ev["text"], "evidence does not quote the text"
        json.dumps(event, ensure_ascii=False)


def t_store(data: bytes) -> None:
    import atheris

    from rasd.store.ingest import ingest_records
    fdp = atheris.FuzzedDataProvider(data)
    records = [{"id": ["a", "b", fdp.ConsumeUnicode(4)][fdp.ConsumeIntInRange(0, 2)],
                "text": text_from(fdp, 120), "published": _published(fdp), "title": fdp.ConsumeUnicode(10),
                "source": fdp.ConsumeUnicode(6)} for _ in range(fdp.ConsumeIntInRange(1, 3))]
    report = ingest_records(_STORE, records)
    assert report.failed == 0, report.skip_reasons
    bad = _STORE.scalar("SELECT COUNT(*) AS n FROM events e WHERE e.n_reports != "
                        "(SELECT COUNT(*) FROM reports r WHERE r.event_id = e.event_id)")
    assert bad == 0


_STORE = None
TARGETS = {
    "decode": (t_decode, "bytes -> text: rasd.clean.decode_bytes"),
    "clean": (t_clean, "HTML cleaner, debris cleaner, record -> Document (rasd.clean)"),
    "normalise": (t_normalise, "offset-keeping normaliser and tokenizer (rasd.text)"),
    "dates": (t_dates, "date grammar, relative dates, publication date from HTML (rasd.dates)"),
    "numbers": (t_numbers, "number words and casualty counts (rasd.numbers)"),
    "places": (t_places, "place recognition and geocoding (rasd.geo)"),
    "feeds": (t_feeds, "RSS/Atom reader (rasd.feeds.iter_feed)"),
    "warc": (t_warc, "WARC reader (rasd.feeds.iter_warc)"),
    "sources": (t_sources, "file and JSONL readers (rasd.sources)"),
    "extractor": (t_extractor, "the whole extractor: rasd.pipeline.process"),
    "store": (t_store, "pipeline into a SQLite store (rasd.store.ingest)"),
}


# -- seeds -----------------------------------------------------------------------------------------------
SENTENCES = [
    "انفجرت عبوة ناسفة صباح اليوم الأحد على طريق رئيسي في مدينة بغداد ما أسفر عن مقتل ثلاثة أشخاص.",
    "شنت طائرات حربية غارات جوية أمس على مواقع قرب إدلب وأفادت مصادر بمقتل خمسة مدنيين في 12 آذار 2020.",
    "اعتقلت قوة أمنية سبعة مطلوبين في ناحية العلم شمالي تكريت يوم 31 رمضان 1445 هـ.",
    "نفى المتحدث باسم الجيش وقوع أي هجوم على القاعدة، وهدد التنظيم بشن هجمات جديدة.",
]


def seeds(target: str) -> list[bytes]:
    """A few valid inputs for each target (libFuzzer mutates from them)."""
    text = "\n".join(SENTENCES)
    page = ("<html><head><title>خبر</title><meta property=\"article:published_time\" content=\"2024-03-05\">"
            "</head><body><article>" + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</article></body></html>")
    rss = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>t</title><item><title>خبر</title>"
           f"<link>https://news.example/1</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>"
           f"{SENTENCES[0]}</description></item></channel></rss>").encode()
    http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page).encode()
    warc = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/1\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: " + str(len(http)).encode()
            + b"\r\n\r\n" + http + b"\r\n\r\n")
    structured = [text.encode(), page.encode(), bytes(range(256)), b"\x00" * 64]
    by_target = {
        "decode": [text.encode(), text.encode("cp1256"), text.encode("utf-16"), page.encode(), b"\xff\xfe\x00"],
        "feeds": [rss, gzip.compress(rss), rss.replace(b"<rss>", b'<feed xmlns="http://www.w3.org/2005/Atom">')],
        "warc": [warc, gzip.compress(warc), warc + warc],
        "sources": [text.encode(), page.encode(), json.dumps({"id": "a", "text": text}, ensure_ascii=False).encode()],
    }
    return by_target.get(target, structured)


# -- running ---------------------------------------------------------------------------------------------
def run_one(target: str, argv: list[str]) -> None:
    """Fuzz one target in this process (libFuzzer takes the remaining arguments)."""
    import atheris
    global _STORE
    with atheris.instrument_imports(include=["rasd"]):
        import rasd.clean  # noqa: F401
        import rasd.dates  # noqa: F401
        import rasd.feeds  # noqa: F401
        import rasd.geo  # noqa: F401
        import rasd.numbers  # noqa: F401
        import rasd.pipeline  # noqa: F401
        import rasd.sources  # noqa: F401
        import rasd.store.ingest  # noqa: F401
        import rasd.text  # noqa: F401
    from rasd.pipeline import process
    process({"text": SENTENCES[0], "published": "2024-03-05"})  # load the resources before fuzzing
    if target == "store":
        from rasd.store import open_store
        _STORE = open_store(":memory:")
    func = TARGETS[target][0]
    atheris.Setup([sys.argv[0], *argv], func)
    atheris.Fuzz()


_STAT = re.compile(r"stat::(\w+):\s+(\d+)")
_COV = re.compile(r"cov: (\d+) ft: (\d+)")


def run_all(seconds: float, only: list[str], json_path: str | None, artifacts: str | None,
            timeout: int, max_len: int, rss_mb: int, random_seed: int | None = None, runs: int | None = None) -> int:
    results = []
    for target in only:
        work = Path(tempfile.mkdtemp(prefix=f"rasd-atheris-{target}-"))
        corpus = work / "corpus"
        corpus.mkdir()
        for i, seed in enumerate(seeds(target)):
            (corpus / f"seed-{i}").write_bytes(seed)
        art = Path(artifacts) if artifacts else work
        art.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, __file__, target, str(corpus), f"-max_total_time={int(seconds)}",
               f"-timeout={timeout}", f"-max_len={max_len}", f"-rss_limit_mb={rss_mb}", "-print_final_stats=1",
               f"-artifact_prefix={art}/{target}-", "-close_fd_mask=1"]
        if random_seed is not None:  # the same mutations on every run (CI)
            cmd.append(f"-seed={random_seed}")
        if runs is not None:  # a fixed number of inputs rather than a time budget (CI)
            cmd.append(f"-runs={runs}")
        started = time.monotonic()
        env = dict(os.environ, RASD_FUZZ_SCRATCH=str(work))
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds + 600)
        wall = time.monotonic() - started
        log = proc.stderr
        stats = {k: int(v) for k, v in _STAT.findall(log)}
        cov = _COV.findall(log)
        crashes = sorted(str(p) for p in art.glob(f"{target}-*"))
        summary = {"target": target, "what": TARGETS[target][1], "seconds": round(wall, 1),
                   "executions": stats.get("number_of_executed_units"),
                   "executions_per_s": stats.get("average_exec_per_sec"),
                   "coverage_edges": int(cov[-1][0]) if cov else None, "features": int(cov[-1][1]) if cov else None,
                   "corpus_files": len(list(corpus.iterdir())), "peak_rss_mb": stats.get("peak_rss_mb"),
                   "exit": proc.returncode, "crashes": crashes}
        if proc.returncode not in (0,) or crashes:
            tail = [line for line in log.splitlines() if "Error" in line or "error" in line or "==" in line]
            summary["log_tail"] = (tail or log.splitlines())[-15:]
        results.append(summary)
        print(json.dumps(summary, ensure_ascii=False), flush=True)
        if not artifacts:
            shutil.rmtree(work, ignore_errors=True)
    if json_path:
        Path(json_path).write_text(json.dumps({"when": dt.datetime.now().isoformat(timespec="seconds"),
                                               "python": sys.version.split()[0], "seconds_per_target": seconds,
                                               "results": results}, ensure_ascii=False, indent=2) + "\n",
                                   encoding="utf-8")
    total = sum(r["executions"] or 0 for r in results)
    failed = [r["target"] for r in results if r["exit"] != 0 or r["crashes"]]
    print(f"{len(results)} targets, {total:,} executions, crashes in: {', '.join(failed) or 'none'}", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in TARGETS:
        run_one(argv[0], argv[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="list the targets")
    parser.add_argument("--all", type=float, metavar="SECONDS", help="fuzz every target for SECONDS each")
    parser.add_argument("--only", default=",".join(TARGETS), help="comma-separated targets for --all")
    parser.add_argument("--json", help="write the figures of --all here")
    parser.add_argument("--artifacts", help="keep corpora and crashing inputs here")
    parser.add_argument("--timeout", type=int, default=20, help="seconds one input may take (default 20)")
    parser.add_argument("--max-len", type=int, default=16384, help="largest input in bytes (default 16384)")
    parser.add_argument("--rss-mb", type=int, default=3072, help="memory limit in MB (default 3072)")
    parser.add_argument("--seed", type=int, help="libFuzzer's random seed, for a run that repeats exactly")
    parser.add_argument("--runs", type=int, help="stop after this many inputs (within the SECONDS of --all)")
    args = parser.parse_args(argv)
    if args.list or not args.all:
        for name, (_, what) in TARGETS.items():
            print(f"{name:10} {what}")
        return 0
    only = [t.strip() for t in args.only.split(",") if t.strip()]
    unknown = [t for t in only if t not in TARGETS]
    if unknown:
        parser.error(f"unknown targets: {', '.join(unknown)}")
    return run_all(args.all, only, args.json, args.artifacts, args.timeout, args.max_len, args.rss_mb,
                   random_seed=args.seed, runs=args.runs)


if __name__ == "__main__":
    sys.exit(main())
