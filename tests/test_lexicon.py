"""Lexicon phrases are found with clitics, inflection and spelling variants, as offsets of the real text."""
import pytest

from rasd.lexicon import PhraseMatcher
from rasd.text import normalize, tokenize

MATCHER = PhraseMatcher([
    ("عبوة* ناسفة*", "ied"), ("غارة*", "air"), ("الموصل", "mosul"), ("قوات التحالف", "coalition"),
    ("التحالف", "coalition-short"), ("صلاح الدين", "salahuddin"),
])


def found(text):
    n = normalize(text)
    out = []
    for m in MATCHER.find_longest(tokenize(n.text)):
        s, e = n.span_to_original(m.start, m.end)
        out.append((m.value, text[s:e]))
    return out


@pytest.mark.parametrize("text, expected", [
    ("انفجرت عبوةٌ ناسفةٌ", [("ied", "عبوةٌ ناسفةٌ")]),
    ("انفجار عبوتين ناسفتين", [("ied", "عبوتين ناسفتين")]),
    ("تفكيك عبوات ناسفة", [("ied", "عبوات ناسفة")]),
    ("وبعبوة ناسفة", [("ied", "عبوة ناسفة")]),
    ("شنت غاراتٍ", [("air", "غاراتٍ")]),
    ("غارتين", [("air", "غارتين")]),
    ("وبالمَوْصِل", [("mosul", "المَوْصِل")]),
    ("لقوات التحالف", [("coalition", "قوات التحالف")]),
    ("والقوات التحالف", [("coalition", "القوات التحالف")]),
    ("للتحالف", [("coalition-short", "تحالف")]),
    ("محافظة صلاح الدين", [("salahuddin", "صلاح الدين")]),
    ("صلاح", []),
    ("موصلات كهربائية", []),   # a longer word is not the place
])
def test_matches(text, expected):
    assert found(text) == expected


def test_longest_match_wins_and_tokens_are_not_shared():
    m = PhraseMatcher([("قوات", "a"), ("قوات التحالف", "b"), ("التحالف الدولي", "c")])
    n = normalize("قوات التحالف الدولي")
    chosen = m.find_longest(tokenize(n.text))
    assert any(x.last > x.first for x in chosen)                      # a two-word phrase won
    covered = [i for x in chosen for i in range(x.first, x.last + 1)]
    assert len(covered) == len(set(covered))                          # no token in two matches
    assert len(m.find(tokenize(n.text))) == 3


def test_token_indexes_are_document_wide_when_a_slice_is_searched():
    n = normalize("قال المصدر إن غارة استهدفت الموصل")
    toks = tokenize(n.text)
    hits = MATCHER.find(toks[3:])
    assert {h.first for h in hits} == {3, 5}


def test_cached_words_give_the_same_matches_and_forget_on_add():
    m = PhraseMatcher([("غارة*", "air")])
    text = normalize("شنّت الطائرات غاراتٍ على مواقع المسلحين، وقصفت المدفعية القرية")
    cold = m.find(tokenize(text.text))
    warm = m.find(tokenize(text.text))  # every word now answered from the cache
    assert [(x.start, x.end, x.value) for x in cold] == [(x.start, x.end, x.value) for x in warm]
    assert [x.value for x in warm] == ["air"]
    m.add("مدفعية", "artillery")  # "المدفعية" was cached as starting nothing: adding a phrase forgets that
    assert [x.value for x in m.find(tokenize(text.text))] == ["air", "artillery"]
