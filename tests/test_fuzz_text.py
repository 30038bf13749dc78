"""Property-based fuzzing of the normaliser, the tokenizer, clitic readings and the segmenter (issue 8).

Inputs: random Unicode including lone surrogates, NUL, bidi and zero-width marks, Arabic diacritics,
tatweel, presentation forms that expand under NFKC (U+FDFA is 18 characters), mixed scripts.
Properties: ``normalize`` keeps a monotonic offset map with one entry per output character plus a final
``len(original)``; spans map back inside the original; normalising is idempotent; tokens are real slices
of the normalised text; sentences and clauses stay inside the text and in order.
"""
from __future__ import annotations

import time

import pytest
from conftest import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from rasd.text import normalize, prefix_variants, suffix_variants, tokenize

# Characters that break naive text code: bidi controls, zero-width (non-)joiners, BOM, NUL, lone
# surrogates, private use, Arabic diacritics/tatweel/dagger alef, presentation forms, a ligature that
# NFKC expands to a whole phrase, combining marks on Latin letters, line/paragraph separators.
HOSTILE_CHARS = [
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
    "\u061c", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\x00", "\x01", "\x1b", "\x7f", "\ud800", "\udfff",
    "\ue000", "\U0010ffff", "\u064b", "\u064e", "\u0651", "\u0652", "\u0640", "\u0670", "\u06d6", "\ufdfa",
    "\ufdfb", "\ufefb", "\ufe8d", "\uff10", "\u0301", "\u2028", "\u2029", "\r", "\n", "\t", " ", "\u00a0",
    "٠", "٣", "۴", "،", "؟", "؛", ".", "!", "?", ",", ";", ":", "«", "»", "-", "—", "İ", "ß", "ﬁ", "Ǆ", "𝟘",
]
ARABIC_WORDS = [
    "انفجرت", "عبوة", "ناسفة", "في", "بغداد", "وبالموصل", "للتحالف", "غارات", "مقتل", "ثلاثة", "مدنيين",
    "الأحد", "أمس", "كانون", "الثاني", "٢٠١٩", "قضاء", "ناحية", "الفلوجة", "قصف", "مدفعي", "استهدف",
    "أسفر", "عن", "إصابة", "٣", "جنود", "ال", "و", "لل", "فيما", "بينما", "من جهة أخرى",
]

hostile_text = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE_CHARS),
        st.sampled_from(ARABIC_WORDS),
        st.text(alphabet=st.characters(blacklist_categories=()), max_size=8),  # any code point, surrogates too
    ),
    max_size=60,
).map("".join)


FUZZ = fuzz_settings(300)


