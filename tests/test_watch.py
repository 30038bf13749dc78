"""`rasd watch` against a real HTTP server on 127.0.0.1 (a thread in the test) that serves feeds, pages of
links and Arabic articles written for these tests, changes them between rounds, fails (500), times out,
redirects and returns garbage; a real SQLite store; a kill -9 in the middle of a round."""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from rasd.cli import main
from rasd.store import open_store
from rasd.watch import (FetchError, Fetcher, Outlet, Watcher, article_links, load_outlets, looks_like_feed,
                        parse_interval)

ROOT = Path(__file__).resolve().parent.parent
FAST = ["--timeout", "0.6", "--retries", "1", "--backoff", "0", "--host-delay", "0"]


# -- the local site ------------------------------------------------------------------------------------------

class LocalSite:
    """A threaded HTTP server on 127.0.0.1. ``routes[path]`` is a dict: ``status``, ``body`` (bytes or
    str), ``type``, ``headers``, ``etag`` (answers 304 to a matching If-None-Match), ``delay`` (seconds
    before answering), ``location`` (a redirect), ``wait`` (a threading.Event set when the request
    arrives, then the answer waits for ``release``). Every request is recorded in ``hits``."""

    def __init__(self):
        self.routes: dict[str, dict] = {}
        self.hits: list[tuple[str, str, dict]] = []
        self.posts: list[tuple[str, dict]] = []
        self.post_status = 200
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):  # noqa: N802
                site.hits.append(("GET", self.path, dict(self.headers)))
                route = site.routes.get(self.path)
                if route is None:
                    return self._answer(404, b"not here", "text/plain")
                if route.get("wait") is not None:
                    route["wait"].set()
                    route["release"].wait(10)
                if route.get("delay"):
                    time.sleep(route["delay"])
                if route.get("location"):
                    return self._answer(route.get("status", 302), b"", "text/plain",
                                        {"Location": route["location"]})
                etag = route.get("etag")
                if etag and self.headers.get("If-None-Match") == etag:
                    return self._answer(304, b"", None, {"ETag": etag})
                headers = dict(route.get("headers") or {})
                if etag:
                    headers["ETag"] = etag
                body = route.get("body", b"")
                self._answer(route.get("status", 200), body.encode() if isinstance(body, str) else body,
                             route.get("type", "text/html; charset=utf-8"), headers)

            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                payload = json.loads(self.rfile.read(length) or b"null")
                site.hits.append(("POST", self.path, dict(self.headers)))
                if site.post_status == 200:
                    site.posts.append((self.path, payload))
                self._answer(site.post_status, b"{}", "application/json")

            def _answer(self, status, body, ctype, headers=None):
                try:
                    self.send_response(status)
                    if ctype:
                        self.send_header("Content-Type", ctype)
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda request, address: None  # a client that hangs up (timeouts) is normal
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        for route in self.routes.values():
            if route.get("release") is not None:
                route["release"].set()
        self.server.shutdown()
        self.server.server_close()

    def gets(self, path: str) -> list[dict]:
        return [headers for method, p, headers in self.hits if method == "GET" and p == path]


@pytest.fixture
def site():
    s = LocalSite()
    s.routes["/robots.txt"] = {"body": "User-agent: *\nDisallow: /private/\n", "type": "text/plain"}
    yield s
    s.close()


# -- articles written for these tests -------------------------------------------------------------------------

def page(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title><meta property='article:published_time' "
            f"content='2024-05-15T09:00:00+03:00'></head><body><nav><a href='/'>الرئيسية</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>")


