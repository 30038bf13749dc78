"""Cleaning keeps the article's own words, drops scraping debris, and refuses what is not an article."""
import pytest

from rasd.clean import check_arabic, clean_text, decode_bytes, document_from_record, html_to_text, outlet_name
from rasd.errors import InputError

ARTICLE = "قال مصدر أمني إن عبوة ناسفة انفجرت صباح اليوم قرب سوق شعبي في مدينة الرمادي."


def test_debris_lines_are_dropped_and_source_line_read():
    raw = "\n".join([
        ARTICLE,
        "  • قوات عراقية في الأنبار (أ ف ب - أرشيف)",
        "An error occurred while retrieving the Tweet. It might have been deleted.",
        "اقرأ أيضاً: تفاصيل جديدة عن الهجوم",
        "وأضاف المصدر أن قوة أمنية طوقت المكان.",
        "المصدر: الميادين",
    ])
    text, outlet = clean_text(raw)
    assert "أرشيف" not in text and "Tweet" not in text and "اقرأ" not in text
    assert "طوقت المكان" in text and text.startswith("قال مصدر")
    assert outlet == "Al Mayadeen"


@pytest.mark.parametrize("written, english", [
    ("الجزيرة", "Al Jazeera"), ("السومرية نيوز", "Alsumaria News"), ("وكالة الأنباء العراقية", "Iraqi News Agency"),
    ("صحيفة محلية", "صحيفة محلية"),
])
def test_outlet_names(written, english):
    assert outlet_name(written) == english


def test_record_source_wins_over_source_line():
    doc = document_from_record({"text": ARTICLE + "\nالمصدر: الجزيرة", "source": "Reuters"})
    assert doc.source == "Reuters"


def test_html_main_text():
    page = ("<html><head><title>انفجار في الرمادي</title><script>var x='غارة';</script></head><body>"
            "<nav>الرئيسية | سياسة</nav><article><p>" + ARTICLE + "</p><p>وأضاف أن قوة أمنية طوقت المكان.</p>"
            "</article><footer>جميع الحقوق محفوظة</footer></body></html>")
    title, text = html_to_text(page)
    assert "انفجرت" in text and "var x" not in text


def test_broken_html_still_gives_text():
    doc = document_from_record({"html": "<div><p>" + ARTICLE + "<p><b>وأضاف المصدر <i>أن القوات</div>"})
    assert "عبوة ناسفة" in doc.text


@pytest.mark.parametrize("record, reason", [
    ({"text": ""}, "empty"),
    ({"text": "   \n\t "}, "empty"),
    ({"text": "A roadside bomb exploded near a market in Ramadi on Monday, police said."}, "not Arabic"),
    ({"text": "x" * 600_000}, "too large"),
    ({"text": "قتل قناص مدنيا"}, "too short"),
    ({"text": 42}, "must be a string"),
    ({"_skip": "line 3 is not JSON"}, "not JSON"),
])
def test_unusable_records_raise_input_error_with_reason(record, reason):
    with pytest.raises(InputError, match=reason):
        document_from_record(record)


def test_decode_bytes_refuses_binary_and_reads_legacy_arabic_code_page():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="empty"):
        decode_bytes(b"")
    assert decode_bytes(ARTICLE.encode("cp1256")) == ARTICLE
    assert decode_bytes(ARTICLE.encode("utf-16")) == ARTICLE
    assert decode_bytes(b"\xef\xbb\xbf" + ARTICLE.encode()) == ARTICLE


def test_publication_date_given_is_kept():
    doc = document_from_record({"text": ARTICLE, "published": "2020-09-03T10:00:00Z"})
    assert doc.published.isoformat() == "2020-09-03" and doc.published_source == "given"


@pytest.mark.parametrize("tail", [
    " رابط الخبر بصحيفة الوئام: سوريا : قتلى بالزبداني والمعارضة تمطر قرى شيعية بالقذائف ",
    " سمات بغداد حوادث أمنية كركوك ",
])
def test_debris_glued_to_the_last_sentence_is_dropped(tail):
    text, _ = clean_text(ARTICLE + tail)
    assert text == ARTICLE.strip()


def test_words_that_look_like_debris_inside_the_article_stay():
    text = "وقال إن سمات المرحلة المقبلة واضحة. " + ARTICLE
    assert clean_text(text)[0] == text.strip()


def test_an_arabic_opening_does_not_make_an_english_page_arabic():
    # the Arabic letters of the opening are counted first; a page whose bulk is Latin is still refused
    opening = "أفادت مصادر محلية بمقتل مدنيين اثنين بقصف مدفعي على بلدة في ريف إدلب الجنوبي. " * 3
    bulk = "The shelling of the town continued on Tuesday, according to local sources and activists. " * 60
    with pytest.raises(InputError, match="not Arabic"):
        check_arabic(opening + bulk)
    check_arabic(opening + bulk[:300])  # a few English sentences in an Arabic article are fine


def test_short_arabic_with_a_long_latin_tail_is_measured_on_the_whole_text():
    with pytest.raises(InputError, match="not Arabic"):
        check_arabic("قُتل ٣ جنود. " + "x" * 2000)
    with pytest.raises(InputError, match="too short"):
        check_arabic("قُتل ٣ جنود،\nـــ")


def test_arabic_letters_are_counted_as_the_pattern_counts_them():
    # check_arabic counts the Arabic letters of an article's opening through a numpy table of UTF-16 code
    # units: the count the letter pattern gives, with presentation forms, Persian letters, digits, Latin,
    # emoji and other astral characters (two code units, neither Arabic), and a lone surrogate
    import random

    from rasd.clean import _ARABIC_LETTER, _arabic_letters

    rng = random.Random(9)
    alphabet = list("ابتةىأإآؤئـًٌّ٠١٩۰پچگکی ﺍﻟﻤﻮﺻﻞﻻ abcXYZ09.,،؛؟«»\n\t\u00a0\u200fé") + ["😀", "𝐀", "中", "\ud800", "ݐ", "ۿ"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        assert _arabic_letters(text) == len(_ARABIC_LETTER.findall(text)), ascii(text)
