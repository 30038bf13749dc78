"""A sentence that opens by naming a place ("وفي محافظة حلب، ...") is a new item of a round-up: with no day
of its own it keeps the rules' publication day, whatever day the learned chooser would lend it from another
sentence (rasd.learn.event_dates.opens_at_a_place and choose).

Sentences written for these tests (none taken from an evaluation set), with clitics, diacritics, tatweel and
Eastern Arabic digits; Friday 7 August 2015 is the publication date (P).
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from test_dates_events import P, build

from rasd.dates import date_for, rules_date_for
from rasd.learn import event_dates
from rasd.learn.linear import LinearModel, feature_index

D = dt.date
PLACES = [("حلب", 2), ("الموصل", 3), ("درعا", 4), ("حمص", 5), ("البلده", 1)]


@pytest.mark.parametrize("text, expected", [
    ("وفي محافظةِ حلب، قُتل ٣ مسلحين في اشتباكات.", True),
    ("في الموصل اعتقلت القوات ١٢ مشتبهاً.", True),
    ("وفـــي مدينة درعا، سقطت قذائف هاون.", True),          # tatweel
    ("فِي حمصَ أُصيب ٤ أشخاص بجروح.", True),                 # diacritics
    ("وفي سياق متصل، قصفت المدفعية أطراف حلب.", False),      # the place comes later
    ("وفي ظل التوتر، اندلعت اشتباكات في حمص.", False),
    ("وقصفت المدفعية مواقع في البلدة.", False),              # opens with the event
    ("كما قُتل مدنيان في حلب أمس.", False),
    ("ومن الموصل وصلت قافلة جديدة.", False),                 # not في
])
def test_opens_at_a_place(text, expected):
    doc, _ = build(text, [], PLACES)
    assert event_dates.opens_at_a_place(doc, doc.sentences[0]) is expected


def _chooser(prefer: str) -> event_dates.DateChooser:
    """A model that always prefers the candidates of one scope ("prev", "pub-1")."""
    weights = np.zeros((1, 1 << event_dates.BITS), dtype=np.float32)
    weights[0, feature_index(f"src={prefer}", event_dates.BITS)] = 5.0
    model = LinearModel(weights=weights, bias=np.array([0.0], dtype=np.float32), classes=["right"],
                        bits=event_dates.BITS, meta={"margin": 0.0})
    return event_dates.DateChooser(model)


LEAD = "قُتل خمسة مدنيين أمس الخميس في قصف على البلدة.\n"
ROUNDUP = [
    # (second sentence, the model's preferred scope, expected date of its event)
    ("وفي محافظة حلب، اندلعت اشتباكات بين الفصائل.", "prev", P),
    ("وفـي مدينة حلب اندلعت اشتباكاتٌ عنيفة.", "pub-1", P),
    ("واندلعت اشتباكات بين الفصائل في محافظة حلب.", "prev", D(2015, 8, 6)),   # no place opener: the model's
    ("واندلعت اشتباكات بين الفصائل في محافظة حلب.", "pub-1", D(2015, 8, 6)),
    ("وفي حلب، اندلعت اشتباكات مساء الأربعاء.", "prev", D(2015, 8, 5)),        # a day of its own: locked
]


@pytest.mark.parametrize("second, prefer, expected", ROUNDUP)
def test_a_new_item_of_a_roundup_keeps_the_publication_day(monkeypatch, second, prefer, expected):
    monkeypatch.setitem(event_dates._OVERRIDE, "model", _chooser(prefer))
    monkeypatch.setattr(event_dates, "USE_MODEL", True)
    doc, trigs = build(LEAD + second, [("قصف", "shelling"), ("اشتباكات", "clash")], PLACES)
    t = trigs[1]
    sentence = doc.sentences[t.sentence]
    got = date_for(doc, t, sentence)
    assert got.date == expected, got.reason
    if expected == P:
        assert got == rules_date_for(doc, t, sentence)  # the rules' answer, reason and precision
