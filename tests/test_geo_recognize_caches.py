"""The recognizer's per-word short cuts (rasd.geo.recognize): a word that only starts longer names is passed over
unless one of their second words follows, and the words around a name are read once per word. These tests
check the names are still found, with clitics, diacritics, tatweel and Eastern Arabic digits, and that
emptying the per-word caches in the middle of a run changes nothing."""
from __future__ import annotations

import pytest

from rasd.doc import Document
from rasd.geo import _recognizer, geocode
from rasd.numbers import aggregate_reason, find_casualties
from rasd.pipeline import STAGES


def _keys(text: str) -> list[str]:
    doc = Document(text=text)
    rec = _recognizer()
    return [m.key for m in rec.find(doc.tokens, doc.norm.text, doc.token_texts())]


def test_a_word_that_only_starts_longer_names_still_starts_them():
    rec = _recognizer()
    # صلاح is no place by itself: only صلاح الدين starts with it
    assert "صلاح" not in rec.gaz.names
    assert _keys("قُتل ٣ جنود في هجوم بمحافظة صلاح الدين شمالي بغداد") == ["صلاح الدين", "بغداد"]
    assert "صلاح الدين" in _keys("وقالت الشرطة إن الهجوم وقع في صلاحـــ الدين أمس")  # tatweel
    assert "صلاح الدين" in _keys("انفجرت عبوة وبصلاح الدين قتل شخصان")  # و + ب before the name
    # the same word before another word is a man's name, no place
    assert "صلاح الدين" not in _keys("وقال صلاح عبد الله إن القصف استمر")


def test_emptying_the_caches_midway_changes_nothing():
    text = "اشتباكات في دير الزور وريف حلب الشمالي، وقصف على جسر الشغور ومدينة إدلب، ومقتل ٤ في بغداد"
    rec = _recognizer()
    before = _keys(text)
    assert {"دير الزور", "حلب", "جسر الشغور", "ادلب", "بغداد"} <= set(before)
    rec._nexts.clear()  # the readings kept, the second words forgotten: each word's readings are read in full
    assert _keys(text) == before
    rec._cache.clear()  # and the readings too
    rec._kinds_cache.clear()
    rec._dir_end_cache.clear()
    rec.qualifier_cache.clear()
    assert _keys(text) == before
    places = [(p.text, p.place.admin1) for p in geocode(text)]
    rec._cache.clear()
    rec._nexts.clear()
    assert [(p.text, p.place.admin1) for p in geocode(text)] == places


def test_the_word_before_a_name_is_read_once_per_word_with_the_same_answer():
    # a time word before المغرب: the sunset prayer, not Morocco; a direction before a town: a relation
    rec = _recognizer()
    for _ in range(2):  # the second pass reads the cached answers
        doc = Document(text="خرج المصلون بعد صلاة المغرب، وسقطت قذيفة جنوبي الموصل")
        ms = {m.key: m for m in rec.find(doc.tokens, doc.norm.text, doc.token_texts())}
        assert ms["المغرب"].person and "time" in ms["المغرب"].notes
        assert ms["الموصل"].relation == "south_of" and not ms["الموصل"].person


def _casualties(text: str):
    doc = Document(text=text)
    for name, stage in STAGES:
        if name == "casualties":
            break
        stage(doc)
    find_casualties(doc)
    return doc.casualties


@pytest.mark.parametrize("text, why", [
    ("ارتفع عدد القتلى منذ بدء الهجوم على المدينة إلى ٢٣٠ شخصاً", "cumulative"),
    ("لقي ٧ أشخاص مصرعهم في حادث سير على الطريق الدولي", "accident"),
    ("قُتل ١٢ مدنياً خلال الأيام الماضية في القصف", "period"),
])
def test_aggregate_tolls_are_still_told_from_one_incidents_toll(text, why):
    killed = [m for m in _casualties(text) if m.kind == "killed"]
    assert killed and killed[0].aggregate, (why, killed)


def test_one_incidents_toll_is_no_aggregate():
    killed = [m for m in _casualties("قُتل ٥ من عناصر الأمن بانفجار عبوة ناسفة في الموصل اليوم") if m.kind == "killed"]
    assert [m.count for m in killed] == [5] and killed[0].aggregate is None
    words = ["قتل", "5", "في", "الموصل"]
    assert aggregate_reason(words, "قتل 5 في الموصل", Document(text="قتل 5 في الموصل").tokens, 1, 1, 5) is None


def test_readings_of_each_shape_of_word():
    from rasd.geo.recognize import _bare_forms, _readings
    from rasd.text import norm
    # a conjunction, a preposition, the article: each taken off in turn, the article kept
    assert _readings(norm("وبالموصل")) == [("وبالموصل", ""), ("بالموصل", "و"), ("الموصل", "وب")]
    # لل is ل + ال, with or without a conjunction before it (diacritics and tatweel folded first)
    assert _readings(norm("ولِلـرقة")) == [("وللرقه", ""), ("للرقه", "و"), ("لرقه", "ول"), ("الرقه", "ول")]
    assert _readings(norm("للموصل")) == [("للموصل", ""), ("لموصل", "ل"), ("الموصل", "ل")]
    # too short to carry what it starts with: "برس" is no ب + رس, "فلل" no ف + لل
    assert _readings("برس") == [("برس", "")]
    assert _readings("فبر") == [("فبر", ""), ("بر", "ف")]
    assert _readings("ولله") == [("ولله", ""), ("لله", "و")]
    assert _readings("٣") == [("٣", "")] and _readings("") == [("", "")]
    # the bare forms: the article off too, each form once
    assert _bare_forms(norm("وبمحافظة")) == ("وبمحافظه", "بمحافظه", "محافظه")
    assert _bare_forms(norm("بالقرب")) == ("بالقرب", "القرب", "قرب")
    assert _bare_forms(norm("ولاية")) == ("ولايه", "لايه", "ايه")  # و + ل + ايه read too: ولايه stays first


def test_forms_made_with_the_readings_match_forms_made_alone():
    rec = _recognizer()
    from rasd.text import norm
    words = [norm(w) for w in ("وبالحسكـة", "فلِلمدينة", "والعاصمة", "بمحافظة", "لبنان", "٢٠٢٤", "كابول")]
    for w in words:  # a word read by _hits first seeds forms(); the same tuple as forms() makes from nothing
        rec._bare_cache.pop(w, None)
        rec._cache.pop(w, None)
        rec._hits(w)
        seeded = rec.forms(w)
        rec._bare_cache.pop(w)
        assert rec.forms(w) == seeded