def _check_normalized(text: str) -> None:
    n = normalize(text)
    assert len(n.offsets) == len(n.text) + 1
    assert n.offsets[-1] == len(text)
    assert n.original == text
    assert all(a <= b for a, b in zip(n.offsets, n.offsets[1:])), "offsets must be monotonic"
    assert all(0 <= o < len(text) for o in n.offsets[:-1])
    # every normalised span maps to a span inside the original
    for s in range(0, len(n.text) + 1, max(1, len(n.text) // 7)):
        for e in (s, min(len(n.text), s + 1), min(len(n.text), s + 5), len(n.text)):
            a, b = n.span_to_original(s, e)
            assert 0 <= a <= b <= len(text)


@FUZZ
@given(hostile_text)
def test_normalize_offsets_hold_for_hostile_unicode(text):
    _check_normalized(text)


@FUZZ
@given(hostile_text)
def test_normalize_is_idempotent(text):
    once = normalize(text).text
    assert normalize(once).text == once


@FUZZ
@given(hostile_text)
def test_normalized_text_has_no_invisible_or_diacritic_marks(text):
    out = normalize(text).text
    for ch in ("\u200e", "\u200f", "\u200b", "\u200c", "\u200d", "\ufeff", "\u0640", "\u064e", "\u0651", "\u202e"):
        assert ch not in out
    assert not any("\ud800" <= ch <= "\udfff" for ch in out), "lone surrogates must not survive normalisation"


@FUZZ
@given(hostile_text)
def test_tokens_are_slices_of_the_normalized_text(text):
    n = normalize(text).text
    tokens = tokenize(n)
    previous_end = 0
    for i, tok in enumerate(tokens):
        assert tok.index == i
        assert n[tok.start:tok.end] == tok.text and tok.text
        assert tok.start >= previous_end
        previous_end = tok.end


@fuzz_settings(300)
@given(st.text(alphabet="وفبلكالتاهينمشرع", max_size=14))
def test_clitic_readings_are_bounded_and_shorter(word):
    readings = prefix_variants(word)
    assert readings[0][0] == word or any(r == word for r, _ in readings)
    assert len(readings) <= 16
    for form, stripped in readings:
        assert len(form) <= len(word) + 1  # لل -> ال adds an alef back
        # at most a conjunction and a preposition are stripped (و + لل counts 3: the span starts after
        # the article's lam too; found by RASD_FUZZ_SCALE=10 on 'فللااا'), and the reading is the rest
        # of the word: as written, with the article put back (لل), or without the article (which the
        # reported span keeps)
        assert 0 <= stripped <= 3
        rest = word[stripped:]
        readings_of_rest = {rest, "ال" + rest} | ({rest[2:]} if rest.startswith("ال") else set())
        assert form in readings_of_rest, (word, form, stripped)
    for stem, ending in suffix_variants(word):
        assert len(stem) <= len(word)


def test_normalize_known_offsets():
    text = "\u200fأَعلنَ\u0640 «الجيش»"
    n = normalize(text)
    assert n.text == 'اعلن "الجيش"'
    s, e = n.span_to_original(0, 4)
    assert text[s:e] == "أَعلنَ\u0640"  # trailing marks and tatweel belong to the word, the bidi mark does not


def test_normalize_ligature_expands_with_repeated_offsets():
    n = normalize("ﷺ")
    assert len(n.text) > 10 and set(n.offsets[:-1]) == {0}


@pytest.mark.parametrize("size_kb", [100, 1000])
def test_normalize_time_is_linear(size_kb):
    unit = "انفجرت عبوةٌ ناسفةٌ\u200f في بغدادَ، ﷺ \u0640\u0640 ١٢٣ "
    text = unit * (size_kb * 1024 // len(unit.encode()))
    t0 = time.perf_counter()
    n = normalize(text)
    tokenize(n.text)
    elapsed = time.perf_counter() - t0
    assert elapsed < 0.5 * size_kb / 10 + 1.0, f"{size_kb} KB took {elapsed:.2f}s"


# -- segmentation ---------------------------------------------------------------------------------

def _segment(text):
    from rasd.doc import Document
    from rasd.segment import segment
    doc = Document(text=text)
    segment(doc)
    return doc


@FUZZ
@given(hostile_text)
def test_segments_stay_inside_the_text_and_in_order(text):
    doc = _segment(text)
    n = len(doc.norm.text)
    previous = 0
    for s in doc.sentences:
        assert previous <= s.start < s.end <= n
        assert 0 <= s.first <= s.last < len(doc.tokens)
        previous = s.end
        for c in s.clauses:
            assert s.start <= c.start < c.end <= s.end
    # evidence of any span is a slice of the original text
    for s in doc.sentences:
        ev = doc.evidence("x", s.start, s.end)
        assert doc.text[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("piece", [".", "\n", "؟", "،", " فيما ", "1.", ".\"", "أ.ف.ب"])
def test_segmenter_on_long_runs_of_breaks(piece):
    text = "قصف " + piece * 50_000 + " بغداد"
    t0 = time.perf_counter()
    doc = _segment(text)
    assert time.perf_counter() - t0 < 5.0
    assert all(s.end <= len(doc.norm.text) for s in doc.sentences)
