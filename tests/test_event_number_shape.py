"""The decision model reads a number by its shape (issue 17, recall): a toll or a count written in any
digits ("قتل 12 شخصا", "قتل ٧ أشخاص") gives the same word features, so that what train teaches of one count
holds for every other. Every sentence here was written for rasd."""
from __future__ import annotations

import pytest

from rasd import pipeline
from rasd.learn import events as event_model

PUBLISHED = "2018-05-14"


def _doc(text: str):
    return pipeline.extract({"text": text, "published": PUBLISHED, "source": "test"})


def _features(text: str) -> list[set[str]]:
    doc = _doc(text)
    candidates = doc.user_data["candidates"]
    context = event_model.article_context(candidates)
    return [set(event_model.candidate_features(doc, e, i, context)) for e, i in candidates]


@pytest.mark.parametrize("word,shape", [
    ("3", "#"), ("12", "#"), ("250", "#"), ("2018", "####"), ("350000", "####"),
    ("٧", "#"), ("٤٥", "#"), ("٢٠١١", "####"),  # Eastern Arabic digits, as a stem would meet them unnormalised
])
def test_a_number_is_read_by_its_shape(word, shape):
    assert event_model._stem(word) == shape


@pytest.mark.parametrize("word,stem", [
    ("والقتلى", "قتلى"), ("بالغارة", "غارة"), ("وقتل", "قتل"), ("للجيش", "جيش"), ("عدن", "عدن"),
    ("و12", "و12"),  # a number with a clitic is no plain number: left as the prefix rule leaves it
])
def test_words_keep_their_light_stem(word, stem):
    assert event_model._stem(word) == stem


# Pairs of sentences telling the same kind of incident with different counts, in different digits, with
# diacritics, tatweel and clitics: both sentences of a pair give the count's word and its pair with the
# verb before it (the verb's light stem, clitic and diacritics gone), and no feature of the raw digits.
SAME_COUNT_SHAPE = [
    ("قُتل 12 مدنيا بغارة جوية على بلدة سرمين في ريف إدلب أمس.",
     "قُتِل ٧ مدنيين بغارة جوية على بلدة سرمين في ريف إدلب أمس.", "b=قتل_#"),
    ("أُصيب ٣ جنـــود بانفجار عبوة ناسفة في قضاء الطارمية شمالي بغداد اليوم.",
     "وأصيب 45 جنديا بانفجار عبوة ناسفة في قضاء الطارمية شمالي بغداد اليوم.", "b=اصيب_#"),
    ("لقي 5 أشخاص حتفهم في اشتباكات بين قوات الأمن ومسلحين في مدينة درنة الليلة الماضية.",
     "لقي ١٣٠ شخصاً حتفهم في اشتباكات بين قوات الأمن ومسلحين في مدينة درنة الليلة الماضية.", "b=لقي_#"),
]


@pytest.mark.parametrize("one,other,pair", SAME_COUNT_SHAPE)
def test_two_counts_give_the_same_number_features(one, other, pair):
    first, second = _features(one), _features(other)
    assert first and second
    for fs in (first[0], second[0]):
        assert {"w=#", pair} <= fs
        words = [f for f in fs if f.startswith(("w=", "b=", "L=", "R=", "L|sub=", "R|sub=", "L1="))]
        assert not any(ch.isdigit() for f in words for ch in f.split("=", 1)[1]), "no word feature holds the raw count"


def test_a_year_is_not_read_as_a_count():
    (fs,) = _features("قتل 4 أشخاص في قصف على مدينة دوما في ريف دمشق في نيسان 2018.")[:1]
    assert "w=#" in fs and "w=####" in fs
