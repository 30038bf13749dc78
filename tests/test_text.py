"""The normaliser folds spelling variants for matching and always maps back to the real text."""
import pytest

from rasd.text import norm, normalize, prefix_variants, suffix_variants, tokenize


@pytest.mark.parametrize("written, folded", [
    ("أمس", "امس"), ("إصابة", "اصابه"), ("آلاف", "الاف"), ("ٱلقوات", "القوات"),
    ("مستشفى", "مستشفي"), ("قرية", "قريه"), ("مؤتمر", "موتمر"), ("هيئة", "هييه"),
    ("قُتِلَ", "قتل"), ("انفجارٌ", "انفجار"), ("شدّة", "شده"),
    ("اشتبـــاكات", "اشتباكات"),            # tatweel
    ("٣ قتلى", "3 قتلي"), ("۱۲ جريحا", "12 جريحا"),  # Eastern Arabic and Persian digits
    ("١٤٣٦هـ", "1436ه"),
    ("«داعش»", '"داعش"'), ("بغداد، البصرة؛ هل؟", "بغداد, البصره; هل?"),
    ("گرمیان", "كرميان"),                   # Persian letters used in Kurdish place names
    ("ﻻ", "لا"),                          # presentation form ligature
    ("ANBAR", "anbar"),
    ("مدينة\u200fالموصل", "مدينهالموصل"),   # bidi mark dropped
])
def test_folding(written, folded):
    assert normalize(written).text == folded


@pytest.mark.parametrize("original", [
    "قُتِلَ ثلاثةُ مدنيينَ وأُصيبَ ٧ آخرون بانفجـــار عبوةٍ ناسفةٍ في الموصل",
    "ﻻ صحة لما تناقلته «وسائل الإعلام»",
    "وفي ٣/٩/٢٠٢٠ شنّ الطيرانُ غاراتٍ",
])
def test_every_normalised_span_maps_back_to_original_text(original):
    n = normalize(original)
    assert len(n.offsets) == len(n.text) + 1
    for tok in tokenize(n.text):
        s, e = n.span_to_original(tok.start, tok.end)
        assert normalize(original[s:e]).text == tok.text


def test_offsets_are_monotonic_and_end_at_original_length():
    text = "الـــقوات الأمنيّة\u200f في بغداد"
    n = normalize(text)
    assert list(n.offsets) == sorted(n.offsets)
    assert n.offsets[-1] == len(text)


@pytest.mark.parametrize("token, reading", [
    ("وبالموصل", "الموصل"), ("وبالموصل", "موصل"), ("ببغداد", "بغداد"), ("لبغداد", "بغداد"),
    ("فالقوات", "القوات"), ("للتحالف", "التحالف"), ("كالعادة", "عاده"),
])
def test_proclitic_readings(token, reading):
    assert normalize(reading).text in [form for form, _ in prefix_variants(normalize(token).text)]


def test_short_words_keep_their_letters():
    assert [f for f, _ in prefix_variants("بل")] == ["بل"]


@pytest.mark.parametrize("token, stem", [
    ("غارات", "غاره"), ("عبوتين", "عبوه"), ("اشتباكات", "اشتباك"), ("مسلحون", "مسلح"), ("عناصرها", "عناصر"),
])
def test_suffix_readings(token, stem):
    assert stem in [s for s, _ in suffix_variants(token)]


def test_fast_path_equals_character_by_character_path():
    import random

    from rasd.text import _normalize_slow

    rng = random.Random(7)
    alphabet = ("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩۰۱"
                "abcXYZ0129 .,;:!?-\n\t\u00a0\u200f\u200b«»“”–—،؛؟éÉçÑ")
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert normalize(text) == _normalize_slow(text)
    for text in ["ﻻ شيء", "𝐀 رصد", "中文 عربي", "\ud800 x"]:
        assert normalize(text) == _normalize_slow(text)


def test_every_character_of_the_fast_blocks_folds_as_on_the_slow_path():
    # the fast path's table has an entry for each character of these blocks: one wrong entry would fold
    # one letter differently from the character-by-character path (and from every lexicon key)
    from rasd.text import _normalize_slow

    blocks = [*range(0x20, 0x250), *range(0x0600, 0x0700), *range(0x2000, 0x2070), *range(0xFB50, 0xFE00),
              *range(0xFE70, 0xFF00)]
    for cp in blocks:
        text = "ب" + chr(cp) + "ـة"
        assert normalize(text) == _normalize_slow(text), hex(cp)


@pytest.mark.parametrize("written", ["وبالمَوْصِلِ", "إطلاق نار ١٢ مرة", "قوات «التحالف» — الدولي", "ﻻ", "\u200fالعراق",
                                     "Mosul ÉTÉ", ""])
