"""Per-word caches that hold one shared empty value for the words (or word pairs) that read as nothing
(speed25), and the decision's stems made for its windows only: each must answer what the plain computation
answers, on sentences of our own (clitics, diacritics, tatweel, Eastern Arabic digits), cold and warm.

* ``numbers._ROLE_CACHE``: a word with no casualty role reads ``numbers._NO_ROLES`` (read-only, falsy), not an
  empty dict of its own;
* ``PhraseMatcher._pair_cache``: a pair of words that goes on to no lexicon entry reads ``lexicon._NOTHING``;
* ``learn.events._stems_between(doc, first, last)`` is ``_stems(doc)[first:last]``.
"""
from __future__ import annotations

import pytest

from rasd import lexicon, numbers, pipeline
from rasd.learn import events as event_model
from rasd.lexicon import PhraseMatcher
from rasd.text import norm, normalize, tokenize

SENTENCES = [
    "قُتِلَ ثلاثةُ مدنيين وأُصيب ٥ آخرون بجروح في انفجار عبوةٍ ناسفة بالموصل",
    "وللقتلى والجرحى نُقلوا إلى مستشفى المدينة، فيما لقـــي جنديان مصرعهما",
    "أودت الغارات الجوية بحياة ١٢ شخصاً وارتفعت حصيلة الضحايا إلى عشرين",
    "وقالت قوات الأمن إن قوات التحالف شنّت غاراتٍ على مواقع المسلحين",
    "فجّر الانتحاري نفسه بحزامٍ ناسف قرب سوق شعبي، ولم يُصب أحد",
    "تظاهر المئات في البصرة ومنعت الشرطة المحتجين من الوصول إلى المبنى",
]


def _texts(sentence: str) -> list[str]:
    return [t.text for t in tokenize(normalize(sentence).text)]


# -- numbers: the role cache -----------------------------------------------------------------------------
def test_a_word_with_no_role_reads_the_one_shared_empty_roles_cold_and_warm():
    words = {w for s in SENTENCES for w in _texts(s)}
    numbers._ROLE_CACHE.clear()
    empty = with_roles = 0
    for _ in range(2):  # the first read fills the cache, the second reads it
        for word in sorted(words):
            plain = numbers._roles(word)
            known = numbers._known_roles(word)
            assert dict(known) == plain, word
            assert bool(known) == bool(plain), word
            if not plain:
                assert known is numbers._NO_ROLES, word
                empty += 1
            else:
                with_roles += 1
    assert empty > 20 and with_roles >= 6  # both kinds of word are read (قتل، أصيب، جرحى، مصرع ...)
    assert all(v is numbers._NO_ROLES for v in numbers._ROLE_CACHE.values() if not v)


def test_the_shared_empty_roles_cannot_be_changed():
    assert not numbers._NO_ROLES and "toll" not in numbers._NO_ROLES
    with pytest.raises(TypeError):
        numbers._NO_ROLES["toll"] = "x"  # type: ignore[index]


def _casualties(text: str) -> list[tuple]:
    doc = pipeline.make_document({"id": "c", "text": text, "published": "2018-04-10"})
    pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
    return [(m.start, m.end, m.count, m.kind) for m in doc.casualties]


def test_casualty_mentions_are_the_same_cold_and_warm():
    text = " ".join(s + "." for s in SENTENCES)
    numbers._ROLE_CACHE.clear()
    cold = _casualties(text)
    warm = _casualties(text)
    assert cold == warm
    assert len(cold) >= 4


# -- lexicon: the pair cache -----------------------------------------------------------------------------
def _matcher() -> PhraseMatcher:
    return PhraseMatcher([("قوات* الأمن", "security"), ("قوات* التحالف", "coalition"), ("قوات", "forces"),
                          ("عبوة* ناسفة*", "ied"), ("غارة* جوية", "air"), ("حزام* ناسف*", "belt"),
                          ("سوق شعبي", "market")])


def _plain_pair(matcher: PhraseMatcher, word: str, following: str) -> list:
    """What ``_pair`` gives, computed afresh: the pair's cache entry removed first."""
    matcher._pair_cache.pop((word, following), None)
    got = matcher._pair(word, matcher._starts(word)[1], following)
    matcher._pair_cache.pop((word, following), None)
    return list(got)


def test_pairs_that_go_on_to_nothing_share_one_empty_value_and_the_matches_are_the_same():
    matcher = _matcher()
    found = []
    for _ in range(2):
        found.append([[(m.start, m.end, m.phrase, m.value) for m in matcher.find(tokenize(norm(s)))]
                      for s in SENTENCES])
    assert found[0] == found[1]
    assert sum(map(len, found[0])) >= 6
    pairs = matcher._pair_cache
    assert pairs, "the sentences hold words that start longer phrases"
    empty = [key for key, value in pairs.items() if not value]
    full = [key for key, value in pairs.items() if value]
    assert empty and full  # قوات المسلحين (nothing), قوات الأمن (an entry)
    for key in empty:
        assert pairs[key] is lexicon._NOTHING
    for word, following in list(pairs):
        assert list(pairs[(word, following)]) == _plain_pair(matcher, word, following)


# -- decide: stems of the windows only -------------------------------------------------------------------
def test_stems_of_a_window_are_the_slice_of_the_whole_articles_stems():
    doc = pipeline.make_document({"id": "s", "text": " ".join(s + "." for s in SENTENCES), "published": "2018-04-10"})
    n = len(doc.tokens)
    doc.user_data.pop("_stems", None)
    whole = event_model._stems(doc)
    assert len(whole) == n
    for first in range(0, n + 2):
        for last in range(first, n + 3):
            assert event_model._stems_between(doc, first, last) == whole[first:last], (first, last)
    event_model._STEMS.clear()  # words not in the cache: made one by one
    assert event_model._stems_between(doc, 0, n) == whole
