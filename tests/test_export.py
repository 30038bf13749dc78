"""ACLED CSV, GeoJSON, JSONL and Parquet from event records and from the store."""
from __future__ import annotations

import csv
import io
import json

import pytest

from rasd import export
from rasd.cli import main
from rasd.store import fixture, open_store

ACLED_ORDER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
               "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
               "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,"
               "fatalities,tags,timestamp")


@pytest.fixture(scope="module")
def records():
    return [e for r in fixture.demo_results() for e in r.events]


def test_acled_csv_has_acleds_columns_in_acleds_order(records):
    out = io.StringIO()
    assert export.write_acled_csv(records, out) == 13
    lines = out.getvalue().splitlines()
    assert lines[0] == ACLED_ORDER
    row = next(r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["location"] == "Ariha")
    assert row["year"] == "2024" and row["iso"] == "760" and row["region"] == "Middle East"
    assert row["civilian_targeting"] == "Civilian targeting" and row["interaction"] == "17"
    assert row["notes"].startswith("قُتل مدنيان")


def test_acled_rows_are_dicts_in_column_order(records):
    rows = export.acled_rows(records[:1])
    assert list(rows[0]) == ACLED_ORDER.split(",")


def test_geojson_points_are_longitude_first(records):
    collection = export.geojson(records)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 13
    sinjar = next(f for f in collection["features"] if f["properties"]["location"] == "Sinjar")
    assert sinjar["geometry"] == {"type": "Point", "coordinates": [41.877, 36.321]}
    assert export.feature(dict(records[0], latitude=None))["geometry"] is None


def test_rasd_export_filters_the_store(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    with open_store(db) as store:
        fixture.load_demo(store, use_pipeline=False)
    assert main(["export", "--db", db, "--format", "acled-csv", "--country", "Syria"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(r["location"] for r in rows) == ["Ariha", "Daraa al-Balad"]
    assert main(["export", "--db", db, "--format", "jsonl", "--event-type", "Explosions/Remote violence",
                 "--from", "2024-05-11", "--to", "2024-05-11"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert sorted(e["location"] for e in lines) == ["Tarmiyah", "Tuz Khurmatu"]
    tarmiyah = next(e for e in lines if e["location"] == "Tarmiyah")
    assert {v["article_id"] for v in tarmiyah["evidence"]} == {"demo-01", "demo-02"}
    assert main(["export", "--db", db, "--format", "geojson", "--source", "Al Masirah"]) == 0
    assert len(json.loads(capsys.readouterr().out)["features"]) == 1
    assert main(["export", "--db", db, "--from", "May 1st"]) == 4  # a StoreError, printed without a traceback
    assert "date_from must be a date" in capsys.readouterr().err


def test_parquet_export(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    db = str(tmp_path / "demo.sqlite")
    with open_store(db) as store:
        fixture.load_demo(store, use_pipeline=False)
    target = tmp_path / "events.parquet"
    assert main(["export", "--db", db, "--format", "parquet", "-o", str(target)]) == 0
    table = pq.read_table(target)
    assert table.num_rows == 11 and table.column_names[:3] == ["event_id_cnty", "event_date", "year"]
    assert "evidence" in table.column_names


def test_explain_shows_why_reports_were_merged(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    with open_store(db) as store:
        fixture.load_demo(store, use_pipeline=False)
        report_id = fixture.demo_results()[1].events[0]["event_id"]  # Alsumaria's Tarmiyah report
    assert main(["explain", report_id, "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Remote explosive/landmine/IED" in out and "reports   2" in out
    assert "first report of this incident" in out and "merged with 1 report (Shafaq News)" in out
    assert "بانفجار عبوة ناسفة" in out
    assert main(["explain", "rasd-nope", "--db", db]) == 3


def test_english_notes_in_every_format_the_arabic_notes_kept(records, tmp_path):
    ariha = next(r for r in records if r["location"] == "Ariha")
    assert "notes_en" not in ariha  # a record without a note (an older store) gets one written on export
    out = io.StringIO()
    export.write_jsonl([ariha], out)
    line = json.loads(out.getvalue())
    assert line["notes"] == ariha["notes"] and line["notes_en"].startswith("On 16 May 2024, Military Forces of Syria")
    props = export.feature(ariha)["properties"]
    assert props["notes"] == ariha["notes"] and props["notes_en"] == line["notes_en"]
    out = io.StringIO()
    export.write_acled_csv(records, out, english_notes=True)
    header = out.getvalue().splitlines()[0].split(",")
    assert header[:31] == ACLED_ORDER.split(",") and header[31:] == ["notes_en"]
    given = dict(ariha, notes_en="An analyst's own note.")  # a record's own note is kept as it is
    assert export.feature(given)["properties"]["notes_en"] == "An analyst's own note."
    pq = pytest.importorskip("pyarrow.parquet")
    export.write_parquet(records, tmp_path / "n.parquet")
    table = pq.read_table(tmp_path / "n.parquet").to_pylist()
    assert all(row["notes_en"] and row["notes"] for row in table)


def test_rasd_export_csv_with_notes_en_and_explain_shows_the_note(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite")
    with open_store(db) as store:
        fixture.load_demo(store, use_pipeline=False)
    assert main(["export", "--db", db, "--format", "acled-csv", "--notes-en", "--source", "Rudaw"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["notes_en"] == ("On 11 May 2024, an IED detonated against civilians in Tuz Khurmatu (Tooz, "
                                   "Salah al-Din). Rudaw reported no fatalities.")
    report_id = fixture.demo_results()[1].events[0]["event_id"]
    assert main(["explain", report_id, "--db", db]) == 0
    assert "  note      On 11 May 2024, an IED planted by Islamic State (Iraq)" in capsys.readouterr().out
    assert main(["explain", report_id, "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes_en"].startswith("On 11 May 2024")
