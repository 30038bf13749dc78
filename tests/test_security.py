"""The service under attack (issue 8): writes need the token, sizes are bounded, SQL is parameterised,
no request reaches the file system, every answer carries the security headers.

File-system checks go through a real server (uvicorn) with raw HTTP requests, so that no client
normalises ``..`` away before the server sees it, and a Python audit hook records every file the
server opens while it answers.
"""
from __future__ import annotations

import json
import os
import socket
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import empty

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from rasd.api import MAX_BODY_BYTES, MAX_QUERY_CHARS, STATIC_DIR, create_app  # noqa: E402
from rasd.store import fixture, open_store  # noqa: E402

RESULTS = {r.id: r for r in fixture.demo_results()}
TOKEN = "correct-horse-battery-staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def fake_process(record):
    return RESULTS[record["id"]]


@pytest.fixture
def db(tmp_path):
    store = open_store(str(tmp_path / "sec.sqlite"))
    fixture.load_demo(store, use_pipeline=False)
    yield store
    store.close()


@pytest.fixture
def client(db):
    return TestClient(create_app(store=db, token=TOKEN, process=fake_process))


def new_article() -> dict:
    return dict(fixture.demo_articles()[0], id="demo-01")  # the fake pipeline knows it


# -- the token -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("headers", [
    {}, {"Authorization": ""}, {"Authorization": "Bearer"}, {"Authorization": "Bearer "},
    {"Authorization": "Bearer wrong"}, {"Authorization": f"Bearer {TOKEN[:-1]}"},
    {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN},
    {"Authorization": f"Token {TOKEN}"}, {"X-Api-Token": TOKEN}, {"Authorization": "Bearer " + "x" * 5000},
    {"Authorization": "Bearer \u00e9\u00e8".encode("latin-1")}, {"Authorization": "Bearer \u0627".encode()},
], ids=lambda h: (repr(h)[:30]))
def test_writes_with_a_missing_or_wrong_token_are_refused(client, db, headers):
    db.remove_article("demo-01")
    before = db.counts()
    response = client.post("/articles", json=new_article(), headers=headers)
    assert response.status_code == 401, response.text
    assert response.headers.get("www-authenticate") == "Bearer"
    assert db.counts() == before and db.article("demo-01") is None


def test_the_right_token_writes(client, db):
    db.remove_article("demo-01")
    response = client.post("/articles", json=new_article(), headers={"Authorization": f"bearer  {TOKEN} "})
    assert response.status_code == 200 and response.json()["added"] == 1
    assert db.article("demo-01") is not None


@pytest.mark.parametrize("configured", [None, ""], ids=["unset", "empty"])
def test_without_a_configured_token_every_write_is_refused(db, monkeypatch, configured):
    monkeypatch.delenv("RASD_API_TOKEN", raising=False)
    if configured is not None:
        monkeypatch.setenv("RASD_API_TOKEN", configured)
    client = TestClient(create_app(store=db, process=fake_process))
    db.remove_article("demo-01")
    for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer None"}, AUTH):
        response = client.post("/articles", json=new_article(), headers=headers)
        assert response.status_code == 403 and "RASD_API_TOKEN" in response.json()["detail"]
    assert db.article("demo-01") is None
    assert client.get("/events").status_code == 200  # reads stay open


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
def test_other_write_methods_need_the_token_too(client, method):
    assert client.request(method, "/events").status_code == 401
    assert client.request(method, "/events/x", headers=AUTH).status_code == 405  # and do not exist


def test_an_unauthenticated_body_is_not_even_read(client):
    t0 = time.monotonic()
    response = client.post("/articles", content=b"{" * (MAX_BODY_BYTES * 4), headers={"Content-Type": "application/json"})
    assert response.status_code == 401  # refused before the body: not 413, not a JSON error
    assert time.monotonic() - t0 < 30


