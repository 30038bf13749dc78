"""``lexicon.phrase_key`` reads each written word once (``lexicon._word_key``, cached, speed22b): the keys must
be those of the word-by-word computation it replaced, for every phrase of the trigger, modality and actor
lexicons and for phrases of our own (clitics, diacritics, tatweel, Eastern Arabic digits, a lone or trailing
``*``), cold and from the cache; and the matchers built from them find what they found.

(Measured and left out in the same round: ``PhraseMatcher._starts`` settling a new word with one ``isdisjoint``
of its readings' forms against the index: building the set of forms costs more instructions than the three
loops it spares.)
"""
from __future__ import annotations

from rasd import lexicon
from rasd.lexicon import PhraseMatcher, phrase_key
from rasd.text import norm, strip_article, tokenize

OWN_PHRASES = [
    "عبوة* ناسفة*", "الألغام", "إلقاء القبض", "آلية* عسكرية*", "قوات *", "* قوات", "*", "وبالموصل",
    "غـــارة* جوية", "قَصْفٌ مدفعيّ", "اشتباك* مسلح*", "٣ قذائف", "صاروخ* 'كاتيوشا'", "لل*تحالف",
    "الجيش-السوري", "أطلق* النار", "  هجوم   انتحاري*  ",
]

OWN_SENTENCES = [
    "وبالموصل انفجرت عبوتان ناسفتان قرب سوق شعبي صباح الثلاثاء",
    "قُتِل ثلاثة مدنيين بغـــارات جوية على ريف إدلب الجنوبي",
    "وأعلنت قوات التحالف أن الاشتباكات المسلحة أسفرت عن ٣ قتلى و١٢ جريحاً",
    "فجر انتحاري نفسه بحزام ناسف، وللتحالف بيان: لن نتراجع",
    "اعتقلت الشرطة مطلوبَين وصادرت أسلحتهم، ويقال إن المتظاهرين تفرقوا",
    "بحسب مصادر محلية فإن الحوثيين قصفوا المدينة بالمدفعية",
]


def _reference_key(phrase: str) -> tuple:
    """phrase_key as it was written before the per-word cache."""
    words = []
    for raw in phrase.split():
        star = raw.endswith("*")
        raw = raw.rstrip("*")
        folded = norm(raw)
        own_lam = raw[:1] in "أإآ" and folded.startswith("ال")
        for k, tok in enumerate(tokenize(folded)):
            words.append((tok.text if own_lam and k == 0 else strip_article(tok.text), False))
        if words and star:
            words[-1] = (words[-1][0], True)
    return tuple(words)


def _lexicon_phrases() -> list[str]:
    """Every phrase of the trigger, modality and actor lexicons, as written in their data files."""
    return [entry[1] for matcher in _matchers() for entries in matcher._index.values() for entry in entries]


def _matchers() -> list[PhraseMatcher]:
    from rasd.actors import lexicon as actor_lexicon
    from rasd.modality import modality_matcher
    from rasd.triggers import trigger_matcher
    return [trigger_matcher(), modality_matcher(), actor_lexicon().matcher]


def test_phrase_key_matches_the_word_by_word_reading():
    phrases = _lexicon_phrases() + OWN_PHRASES
    assert len(phrases) > 500
    lexicon._WORD_KEYS.clear()
    for phrase in phrases:
        assert phrase_key(phrase) == _reference_key(phrase), phrase
    for phrase in phrases:  # and again, from the cache
        assert phrase_key(phrase) == _reference_key(phrase), phrase


def test_phrase_key_star_cases():
    assert phrase_key("عبوة* ناسفة*") == (("عبوه", True), ("ناسفه", True))
    assert phrase_key("الألغام") == (("الغام", False),)  # a hamzated alef's own lam is no article
    assert phrase_key("قوات *") == (("قوات", True),)  # a lone star marks the word before it
    assert phrase_key("* قوات") == (("قوات", False),)  # ... and nothing where no word comes before
    assert phrase_key("*") == ()


def test_own_sentences_find_the_same_matches_cold_and_warm():
    for matcher in _matchers():
        for sentence in OWN_SENTENCES:
            tokens = tokenize(norm(sentence))
            matcher._start_cache.clear()
            matcher._pair_cache.clear()
            cold = matcher.find(tokens)
            warm = matcher.find(tokens)
            assert cold == warm
    trig = _matchers()[0]
    found = trig.find(tokenize(norm(OWN_SENTENCES[0])))
    assert any("عبو" in m.phrase for m in found)


def test_a_matcher_of_our_own_phrases_built_twice_finds_the_same():
    entries = [("عبوة* ناسفة*", "ied"), ("غارة* جوية", "air"), ("قوات التحالف", "coalition"), ("حزام* ناسف*", "belt")]
    found = []
    for _ in range(2):  # the first build reads the words, the second takes them from the cache
        lexicon._WORD_KEYS.clear() if not found else None
        matcher = PhraseMatcher(entries)
        found.append([(m.phrase, m.value, m.start, m.end)
                      for s in OWN_SENTENCES for m in matcher.find(tokenize(norm(s)))])
    assert found[0] == found[1]
    values = [v for _, v, _, _ in found[0]]
    assert values.count("ied") == 1 and values.count("air") == 1 and "coalition" in values and "belt" in values