ARTICLES = {
    "/news/1001": page("انفجار في تلعفر",
                       "قُتل ثلاثة مدنيين وأصيب خمسة آخرون، يوم الثلاثاء، بانفجار عبوة ناسفة استهدفت سيارتهم في قضاء "
                       "تلعفر غربي الموصل، بحسب مصدر أمني.",
                       "وأوضح المصدر أن القوات الأمنية طوّقت المكان وفتحت تحقيقاً في الحادث."),
    "/news/1002": page("احتجاج في البصرة",
                       "تظاهر مئات من أهالي البصرة، اليوم الأربعاء، أمام مبنى المحافظة احتجاجاً على انقطاع الكهرباء "
                       "وشح المياه، مطالبين بمحاسبة المسؤولين."),
    "/news/1003": page("اعتقالات في كركوك",
                       "أعلنت قيادة العمليات المشتركة، اليوم الخميس، أن القوات الأمنية اعتقلت أربعة مطلوبين بتهم "
                       "إرهابية في ناحية الرشاد جنوب كركوك."),
    # the Tal Afar bombing again, told by another outlet: one event in the store, two reports
    "/other/2001": page("عبوة ناسفة",
                        "لقي ٤ أشخاص مصرعهم وجُرح آخرون جراء انفجار عبوة ناسفة زُرعت على جانب الطريق في قضاء تلعفر "
                        "بمحافظة نينوى يوم الثلاثاء."),
    "/news/1004": page("قصف في ديالى",
                       "قُتل جنديان عراقيان، مساء الخميس، بهجوم بقذائف الهاون استهدف موقعاً للجيش في ناحية العظيم "
                       "شمال بعقوبة."),
}
PUBLISHED = "Wed, 15 May 2024 09:00:00 +0300"


def rss(site: LocalSite, paths: list[str], *, title: str = "وكالة الرصد التجريبية") -> str:
    items = "".join(f"<item><title>خبر {p}</title><link>{site.url}{p}</link><pubDate>{PUBLISHED}</pubDate>"
                    f"<description>ملخص قصير</description></item>" for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"{items}</channel></rss>")


def serve_articles(site: LocalSite, paths=ARTICLES) -> None:
    for path in paths:
        site.routes[path] = {"body": ARTICLES[path]}


def article_rows(db_path) -> list[dict]:
    with open_store(str(db_path)) as db:
        return db.query("SELECT article_id, source, published FROM articles ORDER BY article_id")


def watch(*args) -> int:
    return main(["watch", *FAST, *args])


# -- rasd watch --once --feed URL --------------------------------------------------------------------------

def test_each_new_article_is_ingested_once_and_a_second_round_finds_nothing_new(site, tmp_path, capsys):
    serve_articles(site)
    site.routes["/feed.xml"] = {"body": rss(site, ["/news/1001", "/news/1002", "/news/1003"]),
                                "type": "application/rss+xml", "etag": '"v1"'}
    db = tmp_path / "desk.sqlite"
    assert watch("--once", "--feed", site.url + "/feed.xml", "--db", str(db)) == 0
    rows = article_rows(db)
    assert [r["article_id"] for r in rows] == [site.url + p for p in ("/news/1001", "/news/1002", "/news/1003")]
    assert {r["published"] for r in rows} == {"2024-05-15"}
    assert {r["source"] for r in rows} == {"وكالة الرصد التجريبية"}
    err = capsys.readouterr().err
    assert "round 1" in err and "3 new articles (3 added" in err
    # every request names rasd; robots.txt was read once for the host
    assert all("rasd/" in headers.get("User-Agent", "") for _, _, headers in site.hits)
    assert len(site.gets("/robots.txt")) == 1

    # round 2: the feed answers 304 to its ETag, no article is fetched again
    article_gets = len(site.gets("/news/1001"))
    assert watch("--once", "--feed", site.url + "/feed.xml", "--db", str(db)) == 0
    assert site.gets("/feed.xml")[-1].get("If-None-Match") == '"v1"'
    assert len(site.gets("/news/1001")) == article_gets
    assert "0 new articles" in capsys.readouterr().err
    assert len(article_rows(db)) == 3

    # the feed changes: only the new item is fetched
    site.routes["/feed.xml"] = {"body": rss(site, ["/news/1004", "/news/1001", "/news/1002", "/news/1003"]),
                                "type": "application/rss+xml", "etag": '"v2"'}
    assert watch("--once", "--feed", site.url + "/feed.xml", "--db", str(db)) == 0
    assert "1 new articles (1 added" in capsys.readouterr().err
    assert len(site.gets("/news/1001")) == article_gets and len(site.gets("/news/1004")) == 1
    assert len(article_rows(db)) == 4


