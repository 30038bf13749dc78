"""speed12's fast paths held to the slow ones they replace.

* ``normalize`` of an article (``NUMPY_FROM`` characters and more) no longer searches the text for a
  character outside the fast blocks before folding it: numpy's fold table marks such characters itself
  (``_OTHER_CODE``), and the fold gives up where it meets one. The result must be what the
  character-by-character path gives, wherever the odd character stands.
* ``clean_text`` tests for the trailer's words with ``in`` instead of a pattern before it runs the
  trailer pattern: the text must come out as if the trailer pattern always ran.
"""
from __future__ import annotations

import random

import pytest

from rasd.clean import _TRAILER, clean_text
from rasd.text import NUMPY_FROM, _normalize_slow, normalize, tokenize

np = pytest.importorskip("numpy")

# news Arabic with clitics, diacritics, tatweel, Eastern Arabic digits and punctuation of its own
_PIECES = ["وبالموصل", "قُتِلَ", "ثلاثةُ", "مدنيينَ", "بانفجـــارِ", "عبوةٍ", "ناسفةٍ", "للتحالف", "١٢", "٣٫٥",
           "2018م", "،", "؛", "؟", ".", "«", "»", " ", " ", " ", "\n", "\u200f", "ـ", "Mosul", "ÉTÉ"]
# characters the fast path does not take: a presentation-form ligature that folds to two letters (lam-alef),
# a letter of another script, an emoji (two UTF-16 units), a lone surrogate, a private-use character
_ODD = ["ﻻ", "ﷲ", "中", "Ж", "😀", "\ud800", "\ue000", "\u0378"]


def _article(rng: random.Random, size: int) -> str:
    out: list[str] = []
    while sum(map(len, out)) < size:
        out.append(rng.choice(_PIECES))
    return "".join(out)


def test_the_fold_table_marks_as_other_exactly_what_the_pattern_of_other_characters_matches():
    from rasd.text import _DROPPED_CODE, _FAST_TABLE, _OTHER_CHARS, _OTHER_CODE, _fold_table

    table = _fold_table(np)
    for code in range(0x10000):
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF or _OTHER_CHARS.match(ch):
            assert table[code] == _OTHER_CODE, hex(code)
        elif code < len(_FAST_TABLE) and _FAST_TABLE[code] is not None:
            assert table[code] == ord(_FAST_TABLE[code]), hex(code)
        else:
            assert table[code] == _DROPPED_CODE, hex(code)  # harakat, tatweel, bidi marks


@pytest.mark.parametrize("odd", _ODD)
def test_an_article_with_a_character_outside_the_fast_blocks_normalises_as_character_by_character(odd):
    rng = random.Random(len(odd) + ord(odd[0]))
    for where in ("start", "middle", "end"):
        body = _article(rng, NUMPY_FROM + rng.randrange(400))
        text = {"start": odd + body, "middle": body[:150] + odd + body[150:], "end": body + odd}[where]
        fast, slow = normalize(text), _normalize_slow(text)
        assert not fast.fast and fast == slow and list(fast.offsets) == list(slow.offsets), (odd, where)


def test_an_article_of_the_fast_blocks_still_takes_the_fast_path_and_folds_as_the_slow_one():
    rng = random.Random(12)
    for _ in range(40):
        text = _article(rng, NUMPY_FROM + rng.randrange(2000))
        fast, slow = normalize(text), _normalize_slow(text)
        assert fast.fast and fast == slow and list(fast.offsets) == list(slow.offsets)
        assert [(t.text, t.start, t.end) for t in tokenize(fast.text, fast_alphabet=True)] == \
            [(t.text, t.start, t.end) for t in tokenize(slow.text)]
    folded = normalize("قُتِلَ ٣ جنودٍ بانفجـار عبوة ناسفة في الموصلِ، " * 12)
    assert folded.fast and "قتل 3 جنود بانفجار عبوه ناسفه في الموصل, " in folded.text


def test_the_cleaned_text_is_the_one_the_trailer_pattern_gives_when_it_always_runs(monkeypatch):
    import rasd.clean

    rng = random.Random(5)
    trailers = ["رابط الخبر بصحيفة الوئام: مقتل ثلاثة", "سمات بغداد حوادث أمنية كركوك", "رابط المقال", "سمات",
                "رابط الخبر", "الرابط المختصر"]
    bodies = ["قُتل ٣ جنودٍ في انفجار عبوة ناسفة بالموصل.", "أصيب ١٢ مدنياً في قصف على إدلب؛ وفق مصادر محلية",
              "ذكرت سمات المنطقة أن الهجوم وقع فجراً.", "وقال: «رابط الخبر» ليس هنا"]
    texts = [rng.choice(bodies) + rng.choice(["", " ", "\n", ". ", "\n\n"]) + rng.choice(trailers + [""] * 3)
             for _ in range(300)]
    got = [clean_text(text) for text in texts]
    trimmed = sum(out != text.strip() for text, (out, _outlet) in zip(texts, got))
    monkeypatch.setattr(rasd.clean, "_TRAILER_WORDS", ("", "", ""))  # "" is in every text: the pattern always runs
    assert got == [clean_text(text) for text in texts]
    assert trimmed > 50 and any(_TRAILER.search(text) for text in texts)  # the trailers were there to cut


def test_plain_replaces_exactly_the_lone_surrogates_the_pattern_replaced():
    # _plain asks the UTF-16 encoder whether a surrogate is there (it refuses exactly those) before it
    # runs the replacing pattern: the same text as the pattern run on every value
    from rasd.clean import _SURROGATE, _plain

    rng = random.Random(8)
    odd = ["\ud800", "\udfff", "\ud83d\ude00", "😀", "\x00", "ﻻ", "\ufffd", "\uffff", "\U0010ffff"]
    values = ["", "قُتل ٣ جنودٍ في الموصل", "\ud800", "\x00\x00"]
    for _ in range(200):
        values.append("".join(rng.choice(_PIECES + odd if rng.random() < 0.3 else _PIECES)
                              for _ in range(rng.randint(1, 30))))
    replaced = 0
    for value in values:
        expected = _SURROGATE.sub("\ufffd", value.replace("\x00", " "))
        got = _plain(value)
        assert got == expected and len(got) == len(value), ascii(value)
        replaced += got != value.replace("\x00", " ")
    assert replaced > 10