# -- sizes ------------------------------------------------------------------------------------------------
def test_bodies_above_the_limit_are_refused_declared_or_not(client):
    big = json.dumps({"text": "x" * (MAX_BODY_BYTES + 10)}).encode()
    assert client.post("/articles", content=big, headers={**AUTH, "Content-Type": "application/json"}).status_code == 413

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(MAX_BODY_BYTES // 65536 + 4):
            yield b" " * 65536
    response = client.post("/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 413
    lying = client.post("/articles", content=b"{}", headers={**AUTH, "Content-Length": "abc",
                                                            "Content-Type": "application/json"})
    assert lying.status_code in (400, 413)


@pytest.mark.parametrize("body", [
    b"[" * 200_000, b'{"articles": ' + b"[" * 100_000 + b"}", b"\xff\xfe\x00", b"not json", b"",
    json.dumps({"articles": [{"text": "x"}] * 51}).encode(),
    json.dumps({"text": "ا" * 500_001}).encode()[: MAX_BODY_BYTES - 1],
    json.dumps({"text": ["a"]}).encode(), json.dumps({"id": {"$ne": 1}}).encode(), b"null", b"1e999999",
], ids=["deep-list", "deep-articles", "bad-utf8", "not-json", "empty", "too-many", "too-long", "text-list",
        "id-object", "null", "huge-number"])
def test_malformed_bodies_get_a_client_error_never_a_500(client, db, body):
    before = db.counts()
    response = client.post("/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    assert db.counts() == before


def test_query_sizes_are_bounded(client):
    assert client.get("/events", params={"actor": "x" * MAX_QUERY_CHARS}).status_code == 414
    for params in ({"limit": 1001}, {"limit": -1}, {"offset": -1}, {"offset": 10 ** 12}, {"limit": "1e9"},
                   {"actor": "x" * 201}, {"country": "x" * 101}, {"date_from": "2024-01-01T00:00:00"},
                   {"sort": "x" * 31}, {"sort": "event_date desc"}, {"format": "../../etc/passwd"}):
        path = "/export" if "format" in params else "/events"
        assert client.get(path, params=params).status_code == 422, params
    page = client.get("/events", params={"limit": 1000}).json()
    assert page["limit"] == 1000 and len(page["events"]) == page["total"] == 11
    assert client.get("/events/" + "x" * 101).status_code == 422
    assert client.get("/events", params={"date_from": "2024-13-45"}).status_code == 400


# -- SQL --------------------------------------------------------------------------------------------------
INJECTIONS = [
    "' OR '1'='1", "x'; DROP TABLE events; --", '" OR 1=1 --', "') UNION SELECT * FROM articles --",
    "1 OR 1=1", "%", "_", "\\", "%' OR '%'='", "Iraq' --", "*/ OR /*", "\x00", "' OR 1=1;\x00",
]
FILTERS = ["country", "admin1", "admin2", "event_type", "sub_event_type", "actor", "source"]


@pytest.fixture(params=["sqlite", "postgres"])
def any_db(request, tmp_path):
    if request.param == "sqlite":
        store = open_store(str(tmp_path / "inj.sqlite"))
    else:
        store = open_store(request.getfixturevalue("postgres_url"))
        empty(store)
    fixture.load_demo(store, use_pipeline=False)
    yield store
    store.close()


def test_sql_injection_in_every_filter_is_a_plain_no_match(any_db):
    db = any_db
    client = TestClient(create_app(store=db, token=TOKEN, process=fake_process))
    executed: list[str] = []
    real = db._execute

    def recording(sql, params=()):
        executed.append(sql)
        return real(sql, params)
    db._execute = recording
    before = db.counts()
    for name in FILTERS:
        for payload in INJECTIONS:
            page = client.get("/events", params={name: payload})
            assert page.status_code == 200 and page.json()["total"] == 0, (name, payload, page.text[:200])
            stats = client.get("/stats", params={name: payload}).json()
            assert stats["events"] == 0 and stats["articles"] == before["articles"]
            assert client.get("/export", params={name: payload, "format": "jsonl"}).text == ""
    for payload in INJECTIONS:
        assert client.get("/events/" + quote(payload, safe="")).status_code in (404, 422), payload
    assert db.counts() == before
    assert client.get("/events", params={"country": "Iraq"}).json()["total"] == 6  # the filters still work
    assert executed, "the store was not queried: the test saw nothing"
    for sql in executed:
        for payload in INJECTIONS:
            if len(payload) > 2:
                assert payload not in sql, f"request text inside SQL: {sql!r}"


def test_the_store_code_builds_sql_only_from_its_own_names():
    """Every f-string that builds SQL in rasd/store interpolates only names the code chose (columns,
    tables, clauses built from them, placeholders): values always travel as parameters."""
    import ast
    allowed = {"where", "column", "direction", "table", "c"}
    store_dir = Path(__file__).resolve().parent.parent / "rasd" / "store"
    found = []
    for path in sorted(store_dir.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if not any(k in text.upper() for k in ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", " WHERE ", "ORDER BY")):
                continue
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    names = {n.id for n in ast.walk(value.value) if isinstance(n, ast.Name)}
                    calls = {ast.unparse(n.func) for n in ast.walk(value.value) if isinstance(n, ast.Call)}
                    found.append((path.name, node.lineno, ast.unparse(value.value)))
                    assert names <= allowed | {"EVENT_COLUMNS", "_"} and calls <= {"', '.join", "' OR '.join"}, \
                        f"{path.name}:{node.lineno}: SQL built from {ast.unparse(value.value)!r}"
    assert found, "no SQL f-string found: the check looked at nothing"


# -- headers ----------------------------------------------------------------------------------------------
def test_every_answer_carries_the_security_headers(client):
    for path in ("/", "/events", "/static/app.js", "/stats", "/nope", "/events/" + "x" * 200):
        response = client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["x-frame-options"] == "DENY"
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "object-src 'none'" in policy and "unsafe-inline" not in policy
    assert client.post("/articles", json={}).headers["content-security-policy"]
    assert client.get("/docs").status_code == 200  # the OpenAPI page keeps working (no policy there)


def test_tile_origin_is_allowed_for_images_only(db):
    client = TestClient(create_app(store=db, token=None, tiles="https://tiles.example.org/{z}/{x}/{y}.png"))
    policy = client.get("/").headers["content-security-policy"]
    assert "img-src 'self' data: https://tiles.example.org;" in policy
    assert "script-src 'self';" in policy
    hostile = TestClient(create_app(store=db, token=None, tiles="https://x.org; script-src *"))
    assert "script-src *" not in hostile.get("/").headers["content-security-policy"]


def test_serve_listens_on_localhost_by_default():
    from rasd.cli import build_parser
    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"


# -- the file system, through a real server ---------------------------------------------------------------
_OPENED: list[str] = []
_RECORDING = threading.Event()


def _audit(event, args):
    if _RECORDING.is_set() and event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        _OPENED.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one only records while _RECORDING is set


@pytest.fixture(scope="module")
def live(tmp_path_factory, serve):
    folder = tmp_path_factory.mktemp("secret")
    secret = folder / "secret-notes.txt"
    secret.write_text("TOP-SECRET-7f3a", encoding="utf-8")
    store = open_store(str(folder / "live.sqlite"))
    fixture.load_demo(store, use_pipeline=False)
    base = serve(create_app(store=store, token=None))
    yield {"port": int(base.rsplit(":", 1)[1]), "secret": secret}
    store.close()


def raw_get(port: int, target: str) -> tuple[int, bytes]:
    """GET ``target`` exactly as written (no client-side normalisation)."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
        conn.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode("latin-1"))
        data = b""
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, body


def _traversals(secret: Path) -> list[str]:
    rel = os.path.relpath(secret, STATIC_DIR)  # ../../../tmp/.../secret-notes.txt
    up = rel.split("/")
    targets = ["/static/" + rel, "/static/" + rel.replace("..", "%2e%2e"), "/static/" + rel.replace("/", "%2f"),
               "/static/" + rel.replace("..", "%2e%2e").replace("/", "%2f"),
               "/static/" + rel.replace("..", "%252e%252e").replace("/", "%252f"),
               "/static/" + rel.replace("/", "\\"), "/static/" + rel.replace("/", "%5c"),
               "/static/" + "/".join("...." if p == ".." else p for p in up),
               "/static/" + rel.replace("../", "..//"), "/static/" + rel.replace("../", ".%2e/"),
               "/static//" + str(secret).lstrip("/"), "/static/" + str(secret), "/static/%2f" + str(secret).lstrip("/"),
               "/static/" + rel + "%00.js", "/static/..%c0%af" + rel, "/static/./" + rel, "/" + rel,
               "/events/" + rel.replace("/", "%2f"), "/export?format=" + rel.replace("/", "%2f"),
               "/static/../api/__init__.py", "/static/%2e%2e/api/__init__.py", "/static/..%2fapi%2f__init__.py",
               "/static/../../rasd/store/sqlite.py", "/static/", "/static/.", "/static/..", "/static/%00",
               "/static/../../../../../../../../etc/passwd", "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd"]
    return targets


def test_no_request_path_reaches_the_file_system(live):
    secret = live["secret"]
    targets = _traversals(secret)
    _OPENED.clear()
    _RECORDING.set()
    try:
        answers = {t: raw_get(live["port"], t) for t in targets}
        ok_status, ok_body = raw_get(live["port"], "/static/app.js")
    finally:
        _RECORDING.clear()
    assert ok_status == 200 and b"textContent" in ok_body  # the static route works
    for target, (status, body) in answers.items():
        assert status in (400, 404, 405, 422), (target, status, body[:200])
        assert b"TOP-SECRET" not in body and b"root:" not in body and b"import " not in body, target
    static = str(STATIC_DIR.resolve())
    outside = sorted({p for p in _OPENED if not os.path.realpath(p).startswith(static)
                      and not p.endswith((".py", ".pyc", ".so")) and not p.startswith("/dev/")})
    assert any(p.endswith("app.js") for p in _OPENED), "the audit hook saw no file opened: it checks nothing"
    assert str(secret) not in _OPENED
    assert not outside, f"files opened outside the static folder while answering: {outside}"
