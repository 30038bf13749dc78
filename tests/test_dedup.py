"""Deduplication rules, one row per case: when two reports are one incident and when they are not."""
from __future__ import annotations

import pytest

from rasd import dedup

BASE = dict(article_id="a1", sub_event_type="Remote explosive/landmine/IED", event_date="2024-05-11",
            time_precision=1, country="Iraq", admin1="Baghdad", admin2="Al-Tarmia", location="Tarmiyah",
            latitude=33.672, longitude=44.394, geo_precision=1, actor1="Unidentified Armed Group (Iraq)",
            actor2="Military Forces of Iraq (2022-)", fatalities=2, source="Shafaq News")


def other(**changes):
    return {**BASE, "article_id": "a2", "source": "Alsumaria", **changes}


@pytest.mark.parametrize("changes, merged, why", [
    ({}, True, "places 0.0 km apart"),
    ({"latitude": 33.70, "longitude": 44.42}, True, "km apart"),
    ({"event_date": "2024-05-12"}, True, "dates 1 day apart"),
    ({"event_date": "2024-05-13"}, False, "dates 2 days apart"),
    ({"event_date": "2024-05-13", "time_precision": 2}, True, "dates 2 days apart"),
    ({"sub_event_type": "Suicide bomb"}, False, "different sub-event types"),
    # two IEDs on one day in two districts: never one event
    ({"admin1": "Salah al-Din", "admin2": "Tooz", "location": "Tuz Khurmatu", "latitude": 34.888,
      "longitude": 44.633}, False, "km apart"),
    # coarse place (district only): the same district agrees, another district does not
    ({"geo_precision": 2, "latitude": None, "longitude": None, "location": "Al-Tarmia"}, True, "same district"),
    ({"geo_precision": 3, "latitude": None, "longitude": None, "admin2": "Abu Ghraib", "location": "Baghdad"},
     False, "different districts"),
    ({"geo_precision": 3, "admin2": None, "location": "Baghdad", "latitude": 33.34, "longitude": 44.40},
     True, "same governorate"),
    ({"country": "Syria"}, False, "different countries"),
    ({"actor1": "Islamic State (Iraq)"}, True, "a shared actor"),
    ({"actor1": "Popular Mobilization Forces", "actor2": None}, True, "actors compatible"),
    ({"actor1": "Military Forces of Turkey (2016-)", "actor2": "Kurdistan Workers Party"}, False, "different actors"),
    ({"article_id": "a1"}, False, "same article"),
])
def test_when_two_reports_are_one_incident(changes, merged, why):
    ok, reasons = dedup.compare(BASE, other(**changes))
    assert ok is merged
    assert any(why in reason for reason in reasons), reasons


def test_a_report_joins_only_an_event_it_agrees_with_entirely():
    # complete linkage: a report 8 km east of one member and 16 km from the other is not glued to both
    west = dict(BASE, longitude=44.30)
    east = other(longitude=44.39)
    far = dict(BASE, article_id="a3", longitude=44.48)
    event, why = dedup.match(far, [("e1", [west, east])])
    assert event is None and why == "first report of this incident"
    event, why = dedup.match(far, [("e1", [east])])
    assert event == "e1" and why.startswith("merged with 1 report (Alsumaria)")


def test_the_combined_event_keeps_the_lowest_death_toll_and_every_source():
    precise = dict(BASE, fatalities=3, geo_precision=1)
    vague = other(fatalities=2, geo_precision=2, location="Baghdad")
    silent = dict(BASE, article_id="a3", source="Rudaw", fatalities=0)
    event = dedup.combine([vague, precise, silent])
    assert event["fatalities"] == 2  # lowest reported figure; "0" means no figure, not zero deaths
    assert event["source"] == "Alsumaria; Rudaw; Shafaq News"
    assert event["location"] == "Tarmiyah"  # the most precise report's place
    assert event["n_reports"] == 3
