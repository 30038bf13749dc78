"""The process's word table (``rasd.text.WordTable``) and the per-word lists keyed by it (``PerWord``), and
the stages that read their per-word entries by id: they must find what the per-word dictionaries found
(speed10).

The texts are written for this test: clitics, diacritics, tatweel, Eastern Arabic digits, a word twice in
one text (new to the table, then met again in the same article).
"""
from __future__ import annotations

import datetime as dt

from rasd import dates, modality, triggers
from rasd.actors import lexicon as actor_lexicon
from rasd.doc import Document
from rasd.segment import segment
from rasd.text import PerWord, WordTable, normalize, tokenize

TEXTS = [
    "قُتل ثلاثة مدنيين أمس في قصفٍ على قرية الزهراء، وأُصيب ٤ آخرون أمس أيضاً في القصف نفسه.",
    "اشتبكت قوات الأمن العراقية مع مسلحين من تنظيم داعش في الموصل يوم الأربعاء الماضي.",
    "نفى الجيش السوري أن تكون طائراته قد قصفت مستشفى في إدلب في ١٢ آذار/مارس ٢٠١٨.",
    "واعتقلت الشرطةُ خمسة شبان فجر الیوم بعد مظاهرة ليلة أمـــس، وهدد المتظاهرون بالعودة.",
]


def test_word_ids_are_one_per_word_in_order_of_meeting():
    table = WordTable()
    words, ids = table.ids_of(["قتل", "جنود", "قتل", "في", "جنود"])
    assert ids == [0, 1, 0, 2, 1]
    again, ids2 = table.ids_of(["في", "الموصل", "قتل"])
    assert again is words and ids2 == [2, 3, 0]
    assert words == {"قتل": 0, "جنود": 1, "في": 2, "الموصل": 3}


def test_a_full_table_starts_a_new_one_and_per_word_lists_follow_it():
    table = WordTable(limit=3)
    first, _ = table.ids_of(["ا", "ب", "ج", "د"])
    values = PerWord("?")
    old = values.values_for(first)
    old[first["ب"]] = "باء"
    second, ids = table.ids_of(["هـ", "ب"])
    assert second is not first and ids == [0, 1]
    new = values.values_for(second)
    assert new == ["?", "?"]  # nothing read with the old table's ids
    assert values.values_for(first)[first["ب"]] == "?"  # the old table's list was dropped, not mixed in


def test_per_word_list_grows_with_its_table():
    table = WordTable()
    words, _ = table.ids_of(["غارة"])
    values = PerWord(None)
    assert values.values_for(words) == [None]
    table.ids_of(["غارة", "جوية", "على", "حلب"])
    assert len(values.values_for(words)) == 4


def _doc(text):
    doc = Document(text, published=dt.date(2018, 3, 9))
    segment(doc)
    return doc


def test_a_document_reads_its_ids_once_and_again_after_new_text():
    doc = _doc(TEXTS[0])
    table, ids = doc.token_ids()
    assert [table[w] for w in doc.token_texts()] == ids
    assert ids[doc.token_texts().index("امس")] == ids[len(ids) - 1 - doc.token_texts()[::-1].index("امس")]
    doc.set_text("غارات جوية على حلب")  # as many tokens as before would not do: the ids are read again
    table, ids = doc.token_ids()
    assert [table[w] for w in ["غارات", "جويه", "علي", "حلب"]] == ids


def _lexicon_matches(matcher, doc, with_ids):
    ids = doc.token_ids() if with_ids else None
    return [(m.start, m.end, m.first, m.last, m.phrase) for m in matcher.find(doc.tokens, doc.token_texts(), ids)]


def test_phrase_matchers_find_the_same_by_id_and_by_word_cold_and_warm():
    matchers = [triggers.trigger_matcher(), actor_lexicon().matcher, modality.modality_matcher()]
    for matcher in matchers:
        for text in TEXTS:
            doc = _doc(text)
            by_word = _lexicon_matches(matcher, doc, False)
            matcher._by_id = PerWord(matcher._by_id.missing)  # every word unread by id: cold
            cold = _lexicon_matches(matcher, doc, True)
            warm = _lexicon_matches(matcher, doc, True)
            assert cold == by_word == warm
    doc = _doc(TEXTS[1])
    assert _lexicon_matches(triggers.trigger_matcher(), doc, True)  # the clash is found
    assert any(m[4] for m in _lexicon_matches(actor_lexicon().matcher, doc, True))  # and its actors


def test_date_scan_finds_the_same_mentions_by_id_and_by_word_cold_and_warm():
    def mentions(doc, with_ids):
        found = dates._scan(doc.norm.text, doc.tokens, doc.published, {}, doc.token_ids() if with_ids else None)
        return [(m.start, m.end, m.text, m.date, m.kind) for m in found]

    for text in TEXTS:
        doc = _doc(text)
        by_word = mentions(doc, False)
        dates._STARTS_BY_ID.state = (None, [])  # cold
        assert mentions(doc, True) == by_word == mentions(doc, True)
    first = mentions(_doc(TEXTS[0]), True)
    assert [m[3] for m in first if m[2] == "امس"] == [dt.date(2018, 3, 8)] * 2  # أمس twice, both found


def test_tokenize_and_ids_agree_on_eastern_digits_and_tatweel():
    texts = [t.text for t in tokenize(normalize("قُتل ٣ أشخاص أمـــس و3 اليوم").text)]
    table, ids = WordTable().ids_of(texts)
    assert texts[4] == "و" and texts[1] == texts[5] == "3" and ids[1] == ids[5] != ids[4]
    assert "امس" in table