def test_a_round_survives_every_failure_with_a_logged_reason(site, tmp_path, capsys):
    serve_articles(site)
    site.routes.update({
        "/news/broken": {"status": 500, "body": "oops"},                      # retried next round
        "/news/slow": {"delay": 2.0, "body": ARTICLES["/news/1002"]},        # times out (0.6 s)
        "/news/moved": {"status": 301, "location": "/news/1003"},            # followed
        "/news/garbage": {"body": os.urandom(3000), "type": "application/octet-stream"},
        "/private/secret-1005": {"body": ARTICLES["/news/1004"]},            # robots.txt says no
        "/news/english": {"body": "<html><body><p>" + "Nothing in Arabic here at all. " * 20 + "</p></body></html>"},
        "/feed-500.xml": {"status": 503, "body": "down"},
        "/feed-garbage.xml": {"body": b"\x00\x01<<<>>>\xff" * 50, "type": "application/rss+xml"},
        "/feed-gone.xml": {"status": 404, "body": "gone"},
    })
    listed = ["/news/1001", "/news/broken", "/news/slow", "/news/moved", "/news/garbage", "/private/secret-1005",
              "/news/english"]
    site.routes["/feed.xml"] = {"body": rss(site, listed), "type": "application/rss+xml", "etag": '"v1"'}
    db = tmp_path / "desk.sqlite"
    feeds = [arg for name in ("/feed.xml", "/feed-500.xml", "/feed-garbage.xml", "/feed-gone.xml")
             for arg in ("--feed", site.url + name)]
    assert watch("--once", *feeds, "--db", str(db)) == 0
    err = capsys.readouterr().err
    assert "HTTP 500" in err and f"will retry {site.url}/news/broken" in err
    assert "timed out" in err and "HTTP 503" in err and "HTTP 404" in err
    assert "robots.txt of 127.0.0.1" in err and "disallows" in err
    assert f"cannot read {site.url}/feed-garbage.xml" in err
    assert f"skipped {site.url}/news/english: not Arabic text" in err
    assert f"skipped {site.url}/news/garbage" in err
    assert "retrying in 0 s" in err  # the 500 and the timeout were retried within the round
    assert not site.gets("/private/secret-1005")
    ids = {r["article_id"] for r in article_rows(db)}
    assert ids == {site.url + "/news/1001", site.url + "/news/moved"}  # the redirect's article, under its feed URL

    # round 2: the feed has not changed, but two items are still to retry: the feed is read in full
    # (no ETag kept while items are pending), the failed ones are fetched again, nothing else
    site.routes["/news/broken"] = {"body": ARTICLES["/news/1004"]}
    site.routes["/news/slow"]["delay"] = 0
    gets_1001 = len(site.gets("/news/1001"))
    assert watch("--once", *feeds, "--db", str(db)) == 0
    err = capsys.readouterr().err
    assert "2 new articles (2 added" in err.split("round 1")[-1]
    assert len(site.gets("/news/1001")) == gets_1001
    assert len(article_rows(db)) == 4

    # round 3: nothing left to do; the feed now answers 304
    assert watch("--once", *feeds, "--db", str(db)) == 0
    assert "0 new articles" in capsys.readouterr().err
    assert site.gets("/feed.xml")[-1].get("If-None-Match") == '"v1"'


def test_an_article_that_keeps_failing_is_given_up_after_three_tries(site, tmp_path, capsys):
    site.routes["/news/9001"] = {"status": 500, "body": "no"}
    site.routes["/feed.xml"] = {"body": rss(site, ["/news/9001"]), "type": "application/rss+xml"}
    db = tmp_path / "desk.sqlite"
    for _ in range(4):
        watch("--once", "--feed", site.url + "/feed.xml", "--db", str(db), "--retries", "0")
    err = capsys.readouterr().err
    assert err.count("will retry") == 2 and err.count("gave up on") == 1
    assert len(site.gets("/news/9001")) == 3  # the fourth round leaves it alone
    from rasd.store.state import item_state
    with open_store(str(db)) as store:
        state = item_state(store, site.url + "/news/9001")
    assert state["done"] == 1 and state["outcome"].startswith("given up after 3 tries")


