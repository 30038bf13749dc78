"""The rasd command as a user meets it: clear messages and exit codes, never a traceback."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "اندلعت اشتباكات عنيفة بين القوات العراقية ومسلحي تنظيم داعش في قضاء تلعفر غربي الموصل أمس."


def rasd(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "rasd.cli", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=120)


def test_extract_a_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = rasd("extract", str(path), "--published", "2016-05-02")
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert record["id"] == "a" and record["events"][0]["event_type"] == "Battles"


def test_extract_jsonl_keeps_order_and_reports_skips(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "one", "text": ARTICLE, "published": "2016-05-02"}, ensure_ascii=False),
             "{broken json", json.dumps({"id": "three", "text": "hello world, nothing Arabic here"})]
    path.write_text("\n".join(lines), encoding="utf-8")
    out = rasd("extract", str(path), "--workers", "1", "-o", str(tmp_path / "out.jsonl"))
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["one", f"{path}:2", "three"]
    assert "not JSON" in rows[1]["skipped"] and "not Arabic" in rows[2]["skipped"]


def test_standard_input():
    out = rasd("extract", "--published", "2016-05-02", stdin=ARTICLE.encode())
    assert out.returncode == 0 and json.loads(out.stdout)["events"]


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x00\x01\x02\xff\xfe" * 100, "binary"),
    ("The army said clashes broke out near Mosul.".encode(), "not Arabic"),
    ("<html><body><div><p>".encode(), "empty"),
])
def test_bad_single_input_gives_message_and_nonzero_exit(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = rasd("extract", str(path))
    assert out.returncode != 0
    assert message in out.stderr.decode() and "Traceback" not in out.stderr.decode()


def test_missing_file_and_bad_date():
    out = rasd("extract", "/no/such/file.txt")
    assert out.returncode == 3 and "no such file" in out.stderr.decode()
    out = rasd("extract", "-", "--published", "yesterday", stdin=ARTICLE.encode())
    assert out.returncode == 3 and "YYYY-MM-DD" in out.stderr.decode()


def test_acled_csv_output(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = rasd("extract", str(path), "--published", "2016-05-02", "--format", "acled-csv")
    assert out.returncode == 0, out.stderr
    header = out.stdout.decode().splitlines()[0].split(",")
    assert header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"] and len(header) == 31


# -- hostile and odd input files through extract and ingest (issue 8) --------------------------------------
ENCODINGS = {
    "utf-8-bom": b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
    "cp1256": ARTICLE.encode("cp1256"),
    "utf-16-bom": ARTICLE.encode("utf-16"),
    "utf-16-le": ARTICLE.encode("utf-16-le"),
    "utf-16-be": ARTICLE.encode("utf-16-be"),
    "utf-8-crlf-nul": ARTICLE.replace(" ", " \r\n", 1).encode("utf-8") + b"\x00",
}


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_other_encodings_give_the_same_events_as_utf8(tmp_path, name):
    plain, odd = tmp_path / "plain", tmp_path / "odd"
    plain.mkdir(), odd.mkdir()
    (plain / "a.txt").write_bytes(ARTICLE.encode("utf-8"))
    (odd / "a.txt").write_bytes(ENCODINGS[name])
    want = rasd("extract", str(plain / "a.txt"), "--published", "2016-05-02")
    got = rasd("extract", str(odd / "a.txt"), "--published", "2016-05-02")
    assert got.returncode == 0, got.stderr
    events = json.loads(got.stdout)["events"]
    assert events and [e["sub_event_type"] for e in events] == [
        e["sub_event_type"] for e in json.loads(want.stdout)["events"]]
    assert [e["location"] for e in events] == [e["location"] for e in json.loads(want.stdout)["events"]]


def _bad_inputs() -> dict[str, tuple[bytes, str]]:
    import gzip
    import random
    rng = random.Random(8)
    return {
        "empty.txt": (b"", "empty input"),
        "blank.txt": (b"  \n\t\r\n ", "empty article"),
        "random.bin": (bytes(rng.randrange(256) for _ in range(5000)), "binary data"),
        "nuls.txt": (b"\x00" * 4000, "binary data"),
        "gzip.txt": (gzip.compress(ARTICLE.encode()), "gzip-compressed data"),
        "doc.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
        "english.txt": (b"The army said clashes broke out near Mosul on Sunday.", "not Arabic"),
        "french-latin1.txt": ("L'armée a annoncé des affrontements près de Mossoul, café.".encode("latin-1"),
                              "not Arabic"),
        "chinese.txt": (("军队说摩苏尔附近爆发冲突。" * 10).encode(), "not Arabic"),
        "bad-utf16.txt": (b"\xff\xfe" + b"\x00\xd8" * 3 + b"a", "not valid UTF-16"),
        "huge.txt": ((ARTICLE + "\n").encode() * (10 * 1024 * 1024 // len((ARTICLE + "\n").encode()) + 1),
                     "too large"),
        "tags-only.html": (b"<html><body><div><p><script>alert(1)</script></p></div></body></html>", "empty"),
        "broken.json": (b'{"id": "x", "text": ', "not JSON"),
        "not-object.jsonl": (b"[1, 2, 3]\n", "not a JSON object"),
        "deep.jsonl": (b"[" * 100_000 + b"\n", "not JSON"),
        "text-number.jsonl": (b'{"id": "text-number", "text": 12}\n', "must be a string"),
    }


def test_bad_input_files_are_skipped_with_a_reason(tmp_path):
    for name, (content, _) in _bad_inputs().items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    out = rasd("extract", str(tmp_path), "--workers", "1", "--published", "2016-05-02")
    err = out.stderr.decode()
    assert out.returncode == 0 and "Traceback" not in err, err[-2000:]
    lines = err.splitlines()
    for name, (_, reason) in _bad_inputs().items():
        stem = name.rsplit(".", 1)[0]
        assert any(stem in line and reason in line for line in lines), (name, reason, err[-3000:])
    rows = [json.loads(x) for x in out.stdout.decode().splitlines()]
    assert [r for r in rows if r["id"] == "good"][0]["events"], "the good article among them still gives events"


@pytest.fixture
def small_store(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "store.sqlite"
    out = rasd("ingest", str(good), "--db", str(db), "--published", "2016-05-02")
    assert out.returncode == 0, out.stderr
    return db


def _dump(db):
    import sqlite3
    con = sqlite3.connect(str(db))
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in ("articles", "reports", "evidence", "events", "merges", "sources")}
    finally:
        con.close()


def test_bad_inputs_never_change_what_is_stored(tmp_path, small_store):
    before = _dump(small_store)
    assert before["events"], "the good article gave events"
    bad = tmp_path / "bad"
    bad.mkdir()
    for name, (content, _) in _bad_inputs().items():
        (bad / name).write_bytes(content)
    for name, (_, reason) in sorted(_bad_inputs().items()):
        out = rasd("ingest", str(bad / name), "--db", str(small_store))
        err = out.stderr.decode()
        assert out.returncode == 3, (name, err[-1500:])
        assert reason in err and "no usable article" in err and "Traceback" not in err, (name, err[-1500:])
    assert _dump(small_store) == before
    # the same files in a folder with one new good article: the run goes on, the good one is stored
    (bad / "new.txt").write_text(ARTICLE.replace("أمس", "اليوم"), encoding="utf-8")
    out = rasd("ingest", str(bad), "--db", str(small_store), "--published", "2016-05-03")
    err = out.stderr.decode()
    assert out.returncode == 0 and "1 added" in err and "Traceback" not in err, err[-2000:]
    after = _dump(small_store)
    assert len(after["articles"]) == 2 and set(before["articles"]) <= set(after["articles"])


def test_ingest_of_a_missing_path_and_a_bad_date_are_clear_errors(small_store):
    out = rasd("ingest", "/no/such/folder", "--db", str(small_store))
    assert out.returncode == 3 and "no such file or folder" in out.stderr.decode()
    out = rasd("ingest", "-", "--db", str(small_store), "--published", "2016-13-45", stdin=ARTICLE.encode())
    assert out.returncode == 3 and "YYYY-MM-DD" in out.stderr.decode()
    out = rasd("ingest", "-", "--db", str(small_store.parent / "missing" / "x.sqlite"), stdin=ARTICLE.encode())
    assert out.returncode == 4 and "does not exist" in out.stderr.decode()


@pytest.mark.parametrize("bad", [b"The army said clashes broke out near Mosul.", b"<html><body><nav>x</nav></body></html>",
                                 b"\x00\x01\x02\xff" * 50], ids=["english", "emptied-page", "binary"])
def test_a_bad_copy_of_a_stored_article_keeps_the_stored_version(tmp_path, bad):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "s.sqlite"
    assert rasd("ingest", str(path), "--db", str(db), "--published", "2016-05-02").returncode == 0
    before = _dump(db)
    path.write_bytes(bad)  # the scraper fetched an error page, or the file was damaged
    out = rasd("ingest", str(path), "--db", str(db), "--published", "2016-05-02")
    assert out.returncode == 3 and "Traceback" not in out.stderr.decode()
    assert _dump(db) == before and before["events"]
