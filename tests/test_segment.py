"""Sentences and clauses, as offsets of the normalised text."""
from rasd.doc import Document
from rasd.segment import clause_at, segment


def sentences_of(text):
    doc = Document(text)
    segment(doc)
    return doc, [doc.original_text(s.start, s.end) for s in doc.sentences]


def test_sentence_ends_and_paragraphs():
    doc, sents = sentences_of("انفجرت عبوة في الموصل. وقُتل جنديان!\nهل انتهى القتال؟ لا أحد يعلم")
    assert sents == ["انفجرت عبوة في الموصل.", "وقُتل جنديان!", "هل انتهى القتال؟", "لا أحد يعلم"]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1, 1]


def test_decimal_points_and_eastern_digits_do_not_end_sentences():
    _, sents = sentences_of("بلغت نسبة الإصابات ٢.٥ بالمئة في 3.7 من المناطق. ثم توقف القصف.")
    assert len(sents) == 2


def test_clauses_split_at_commas_and_connectives():
    doc, _ = sentences_of("قصفت المدفعية قرية الزهراء، فيما اشتبك مسلحون مع الشرطة في كركوك بينما تظاهر العشرات")
    clauses = [doc.original_text(c.start, c.end) for c in doc.sentences[0].clauses]
    assert clauses[0] == "قصفت المدفعية قرية الزهراء"
    assert any(c.startswith("فيما اشتبك") for c in clauses)
    assert any(c.startswith("بينما تظاهر") for c in clauses)
    pos = doc.norm.text.index("كركوك")
    assert "كركوك" in doc.norm.text[clause_at(doc.sentences[0], pos).start: clause_at(doc.sentences[0], pos).end]


def test_sentence_token_ranges_cover_their_tokens():
    doc, _ = sentences_of("اشتباكات عنيفة في دير الزور. وغارات جوية على الرقة.")
    for s in doc.sentences:
        toks = doc.tokens[s.first: s.last + 1]
        assert toks and toks[0].start >= s.start and toks[-1].end <= s.end


# -- the sentence-end pattern is written for speed; it must find what the plainly written one finds --------
import re  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rasd.segment import _SENTENCE_END  # noqa: E402
from conftest import fuzz_settings  # noqa: E402

# ``.!?`` not after a digit, before white space, a quote, a bracket or the end; ``.`` after a digit before
# white space or the end; runs of line breaks: the rule as first written (look-behinds first, 6x slower).
# A full stop glued between two Arabic words of three letters or more (no tatweel) ends one as well.
_LETTER = "[\u0621-\u063a\u0641-\u064a]"
PLAIN_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=[\s\"')\]]|$)|(?<=\d)\.(?=\s|$)|\n+"
                                "|(?<=" + _LETTER + "{3})\\.(?=" + _LETTER + "{3})")

PIECES = ["قتل", "جنديان", "٣", "3", "2.5", ".", "..", "!", "?", "؟", "\n", "\n\n", " ", "\t", "\u00a0", '"', "'",
          ")", "]", "(", "،", "أ.ف.ب", "ـ", "\u064b", "سي.ان.ان", "العربيه.نت", "و", "كد", "12.5.2018"]


