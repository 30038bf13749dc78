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


def _plain(matches):
    return [(x.start, x.end, x.first, x.last, x.phrase, x.value) for x in matches]


def test_texts_given_or_read_give_the_same_matches():
    m = PhraseMatcher([("قوات* الأمن", "security"), ("قوات* الأمن العراقية", "iraqi-security"),
                       ("عبوة* ناسفة*", "ied"), ("قوات", "forces")])
    n = normalize("وأعلنت قواتُ الأمنِ العراقيّة تفكيكَ عبوتين ناسفتين، فيما انسحبت القوات ٣ كم")
    toks = tokenize(n.text)
    texts = [t.text for t in toks]
    assert _plain(m.find(toks, texts)) == _plain(m.find(toks))
    assert [x.value for x in m.find_longest(toks, texts)] == ["iraqi-security", "ied", "forces"]
    # a slice with its texts: the same matches as the whole text gives inside it, document-wide indices
    inside = [x for x in _plain(m.find(toks)) if x[2] >= 4]
    assert _plain(m.find(toks[4:], texts[4:])) == inside


def test_a_third_word_must_be_there_and_may_carry_an_ending_only_when_starred():
    m = PhraseMatcher([("حزام ناسف مفخخ", "belt"), ("سيارة* مفخخة*", "vbied"), ("عبوة ناسفة لاصقة", "sticky")])
    def values(text):
        return [x.value for x in m.find(tokenize(normalize(text).text))]
    assert values("فجر حزام ناسف مفخخ") == ["belt"]
    assert values("فجر حزام ناسف كبير") == []
    assert values("انفجار سيارتين مفخختين") == ["vbied"]
    assert values("عبوة ناسفة لاصقتين") == []          # the third word is not starred: no dual
    assert values("عبوة ناسفة لاصقة") == ["sticky"]


def test_a_full_word_cache_starts_again_and_finds_the_same():
    m = PhraseMatcher([("غارة*", "air"), ("قوات التحالف", "coalition")])
    toks = tokenize(normalize("شنت قوات التحالف غارات على المدينة").text)
    before = _plain(m.find(toks))
    for k in range(100_001):  # fill the per-word cache past its bound with words that start nothing
        m._start_cache[f"كلمة{k}"] = ([], {})
    assert _plain(m.find(toks)) == before
    assert len(m._start_cache) < 100


def test_longest_by_span_equals_each_span_searched_alone():
    m = PhraseMatcher([("قوات* الأمن", "security"), ("الأمن", "security-word"), ("غارة*", "air"),
                       ("عبوة* ناسفة*", "ied"), ("ناسفة", "explosive")])
    n = normalize("قصفت غاراتٌ القرية. وقالت قوات\nالأمن إن عبوتين ناسفتين انفجرتا؛ فيما شنت الطائرات غارة")
    toks = tokenize(n.text)
    texts = [t.text for t in toks]
    # "قوات" ends one span and "الأمن" opens the next: the two-word phrase is in neither
    spans = [(0, 2), (3, 4), (5, len(toks) - 1), (2, 2), (7, 6)]
    by_span = m.find_longest_in(toks, texts, spans)
    assert [_plain(x) for x in by_span] == [_plain(m.find_longest(toks[a:b + 1])) for a, b in spans]
    assert by_span[1] == []
    assert [x.value for x in by_span[2]] == ["security-word", "ied", "air"]
    assert by_span[4] == []
    assert [x.value for x in m.find_longest(toks)] == ["air", "security", "ied", "air"]


HAMZA_LAM = PhraseMatcher([("ألغام*", "mines"), ("إلقاء القبض", "arrest"), ("ألمانيا", "germany")])


@pytest.mark.parametrize("text, value, words", [
    # the lam of ألغام/إلقاء/ألمانيا is the word's own: the definite and the bare forms both match
    ("انفجرت الألغامُ في الحقل", "mines", "الألغامُ"),
    ("قُتل راعٍ بالألغام جنوب المدينة", "mines", "الألغام"),
    ("زرعوا ألغاماً على الطريق", "mines", "ألغاماً"),
    ("بعد الإلقاء القبض على المشتبه", "arrest", "الإلقاء القبض"),
    ("تم إلقاء القبض على ٣ مطلوبين", "arrest", "إلقاء القبض"),
    ("وصل الوفد إلى ألمانيا", "germany", "ألمانيا"),
])
def test_a_word_whose_lam_is_its_own_matches_with_and_without_the_article(text, value, words):
    n = normalize(text)
    got = [(m.value, text[slice(*n.span_to_original(m.start, m.end))]) for m in HAMZA_LAM.find_longest(tokenize(n.text))]
    assert got == [(value, words)]


def test_a_word_that_is_only_the_rest_after_lam_does_not_match():
    n = normalize("في غام القرية")  # غام alone is not ألغام
    assert HAMZA_LAM.find_longest(tokenize(n.text)) == []
