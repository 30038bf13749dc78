"""The shared vocabulary (speed26): one record a word (``text.word_record``) holds what the stages that read every
word of an article made of it, in place of a per-word cache each. Every slot must hold what the plain computation
gives for that word, on sentences of our own (clitics, diacritics, tatweel, Eastern Arabic digits), read cold (the
vocabulary emptied) and warm; the stages must find the same with the records as without them; a slot whose owner
changes, and a vocabulary that reaches its bound, must never hand out a reading of another owner.
"""
from __future__ import annotations

import pytest

from rasd import dates, numbers, pipeline
from rasd import text as rtext
from rasd.actors import _read_nationality
from rasd.actors import lexicon as actor_lexicon
from rasd.geo import _recognizer
from rasd.learn import events as event_model
from rasd.lexicon import PhraseMatcher
from rasd.modality import modality_matcher
from rasd.text import norm, normalize, tokenize
from rasd.triggers import trigger_matcher

SENTENCES = [
    "قُتِلَ ثلاثةُ جنودٍ عراقيين وأُصيب ٥ آخرون في انفجار عبوة ناسفة ببغداد يوم الثلاثاء",
    "وأعلنـــت الشرطة التركية اعتقال ١٢ مشتبها بهم في إسطنبول فجر السبت",
    "شنت طائرات أمريكية غارات على مواقع لداعش قرب الموصل، ما أسفر عن مقتل 7 مسلحين",
    "وتظاهر مئات الطلاب في الخرطوم أمس احتجاجاً على ارتفاع الأسعار",
    "وبحسب مصادر محلية فإن القصف الروسي استهدف بلدة في ريف إدلب صباح الجمعة ٣ آذار/مارس",
    "ونفى الجيش اللبناني أن يكون قد اشتبك مع مسلحين سوريين على الحدود، وقال إنه سيواصل عملياته",
]
TEXT = " ".join(s + "." for s in SENTENCES)


def _run(text: str = TEXT):
    doc = pipeline.make_document({"id": "v", "text": text, "published": "2018-03-06"})
    pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
    event_model._stems(doc)
    return doc


def _plain(slot: int, word: str):
    """What the stage owning ``slot`` makes of ``word``, computed afresh (no cache read)."""
    if slot == rtext.ROLES:
        return numbers._roles(word) or numbers._NO_ROLES
    if slot == rtext.DATE_STARTS:
        return dates._starts(word)
    if slot == rtext.STEM:
        return event_model._read_stem(word)
    if slot == rtext.NATIONALITY:
        return _read_nationality(actor_lexicon(), word)
    if slot == rtext.PLACE:
        rec = _recognizer()
        rec._cache.pop(word, None)
        return rec._hits(word)
    matcher = {rtext.TRIGGERS: trigger_matcher(), rtext.ACTORS: actor_lexicon().matcher,
               rtext.MODALITY: modality_matcher()}[slot]
    return matcher._read_starts(word)


@pytest.mark.parametrize("warm", [False, True])
def test_every_slot_holds_the_plain_reading_of_its_word(warm):
    _run()  # the lexicons and the gazetteer loaded: their slots claimed
    rtext._VOCAB.clear()
    doc = _run()
    if warm:
        doc = _run()
    words, texts = doc.token_words(), doc.token_texts()
    assert len(words) == len(texts) == len(doc.tokens) > 60
    read = {slot: 0 for slot in range(1, rtext.SLOTS)}
    seen: set[str] = set()
    for record, word, token in zip(words, texts, doc.tokens):
        assert record[rtext.WORD] is word is token.text
        assert rtext.word_record(word) is record
        new = word not in seen
        seen.add(word)
        for slot in range(1, rtext.SLOTS):
            if record[slot] is (rtext.NO_STEM if slot == rtext.STEM else rtext.UNSEEN):
                continue
            read[slot] += new
            assert record[slot] == _plain(slot, word), (slot, word)
    # every stage read its words from the records (the stems and the modality cues only some of them)
    assert all(read[slot] == len(set(texts)) for slot in (rtext.ROLES, rtext.DATE_STARTS, rtext.TRIGGERS,
                                                          rtext.ACTORS, rtext.PLACE, rtext.NATIONALITY)), read
    assert read[rtext.STEM] > 0 and read[rtext.MODALITY] > 0
    # the words that read as something do: a casualty verb, a date word, a trigger, a place, a nationality
    by_word = dict(zip(texts, words))
    assert by_word["قتل"][rtext.ROLES] and by_word["الثلاثاء"][rtext.DATE_STARTS]
    assert by_word["انفجار"][rtext.TRIGGERS] and by_word["ببغداد"][rtext.PLACE]
    assert by_word["عراقيين"][rtext.NATIONALITY] == "Iraq" and by_word["والخرطوم" if "والخرطوم" in by_word
                                                                         else "الخرطوم"][rtext.PLACE]
    assert by_word["١٢" if "١٢" in by_word else "12"][rtext.STEM] in (rtext.NO_STEM, "#")
    assert not by_word["الطلاب"][rtext.ROLES] and by_word["الطلاب"][rtext.ROLES] is numbers._NO_ROLES