def test_norm_is_the_text_of_normalize(written):
    assert norm(written) == normalize(written).text


def test_text_with_rare_characters_folds_as_character_by_character():
    # an emoji, a ligature (ﻻ folds to two letters), mathematical letters, CJK, a lone surrogate: text
    # holding one is folded character by character; presentation forms alone take the fast path
    import random

    from rasd.text import _normalize_slow

    rng = random.Random(11)
    common = list("ابتةىأإآؤئـًٌّ٠١٩ abcXYZ09.,،؛؟«»\n\t\u00a0\u200fé") + ["ﺍﻟﻤﻮﺻﻞ"]
    rare = ["ﻻ", "ﻷ", "ﷲ", "😀", "𝐀", "中", "\ud800", "\u0301", "Ꭰ", "ǅ", "ẞ", "\U000e0001"]
    for _ in range(400):
        text = "".join(rng.choice(rare if rng.random() < 0.15 else common) for _ in range(rng.randint(0, 50)))
        assert normalize(text) == _normalize_slow(text), ascii(text)
        assert norm(text) == _normalize_slow(text).text


def test_an_article_in_presentation_forms_folds_to_plain_letters():
    written = "ﺍﻧﻔﺠﺮﺕ ﻋﺒﻮﺓ ﻧﺎﺳﻔﺔ ﻓﻲ ﺍﻟﻤﻮﺻﻞ"
    n = normalize(written)
    assert n.text == "انفجرت عبوه ناسفه في الموصل"
    s, e = n.span_to_original(n.text.index("الموصل"), len(n.text))
    assert written[s:e] == "ﺍﻟﻤﻮﺻﻞ"


def test_an_article_folds_with_numpy_as_character_by_character():
    # articles (NUMPY_FROM characters and more) are folded with a numpy table look-up: the same text and
    # offsets as the character-by-character path, with runs of dropped marks at the start, inside and at
    # the end, and none at all
    import random

    from rasd.text import NUMPY_FROM, _normalize_slow

    rng = random.Random(5)
    letters = list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة٠١٢٣٤٥٦٧٨٩ abcXYZ09.,،؛؟«»\n\t\u00a0éÑﺍﻟﻤﻮﺻﻞ")
    marks = list("ًٌٍَُِّْـ\u200f\u200b\u200e\u00ad\ufeff")
    texts = ["ب" * NUMPY_FROM, "ـ" * NUMPY_FROM, "ًقُتِلَ" * 300, "بغداد - " + "قتل ثلاثة في هجوم. " * 40 + "ّ"]
    for _ in range(60):
        size = rng.randint(NUMPY_FROM, 3000)
        texts.append("".join(rng.choice(marks if rng.random() < 0.12 else letters) for _ in range(size)))
    for text in texts:
        fast, slow = normalize(text), _normalize_slow(text)
        assert fast == slow, ascii(text[:40])
        assert list(fast.offsets) == list(slow.offsets)
        for _ in range(30):
            start = rng.randrange(len(fast.text) + 1)
            end = rng.randrange(start, len(fast.text) + 1)
            assert fast.span_to_original(start, end) == slow.span_to_original(start, end)


def test_the_numpy_fold_equals_the_translate_fold_on_short_texts_too():
    from rasd.text import _DROPPED_RUN, _FAST_TABLE, _fold_with_numpy

    for text in ["", "ـ", "ًٌ", "بـ", "ـب", "قُتِلَ ثلاثةُ مدنيينَ بانفجـــارِ عبوةٍ\u200f ناسفةٍ", "Mosul ÉTÉ ١٢"]:
        folded, positions, shifts = _fold_with_numpy(text)
        assert folded == text.translate(_FAST_TABLE)
        dropped, expected = 0, []
        for m in _DROPPED_RUN.finditer(text):
            expected.append(m.start() - dropped)
            dropped += m.end() - m.start()
        assert positions == expected and len(shifts) == len(positions) and shifts[-1:] == ([dropped] if dropped else [])


def test_every_span_maps_back_as_on_the_character_by_character_path():
    # the fast path's offsets (only dropped runs stored) and the slow path's (every offset) give the same
    # original span for every span, empty, reversed and out-of-range ones included
    from rasd.text import OffsetMap, _normalize_slow

    for text in ("قُتِلَ ثلاثةُ مدنيينَ بانفجـــارِ عبوةٍ\u200f ناسفةٍ", "ﺍﻟﻤﻮﺻﻞ ١٢ \u00a0جريحاً", "بغداد", "ًٌّ"):
        fast, slow = normalize(text), _normalize_slow(text)
        assert isinstance(fast.offsets, OffsetMap) and fast.text == slow.text
        size = len(fast.text)
        for start in range(-1, size + 2):
            for end in range(start - 1, size + 2):
                try:
                    expected = slow.span_to_original(start, end)
                except IndexError:
                    with pytest.raises(IndexError):
                        fast.span_to_original(start, end)
                    continue
                assert fast.span_to_original(start, end) == expected, (text, start, end)