def test_an_outlets_file_watches_a_feed_and_a_page_of_links_with_one_article_stored_once(site, tmp_path, capsys):
    serve_articles(site)
    site.routes["/feed.xml"] = {"body": rss(site, ["/news/1001", "/news/1002"]), "type": "application/rss+xml"}
    site.routes["/latest"] = {"body": (
        "<html><body><nav><a href='/'>الرئيسية</a> <a href='/about'>من نحن</a> <a href='/logo.png'>شعار</a>"
        "<a href='https://elsewhere.example/news/77777'>خبر على موقع آخر تماما</a></nav>"
        f"<ul><li><a href='/other/2001#top'>عبوة ناسفة في تلعفر تقتل أربعة</a></li>"
        f"<li><a href='{site.url}/news/1002?utm_source=homepage'>تظاهرة في البصرة أمام مبنى المحافظة</a></li>"
        "</ul></body></html>")}
    outlets = tmp_path / "outlets.toml"
    outlets.write_text(f"""
[defaults]
language = "ar"
interval = "10m"

[[outlet]]
name = "وكالة الرصد"
url = "{site.url}/feed.xml"

[[outlet]]
name = "صحيفة المراقب"
url = "{site.url}/latest"
kind = "links"
interval = 300
""", encoding="utf-8")
    db = tmp_path / "desk.sqlite"
    assert watch(str(outlets), "--once", "--db", str(db)) == 0
    rows = {r["article_id"]: r["source"] for r in article_rows(db)}
    assert rows == {site.url + "/news/1001": "وكالة الرصد", site.url + "/news/1002": "وكالة الرصد",
                    site.url + "/other/2001": "صحيفة المراقب"}
    assert len(site.gets("/news/1002")) == 1  # listed by both outlets, fetched and stored once
    assert not site.gets("/about") and not site.gets("/logo.png")
    with open_store(str(db)) as store:
        events, _ = store.events(None)
    bombing = [e for e in events if e["sub_event_type"] == "Remote explosive/landmine/IED"]
    assert len(bombing) == 1 and bombing[0]["n_reports"] == 2  # two outlets, one incident
    assert bombing[0]["fatalities"] == 3  # the store keeps the lower toll

    # the same outlets as YAML
    yaml_file = tmp_path / "outlets.yaml"
    yaml_file.write_text(f"outlets:\n  - url: {site.url}/feed.xml\n    name: وكالة الرصد\n    interval: 15m\n",
                         encoding="utf-8")
    assert [o.interval for o in load_outlets(yaml_file)] == [900.0]
    assert watch(str(yaml_file), "--once", "--db", str(db)) == 0
    assert len(article_rows(db)) == 3


def test_feed_items_without_a_reachable_page_use_the_feeds_own_text(site, tmp_path):
    text = "انفجرت عبوة ناسفة بدورية للشرطة في قضاء تلعفر غربي الموصل يوم الثلاثاء دون وقوع إصابات، وفق مصدر أمني."
    site.routes["/robots.txt"] = {"body": "User-agent: rasd\nDisallow: /\n", "type": "text/plain"}
    site.routes["/feed.atom"] = {"type": "application/atom+xml", "body": (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>أطلس</title>'
        f'<entry><title>عبوة</title><link rel="alternate" href="{site.url}/a/1"/>'
        f'<published>2024-05-15T08:00:00+03:00</published><content type="html">&lt;p&gt;{text}&lt;/p&gt;</content>'
        '</entry></feed>')}
    db = tmp_path / "desk.sqlite"
    # robots.txt forbids the whole site to rasd: not even the feed is read
    assert watch("--once", "--feed", site.url + "/feed.atom", "--db", str(db)) == 3
    assert not site.gets("/feed.atom")
    # with robots.txt ignored (the analyst's own server), the entry's text is used when the page is missing
    assert watch("--once", "--feed", site.url + "/feed.atom", "--db", str(db), "--ignore-robots") == 0
    (row,) = article_rows(db)
    assert row["article_id"] == site.url + "/a/1" and row["source"] == "أطلس" and row["published"] == "2024-05-15"


