"""The store, on a real SQLite file and a real PostgreSQL server: idempotent ingest, corrected articles,
one transaction per article, cross-article deduplication of the demo articles (hand-coded events)."""
from __future__ import annotations

import pytest

from conftest import empty

from rasd.store import fixture, open_store
from rasd.store.fixture import FixtureResult, make_event
from rasd.store.ingest import ingest_records, ingest_result


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    if request.param == "sqlite":
        db = open_store(str(tmp_path / "events.sqlite"))
    else:
        db = open_store(request.getfixturevalue("postgres_url"))
        empty(db)  # a clean slate for each test
    yield db
    db.close()


def orphans(db) -> dict[str, int]:
    return {
        "reports without article": db.scalar("SELECT COUNT(*) AS n FROM reports r WHERE NOT EXISTS "
                                             "(SELECT 1 FROM articles a WHERE a.article_id = r.article_id)"),
        "reports without event": db.scalar("SELECT COUNT(*) AS n FROM reports r WHERE r.event_id IS NULL OR NOT "
                                           "EXISTS (SELECT 1 FROM events e WHERE e.event_id = r.event_id)"),
        "evidence without report": db.scalar("SELECT COUNT(*) AS n FROM evidence v WHERE NOT EXISTS "
                                             "(SELECT 1 FROM reports r WHERE r.report_id = v.report_id)"),
        "events without report": db.scalar("SELECT COUNT(*) AS n FROM events e WHERE NOT EXISTS "
                                           "(SELECT 1 FROM reports r WHERE r.event_id = e.event_id)"),
        "merges without report": db.scalar("SELECT COUNT(*) AS n FROM merges m WHERE NOT EXISTS "
                                           "(SELECT 1 FROM reports r WHERE r.report_id = m.report_id)"),
    }


NO_ORPHANS = {"reports without article": 0, "reports without event": 0, "evidence without report": 0,
              "events without report": 0, "merges without report": 0}


def test_sqlite_store_is_one_wal_file_created_on_first_use(tmp_path):
    path = tmp_path / "new.sqlite"
    with open_store(str(path)) as db:
        assert db.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
    assert path.exists()


def test_ingesting_the_same_articles_again_changes_nothing(store):
    first = fixture.load_demo(store, use_pipeline=False)
    assert (first.added, first.unchanged) == (13, 0)
    before = store.counts()
    second = fixture.load_demo(store, use_pipeline=False)
    assert (second.added, second.replaced, second.unchanged) == (0, 0, 13)
    assert store.counts() == before
    assert before == {"articles": 13, "sources": 13, "reports": 13, "evidence": 65, "events": 11, "merges": 13}


def test_several_outlets_one_incident_become_one_event_with_every_source(store):
    fixture.load_demo(store, use_pipeline=False)
    rows, _ = store.events(sort="event_date", limit=100)
    tarmiyah = [e for e in rows if e["location"] == "Tarmiyah"]
    assert len(tarmiyah) == 1
    event = store.event(tarmiyah[0]["event_id"])
    assert event["sources"] == ["Alsumaria", "Shafaq News"]
    assert event["fatalities"] == 2  # Shafaq says 2 dead, Alsumaria 3: the lowest figure, never the sum
    assert [len(r["evidence"]) for r in event["reports"]] == [6, 5]  # each report keeps its evidence
    assert "merged with 1 report (Shafaq News)" in event["reports"][1]["reason"]
    assert "same sub-event type (Remote explosive/landmine/IED)" in event["reports"][1]["reason"]
    hodeidah = [e for e in rows if e["location"] == "Al Hudaydah"]
    assert len(hodeidah) == 1 and hodeidah[0]["n_reports"] == 2
    assert hodeidah[0]["actor2"] == "Ansar Allah"  # filled from the report that names the target


def test_two_ieds_in_two_districts_on_one_day_stay_two_events(store):
    fixture.load_demo(store, use_pipeline=False)
    rows, total = store.events(limit=100)
    ieds = sorted(e["location"] for e in rows if e["sub_event_type"] == "Remote explosive/landmine/IED")
    assert ieds == ["Tarmiyah", "Tuz Khurmatu"]
    assert total == 11


