"""dates._scan reads each token's patterns from the per-word cache in one pass and walks only the tokens that
start one: the same mentions as a walk over every token, with the cache cold or warm, whether the caller
gives the tokens' texts or not."""
from __future__ import annotations

import datetime as dt
import random

from rasd import dates
from rasd.text import normalize, tokenize

PUB = dt.date(2018, 3, 15)
PIECES = [
    "قُتل ثلاثة جنود أمسِ الأربعاء في هجوم",
    "وفي يوم الاثنين الماضي سقط صاروخ على المدينة",
    "وقعت الاشتباكات في ١٢ آذار ٢٠١٨ قرب الحدود",
    "أعلنت الشرطة ليلة أمس اعتقال خمسة أشخاص",
    "في اليوم ذاته انفجرت عبوة ناسفة",
    "منذ مطلع الشهر الجاري قُتل العشرات",
    "وصباح الـــيوم الخميس خرج المتظاهرون",
    "بتاريخ 3/2/2018 أغارت الطائرات على القرية",
    "وقال المتحدث إن الهجوم وقع فجر امس",
    "في الخامس من شباط فبراير الماضي",
    "خلال العام 2017 وبعد يومين من الانتخابات",
]


def _reference(text: str, tokens, pub):
    """The mentions of a walk over every token (the loop _scan replaced), for the same cache state."""
    found = []
    g = dates.grammar()
    for tok in tokens:
        hits = dates._starts(tok.text)
        for k, branches in hits:
            for branch in branches:
                m = g.patterns[branch].match(text, tok.start + k)
                if m and m.end() > tok.start + k:
                    found.append((m.start(), m.end(), branch))
    return found


def _key(mentions):
    return [(d.start, d.end, d.text, d.date, d.precision, d.kind) for d in mentions]


def test_same_mentions_cold_and_warm_with_and_without_texts():
    rng = random.Random(14)
    for _ in range(60):
        text = normalize(" و".join(rng.sample(PIECES, rng.randint(1, 5))) + ".").text
        tokens = tokenize(text)
        dates._START_CACHE.clear()
        cold = _key(dates._scan(text, tokens, PUB))
        warm = _key(dates._scan(text, tokens, PUB))
        given = _key(dates._scan(text, tokens, PUB, None, [t.text for t in tokens]))
        assert cold == warm == given
        # every mention starts where a token's pattern matched, as in the walk over every token
        starts = {s for s, _, _ in _reference(text, tokens, PUB)}
        assert all(d[0] in starts or "ذات" in d[2] or "نفس" in d[2] for d in cold)


def test_a_date_word_twice_in_a_new_text():
    text = normalize("قتل جندي أمس، وأصيب آخر أمس الخميس.").text
    dates._START_CACHE.clear()
    got = dates._scan(text, tokenize(text), dt.date(2018, 3, 16))  # a Friday: أمس الخميس is the 15th
    assert [d.text for d in got] == ["امس", "امس الخميس"]
    assert [d.date for d in got] == [dt.date(2018, 3, 15)] * 2


def test_eastern_digits_and_tatweel():
    text = normalize("هاجم مسلحون القرية في ١٠ آذار ٢٠١٨ وفي الــيوم التالي").text
    dates._START_CACHE.clear()
    got = dates._scan(text, tokenize(text), PUB)
    assert got and got[0].date == dt.date(2018, 3, 10) and got[0].precision == 1