def test_tokens_of_the_same_word_share_one_string():
    # the stages' per-word caches are keyed by token text: one string object a word lets a look-up
    # match by identity instead of comparing the letters
    a = tokenize(normalize("قصفت الطائرات القرية ثم عادت الطائرات").text)
    b = tokenize(normalize("وحلّقت الطائرات فوق القرية").text)
    assert a[1].text is a[5].text is b[1].text
    assert a[2].text is b[3].text


def _token_tuples(tokens):
    return [(t.text, t.start, t.end, t.index) for t in tokens]


def test_an_article_is_split_with_numpy_into_the_tokens_the_pattern_finds():
    # articles of the fast alphabet (NUMPY_FROM characters and more) are split with numpy: the same tokens
    # as the regular expression, with numbers written with "." and "," (and those marks alone, or doubled,
    # or at the ends), words touching numbers ("2018م", "ب12"), Latin, Eastern digits folded, line breaks
    import random

    from rasd.text import _FAST_TOKEN_RE, NUMPY_FROM

    def by_pattern(text):
        return [(m.group(), m.start(), m.end(), i) for i, m in enumerate(_FAST_TOKEN_RE.finditer(text))]

    rng = random.Random(3)
    pieces = ["قتل", "ثلاثة", "في", "بغداد", "2018م", "ب12", "١٢٫٥", "3.5", "1,200", "1.2.3", "..", ".", ",", "4.",
              ".7", "Mosul", "ÉTÉ", " ", " ", "\n", "-", "«", "»", "(", ")", "%", "_", "²", "12", "ا"]
    texts = ["ب" * NUMPY_FROM, "." * NUMPY_FROM, "1." * NUMPY_FROM, " " * NUMPY_FROM + "ب", "ب2" * NUMPY_FROM]
    for _ in range(80):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(NUMPY_FROM // 2, 900))))
    for written in texts:
        n = normalize(written)
        assert n.fast and len(n.text) >= NUMPY_FROM
        tokens = tokenize(n.text, fast_alphabet=n.fast)
        assert _token_tuples(tokens) == by_pattern(n.text), ascii(written[:60])
        assert _token_tuples(tokens) == _token_tuples(tokenize(n.text))  # the general pattern too


def test_the_numpy_split_gives_the_pattern_s_tokens_of_short_texts_too():
    from rasd.text import _FAST_TOKEN_RE, _token_spans_with_numpy

    for text in ["", "ب", "1", ".", "1.", ".1", "1.2", "ب1", "1ب", "a,b", "12,5 و3.", "قتل 3 في بغداد.", "  "]:
        texts, starts, ends = _token_spans_with_numpy(text)
        assert list(zip(texts, starts, ends)) == [(m.group(), m.start(), m.end()) for m in _FAST_TOKEN_RE.finditer(text)]


def test_a_word_split_with_numpy_shares_one_string_too():
    from rasd.text import NUMPY_FROM

    text = normalize("قصفت الطائرات القرية ثم عادت الطائرات " * (NUMPY_FROM // 30)).text
    a, b = tokenize(text, fast_alphabet=True), tokenize(normalize("وحلقت الطائرات فوق القرية").text)
    assert a[1].text is a[5].text is b[1].text


def test_a_document_keeps_the_texts_and_starts_its_tokenising_made():
    # Document.set_text keeps the lists tokenize_parts made on the way: they are the tokens' texts and
    # starts, for an article (numpy path) and a short text (pattern path), and follow a new text
    from rasd.doc import Document
    from rasd.text import NUMPY_FROM

    for written in ["قُتل ٣ جنود في الموصل.", "أعلنت وزارة الدفاع مقتل 12 مسلحاً في غارة، فيما " * (NUMPY_FROM // 40)]:
        doc = Document(written)
        assert doc.token_texts() == [t.text for t in doc.tokens] and len(doc.tokens) > 3
        assert doc._token_starts() == [t.start for t in doc.tokens]
        doc.set_text("انفجرت عبوة ناسفة")
        assert doc.token_texts() == ["انفجرت", "عبوه", "ناسفه"] and doc._token_starts() == [0, 7, 12]
