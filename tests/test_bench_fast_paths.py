"""What the speed rounds' fast paths (and those tried and dropped) must keep giving (speed9).

* ``dates._scan`` reads a start cache of the words it met: the same mentions with the cache cold (every
  word new, some twice in one text) and warm;
* ``DateChooser.score`` adds each distinct hashed index's weight once, in first-seen order: the float of
  the plain loop, bit for bit, with indices that collide (a rewrite of either with ``map`` over the cache
  was measured slower on 3.11 and dropped; these hold any later one to the same answers);
* the tokenizer's numpy class look-up (``ndarray.take``) splits as the pattern does;
* ``Document.tokens_between`` by bisection is the walk it replaced, for every span of a text.
"""
from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_left

import numpy as np

from rasd import dates
from rasd.doc import Document
from rasd.learn.event_dates import DateChooser
from rasd.learn.linear import LinearModel, feature_index
from rasd.text import NUMPY_FROM, _FAST_TOKEN_RE, normalize, tokenize

P = dt.date(2018, 3, 9)  # a Friday

# Sentences written for this test: relative days, weekdays, a month named twice, Eastern Arabic digits,
# tatweel and diacritics, the same date words twice in one text (a word new to the cache, met again).
TEXTS = [
    "قُتل ثلاثة مدنيين أمس في قصف على القرية، وأُصيب آخرون أمس أيضاً.",
    "اندلعت اشتباكات يوم الأربعاء الماضي ثم تجددت الأربعاء مساءً في ٣ آذار/مارس الجاري.",
    "وقال المسؤول إن الهجوم وقع في 12 شباط/فبراير 2018 وإن هجوماً آخر وقع في 12 شباط/فبراير أيضاً.",
    "اعتقلت الشرطة خمسة شبان فجر الیوم بعد مظاهرة ليلة أمـــس، وأفرجت عنهم اليوم.",
]


def _mentions(text: str) -> list[tuple]:
    norm = normalize(text).text
    return [(m.start, m.end, m.text, m.date, m.precision, m.kind) for m in dates.find_in_text(norm, P)]


def test_date_scan_finds_the_same_mentions_with_its_cache_cold_and_warm():
    saved = dict(dates._START_CACHE)
    try:
        for text in TEXTS:
            dates._START_CACHE.clear()
            cold = _mentions(text)
            warm = _mentions(text)
            assert cold == warm
            assert cold, text
        dates._START_CACHE.clear()
        first = _mentions(TEXTS[0])
        # أمس told twice: both found (the second occurrence of a word met first in this very text)
        assert [m[3] for m in first if m[2] == "امس"] == [P - dt.timedelta(days=1)] * 2
        third = _mentions(TEXTS[2])
        assert [m[3] for m in third].count(dt.date(2018, 2, 12)) == 2
    finally:
        dates._START_CACHE.clear()
        dates._START_CACHE.update(saved)


def _plain_score(chooser: DateChooser, feats: list[str]) -> float:
    """The loop DateChooser.score replaced."""
    seen: set[int] = set()
    total = chooser.bias
    for f in feats:
        i = feature_index(f, chooser.bits)
        if i not in seen:
            seen.add(i)
            total += chooser.weights.get(i, 0.0)
    return total


def test_date_chooser_score_adds_the_same_floats_in_the_same_order():
    rng = np.random.default_rng(7)
    bits = 5  # 32 weights: the features below collide often, and some indices have no weight
    weights = rng.normal(0, 3, size=(1, 2 ** bits)).astype(np.float32)
    weights[0, ::5] = 0.0
    chooser = DateChooser(LinearModel(weights=weights, bias=np.array([0.37], dtype=np.float32), classes=["yes"],
                                      bits=bits, meta={}))
    words = ["قبل=امس", "age=1", "same_sentence", "يوم=الخميس", "lead", "w=غاره", "w=قصف", "kind=weekday",
             "prec=1", "ك=٣", "report", "dist=2", "after_trigger", "month=اذار"]
    pick = random.Random(7)
    for _ in range(300):
        feats = [pick.choice(words) for _ in range(pick.randint(0, 12))]
        cold = chooser.score(feats) if pick.random() < 0.5 else None
        warm = chooser.score(feats)
        expected = _plain_score(chooser, feats)
        assert warm == expected and (cold is None or cold == expected)
    assert chooser.score([]) == chooser.bias


def test_the_numpy_tokenizer_splits_as_the_pattern_does():
    # long enough for the numpy path; letters and digits touching, numbers with marks, tatweel, diacritics
    piece = "قُتِلَ ١٢ شخصاً في 2018م، و3.5 كلم من الـمـديـنـة، 1,200 نازح؛ (سانا) ١٫٥ ".strip()
    text = normalize((piece + " ") * (NUMPY_FROM // len(piece) + 2))
    assert text.fast and len(text.text) >= NUMPY_FROM
    tokens = tokenize(text.text, fast_alphabet=True)
    expected = [(m.group(), m.start(), m.end()) for m in _FAST_TOKEN_RE.finditer(text.text)]
    assert [(t.text, t.start, t.end) for t in tokens] == expected
    assert [t.index for t in tokens] == list(range(len(tokens)))
    assert "2018" in [t.text for t in tokens] and "م" in [t.text for t in tokens]


def _tokens_between_by_walking(doc, start: int, end: int) -> list:
    """What Document.tokens_between gave before it bisected: a walk from the first token at ``start``."""
    out = []
    for i in range(bisect_left(doc._token_starts(), start), len(doc.tokens)):
        if doc.tokens[i].end > end:
            break
        out.append(doc.tokens[i])
    return out


def test_tokens_between_is_the_walk_it_replaced_for_every_span():
    doc = Document(text="قُتل ٣ مدنيين،وأصيب 12 آخرون في قصفٍ على بلدة الـسـفيرة (ريف حلب) أمس.")
    size = len(doc.norm.text)
    for start in range(size + 1):
        for end in range(start, size + 2):
            assert doc.tokens_between(start, end) == _tokens_between_by_walking(doc, start, end), (start, end)
    sentence = doc.tokens_between(0, size)
    assert [t.text for t in sentence][:3] == ["قتل", "3", "مدنيين"] and len(sentence) == len(doc.tokens)