def test_bad_configuration_is_a_clear_error_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "outlets.toml"
    bad.write_text('[[outlet]]\nurl = "ftp://example.org/feed"\n', encoding="utf-8")
    assert main(["watch", str(bad), "--once", "--db", str(tmp_path / "x.sqlite")]) == 2
    assert "url must be an http(s) URL" in capsys.readouterr().err
    bad.write_text('[[outlet]]\nurl = "https://example.org/feed"\ninterval = "often"\n', encoding="utf-8")
    assert main(["watch", str(bad), "--once"]) == 2
    assert "interval must be" in capsys.readouterr().err
    bad.write_text("[[outlet]\n", encoding="utf-8")
    assert main(["watch", str(bad), "--once"]) == 2
    assert "not valid TOML" in capsys.readouterr().err
    assert main(["watch", "--once"]) == 2
    assert "nothing to watch" in capsys.readouterr().err
    assert main(["watch", "--feed", "file:///etc/passwd", "--once"]) == 2
    assert main(["watch", str(tmp_path / "missing.yaml"), "--once"]) == 2
    assert "cannot read the outlets file" in capsys.readouterr().err


# -- the fetcher ---------------------------------------------------------------------------------------------

class FakeTime:
    def __init__(self):
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def test_retries_back_off_exponentially_and_honour_retry_after(site):
    clock = FakeTime()
    site.routes["/flaky"] = {"status": 503, "body": "busy"}
    with Fetcher(retries=3, backoff=0.5, per_host_interval=0, respect_robots=False, sleep=clock.sleep,
                 clock=clock.clock) as fetcher:
        with pytest.raises(FetchError, match=r"HTTP 503.*after 4 tries"):
            fetcher.fetch(site.url + "/flaky")
        assert clock.sleeps == [0.5, 1.0, 2.0]
        site.routes["/limited"] = {"status": 429, "body": "slow down", "headers": {"Retry-After": "7"}}
        clock.sleeps.clear()
        with pytest.raises(FetchError, match="429"):
            fetcher.fetch(site.url + "/limited")
        assert clock.sleeps == [7.0, 7.0, 7.0]
        # a 4xx is not retried
        clock.sleeps.clear()
        with pytest.raises(FetchError, match="404") as raised:
            fetcher.fetch(site.url + "/nowhere")
        assert raised.value.permanent and clock.sleeps == []


def test_requests_to_one_host_are_spaced_and_bodies_are_limited(site):
    clock = FakeTime()
    site.routes["/a"] = {"body": "ا" * 100}
    site.routes["/big"] = {"body": b"x" * 50_000}
    site.routes["/gz"] = {"body": gzip.compress(b"<p>" + "نص ".encode() * 40_000 + b"</p>"),
                          "headers": {"Content-Encoding": "gzip"}}
    with Fetcher(per_host_interval=2.0, respect_robots=False, sleep=clock.sleep, clock=clock.clock,
                 max_bytes=20_000) as fetcher:
        fetcher.fetch(site.url + "/a")
        fetcher.fetch(site.url + "/a")
        clock.now += 0.5
        fetcher.fetch(site.url + "/a")
        assert clock.sleeps == [2.0, 1.5]
        with pytest.raises(FetchError, match="larger than 20,000 bytes"):
            fetcher.fetch(site.url + "/big")
        with pytest.raises(FetchError, match="larger than"):  # counted once decompressed
            fetcher.fetch(site.url + "/gz")


def test_redirect_loops_and_conditional_get(site):
    site.routes["/loop"] = {"status": 302, "location": "/loop"}
    site.routes["/feed"] = {"body": "<rss/>", "etag": '"abc"', "headers": {"Last-Modified": formatdate(usegmt=True)}}
    with Fetcher(per_host_interval=0, respect_robots=False, retries=0) as fetcher:
        with pytest.raises(FetchError, match="too many redirects"):
            fetcher.fetch(site.url + "/loop")
        first = fetcher.fetch(site.url + "/feed")
        assert first.etag == '"abc"' and first.last_modified
        again = fetcher.fetch(site.url + "/feed", etag=first.etag, last_modified=first.last_modified)
        assert again.not_modified and again.content == b""
        assert site.gets("/feed")[-1]["If-Modified-Since"] == first.last_modified


