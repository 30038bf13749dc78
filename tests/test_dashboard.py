"""The dashboard in headless Chromium: markers on the map, a click shows the Arabic evidence highlighted,
and article text is never interpreted as HTML (the screenshot of the README: tests/test_dashboard_view.py)."""
from __future__ import annotations

import time

import pytest
from conftest import CHROMIUM, DRIVER, NO_BROWSER

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
webdriver = pytest.importorskip("selenium.webdriver")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from rasd.api import create_app  # noqa: E402
from rasd.store import fixture, open_store  # noqa: E402
from rasd.store.fixture import FixtureResult, make_event  # noqa: E402
from rasd.store.ingest import ingest_result  # noqa: E402

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason=NO_BROWSER)

HOSTILE = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">"


@pytest.fixture(scope="module")
def server(tmp_path_factory, serve):
    store = open_store(str(tmp_path_factory.mktemp("dash") / "dash.sqlite"))
    fixture.load_demo(store, use_pipeline=False)
    text = "انفجرت عبوة ناسفة في مدينة الفلوجة صباح الأحد. " + HOSTILE
    article = {"id": "hostile", "text": text, "source": "Test Outlet"}
    event = make_event(article, sub_event_type="Remote explosive/landmine/IED", event_date="2024-05-26",
                       country="Iraq", iso=368, admin1="Al Anbar", admin2="Al-Falluja", location="Fallujah",
                       latitude=33.35, longitude=43.78, evidence=[("trigger", "انفجرت عبوة ناسفة"),
                                                                  ("location", "مدينة الفلوجة")])
    ingest_result(store, FixtureResult(id="hostile", events=[event], source="Test Outlet", text=text,
                                       title="<b>عنوان</b>"))
    base = serve(create_app(store=store, token=None))
    yield {"url": base + "/", "hostile": event["event_id"]}
    store.close()


def test_map_shows_markers_and_a_click_shows_highlighted_arabic_evidence(server, browser):
    browser.get(server["url"])
    WebDriverWait(browser, 20).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-loaded"))
    markers = browser.find_elements(By.CSS_SELECTOR, "#map circle.marker")
    assert len(markers) == 12  # 11 demo events + the hostile article's one
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map path.country")) > 10  # offline outlines
    tarmiyah = browser.execute_script(
        "return Array.from(document.querySelectorAll('#map circle.marker'))"
        ".find(c => c.querySelector('title').textContent.includes('Tarmiyah'))")
    tarmiyah.click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#panel .article mark"))
    article = browser.find_element(By.CSS_SELECTOR, "#panel .article")
    assert article.get_attribute("dir") == "rtl"
    marks = {m.get_attribute("data-field"): m.text for m in article.find_elements(By.CSS_SELECTOR, "mark")}
    assert marks["trigger"] == "بانفجار عبوة ناسفة"
    assert marks["location"] == "قضاء الطارمية" and marks["date"] == "مساء السبت"
    assert "Alsumaria, Shafaq News" in browser.find_element(By.ID, "panel").text


def test_article_text_is_shown_as_text_never_run(server, browser):
    browser.get(server["url"])
    WebDriverWait(browser, 20).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-loaded"))
    browser.find_element(By.CSS_SELECTOR, f"#map circle.marker[data-event-id='{server['hostile']}']").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#panel .article mark"))
    time.sleep(0.3)
    panel = browser.find_element(By.CSS_SELECTOR, "#panel .article")
    assert "<script>window.__pwned = 1</script>" in panel.text and "<b>عنوان</b>" in panel.text
    assert panel.find_elements(By.TAG_NAME, "img") == [] and panel.find_elements(By.TAG_NAME, "script") == []
    assert browser.execute_script("return window.__pwned === undefined")