def test_a_corrected_article_replaces_its_events_without_orphans(store):
    fixture.load_demo(store, use_pipeline=False)
    articles = {a["id"]: a for a in fixture.demo_articles()}
    corrected = dict(articles["demo-02"], text=articles["demo-02"]["text"].replace("ثلاثة جنود", "أربعة جنود"))
    # the correction moves the event: the outlet now places it in Samarra, far from Tarmiyah
    event = make_event(corrected, sub_event_type="Remote explosive/landmine/IED", event_date="2024-05-11",
                       admin1="Salah al-Din", admin2="Samarra", location="Samarra", latitude=34.198,
                       longitude=43.874, country="Iraq", iso=368, fatalities=4,
                       evidence=[("trigger", "بانفجار عبوة ناسفة"), ("fatalities", "بمقتل أربعة جنود")])
    outcome = ingest_result(store, FixtureResult(id="demo-02", events=[event], source=corrected["source"],
                                                 text=corrected["text"], url=corrected["url"]))
    assert outcome == "replaced"
    assert orphans(store) == NO_ORPHANS
    rows, total = store.events(limit=100)
    assert total == 12  # Tarmiyah is one report again, and Samarra a new event
    tarmiyah = next(e for e in rows if e["location"] == "Tarmiyah")
    assert (tarmiyah["n_reports"], tarmiyah["source"], tarmiyah["fatalities"]) == (1, "Shafaq News", 2)
    assert store.article("demo-02")["text"] == corrected["text"]
    assert store.counts()["articles"] == 13


def test_a_crash_mid_article_leaves_the_store_consistent_and_a_rerun_finishes(store):
    results = {r.id: r for r in fixture.demo_results()}
    calls = {"n": 0}

    def crashing(record):
        calls["n"] += 1
        if calls["n"] == 5:
            broken = results[record["id"]]
            # an event whose report id collides inside the same transaction after the first insert
            return FixtureResult(id=broken.id, events=broken.events + [{"evidence": "not a list"}],
                                 source=broken.source, text=broken.text, url=broken.url)
        return results[record["id"]]

    calls["n"] = 4  # the next call gives the broken result
    with pytest.raises(AttributeError):  # the store itself raises mid-transaction ...
        ingest_result(store, crashing(fixture.demo_articles()[0]))
    assert store.counts()["articles"] == 0  # ... and nothing of that article is left
    calls["n"] = 0
    report = ingest_records(store, fixture.demo_articles(), process=crashing)  # a run goes on past it
    assert (report.added, report.failed) == (12, 1)
    assert "internal error while storing: AttributeError" in report.skip_reasons[0]
    fifth = fixture.demo_articles()[4]["id"]
    assert store.article(fifth) is None and store.counts()["articles"] == 12  # all but the fifth, whole
    assert orphans(store) == NO_ORPHANS
    rerun = ingest_records(store, fixture.demo_articles(), process=lambda r: results[r["id"]])
    assert (rerun.unchanged, rerun.added) == (12, 1)  # the failed article was not stored: retried
    assert store.counts()["events"] == 11
    assert orphans(store) == NO_ORPHANS


def test_removing_an_article_splits_what_it_alone_had_joined(store):
    fixture.load_demo(store, use_pipeline=False)
    assert store.remove_article("demo-01")
    assert orphans(store) == NO_ORPHANS
    tarmiyah = [e for e in store.events(limit=100)[0] if e["location"] == "Tarmiyah"]
    assert [(e["source"], e["fatalities"]) for e in tarmiyah] == [("Alsumaria", 3)]


def test_filters_sorting_and_pagination(store):
    from rasd.store import Filters
    fixture.load_demo(store, use_pipeline=False)
    rows, total = store.events(Filters(country="Yemen"), sort="-fatalities", limit=2)
    assert total == 3 and [e["location"] for e in rows] == ["Sirwah", "Taizz"]
    rows, total = store.events(Filters(actor="ansar allah", date_from="2024-05-18"), sort="event_date")
    assert [e["location"] for e in rows] == ["Sirwah"]
    rows, total = store.events(Filters(source="Al Masirah"))
    assert total == 1 and rows[0]["source"] == "Al Arabiya; Al Masirah"
    rows, _ = store.events(Filters(actor="100%_"))
    assert rows == []  # LIKE wildcards in a filter are text, not patterns
    stats = store.stats()
    assert {r["key"]: r["events"] for r in stats["by_event_type"]}["Explosions/Remote violence"] == 6


def test_events_at_the_ends_of_the_calendar_are_stored(store):
    """Found by the atheris store harness: an event dated 9999-12-31 (an article "published" then,
    reporting something "tomorrow" or "today") overflowed the deduplication window."""
    for day, ident in (("0001-01-01", "first-day"), ("9999-12-31", "last-day"), ("9999-12-31", "last-day-2")):
        article = {"id": ident, "text": "انفجرت عبوة ناسفة في بغداد", "source": "Test"}
        event = make_event(article, sub_event_type="Remote explosive/landmine/IED", event_date=day,
                           country="Iraq", admin1="Baghdad", location="Baghdad", latitude=33.3, longitude=44.4,
                           evidence=[("trigger", "انفجرت عبوة ناسفة")])
        assert ingest_result(store, FixtureResult(id=ident, events=[event], source="Test",
                                                  text=article["text"])) == "added"
    assert store.counts()["reports"] == 3 and store.counts()["events"] == 2  # the two last days are one
    assert orphans(store) == NO_ORPHANS


# -- the state of `rasd watch` and of alerts: tables created on first use ----------------------------------