def test_robots_txt_rules_and_failures(site):
    site.routes["/robots.txt"] = {"body": "User-agent: rasd\nDisallow: /archive/\n\nUser-agent: *\nDisallow: /\n",
                                  "type": "text/plain"}
    with Fetcher(per_host_interval=0, retries=0) as fetcher:
        assert fetcher.allowed(site.url + "/news/1") and not fetcher.allowed(site.url + "/archive/1")
    site.routes["/robots.txt"] = {"status": 500, "body": "x"}
    logged = []
    with Fetcher(per_host_interval=0, retries=0, log=logged.append) as fetcher:
        assert not fetcher.allowed(site.url + "/news/1")  # unreadable robots.txt: nothing is fetched
        assert "robots.txt of" in logged[0]
        site.routes["/robots.txt"] = {"body": "User-agent: *\nDisallow: /news/\n", "type": "text/plain"}
        assert not fetcher.allowed(site.url + "/archive/1")  # remembered within the round
        fetcher.new_round()  # the next round reads an unreadable robots.txt again
        assert fetcher.allowed(site.url + "/archive/1") and not fetcher.allowed(site.url + "/news/1")
    assert len(site.gets("/robots.txt")) == 3  # one by the first fetcher, two by the second
    del site.routes["/robots.txt"]
    clock = FakeTime()
    with Fetcher(per_host_interval=0, retries=0, clock=clock.clock, sleep=clock.sleep) as fetcher:
        assert fetcher.allowed(site.url + "/news/1")  # no robots.txt: everything is allowed
        site.routes["/robots.txt"] = {"body": "User-agent: *\nDisallow: /\n", "type": "text/plain"}
        fetcher.new_round()
        assert fetcher.allowed(site.url + "/news/1")  # a robots.txt that was read is kept a day
        clock.now += 24 * 3600 + 1
        assert not fetcher.allowed(site.url + "/news/1")


def test_links_of_a_latest_news_page():
    markup = ("<a href='/ar/news/2024/05/15/اشتباكات'>اشتباكات عنيفة في ريف حلب</a>"
              "<a href='/ar/tag/سوريا'>سوريا</a><a href='/ar/video/123.mp4'>فيديو القصف على إدلب</a>"
              "<a href='https://www.example.org/ar/article/55512'>المزيد</a>"
              "<a href='mailto:desk@example.org'>راسلونا على البريد الإلكتروني</a>"
              "<a href='https://other.example/ar/article/1'>خبر من موقع آخر</a>"
              "<a href='http://[::1/ar/news/9'>رابط معطوب في الصفحة الرئيسية</a>")
    assert article_links(markup, "https://example.org/ar/latest") == [
        "https://example.org/ar/news/2024/05/15/اشتباكات", "https://www.example.org/ar/article/55512"]


def test_the_example_outlets_and_rules_files_load():
    from rasd.alerts import load_rules
    outlets = load_outlets(ROOT / "docs" / "outlets.example.toml")
    assert [(o.kind, o.interval) for o in outlets] == [("auto", 900.0), ("links", 1800.0)]
    rules = load_rules(ROOT / "docs" / "alerts.example.yaml")
    assert [r.min_fatalities for r in rules] == [1, 0, 0] and rules[2].webhook.startswith("https://")


def test_tracking_parameters_and_fragments_do_not_make_a_new_article():
    from rasd.watch import canonical_url
    assert canonical_url("https://example.org/ar/news/5?utm_source=rss&utm_medium=feed#comments") == \
        "https://example.org/ar/news/5"
    assert canonical_url("https://example.org/article.php?id=77&fbclid=x") == "https://example.org/article.php?id=77"
    assert canonical_url("https://example.org/ar/أخبار/5") == "https://example.org/ar/أخبار/5"


def test_feed_or_page_is_told_by_type_and_content():
    assert looks_like_feed(b"<rss/>", "text/html")
    assert looks_like_feed(b"anything", "application/atom+xml; charset=utf-8")
    assert looks_like_feed(b"\xef\xbb\xbf<?xml version='1.0'?><feed/>", "text/plain")
    assert not looks_like_feed(b"<!DOCTYPE html><html>", "text/html")
    assert not looks_like_feed(b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>",
                               "application/xhtml+xml")
    assert parse_interval("90s", "x") == 90 and parse_interval("2h", "x") == 7200 and parse_interval(45, "x") == 45


