"""Faults on a real SQLite store, with ``rasd`` run as a separate process (issue 8).

* ``kill -9`` in the middle of an ingest (several points, repeatedly) leaves a consistent store
  (``PRAGMA integrity_check``, no orphan evidence, reports, merges or events, every article's reports
  complete or absent), and running the same ingest again ends with exactly the store a clean run gives:
  no duplicate, no missing event. The same for SIGTERM, Ctrl-C, and for ``rasd extract --resume``.
* A read-only store file, a read-only folder, a store locked by another writer, a full disk (a file size
  limit on the process, and SQLite's page limit), a damaged store: a clear message, exit code 4, no
  traceback, nothing stored changed; what cannot be written to an output file: exit code 5.
* Concurrent ingest and API reads: every answer is whole (one snapshot), and two ingests at once into
  one store leave it consistent.

The corpus is generated here from sentences written for these tests.
"""
from __future__ import annotations

import ctypes
import json
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

RASD = [sys.executable, "-m", "rasd.cli"]
N_ARTICLES = 240

PLACES = ["بغداد", "الموصل", "البصرة", "كركوك", "تكريت", "الفلوجة", "الرمادي", "بعقوبة", "الناصرية", "حلب",
          "إدلب", "درعا", "تعز", "مأرب", "الحديدة", "سامراء", "الحلة", "دير الزور"]
TEMPLATES = [
    "انفجرت عبوة ناسفة {day} على طريق رئيسي في مدينة {place} ما أسفر عن مقتل {n} أشخاص وإصابة آخرين.",
    "اندلعت اشتباكات عنيفة بين القوات الحكومية ومسلحين مجهولين في أطراف {place} {day} وقتل فيها {n} مسلحين.",
    "تظاهر مئات المواطنين {day} أمام مبنى المحافظة في {place} احتجاجا على انقطاع الكهرباء وتردي الخدمات.",
    "اعتقلت قوة أمنية {n} مطلوبين في عملية دهم نفذتها {day} في أحد أحياء {place}.",
    "شنت طائرات حربية غارات جوية {day} على مواقع قرب {place} وأفادت مصادر محلية بمقتل {n} مدنيين.",
    "اغتال مسلحون مجهولون يستقلون دراجة نارية موظفا حكوميا {day} في {place}.",
    "سقطت قذائف هاون {day} على حي سكني في {place} وأصيب {n} مدنيين بجروح.",
]
DAYS = ["اليوم الأحد", "أمس السبت", "مساء الجمعة", "فجر الخميس", "صباح الاثنين"]
NUMBERS = ["ثلاثة", "خمسة", "سبعة", "عشرة", "أربعة"]
SOURCES = ["Shafaq News", "Alsumaria", "Rudaw", "Enab Baladi"]


def make_article(i: int) -> dict:
    lines = [TEMPLATES[(i + k) % len(TEMPLATES)].format(place=PLACES[(i * 5 + k * 7) % len(PLACES)],
                                                        day=DAYS[(i + 2 * k) % len(DAYS)],
                                                        n=NUMBERS[(i + k) % len(NUMBERS)])
             for k in range(3)]
    return {"id": f"fault-{i:04d}", "url": f"https://news.example/{i}", "title": "أخبار أمنية",
            "text": "\n".join(lines), "published": f"2023-{1 + i % 12:02d}-{1 + (i * 7) % 27:02d}",
            "source": SOURCES[i % len(SOURCES)]}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def env(**extra: str) -> dict:
    out = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1")
    for key in ("RASD_DB", "RASD_DB_TIMEOUT", "RASD_API_TOKEN", "RASD_DEBUG"):
        out.pop(key, None)
    out.update(extra)
    return out