def spans(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


@fuzz_settings(400)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_sentence_end_pattern_matches_the_plain_rule(pieces):
    text = "".join(pieces)
    assert spans(_SENTENCE_END, text + "\n") == spans(PLAIN_SENTENCE_END, text + "\n")


def test_sentence_ends_after_numbers_quotes_and_brackets():
    _, sents = sentences_of("قُتل ٣ أشخاص في 2019. وأصيب آخرون (بجروح). وقال: «انتهى». ثم عاد الهدوء")
    assert sents == ["قُتل ٣ أشخاص في 2019.", "وأصيب آخرون (بجروح).", "وقال: «انتهى».", "ثم عاد الهدوء"]


def test_a_full_stop_glued_between_two_arabic_words_ends_a_sentence():
    _, sents = sentences_of("قُتل ثلاثة جنود وأصيب ٤ آخرون.وأكّد المصدر أن القوات ردّت.ولم تُعرف الخسائر")
    assert sents == ["قُتل ثلاثة جنود وأصيب ٤ آخرون.", "وأكّد المصدر أن القوات ردّت.", "ولم تُعرف الخسائر"]
    _, sents = sentences_of("قال مسؤول إن الهجوم وقع قرب الحدود.وفي 17 تموز قصفت الطائرات القرية")
    assert sents == ["قال مسؤول إن الهجوم وقع قرب الحدود.", "وفي 17 تموز قصفت الطائرات القرية"]


def test_glued_full_stops_in_initials_domains_numbers_and_dates_end_nothing():
    for text in ("نقلت شبكة (سي.ان.ان) عن مصدر أن القتلى ثلاثة",  # transliterated initials
                 "وقالت إذاعة (اف.ام) المحلية إن الاشتباك توقف",
                 "ونقلت وكالة أ.ف.ب عن شهود أن الانفجار وقع",
                 "صرح مسؤول لموقع «العربية.نت» أن الغارة أوقعت قتلى",  # an Arabic domain name
                 "قُتل 3.5 بالمئة من السكان في 12.5.2018 بحسب التقرير",  # numbers and dates
                 "قتلـ.ـى كثيرون في القصف"):  # a tatweel is no letter
        _, sents = sentences_of(text)
        assert len(sents) == 1, text


CLAUSE_PIECES = ["قصفت", "المدفعية", "قرية", " ", " ", "، ", ",", ";", ":", "فيما", "وفيما", "بينما", "في حين", "كما",
                 "حكما", "الي ذلك", "إلى ذلك", "من جهة أخرى", "وفي سياق", "في سياق", ".", "\n", "٣"]


@fuzz_settings(300)
@given(st.lists(st.sampled_from(CLAUSE_PIECES), max_size=30))
def test_clauses_are_where_the_full_break_pattern_puts_them(pieces):
    # sentences without a connective word are split at punctuation only (a shortcut): the clauses must be
    # those the full pattern gives, searched within each sentence
    from rasd.segment import _CLAUSE_BREAK

    doc = Document("".join(pieces))
    segment(doc)
    text = doc.norm.text
    for sentence in doc.sentences:
        cuts = [sentence.start] + [x for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)
                                   for x in (m.start(), m.end())] + [sentence.end]
        expected = []
        for start, end in zip(cuts[::2], cuts[1::2]):
            start += len(text[start:end]) - len(text[start:end].lstrip())
            tokens = [t for t in doc.tokens if start <= t.start and t.start < end]
            if start < end and tokens:
                expected.append((start, end))
        assert [(c.start, c.end) for c in sentence.clauses] == expected


def test_a_connective_inside_a_word_is_no_break():
    doc, _ = sentences_of("أصدرت المحكمة حكماً بالسجن، فيما اعتقلت الشرطة مطلوبين")
    clauses = [doc.original_text(c.start, c.end) for c in doc.sentences[0].clauses]
    assert clauses == ["أصدرت المحكمة حكماً بالسجن", "فيما اعتقلت الشرطة مطلوبين"]


@fuzz_settings(300)
@given(st.lists(st.sampled_from(CLAUSE_PIECES + ["و", "\t", "\u00a0", "فيما\n", "ب"]), max_size=30), st.data())
def test_the_breaks_found_once_are_the_break_pattern_s_matches_in_any_window(pieces, data):
    # the clause breaks are found once an article (punctuation, and the connectives by str.find): within
    # any window of the text, those whose look-ahead fits in it are exactly what _CLAUSE_BREAK finds there
    from rasd.segment import _CLAUSE_BREAK, _clause_breaks
    from rasd.text import normalize

    text = normalize("".join(pieces)).text
    positions, needs = _clause_breaks(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [m.start() for m in _CLAUSE_BREAK.finditer(text, start, end)]
    assert all(m.end() == m.start() + 1 for m in _CLAUSE_BREAK.finditer(text, start, end))
    assert [at for at, need in zip(positions, needs) if start <= at and need <= end] == expected


def test_the_breaks_found_once_match_the_pattern_in_every_window_of_these_texts():
    from rasd.segment import _CLAUSE_BREAK, _clause_breaks
    from rasd.text import normalize

    for written in ["قصفت المدفعية القرية وفيما اعتقلت الشرطة مطلوبين", "حكما بالسجن، كما قال, و كما\tفيما",
                    "جرح اثنان ووفي سياق آخر قتل", " فيما ", "وفيما\u00a0بينما في حين في وقت:الي ذلك من جهة أخرى ",
                    "إلى ذلك؛ من جانب آخر قتل وفي سياق متصل"]:
        text = normalize(written).text
        positions, needs = _clause_breaks(text)
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                expected = [m.start() for m in _CLAUSE_BREAK.finditer(text, start, end)]
                assert [at for at, need in zip(positions, needs) if start <= at and need <= end] == expected, \
                    (written, start, end)