def test_watcher_runs_rounds_until_stopped(site, tmp_path):
    serve_articles(site)
    site.routes["/feed.xml"] = {"body": rss(site, ["/news/1002"]), "type": "application/rss+xml"}
    stop = threading.Event()
    lines = []
    with open_store(str(tmp_path / "desk.sqlite")) as store, \
            Fetcher(per_host_interval=0, retries=0, timeout=1) as fetcher:
        watcher = Watcher(store, [Outlet(url=site.url + "/feed.xml", interval=1)], fetcher, log=lambda m: None)

        def on_round(report):
            lines.append(report.line())
            if report.number == 1:  # the feed changes while the watcher sleeps
                site.routes["/feed.xml"]["body"] = rss(site, ["/news/1003", "/news/1002"])
            if report.number == 2:
                stop.set()
        t0 = time.monotonic()
        watcher.run(stop=stop, on_round=on_round)
        assert 0.9 <= time.monotonic() - t0 < 5
        assert store.counts()["articles"] == 2
    assert "round 1" in lines[0] and "1 added" in lines[0] and "round 2" in lines[1] and "1 added" in lines[1]


# -- kill -9 in the middle of a round ------------------------------------------------------------------------

KILL_PATHS = ["/news/1001", "/news/1002", "/news/1003", "/other/2001", "/news/1004"]


def _watch_process(site: LocalSite, db: Path, *, quiet: bool = True) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-m", "rasd.cli", "watch", "--once", "--feed", site.url + "/feed.xml",
                             "--db", str(db), *(["--quiet"] if quiet else []), *FAST[:2], "--retries", "0",
                             "--host-delay", "0"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=str(ROOT), text=True)


def _store_summary(db: Path, base: str) -> dict:
    with open_store(str(db)) as store:
        articles = sorted(r["article_id"].replace(base, "") for r in store.query("SELECT article_id FROM articles"))
        events = sorted((e["sub_event_type"], e["admin1"], e["event_date"], e["fatalities"], e["n_reports"])
                        for e in store.events(None)[0])
        reports = store.scalar("SELECT COUNT(*) AS n FROM reports")
        done = store.scalar("SELECT COUNT(*) AS n FROM watch_items WHERE done = 1")
    return {"articles": articles, "events": events, "reports": reports, "done": done}


@pytest.mark.parametrize("victim", [2, 4])
def test_kill_9_during_a_round_loses_and_duplicates_nothing(site, tmp_path, victim):
    serve_articles(site)
    site.routes["/feed.xml"] = {"body": rss(site, KILL_PATHS), "type": "application/rss+xml", "etag": '"k"'}
    # the reference: one clean round on its own store
    reference = tmp_path / "reference.sqlite"
    assert _watch_process(site, reference).wait(60) == 0
    expected = _store_summary(reference, site.url)
    assert len(expected["articles"]) == 5 and expected["done"] == 5

    # the same round, killed with SIGKILL while the victim article is being fetched
    arrived, release = threading.Event(), threading.Event()
    site.routes[KILL_PATHS[victim]].update(wait=arrived, release=release)
    db = tmp_path / "killed.sqlite"
    process = _watch_process(site, db)
    assert arrived.wait(60), process.stderr.read()
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    assert process.returncode == -signal.SIGKILL
    release.set()
    site.routes[KILL_PATHS[victim]].pop("wait")
    partial = _store_summary(db, site.url)
    assert len(partial["articles"]) == victim  # what was committed before the kill is there

    # the next round finishes the job: the same store as the clean run, nothing fetched twice that was done
    gets_first = len(site.gets(KILL_PATHS[0]))
    assert _watch_process(site, db).wait(60) == 0
    assert _store_summary(db, site.url) == expected
    assert len(site.gets(KILL_PATHS[0])) == gets_first
    # and a further round does nothing
    assert _watch_process(site, db).wait(60) == 0
    assert _store_summary(db, site.url) == expected