def rasd(*args, timeout: float = 300, preexec_fn=None, **extra_env) -> subprocess.CompletedProcess:
    return subprocess.run([*RASD, *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          env=env(**extra_env), preexec_fn=preexec_fn)


def no_traceback(out) -> None:
    assert "Traceback" not in out.stderr and "internal error" not in out.stderr, out.stderr[-3000:]


SUMMARY = re.compile(r"(\d+) added, (\d+) replaced, (\d+) unchanged, (\d+) skipped")


def summary(out) -> tuple[int, int, int, int]:
    found = SUMMARY.findall(out.stderr)
    assert found, out.stderr[-2000:]
    return tuple(int(x) for x in found[-1])


# -- the store as data -------------------------------------------------------------------------------------
def store_state(path: Path) -> dict:
    """Everything stored, as sorted tuples (timestamps left out): two stores with the same state hold
    the same articles, reports, evidence, events, merges and sources."""
    con = sqlite3.connect(str(path))
    try:
        def rows(sql):
            return sorted(tuple(r) for r in con.execute(sql).fetchall())
        event_cols = [r[1] for r in con.execute("PRAGMA table_info(events)") if r[1] != "updated_at"]
        return {
            "articles": rows("SELECT article_id, url, source, title, published, text, input_hash, content_hash, "
                             "skipped FROM articles"),
            "reports": rows("SELECT report_id, article_id, event_id, seq, record FROM reports"),
            "evidence": rows("SELECT report_id, field, span_start, span_end, text FROM evidence"),
            "events": rows(f"SELECT {', '.join(event_cols)} FROM events"),
            "merges": rows("SELECT event_id, report_id, reason FROM merges"),
            "sources": rows("SELECT name, articles FROM sources"),
        }
    finally:
        con.close()


def check_consistent(path: Path, expected_reports: dict[str, int]) -> int:
    """The store at ``path`` is sound and every article in it is whole; returns the number of articles."""
    con = sqlite3.connect(str(path))
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = {
            "reports without article": "SELECT COUNT(*) FROM reports r WHERE NOT EXISTS "
                                       "(SELECT 1 FROM articles a WHERE a.article_id = r.article_id)",
            "reports without event": "SELECT COUNT(*) FROM reports r WHERE r.event_id IS NULL OR NOT EXISTS "
                                     "(SELECT 1 FROM events e WHERE e.event_id = r.event_id)",
            "evidence without report": "SELECT COUNT(*) FROM evidence v WHERE NOT EXISTS "
                                       "(SELECT 1 FROM reports r WHERE r.report_id = v.report_id)",
            "events without report": "SELECT COUNT(*) FROM events e WHERE NOT EXISTS "
                                     "(SELECT 1 FROM reports r WHERE r.event_id = e.event_id)",
            "merges not matching a report": "SELECT COUNT(*) FROM merges m WHERE NOT EXISTS (SELECT 1 FROM "
                                            "reports r WHERE r.report_id = m.report_id AND r.event_id = m.event_id)",
            "reports without merge": "SELECT COUNT(*) FROM reports r WHERE NOT EXISTS "
                                     "(SELECT 1 FROM merges m WHERE m.report_id = r.report_id)",
            "events with a wrong report count": "SELECT COUNT(*) FROM events e WHERE e.n_reports != "
                                                "(SELECT COUNT(*) FROM reports r WHERE r.event_id = e.event_id)",
        }
        found = {name: con.execute(sql).fetchone()[0] for name, sql in orphans.items()}
        assert found == {name: 0 for name in orphans}
        per_article = dict(con.execute("SELECT a.article_id, COUNT(r.report_id) FROM articles a LEFT JOIN "
                                       "reports r ON r.article_id = a.article_id GROUP BY a.article_id"))
        partial = {a: (n, expected_reports.get(a)) for a, n in per_article.items() if n != expected_reports.get(a)}
        assert not partial, f"articles stored without all their reports: {partial}"
        sources = dict(con.execute("SELECT name, articles FROM sources"))
        actual = dict(con.execute("SELECT source, COUNT(*) FROM articles WHERE source != '' GROUP BY source"))
        assert {k: v for k, v in sources.items() if v} == actual, "source counts out of step with the articles"
        return len(per_article)
    finally:
        con.close()


# -- fixtures --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The corpus file, what the pipeline gives for each article, and the state of a clean ingest."""
    from rasd.pipeline import process
    folder = tmp_path_factory.mktemp("faults")
    records = [make_article(i) for i in range(N_ARTICLES)]
    path = write_jsonl(folder / "corpus.jsonl", records)
    expected = {r["id"]: len(process(dict(r)).events) for r in records}
    assert sum(expected.values()) > N_ARTICLES, "the corpus must give events (else these tests test nothing)"
    clean_db = folder / "clean.sqlite"
    out = rasd("ingest", path, "--db", clean_db, "--quiet")
    assert out.returncode == 0, out.stderr
    assert summary(out) == (N_ARTICLES, 0, 0, 0)
    assert check_consistent(clean_db, expected) == N_ARTICLES
    return {"path": path, "records": records, "expected": expected, "clean": store_state(clean_db),
            "clean_db": clean_db}


def _progress_lines(proc, wanted: int, prefix: str = "added") -> int:
    """Read the ingest's per-article lines until ``wanted`` start with ``prefix``."""
    seen = 0
    for line in proc.stderr:
        if line.startswith(prefix):
            seen += 1
            if seen >= wanted:
                break
    return seen


def start_ingest(corpus_path: Path, db: Path, **extra_env) -> subprocess.Popen:
    return subprocess.Popen([*RASD, "ingest", str(corpus_path), "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env(**extra_env), start_new_session=True)


def interrupt(proc: subprocess.Popen, sig: int, after: int, delay: float) -> tuple[int, str]:
    """Send ``sig`` after the ``after``-th stored article (plus ``delay`` seconds, so that it lands at
    different places in the next article's work); return (exit status, the rest of stderr)."""
    try:
        _progress_lines(proc, after)
        time.sleep(delay)
        if sig == signal.SIGKILL:
            os.killpg(proc.pid, sig)  # the whole process group, as the OOM killer or a power cut would
        else:
            os.kill(proc.pid, sig)
        rest = proc.stderr.read()
    finally:
        proc.wait(timeout=120)
        proc.stderr.close()
    return proc.returncode, rest


# -- kill -9, SIGTERM, Ctrl-C ----------------------------------------------------------------------------
@pytest.mark.parametrize("points", [[1], [40, 90], [3, 60, 150, 200]], ids=["early", "twice", "four-times"])
def test_kill_9_mid_ingest_then_rerun_gives_the_clean_store(tmp_path, corpus, points):
    db = tmp_path / "killed.sqlite"
    stored = 0
    for n, after in enumerate(points):
        proc = start_ingest(corpus["path"], db)
        status, _ = interrupt(proc, signal.SIGKILL, after - stored, delay=[0, 0.002, 0.005, 0.011][n % 4])
        assert status == -signal.SIGKILL, "the ingest finished before it could be killed: corpus too small?"
        now = check_consistent(db, corpus["expected"])
        assert after <= now < N_ARTICLES, (after, now)
        stored = now
    out = rasd("ingest", corpus["path"], "--db", db)
    assert out.returncode == 0, out.stderr[-2000:]
    added, replaced, unchanged, skipped = summary(out)
    assert (added + unchanged, replaced, skipped) == (N_ARTICLES, 0, 0) and unchanged == stored
    assert check_consistent(db, corpus["expected"]) == N_ARTICLES
    assert store_state(db) == corpus["clean"], "a resumed ingest must end with the store a clean run gives"


@pytest.mark.parametrize("sig, code, word", [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")],
                         ids=["sigterm", "ctrl-c"])
def test_sigterm_and_ctrl_c_stop_cleanly_and_a_rerun_finishes(tmp_path, corpus, sig, code, word):
    db = tmp_path / "stopped.sqlite"
    proc = start_ingest(corpus["path"], db)
    status, rest = interrupt(proc, sig, 25, delay=0.003)
    assert status == code, rest[-2000:]
    assert word in rest and "Traceback" not in rest
    assert 25 <= check_consistent(db, corpus["expected"]) < N_ARTICLES
    out = rasd("ingest", corpus["path"], "--db", db, "--quiet")
    assert out.returncode == 0 and store_state(db) == corpus["clean"]


def test_sigterm_to_extract_with_two_workers_ends_quietly(tmp_path):
    """The pool's workers die with the parent, without a traceback each (they do not keep the CLI's handler)."""
    path = write_jsonl(tmp_path / "many.jsonl", [make_article(i) for i in range(2_000)])
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*RASD, "extract", str(path), "-o", str(out), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env())
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline and not (out.exists() and out.stat().st_size):
            time.sleep(0.01)
        assert proc.poll() is None, "extract finished before it could be stopped"
        os.kill(proc.pid, signal.SIGTERM)
        rest = proc.stderr.read()
    finally:
        proc.wait(timeout=120)
        proc.stderr.close()
    assert proc.returncode == 143 and "terminated" in rest
    assert "Traceback" not in rest, rest[-2000:]


def test_kill_9_mid_extract_then_resume_gives_the_clean_output(tmp_path, corpus):
    records = [make_article(i) for i in range(1_200)]  # extract has no store to write: more articles
    path = write_jsonl(tmp_path / "big.jsonl", records)
    clean = tmp_path / "clean.jsonl"
    assert rasd("extract", path, "-o", clean, "--workers", "1").returncode == 0
    out = tmp_path / "out.jsonl"
    for target in (100, 600):
        proc = subprocess.Popen([*RASD, "extract", str(path), "-o", str(out), "--workers", "1", "--resume"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env(),
                                start_new_session=True)
        try:
            deadline, lines, offset = time.monotonic() + 120, 0, 0
            while proc.poll() is None and time.monotonic() < deadline:
                if out.exists():
                    with open(out, "rb") as handle:
                        handle.seek(offset)
                        chunk = handle.read()
                    lines, offset = lines + chunk.count(b"\n"), offset + len(chunk)
                    if lines >= target:
                        os.killpg(proc.pid, signal.SIGKILL)
                        break
                time.sleep(0.002)
        finally:
            proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL, "extract finished before it could be killed"
    resumed = rasd("extract", path, "-o", out, "--workers", "1", "--resume")
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    want = [json.loads(line) for line in clean.read_text(encoding="utf-8").splitlines()]
    assert len(got) == len(want) == 1_200 and got == want


# -- read-only store, read-only folder --------------------------------------------------------------------
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH, _CAP_FOWNER = 1, 2, 3


def _obey_permissions() -> None:
    """preexec_fn: as root, drop the capabilities that let root write read-only files (from the bounding
    set, so the rasd process started next does not have them); as anyone else, nothing to do."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH, _CAP_FOWNER):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            os._exit(97)


@pytest.fixture
def permissions_apply(tmp_path):
    """Skip unless a process started with :func:`_obey_permissions` really cannot write a 0444 file."""
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0o444)
    out = subprocess.run([sys.executable, "-c", f"open({str(probe)!r}, 'a')"], capture_output=True,
                         preexec_fn=_obey_permissions)
    probe.chmod(0o644)
    if out.returncode == 0 or out.returncode == 97:
        pytest.skip("file permissions cannot be made to apply to this user (root without CAP_SETPCAP)")


def _small_store(tmp_path: Path, corpus: dict, n: int = 12) -> tuple[Path, Path]:
    db = tmp_path / "store" / "events.sqlite"
    db.parent.mkdir()
    first = write_jsonl(tmp_path / "first.jsonl", corpus["records"][:n])
    assert rasd("ingest", first, "--db", db, "--quiet").returncode == 0
    rest = write_jsonl(tmp_path / "rest.jsonl", corpus["records"][n:n + 10])
    return db, rest


def test_a_read_only_store_file_gives_a_clear_error_and_can_still_be_exported(tmp_path, corpus, permissions_apply):
    db, rest = _small_store(tmp_path, corpus)
    before = store_state(db)
    db.chmod(0o444)
    try:
        out = rasd("ingest", rest, "--db", db, preexec_fn=_obey_permissions)
        assert out.returncode == 4, out.stderr[-2000:]
        assert "read-only" in out.stderr and str(db) in out.stderr
        no_traceback(out)
        exported = rasd("export", "--db", db, "--format", "jsonl", preexec_fn=_obey_permissions)
        assert exported.returncode == 0, exported.stderr
        assert len(exported.stdout.splitlines()) == len(before["events"])
    finally:
        db.chmod(0o644)
    assert store_state(db) == before
    check_consistent(db, corpus["expected"])


def test_a_read_only_folder_gives_a_clear_error(tmp_path, corpus, permissions_apply):
    db, rest = _small_store(tmp_path, corpus)
    before = store_state(db)
    db.parent.chmod(0o555)
    try:
        for target in (db, db.parent / "new.sqlite"):
            out = rasd("ingest", rest, "--db", target, preexec_fn=_obey_permissions)
            assert out.returncode == 4, out.stderr[-2000:]
            assert re.search(r"read-only|cannot open the store", out.stderr), out.stderr
            assert "writable" in out.stderr
            no_traceback(out)
        assert not (db.parent / "new.sqlite").exists()
    finally:
        db.parent.chmod(0o755)
    assert store_state(db) == before


# -- a locked store -------------------------------------------------------------------------------------
def test_a_locked_store_gives_a_clear_error_after_a_bounded_wait_and_reads_go_on(tmp_path, corpus, monkeypatch):
    db, rest = _small_store(tmp_path, corpus)
    before = store_state(db)
    holder = sqlite3.connect(str(db), isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO meta (key, value) VALUES ('held-by-the-test', 'x')")
    try:
        t0 = time.monotonic()
        out = rasd("ingest", rest, "--db", db, RASD_DB_TIMEOUT="1.5")
        waited = time.monotonic() - t0
        assert out.returncode == 4, out.stderr[-2000:]
        assert "locked by another process" in out.stderr and "RASD_DB_TIMEOUT" in out.stderr
        no_traceback(out)
        assert 1.5 <= waited < 90, f"waited {waited:.1f}s"

        bad = rasd("ingest", rest, "--db", db, RASD_DB_TIMEOUT="soon")
        assert bad.returncode == 4 and "RASD_DB_TIMEOUT must be a number" in bad.stderr

        fastapi = pytest.importorskip("fastapi")  # noqa: F841
        from fastapi.testclient import TestClient

        from rasd.api import create_app
        monkeypatch.setenv("RASD_DB_TIMEOUT", "0.5")
        client = TestClient(create_app(db_url=str(db), token="t0ken", process=None))
        page = client.get("/events", params={"limit": 1000})  # readers do not wait for the writer (WAL)
        assert page.status_code == 200 and page.json()["total"] == len(before["events"])
        posted = client.post("/articles", json=corpus["records"][30], headers={"Authorization": "Bearer t0ken"})
        assert posted.status_code == 503 and "locked" in posted.json()["detail"]
        client.app.state.store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store_state(db) == before
    out = rasd("ingest", rest, "--db", db, "--quiet")
    assert out.returncode == 0 and summary(out)[0] == 10


# -- a full disk ------------------------------------------------------------------------------------------
def _file_size_limit(nbytes: int):
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))  # Python ignores SIGXFSZ: writes fail
    return limit


def test_a_full_disk_mid_ingest_gives_a_clear_error_and_a_rerun_finishes(tmp_path, corpus):
    db = tmp_path / "full.sqlite"
    out = rasd("ingest", corpus["path"], "--db", db, preexec_fn=_file_size_limit(160 * 1024))
    assert out.returncode == 4, out.stderr[-2000:]
    assert re.search(r"disk is full|disk I/O error", out.stderr), out.stderr[-2000:]
    assert "run again skips them" in out.stderr
    no_traceback(out)
    stored = check_consistent(db, corpus["expected"])
    assert 0 < stored < N_ARTICLES
    again = rasd("ingest", corpus["path"], "--db", db, "--quiet")
    assert again.returncode == 0 and summary(again)[2] == stored
    assert store_state(db) == corpus["clean"]


def test_the_store_page_limit_reached_gives_sqlite_full_and_http_503(tmp_path, corpus, monkeypatch, capsys):
    """SQLITE_FULL itself ("database or disk is full"), through PRAGMA max_page_count."""
    import rasd.store.sqlite as backend
    from rasd.cli import main
    db = tmp_path / "capped.sqlite"
    real = backend.connect_sqlite

    def capped(path, **kwargs):
        store = real(path, **kwargs)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 40}")
        return store

    monkeypatch.setattr(backend, "connect_sqlite", capped)
    assert main(["ingest", str(corpus["path"]), "--db", str(db), "--quiet"]) == 4
    err = capsys.readouterr().err
    assert "cannot grow: the disk is full (database or disk is full)" in err and "Traceback" not in err
    stored = check_consistent(db, corpus["expected"])
    assert 0 < stored < N_ARTICLES

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rasd.api import create_app
    store = capped(str(db))
    client = TestClient(create_app(store=store, token="t0ken"))
    posted = client.post("/articles", json={"articles": corpus["records"][stored:stored + 40]},
                         headers={"Authorization": "Bearer t0ken"})
    assert posted.status_code == 503 and "disk is full" in posted.json()["detail"]
    assert client.get("/stats").status_code == 200
    store.close()
    monkeypatch.setattr(backend, "connect_sqlite", real)
    assert main(["ingest", str(corpus["path"]), "--db", str(db), "--quiet"]) == 0
    assert store_state(db) == corpus["clean"]


# -- a damaged store, outputs that cannot be written ------------------------------------------------------
def test_a_damaged_or_foreign_store_gives_a_clear_error(tmp_path, corpus):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    truncated = tmp_path / "truncated.sqlite"
    data = corpus["clean_db"].read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    few = write_jsonl(tmp_path / "few.jsonl", corpus["records"][:3])
    for db in (garbage, truncated, folder):
        for args in (("ingest", few, "--db", db), ("export", "--db", db)):
            out = rasd(*args)
            assert out.returncode == 4, (db.name, args[0], out.returncode, out.stderr[-1500:])
            assert re.search(r"is damaged or is not a rasd store \((file is not a database|database disk image "
                             r"is malformed)\)|is a folder, not a SQLite file", out.stderr), out.stderr[-1500:]
            no_traceback(out)
    assert garbage.read_bytes().startswith(b"this is not a database")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_outputs_that_cannot_be_written_give_exit_5(tmp_path, corpus):
    db = corpus["clean_db"]
    for args in (("export", "--db", db, "-o", "/dev/full"), ("export", "--db", db, "--format", "jsonl"),
                 ("extract", corpus["path"], "--workers", "1", "-o", "/dev/full")):
        with open("/dev/full", "w") as full:
            out = subprocess.run([*RASD, *map(str, args)], stdout=full, stderr=subprocess.PIPE, text=True,
                                 env=env(), timeout=300)
        assert out.returncode == 5, (args, out.stderr[-1500:])
        assert "No space left on device" in out.stderr
        no_traceback(out)
    out = rasd("extract", corpus["path"], "-o", tmp_path / "no" / "such" / "folder.jsonl")
    assert out.returncode == 5 and "No such file or directory" in out.stderr
    no_traceback(out)


# -- concurrency ------------------------------------------------------------------------------------------
def test_api_reads_during_an_ingest_are_whole_answers(tmp_path, corpus):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rasd.api import create_app
    db = tmp_path / "live.sqlite"
    proc = start_ingest(corpus["path"], db)
    try:
        deadline = time.monotonic() + 60
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        client = TestClient(create_app(db_url=str(db), token=None))  # migrates concurrently with the ingest
        mid_ingest = last_articles = 0
        while True:
            running = proc.poll() is None
            stats = client.get("/stats")
            assert stats.status_code == 200, stats.text
            stats = stats.json()
            assert sum(r["events"] for r in stats["by_event_type"]) == stats["events"]
            assert sum(r["fatalities"] for r in stats["by_admin1"]) == stats["fatalities"]
            assert stats["articles"] >= last_articles, "articles went missing"
            last_articles = stats["articles"]
            page = client.get("/events", params={"limit": 1000, "sort": "-n_reports"})
            assert page.status_code == 200, page.text
            page = page.json()
            assert len(page["events"]) == page["total"], "a page and its total from two states of the store"
            if page["events"]:
                top = page["events"][0]
                detail = client.get(f"/events/{top['event_id']}")
                assert detail.status_code == 200
                detail = detail.json()
                assert len(detail["reports"]) == detail["n_reports"] >= top["n_reports"]
            assert client.get("/health").status_code == 200
            if running and 0 < stats["articles"] < N_ARTICLES:
                mid_ingest += 1
            if not running:
                break
        client.app.state.store.close()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        rest = proc.stderr.read()
        proc.stderr.close()
    assert proc.returncode == 0, rest[-2000:]
    assert mid_ingest >= 2, f"only {mid_ingest} reads happened while the ingest ran"
    assert store_state(db) == corpus["clean"]


def test_two_ingests_at_once_into_one_store_stay_consistent(tmp_path, corpus):
    records = corpus["records"]
    first = write_jsonl(tmp_path / "a.jsonl", records[: 2 * N_ARTICLES // 3])
    second = write_jsonl(tmp_path / "b.jsonl", records[N_ARTICLES // 3:][::-1])  # overlapping, other order
    db = tmp_path / "shared.sqlite"
    procs = [start_ingest(p, db) for p in (first, second)]
    outs = []
    for proc in procs:
        proc.wait(timeout=600)
        outs.append(proc.stderr.read())
        proc.stderr.close()
    assert [p.returncode for p in procs] == [0, 0], [o[-1500:] for o in outs]
    assert check_consistent(db, corpus["expected"]) == N_ARTICLES
    con = sqlite3.connect(str(db))
    try:
        assert con.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == sum(corpus["expected"].values())
    finally:
        con.close()



def test_an_export_while_another_process_writes_sees_one_state(tmp_path, corpus):
    """A read snapshot (what ``rasd export`` and the API's ``/export`` stream read in): an ingest
    committing between its pages (here: after every page of 10 events) neither repeats nor drops an
    event. Without the snapshot this export repeated 135 of 269 events."""
    from rasd.store import open_store
    from rasd.store.ingest import ingest_records
    db = tmp_path / "paged.sqlite"
    records = corpus["records"]
    reader, writer = open_store(str(db)), open_store(str(db))
    try:
        ingest_records(writer, records[:60])
        total = reader.counts()["events"]
        late = iter(records[60:])
        with reader.snapshot():
            seen = []
            for i, event in enumerate(reader.iter_events(batch=10)):
                seen.append(event["event_id"])
                if i % 10 == 9:
                    ingest_records(writer, [next(late), next(late)])  # commits between two pages
        assert len(seen) == len(set(seen)) == total
        assert writer.counts()["events"] > total  # the writes did happen meanwhile
    finally:
        reader.close()
        writer.close()


def test_an_api_export_stream_while_another_process_writes_sees_one_state(tmp_path, corpus, monkeypatch):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rasd.api import create_app
    from rasd.store import open_store
    from rasd.store.base import Store
    from rasd.store.ingest import ingest_records
    db = tmp_path / "stream.sqlite"
    writer = open_store(str(db))
    ingest_records(writer, corpus["records"][:60])
    total = writer.counts()["events"]
    late = iter(corpus["records"][60:])
    real = Store.iter_events

    def paged(self, filters=None, *, evidence=False, batch=500):  # small pages, a commit between two
        for i, event in enumerate(real(self, filters, evidence=evidence, batch=10)):
            yield event
            if i % 10 == 9:
                ingest_records(writer, [next(late), next(late)])
    monkeypatch.setattr(Store, "iter_events", paged)
    client = TestClient(create_app(db_url=str(db), token=None))
    try:
        for fmt, key in (("jsonl", None), ("acled-csv", 0)):
            body = client.get("/export", params={"format": fmt})
            assert body.status_code == 200
            lines = body.text.splitlines()
            ids = [json.loads(x)["event_id"] for x in lines] if fmt == "jsonl" else \
                [x.split(",")[0] for x in lines[1:]]
            assert len(ids) == len(set(ids)) == total, (fmt, len(ids), len(set(ids)), total)
            total = writer.counts()["events"]  # the next export starts from what is there now
    finally:
        client.app.state.store.close()
        writer.close()


# -- a worker process dies -------------------------------------------------------------------------------
class _Result:
    def __init__(self, rid: str) -> None:
        self.id, self.events, self.skipped = rid, [], None


def _dies_on_some(record: dict):
    if record["id"] == "r7":
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    if record["id"] == "r33":
        os._exit(3)  # as a crash in a C library would
    return _Result(record["id"])


def test_a_worker_that_dies_loses_only_its_article_and_never_hangs():
    from rasd.batch import process_stream

    def too_long(signum, frame):
        raise TimeoutError("process_stream hung after a worker died")
    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(180)
    try:
        got = list(process_stream(({"id": f"r{i}"} for i in range(60)), workers=2, func=_dies_on_some,
                                  chunk_size=4))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert [r.id for r in got] == [f"r{i}" for i in range(60)]
    skipped = {r.id: r.skipped for r in got if r.skipped}
    assert set(skipped) == {"r7", "r33"}
    assert "was killed by SIGKILL (out of memory?)" in skipped["r7"] and "exited with code 3" in skipped["r33"]
    import multiprocessing
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc to find the worker processes")
def test_extract_survives_a_worker_killed_from_outside(tmp_path):
    records = [make_article(i) for i in range(1_200)]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    clean = tmp_path / "clean.jsonl"
    assert rasd("extract", path, "-o", clean, "--workers", "1").returncode == 0
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*RASD, "extract", str(path), "-o", str(out), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env(),
                            start_new_session=True)
    killed = None
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline and killed is None:
            if out.exists() and out.stat().st_size > 0:
                workers = _children(proc.pid)
                if workers:
                    killed = workers[0]
                    os.kill(killed, signal.SIGKILL)
            time.sleep(0.005)
        proc.wait(timeout=120)  # a hang here: the pool waits forever for the dead worker's work
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        err = proc.stderr.read()
        proc.stderr.close()
    assert killed, "the extract finished before a worker could be killed"
    assert proc.returncode == 0, err[-2000:]
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    want = [json.loads(x) for x in clean.read_text(encoding="utf-8").splitlines()]
    assert got == want, "the work of the killed worker must be redone, not lost"
