"""Hostile article text in a real browser (issue 8): articles holding ``<script>``, ``<img onerror>``,
``<svg onload>`` and ``javascript:`` URLs are posted to a live server, run through the real pipeline,
and shown in headless Chromium: everything renders as text, no element from an article appears in the
page, no script from an article runs, and the Content-Security-Policy stops inline script even where
escaping would fail."""
from __future__ import annotations

import time

import pytest
from conftest import CHROMIUM, DRIVER, NO_BROWSER

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
webdriver = pytest.importorskip("selenium.webdriver")
httpx = pytest.importorskip("httpx")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from rasd.api import create_app  # noqa: E402
from rasd.store import open_store  # noqa: E402

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason=NO_BROWSER)

TOKEN = "xss-test-token"
SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '<img src=x onerror="window.__pwned = 2">'
SVG = '<svg onload="window.__pwned = 3"></svg>'
ARTICLES = [
    {   # plain text holding markup: it must reach the page as these very characters
        "id": "xss-text", "published": "2024-05-26", "url": "javascript:window.__pwned=4",
        "title": '<iframe src="javascript:window.__pwned=5"></iframe>عنوان الخبر',
        "source": '<b onmouseover="window.__pwned=6">Outlet</b>',
        "text": ("انفجرت عبوة ناسفة صباح اليوم الأحد على طريق رئيسي في مدينة الفلوجة ما أسفر عن مقتل ثلاثة "
                 f"أشخاص وإصابة آخرين. {SCRIPT}{IMG} {SVG} وقال مصدر أمني إن القوات طوقت المكان."),
    },
    {   # an HTML page: its real <script> is dropped by the cleaner, its escaped markup is text
        "id": "xss-html", "published": "2016-05-02",
        "html": ("<html><head><title>خبر</title><script>window.__pwned = 7</script></head><body><article>"
                 "<p>اندلعت اشتباكات عنيفة بين القوات العراقية ومسلحي تنظيم داعش في قضاء تلعفر غربي الموصل أمس."
                 "</p><p>&lt;script&gt;window.__pwned = 8&lt;/script&gt; &lt;img src=x "
                 "onerror=&quot;window.__pwned = 9&quot;&gt;</p></article></body></html>"),
    },
]


@pytest.fixture(scope="module")
def server(tmp_path_factory, serve):
    store = open_store(str(tmp_path_factory.mktemp("xss") / "xss.sqlite"))
    base = serve(create_app(store=store, token=TOKEN))
    posted = httpx.post(f"{base}/articles", json={"articles": ARTICLES},
                        headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert posted.status_code == 200, posted.text
    assert posted.json()["added"] == 2, posted.json()
    events = {}
    for article in ARTICLES:
        page = httpx.get(f"{base}/events", params={"limit": 100}).json()["events"]
        for event in page:
            detail = httpx.get(f"{base}/events/{event['event_id']}").json()
            if any(r["article_id"] == article["id"] for r in detail["reports"]):
                events[article["id"]] = event["event_id"]
    assert set(events) == {"xss-text", "xss-html"}, "the pipeline must give an event for each hostile article"
    yield {"url": base + "/", "events": events}
    store.close()


def _open_event(browser, server, article_id):
    browser.get(server["url"])
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-loaded"))
    event_id = server["events"][article_id]
    browser.find_element(By.CSS_SELECTOR, f"#map circle.marker[data-event-id='{event_id}']").click()
    WebDriverWait(browser, 15).until(
        lambda d: d.find_element(By.ID, "panel").get_attribute("data-event-id") == event_id
        and d.find_elements(By.CSS_SELECTOR, "#panel .article mark"))
    time.sleep(0.3)  # an onerror would fire once the (broken) image had been tried
    return browser.find_element(By.ID, "panel")


def _nothing_ran(browser):
    assert browser.execute_script("return window.__pwned === undefined"), \
        f"a script from an article ran: __pwned = {browser.execute_script('return window.__pwned')}"
    injected = browser.execute_script(
        "return Array.from(document.querySelectorAll('iframe, img, object, embed, "
        "[onerror], [onload], [onmouseover], a[href^=\"javascript\"]')).map(e => e.outerHTML)")
    assert injected == [], injected
    scripts = browser.execute_script("return Array.from(document.scripts).map(s => s.src || s.textContent)")
    assert len(scripts) == 1 and scripts[0].endswith("/static/app.js"), scripts


def test_markup_in_article_text_renders_as_text(server, browser):
    panel = _open_event(browser, server, "xss-text")
    text = panel.text
    for piece in (SCRIPT, IMG, SVG, ARTICLES[0]["title"], ARTICLES[0]["source"], "javascript:window.__pwned=4"):
        assert piece in text, f"{piece!r} is not shown as text"
    article = panel.find_element(By.CSS_SELECTOR, ".article")
    assert article.find_elements(By.CSS_SELECTOR, "*:not(span):not(mark)") == []
    marks = [m.text for m in article.find_elements(By.TAG_NAME, "mark")]
    assert any("عبوة ناسفة" in m for m in marks), marks  # the evidence is still highlighted
    _nothing_ran(browser)


def test_escaped_markup_from_an_html_page_renders_as_text(server, browser):
    panel = _open_event(browser, server, "xss-html")
    assert "<script>window.__pwned = 8</script>" in panel.text
    assert '<img src=x onerror="window.__pwned = 9">' in panel.text
    assert "window.__pwned = 7" not in panel.text  # the page's own script was dropped by the cleaner
    _nothing_ran(browser)


def test_hostile_filter_input_is_harmless(server, browser):
    browser.get(server["url"])
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-loaded"))
    box = browser.find_element(By.CSS_SELECTOR, "input[name=actor]")
    box.send_keys('"><img src=x onerror="window.__pwned=10">')
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    WebDriverWait(browser, 15).until(lambda d: "0 events" in d.find_element(By.ID, "totals").text)
    time.sleep(0.3)
    _nothing_ran(browser)


def test_the_content_security_policy_blocks_inline_script(server, browser):
    """Defence in depth: were some text ever inserted as HTML, its inline script would still not run."""
    browser.get(server["url"])
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-loaded"))
    ran = browser.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var holder = document.createElement('div');
        holder.innerHTML = '<img src="x" onerror="window.__csp = 1">';
        document.body.appendChild(holder);
        var s = document.createElement('script'); s.textContent = 'window.__csp = 2'; document.body.appendChild(s);
        setTimeout(function () { holder.remove(); s.remove(); done(window.__csp === undefined ? 'blocked' : 'ran ' + window.__csp); }, 500);
    """)
    assert ran == "blocked"