def test_kill_9_right_after_an_article_is_stored_neither_loses_nor_duplicates_it(site, tmp_path):
    """The window between storing an article and marking it done: the next round fetches it again, finds
    it unchanged, and marks it done."""
    serve_articles(site)
    site.routes["/feed.xml"] = {"body": rss(site, KILL_PATHS), "type": "application/rss+xml"}
    reference = tmp_path / "reference.sqlite"
    assert _watch_process(site, reference).wait(60) == 0
    expected = _store_summary(reference, site.url)
    db = tmp_path / "killed.sqlite"
    process = _watch_process(site, db, quiet=False)
    for line in process.stderr:
        if line.startswith(f"rasd watch: added {site.url}{KILL_PATHS[1]}"):
            process.send_signal(signal.SIGKILL)
            break
    process.wait(10)
    assert process.returncode == -signal.SIGKILL
    assert 2 <= len(_store_summary(db, site.url)["articles"]) <= 3
    again = _watch_process(site, db, quiet=False)
    err = again.communicate(timeout=60)[1]
    assert again.returncode == 0, err
    assert _store_summary(db, site.url) == expected
    assert f"added {site.url}{KILL_PATHS[0]}" not in err  # done before the kill: not fetched again


def test_a_locked_store_stops_one_round_not_the_watch(site, tmp_path, monkeypatch):
    import sqlite3
    monkeypatch.setenv("RASD_DB_TIMEOUT", "0.2")
    serve_articles(site)
    site.routes["/feed.xml"] = {"body": rss(site, ["/news/1003"]), "type": "application/rss+xml"}
    path = str(tmp_path / "desk.sqlite")
    logged, lines, stop = [], [], threading.Event()
    with open_store(path) as store, Fetcher(per_host_interval=0, retries=0, timeout=1) as fetcher:
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock until round 1 has failed

        def log(message):
            logged.append(message)
            if "stopped" in message and other.in_transaction:
                other.execute("ROLLBACK")

        def on_round(report):
            lines.append(report.line())
            stop.set()
        watcher = Watcher(store, [Outlet(url=site.url + "/feed.xml", interval=1)], fetcher, log=log)
        guard = threading.Timer(30, stop.set)  # never hang the suite
        guard.start()
        watcher.run(stop=stop, on_round=on_round)
        guard.cancel()
        other.close()
        assert store.counts()["articles"] == 1
    assert "stopped: the store" in logged[0] and "locked" in logged[0]
    assert len(lines) == 1 and "round 2" in lines[0] and "1 added" in lines[0]


def test_a_pipeline_bug_on_one_article_is_retried_not_recorded_as_done(site, tmp_path):
    from rasd.pipeline import process
    serve_articles(site)
    site.routes["/feed.xml"] = {"body": rss(site, ["/news/1002", "/news/1003"]), "type": "application/rss+xml"}
    broken = {site.url + "/news/1002"}

    def buggy(record):
        if record["id"] in broken:
            raise KeyError("a bug")
        return process(record)
    logged = []
    with open_store(str(tmp_path / "desk.sqlite")) as store, \
            Fetcher(per_host_interval=0, retries=0, timeout=1) as fetcher:
        watcher = Watcher(store, [Outlet(url=site.url + "/feed.xml")], fetcher, process=buggy, log=logged.append)
        first = watcher.run(once=True)[-1]
        assert (first.added, first.failed) == (1, 1)
        assert any(m.startswith(f"will retry {site.url}/news/1002: internal error: KeyError") for m in logged)
        broken.clear()  # rasd fixed
        second = watcher.run(once=True)[-1]
        assert (second.new_items, second.added) == (1, 1)
        assert store.counts()["articles"] == 2


def test_a_redirect_out_of_http_and_odd_urls_fail_at_once(site):
    site.routes["/to-ftp"] = {"status": 302, "location": "ftp://example.org/file"}
    clock = FakeTime()
    with Fetcher(per_host_interval=0, respect_robots=False, retries=3, sleep=clock.sleep, clock=clock.clock) as fetcher:
        with pytest.raises(FetchError) as raised:
            fetcher.fetch(site.url + "/to-ftp")
        assert raised.value.permanent and clock.sleeps == []
        with pytest.raises(FetchError, match="not an http"):
            fetcher.fetch("file:///etc/passwd")
        with pytest.raises(FetchError) as raised:
            fetcher.fetch("http://[::1/news")
        assert raised.value.permanent
