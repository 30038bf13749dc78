"""The REST API (FastAPI TestClient): reads open, writes behind the bearer token, size limits."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from rasd.api import MAX_BODY_BYTES, create_app  # noqa: E402
from rasd.store import fixture, open_store  # noqa: E402

RESULTS = {r.id: r for r in fixture.demo_results()}


def fake_process(record):
    """The pipeline stand-in: the hand-coded events of the demo articles."""
    return RESULTS[record["id"]]


@pytest.fixture
def db(tmp_path):
    store = open_store(str(tmp_path / "api.sqlite"))
    fixture.load_demo(store, use_pipeline=False)
    yield store
    store.close()


@pytest.fixture
def client(db):
    return TestClient(create_app(store=db, token="s3cret", process=fake_process))


def test_events_are_filtered_sorted_and_paginated(client):
    page = client.get("/events", params={"country": "Iraq", "sort": "-fatalities", "limit": 2}).json()
    assert page["total"] == 6 and page["next_offset"] == 2
    assert [e["location"] for e in page["events"]] == ["Tarmiyah", "Sinjar"]
    assert client.get("/events", params={"sort": "event_date; DROP TABLE events"}).status_code == 422
    assert client.get("/events", params={"sort": "notes"}).status_code == 400
    assert client.get("/events", params={"limit": 100000}).status_code == 422


def test_one_event_comes_with_its_reports_evidence_and_sources(client):
    tarmiyah = client.get("/events", params={"admin2": "Al-Tarmia"}).json()["events"][0]
    event = client.get(f"/events/{tarmiyah['event_id']}").json()
    assert event["sources"] == ["Alsumaria", "Shafaq News"]
    report = event["reports"][0]
    trigger = next(e for e in report["evidence"] if e["field"] == "trigger")
    assert report["article"]["text"][trigger["start"]:trigger["end"]] == trigger["text"] == "بانفجار عبوة ناسفة"
    assert client.get("/events/rasd-0000").status_code == 404


def test_stats_count_by_type_governorate_and_week(client):
    stats = client.get("/stats", params={"country": "Yemen"}).json()
    assert stats["events"] == 3 and stats["fatalities"] == 7
    assert {r["key"] for r in stats["by_admin1"]} == {"Al Hudaydah", "Marib", "Taizz"}
    assert [r["key"] for r in stats["by_week"]] == ["2024-W20", "2024-W21"]


def test_export_formats(client):
    csv_text = client.get("/export", params={"format": "acled-csv", "country": "Syria"}).text
    assert csv_text.splitlines()[0].startswith("event_id_cnty,event_date,year") and len(csv_text.splitlines()) == 3
    geo = client.get("/export", params={"format": "geojson"}).json()
    assert len(geo["features"]) == 11
    lines = client.get("/export", params={"format": "jsonl", "source": "Rudaw"}).text.splitlines()
    assert [json.loads(x)["location"] for x in lines] == ["Tuz Khurmatu"]


def test_writes_need_the_bearer_token(client, db):
    article = dict(fixture.demo_articles()[0], id="demo-05")
    assert client.post("/articles", json=article).status_code == 401
    assert client.post("/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
    db.remove_article("demo-05")
    ok = client.post("/articles", json={"articles": [dict(fixture.demo_articles()[4])]},
                     headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["added"] == 1
    again = client.post("/articles", json=fixture.demo_articles()[4], headers={"Authorization": "Bearer s3cret"})
    assert again.json()["unchanged"] == 1


def test_without_a_token_writes_are_refused(db, monkeypatch):
    monkeypatch.delenv("RASD_API_TOKEN", raising=False)
    client = TestClient(create_app(store=db, process=fake_process))
    response = client.post("/articles", json=fixture.demo_articles()[0], headers={"Authorization": "Bearer "})
    assert response.status_code == 403 and "RASD_API_TOKEN" in response.json()["detail"]
    assert client.get("/events").status_code == 200  # reads need none


def test_the_token_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("RASD_API_TOKEN", "from-env")
    client = TestClient(create_app(store=db, process=fake_process))
    response = client.post("/articles", json=fixture.demo_articles()[0], headers={"Authorization": "Bearer from-env"})
    assert response.status_code == 200


def test_request_size_limits(client):
    big = {"text": "ا" * (MAX_BODY_BYTES // 2 + 10)}  # two bytes a letter in UTF-8: over the limit
    response = client.post("/articles", json=big, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 413
    assert client.get("/events", params={"actor": "x" * 5000}).status_code == 414
    assert client.get("/events", params={"actor": "x" * 300}).status_code == 422


def test_openapi_and_static_files(client):
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/stats", "/export", "/articles"} <= set(spec["paths"])
    assert client.get("/").headers["content-type"].startswith("text/html")
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/../api/__init__.py").status_code == 404
    assert client.get("/static/%2e%2e/api/__init__.py").status_code == 404


def test_events_carry_the_english_note_beside_the_arabic_notes(client):
    page = client.get("/events", params={"admin2": "Al-Tarmia"}).json()["events"]
    tarmiyah = page[0]
    assert tarmiyah["notes"] and tarmiyah["notes_en"].startswith(
        "On 11 May 2024, an IED planted by Islamic State (Iraq) detonated against Military Forces of Iraq in "
        "Tarmiyah (Al-Tarmia, Baghdad).")
    event = client.get(f"/events/{tarmiyah['event_id']}").json()
    assert event["notes_en"] == tarmiyah["notes_en"]
    assert event["notes_en"].endswith("Reported by Alsumaria and Shafaq News; 2 fatalities (the lowest toll reported).")
    # each report keeps its own note, with its own toll and outlet
    assert sorted(r["record"]["notes_en"].rsplit(". ", 1)[1] for r in event["reports"]) == [
        "Alsumaria reported 3 fatalities.", "Shafaq News reported 2 fatalities."]


def test_stats_give_the_week_by_type_the_news_window_and_the_largest_toll(client, db):
    stats = client.get("/stats").json()
    assert stats["window"] == {"first": "2024-05-12", "last": "2024-05-22", "articles": 13}
    assert sum(r["events"] for r in stats["by_week_type"]) == stats["events"] == 11
    assert {(r["week"], r["event_type"]) for r in stats["by_week_type"]} >= {("2024-W19", "Explosions/Remote violence")}
    assert stats["largest"]["fatalities"] == 6 and stats["largest"]["location"] == "Sirwah"
    yemen = client.get("/stats", params={"country": "Yemen", "event_type": "Explosions/Remote violence"}).json()
    assert [(r["week"], r["events"]) for r in yemen["by_week_type"]] == [("2024-W20", 2)]
    assert client.get("/stats", params={"source": "Rudaw"}).json()["window"]["articles"] == 1
    assert client.get("/stats", params={"source": "nobody"}).json()["window"] == {"first": None, "last": None,
                                                                                "articles": 0}
    assert client.get("/stats", params={"country": "Atlantis"}).json()["largest"] is None


def test_the_csv_export_adds_notes_en_only_when_asked(client):
    plain = client.get("/export", params={"format": "acled-csv"}).text.splitlines()
    assert len(plain[0].split(",")) == 31 and "notes_en" not in plain[0]
    rows = client.get("/export", params={"format": "acled-csv", "notes_en": "true", "country": "Syria"}).text
    import csv
    import io
    table = list(csv.DictReader(io.StringIO(rows)))
    assert list(table[0])[-1] == "notes_en" and len(table) == 2
    ariha = next(r for r in table if r["location"] == "Ariha")
    assert ariha["notes"].startswith("قُتل مدنيان") and ariha["notes_en"].startswith("On 16 May 2024, Military Forces")
    lines = client.get("/export", params={"format": "jsonl", "source": "Rudaw"}).text.splitlines()
    assert json.loads(lines[0])["notes_en"].endswith("Rudaw reported no fatalities.")
