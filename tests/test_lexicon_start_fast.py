"""The lexicon's two shortcuts give what the plain computations give.

* ``phrase_key`` reads each written word once (``lexicon._word_key``, cached): the keys must be those of the
  word-by-word computation it replaced, for every phrase of the shipped lexicons and for phrases of our own
  (clitics, diacritics, tatweel, Eastern Arabic digits, a lone or trailing ``*``).
* ``PhraseMatcher._starts`` settles a word none of whose readings is an entry's first word with one
  ``isdisjoint`` against the index (``lexicon.first_forms``): the entries a word starts must be those of the
  loop over its readings, for the trigger, modality and actor lexicons, cold, on the words of our sentences
  and of the training articles.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd import lexicon
from rasd.lexicon import PhraseMatcher, first_forms, first_readings, phrase_key
from rasd.text import norm, strip_article, tokenize

TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "train.jsonl"

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


def _reference_starts(matcher: PhraseMatcher, word: str):
    """The entries ``word`` starts, by the loop over all its readings (no shortcut)."""
    singles: list = []
    longer: dict = {}
    for form, stripped, has_suffix in first_readings(word):
        for key, phrase, value in matcher._index.get(form, ()):
            if has_suffix and not key[0][1]:
                continue
            if len(key) == 1:
                singles.append((phrase, value, stripped))
            else:
                longer.setdefault(key[1][0], []).append((key, phrase, value, stripped))
    return (singles, longer) if singles or longer else ()


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


def test_first_forms_are_the_readings_forms():
    for word in ("وبالموصل", "للتحالف", "غارات", "عبوتين", "قوات", "٣", "ب"):
        assert first_forms(word) == frozenset(f for f, _, _ in first_readings(word))


def _words() -> list[str]:
    words = [t.text for s in OWN_SENTENCES for t in tokenize(norm(s))]
    if TRAIN.exists():
        with open(TRAIN, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                text = (record.get("title") or "") + "\n" + (record.get("text") or "")
                words.extend(t.text for t in tokenize(norm(text)))
    return list(dict.fromkeys(words))


@pytest.mark.parametrize("which", [0, 1, 2], ids=["triggers", "modality", "actors"])
def test_starts_with_the_prefilter_equals_the_reading_loop(which):
    matcher = _matchers()[which]
    words = _words()
    matcher._start_cache.clear()
    started = 0
    for word in words:
        got = matcher._starts(word)
        assert got == _reference_starts(matcher, word), word
        started += bool(got)
        assert matcher._starts(word) == got  # warm: the cached entry
    assert started  # the sentences hold words that start entries (the shortcut is not all there is)
    assert started < len(words)


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
