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
