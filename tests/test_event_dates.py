"""The learned date chooser (rasd.learn.event_dates): where it is asked, what it may answer, how it is stored.

Sentences written for these tests; Friday 7 August 2015 is the publication date (P).
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from test_dates_events import P, build

from rasd.dates import EventDate, date_for, rules_date_for
from rasd.learn import event_dates
from rasd.learn.linear import LinearModel

D = dt.date


def test_the_shipped_model_loads_with_its_settings():
    model = event_dates.load_model()
    assert model is not None, "rasd/data/models/event_dates.npz is missing: run `rasd train`"
    assert model.model.meta["trained_on"] == "train.jsonl"
    assert model.margin == model.model.meta["margin"]
    card = (event_dates.MODEL_DIR / event_dates.CARD_FILE).read_text(encoding="utf-8")
    assert "Cross-validated by outlet" in card and "out of fold" in card


@pytest.mark.parametrize("text, triggers", [
    ("قُتل ٣ مدنيين في غارة جوية أمس الخميس على قرية.", [("غاره", "air")]),
    ("اندلعت اشتباكات عنيفة مساء الأربعاء في المدينة.", [("اشتباكات", "clash")]),
    ("وكانت الشرطة اعتقلت مؤخراً خمسة ناشطين.", [("اعتقلت", "arrest")]),
    ("شنّ التحالف غاراتٍ في 3 آب/أغسطس على مواقع المسلحين.", [("غارات", "air")]),
])
def test_an_event_with_a_date_of_its_own_keeps_the_rules_date(text, triggers):
    doc, trigs = build(text, triggers)
    t = trigs[0]
    sentence = doc.sentences[t.sentence]
    rule = rules_date_for(doc, t, sentence)
    assert event_dates.locked(rule)
    assert date_for(doc, t, sentence) == rule


STORY = ("أعلن الجيش أمس الخميس مقتل عشرة مسلحين في اشتباكات قرب البلدة.\n"
         "وقصفت المدفعيـة مواقع في البلدة.\n"
         "وفي سياق آخر، سقطت قذائف هاون على سوق المدينة.")


def test_an_undated_event_gets_a_candidate_day_never_after_publication():
    doc, trigs = build(STORY, [("اشتباكات", "clash"), ("وقصفت", "shelling"), ("قذايف", "shelling")],
                       [("البلده", 1), ("المدينه", 2)])
    for t in trigs[1:]:
        sentence = doc.sentences[t.sentence]
        rule = rules_date_for(doc, t, sentence)
        got = date_for(doc, t, sentence)
        days = {c.date for c in event_dates.candidates(doc, t, sentence, rule)}
        assert got.date in days | {rule.date}
        assert got.date <= P
        if got.date != rule.date:
            assert got.reason.startswith("learned: ")
            assert got.precision >= (1 if got.start is not None else 2)


def test_candidates_hold_the_publication_day_and_the_day_before():
    doc, trigs = build(STORY, [("اشتباكات", "clash"), ("وقصفت", "shelling")], [("البلده", 1)])
    t = trigs[1]
    sentence = doc.sentences[t.sentence]
    cands = event_dates.candidates(doc, t, sentence, rules_date_for(doc, t, sentence))
    scopes = {c.scope: c.date for c in cands}
    assert scopes["pub"] == P and scopes["pub-1"] == P - dt.timedelta(days=1)
    assert scopes.get("prev") == D(2015, 8, 6)  # "أمس الخميس" of the sentence before
    assert all(c.feats and "bias" in c.feats for c in cands)


def test_the_rules_alone_when_the_model_is_off(monkeypatch):
    doc, trigs = build(STORY, [("اشتباكات", "clash"), ("وقصفت", "shelling")], [("البلده", 1)])
    monkeypatch.setattr(event_dates, "USE_MODEL", False)
    t = trigs[1]
    sentence = doc.sentences[t.sentence]
    assert date_for(doc, t, sentence) == rules_date_for(doc, t, sentence)


def test_no_publication_date_leaves_the_rules_answer():
    doc, trigs = build("وقصفت المدفعية مواقع في البلدة.", [("وقصفت", "shelling")], [("البلده", 1)],
                       published=None)
    t = trigs[0]
    sentence = doc.sentences[t.sentence]
    assert date_for(doc, t, sentence) == rules_date_for(doc, t, sentence)


def test_locked():
    assert not event_dates.locked(EventDate(P, 2, None, None, "no date cue: publication date, week precision"))
    assert event_dates.locked(EventDate(P, 1, 3, 8, "sentence: امس (relative)"))
    assert event_dates.locked(EventDate(P, 3, None, None, "a vague time of its own (موخرا): publication date"))


def test_the_fast_score_is_the_linear_model_score():
    rng = np.random.default_rng(0)
    weights = np.zeros((1, 1 << event_dates.BITS), dtype=np.float32)
    weights[0, rng.integers(0, 1 << event_dates.BITS, 500)] = rng.normal(size=500)
    model = LinearModel(weights=weights, bias=np.array([0.25], dtype=np.float32), classes=["right"],
                        bits=event_dates.BITS, meta={"margin": 0.0})
    chooser = event_dates.DateChooser(model)
    feats = [f"f{i}" for i in range(300)] + ["f1", "f2"]  # a feature told twice counts once
    assert chooser.score(feats) == pytest.approx(model.scores(feats)[0], abs=1e-4)


def test_fitting_is_deterministic():
    groups = []
    for k in range(40):
        feats = [["bias", f"src=pub", f"x={k % 3}"], ["bias", "src=pub-1", f"x={k % 5}"], ["bias", "src=lead"]]
        labels = [int(k % 2 == 0), int(k % 2 == 1), 0]
        groups.append(("o", feats, labels, bool(labels[0]), True, [True, False, False], False))
    a = event_dates._fit(groups, seed=0, c=0.1)
    b = event_dates._fit(groups, seed=0, c=0.1)
    assert np.array_equal(a.weights, b.weights) and np.array_equal(a.bias, b.bias)
    # a locked group (the rules' own date) is not learned from
    locked = groups + [("o", [["bias", "src=lead", "odd"]], [1], False, True, [False], True)]
    c = event_dates._fit(locked, seed=0, c=0.1)
    assert np.array_equal(a.weights, c.weights)


def test_best_keeps_the_rules_day_within_the_margin():
    assert event_dates._best([1.0, 1.4], [True, False], 0.0) == 1
    assert event_dates._best([1.0, 1.4], [True, False], 0.5) == 0
    assert event_dates._best([1.0, 1.4], [False, False], 0.5) == 1


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max])
def test_a_publication_date_at_the_calendar_edge(published):
    doc, trigs = build("وقصفت المدفعية مواقع في البلدة.", [("وقصفت", "shelling")], [("البلده", 1)],
                       published=published)
    t = trigs[0]
    got = date_for(doc, t, doc.sentences[t.sentence])
    assert got.date in (published, None) or got.date <= published