def _readings(doc) -> tuple:
    return ([(t.start, t.end, t.sub_event_type) for t in doc.triggers], [(p.start, p.end) for p in doc.places],
            [(d.start, d.end, str(d.date)) for d in doc.dates], [(m.start, m.end, m.count) for m in doc.casualties],
            [(a.start, a.end, a.actor) for a in doc.actors], event_model._stems(doc))


def test_the_stages_read_the_same_cold_warm_and_without_the_records():
    rtext._VOCAB.clear()
    cold = _readings(_run())
    warm = _readings(_run())
    assert cold == warm
    assert all(cold[:5]), cold  # a trigger, a place, a date, a toll, an actor
    doc = _run()
    # the lexicons searched without the records (their own caches) find what they found with them
    for matcher in (trigger_matcher(), actor_lexicon().matcher, modality_matcher()):
        with_words = matcher.find(doc.tokens, doc.token_texts(), doc.token_words())
        assert with_words == matcher.find(doc.tokens, doc.token_texts())
        assert with_words == matcher.find(doc.tokens)
    rec = _recognizer()
    assert [(m.start, m.end, m.key) for m in rec.find(doc.tokens, doc.norm.text, doc.token_texts(), doc.token_words())] \
        == [(m.start, m.end, m.key) for m in rec.find(doc.tokens, doc.norm.text, doc.token_texts())]
    plain = [event_model._read_stem(w) for w in doc.token_texts()]
    assert event_model._stems_of(doc.token_words(), doc.token_texts()) == plain


def test_a_slot_that_changes_owner_is_never_read_with_the_old_owners_readings():
    first = PhraseMatcher([("عبوة* ناسفة*", "ied"), ("انفجار", "blast")])
    second = PhraseMatcher([("اشتباكات", "clash"), ("اشتبك", "clash")])
    slot = rtext.MODALITY
    owner = rtext._OWNERS[slot]
    try:
        first.share_vocabulary(slot)
        doc = pipeline.make_document({"id": "o", "text": TEXT, "published": "2018-03-06"})
        got = first.find(doc.tokens, doc.token_texts(), doc.token_words())
        assert [m.value for m in got] == ["blast", "ied"]
        second.share_vocabulary(slot)  # the slot is another's now: the document reads its records again
        got = second.find(doc.tokens, doc.token_texts(), doc.token_words())
        assert [m.value for m in got] == ["clash"]
        # the first, no longer the owner, reads its own cache and still finds its phrases
        assert [m.value for m in first.find(doc.tokens, doc.token_texts(), doc.token_words())] == ["blast", "ied"]
        second.add("مسلحين", "gunmen")  # the owner's readings changed: read again
        got = second.find(doc.tokens, doc.token_texts(), doc.token_words())
        assert sorted(m.value for m in got) == ["clash", "gunmen", "gunmen"]
    finally:
        if owner is not None:
            owner.share_vocabulary(slot)


def test_the_vocabulary_starts_again_at_its_bound_and_records_handed_out_stay_right(monkeypatch):
    monkeypatch.setattr(rtext, "VOCAB_MAX", 8)
    rtext._VOCAB.clear()
    cold = _readings(_run())
    assert len(rtext._VOCAB) <= 8
    assert _readings(_run()) == cold
    monkeypatch.undo()
    rtext._VOCAB.clear()
    assert _readings(_run()) == cold


def test_token_texts_are_one_string_object_a_word():
    words = tokenize(normalize("قصفٌ وقصفٌ ثم قصف، ٣ و٣ و3 ثم قصـــف").text)
    texts = [t.text for t in words]
    assert texts == ["قصف", "وقصف", "ثم", "قصف", "3", "و", "3", "و", "3", "ثم", "قصف"]
    assert texts[0] is texts[3] is texts[10] and texts[4] is texts[6] is texts[8]
    assert texts[0] is rtext.word_record(norm("قَصْف"))[rtext.WORD]


def test_a_pickled_documents_records_are_read_again():
    import pickle

    doc = _run()
    back = pickle.loads(pickle.dumps(doc))
    assert back.token_words() is not doc.token_words()
    assert [r[rtext.WORD] for r in back.token_words()] == doc.token_texts()
    assert _readings(back) == _readings(doc)