STATE_TABLES = ("alerted_reports", "alerts", "alert_rules", "watch_items", "watch_pages")


def clear_state(db) -> None:
    from rasd.store.state import ensure_tables
    ensure_tables(db)
    with db.transaction():
        for table in STATE_TABLES:
            db._execute(f"DELETE FROM {table}")


def test_the_state_tables_come_on_first_use_keeping_every_row(store):
    from rasd.store.state import ensure_tables
    fixture.load_demo(store, use_pipeline=False)
    before = store.counts()
    # a store written by `rasd ingest` alone (or by the previous rasd): no state tables
    with store.transaction():
        for table in STATE_TABLES:
            store._execute(f"DROP TABLE IF EXISTS {table}")
        store._execute("DELETE FROM meta WHERE key = 'state_version'")
    ensure_tables(store)
    assert store.counts() == before and store.schema_version() == 1
    assert store.scalar("SELECT value FROM meta WHERE key = 'state_version'") == "1"
    for table in STATE_TABLES:
        assert store.scalar(f"SELECT COUNT(*) AS n FROM {table}") == 0
    # a second process on the same store finds them there
    store._state_ready = False
    ensure_tables(store)
    assert store.counts() == before


def test_an_ingest_only_store_stays_as_small_as_before(tmp_path):
    with open_store(str(tmp_path / "plain.sqlite")) as db:
        tables = {r["name"] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not tables & set(STATE_TABLES)


def test_a_store_newer_than_this_rasd_is_refused(tmp_path):
    from rasd.errors import StoreError
    from rasd.store.state import ensure_tables
    path = str(tmp_path / "new.sqlite")
    with open_store(path) as db:
        ensure_tables(db)
        with db.transaction():
            db._execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(path)
    with open_store(str(tmp_path / "newer-state.sqlite")) as db:
        ensure_tables(db)
        with db.transaction():
            db._execute("UPDATE meta SET value = '7' WHERE key = 'state_version'")
        db._state_ready = False
        with pytest.raises(StoreError, match="watch state .* has version 7"):
            ensure_tables(db)


def test_watch_state_remembers_pages_and_items(store):
    from rasd.store import state
    clear_state(store)
    page = "https://example.org/ar/rss.xml"
    assert state.page_state(store, page) is None
    state.save_page(store, page, status="read: 2 items", etag='"e1"', last_modified="Wed, 15 May 2024 06:00:00 GMT")
    assert state.page_state(store, page)["etag"] == '"e1"'
    state.save_page(store, page, status="failed: HTTP 503", failed=True)
    assert state.page_state(store, page)["etag"] == '"e1"' and state.page_state(store, page)["failures"] == 1
    state.save_page(store, page, status="read: 3 items", etag='"e2"', clear_validators=True)
    assert state.page_state(store, page)["etag"] is None and state.page_state(store, page)["failures"] == 0

    urls = [f"https://example.org/ar/news/{n}" for n in range(450)]  # more than one IN (...) chunk
    for url in urls[:300:3]:
        state.finish_item(store, url, page=page, outcome="added", article_id=url)
    assert state.done_items(store, urls) == set(urls[:300:3])
    broken = "https://example.org/ar/news/مقال-معطوب"
    assert state.fail_item(store, broken, page=page, reason="HTTP 500") is False
    assert state.pending_items(store, page) == [broken]
    assert state.fail_item(store, broken, page=page, reason="HTTP 500") is False
    assert state.fail_item(store, broken, page=page, reason="timed out") is True
    item = state.item_state(store, broken)
    assert item["done"] == 1 and item["attempts"] == 3 and item["outcome"] == "given up after 3 tries: timed out"
    assert state.pending_items(store, page) == []
    assert state.watch_counts(store) == {"pages": 1, "items done": 101, "items to retry": 0}


def test_alerts_once_per_event_on_both_backends(store, tmp_path):
    from rasd.alerts import Alerter, Rule
    clear_state(store)
    rule = Rule(name="explosions", event_types=("Explosions/Remote violence",), jsonl=str(tmp_path / "a.jsonl"))
    assert Alerter([rule]).check(store) == 0  # the rule starts on an empty store
    fixture.load_demo(store, use_pipeline=False)
    explosions = [e for e in store.events(limit=100)[0]
                  if e["event_type"] == "Explosions/Remote violence" and not e["background"]]
    alerter = Alerter([rule])
    assert alerter.check(store) == len(explosions) > 0
    assert sorted(p["event"]["event_id"] for p in alerter.delivered) == sorted(e["event_id"] for e in explosions)
    tarmiyah = next(p for p in alerter.delivered if p["event"]["location"] == "Tarmiyah")
    assert tarmiyah["sources"] == ["Alsumaria", "Shafaq News"]  # both reports merged before the check
    fixture.load_demo(store, use_pipeline=False)  # unchanged articles: nothing new
    assert Alerter([rule]).check(store) == 0
    assert len((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()) == len(explosions)
