"""Stage 1: clean. An article record becomes a Document holding only the article's own text.

* bytes are decoded (UTF-8, UTF-8 with BOM, UTF-16 with BOM, then Windows-1256, the old Arabic code
  page); binary data is refused with a reason;
* HTML goes through trafilatura (precision mode) when it is installed, else through a small stdlib
  extractor that keeps paragraph text and drops scripts, styles, navigation and forms;
* scraping debris is dropped line by line: embed failures ("An error occurred while retrieving the
  Tweet"), photo captions such as ``(أ ف ب - أرشيف)``, share/follow/related-article blocks, bullets;
* a trailing ``المصدر: ...`` line names the outlet when the record gives none (rasd/data/outlets.tsv);
* what is left must be Arabic news: empty, non-Arabic or oversized text raises
  :class:`~rasd.errors.InputError` with the reason, so callers can skip cleanly.
"""
from __future__ import annotations

import html as html_lib
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from .doc import Document, parse_date
from .errors import InputError
from .lexicon import read_tsv
from .text import norm, numpy_table

DATA = Path(__file__).parent / "data"

MAX_CHARS = 500_000          # longer "articles" are dumps, not news: skipped with a reason
MAX_RAW_FACTOR = 4           # raw text longer than 4 x MAX_CHARS cannot clean down to MAX_CHARS: refused at once
MAX_HTML_CHARS = 10 * MAX_CHARS  # a news page of 5 million characters is a dump too
MIN_ARABIC_LETTERS = 20
MIN_ARABIC_SHARE = 0.30      # of all letters

_DEBRIS_LINE = re.compile(
    r"""^\s*(?:
        an\ error\ occurred\ while\ retrieving\ the\ tweet.*
      | this\ tweet\ (?:is\ unavailable|was\ deleted).*
      | (?:share|tweet|follow\ us|related\ articles?|read\ more|advertisement)\b.{0,40}
      | (?:شارك|مشاركة|تابعونا|تابعنا|اقرأ\ أيضا|اقرأ\ أيضاً|إقرأ\ أيضا|اقرأ\ المزيد|مواضيع\ ذات\ صلة|أخبار\ ذات\ صلة|إعلان|الإعلانات)\b.{0,60}
      | [•●▪◦·\-–]?\s*[^\n.!?؟]{0,120}\((?:أ\s?ف\s?ب|ا\s?ف\s?ب|رويترز|أرشيف|ارشيف|الأناضول|أ\s?ب|getty|afp|reuters|ap)[^()\n]{0,30}\)\s*
      | [•●▪◦·]\s*
      | (?:رابط\ الخبر|رابط\ المقال|رابط\ مختصر|الرابط\ المختصر)\b.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Debris a page glues to the end of its last sentence: "... بجروح. رابط الخبر بصحيفة الوئام: <title>",
# "... آخرين. سمات بغداد حوادث أمنية كركوك" (the page's tags)
_TRAILER = re.compile(r"(?:(?<=[.!?؟\"”»)])|(?<=^))\s*(?:(?:رابط الخبر|رابط المقال)[^\n]{0,300}|سمات(?:\s+[^\s.!?؟،,]{1,25}){1,10})\s*$")
_BULLET = re.compile(r"^\s*[•●▪◦·]\s*")
_SOURCE_LINE = re.compile(r"^\s*(?:المصدر|المصدر\s*:|مصدر\s+الخبر)\s*[:：]\s*(.{2,60}?)\s*$")
# the Arabic letters: ranges of code points, both ends included
_ARABIC_RANGES = ((0x0620, 0x064A), (0x066E, 0x06D3), (0x06D5, 0x06D5), (0x06FA, 0x06FF), (0x0750, 0x077F),
                  (0xFB50, 0xFDFF), (0xFE70, 0xFEFC))
_ARABIC_LETTER = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _ARABIC_RANGES) + "]")
_ARABIC_RUN = re.compile(_ARABIC_LETTER.pattern + "+")  # runs: one match a word, not one a letter
# A letter outside the Arabic blocks: one character class (a letter that is none of non-word, digit,
# underscore or Arabic), twice as fast as the same test written as a look-ahead before each letter.
_OTHER_LETTER = re.compile(r"[^\W\d_\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_OPENING_CHARS = 1000  # check_arabic counts the Arabic letters of this much text first
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILER_WORDS = ("رابط الخبر", "رابط المقال", "سمات")  # what any _TRAILER match holds
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    return {norm(row["ar"]).strip(): row["en"] for row in read_tsv(DATA / "outlets.tsv")}


def outlet_name(name: str) -> str:
    """``الميادين`` -> ``Al Mayadeen``; unknown names are returned as written."""
    name = name.strip().strip(".،,")
    return _outlets().get(norm(name).strip(), name)


# -- bytes and HTML --------------------------------------------------------------------------------
_MAGIC = [(b"\x1f\x8b", "gzip-compressed data"), (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
          (b"%PDF", "a PDF file"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF8", "a GIF image"), (b"BZh", "bzip2-compressed data"), (b"\xfd7zXZ", "xz-compressed data"),
          (b"\x7fELF", "a program (ELF)"), (b"SQLite format 3\x00", "a SQLite database")]


def _utf16_without_bom(sample: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the bytes look like BOM-less UTF-16 Arabic or Latin text
    (the high byte of almost every character is 0x00 or 0x06), else None."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for name, low, high in (("utf-16-le", even, odd), ("utf-16-be", odd, even)):
        if (sum(1 for b in high if b in (0x00, 0x06)) >= 0.9 * len(high)
                and sum(1 for b in low if b) >= 0.9 * len(low)):
            return name
    return None


def decode_bytes(data: bytes) -> str:
    """Decode an article file (UTF-8, UTF-8 or UTF-16 with a BOM, BOM-less UTF-16, Windows-1256);
    refuse binary data, naming what it looks like."""
    if not data:
        raise InputError("empty input")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(f"not valid UTF-16 text: {error.reason}") from error
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary data ({what}), not a text article")
    sample = data[:65536]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: judged as bytes below
    nuls = sample.count(0)
    controls = sum(1 for b in sample if b < 32 and b not in (0, 9, 10, 13, 12))
    if nuls > max(1, len(sample) // 1000) or controls > len(sample) * 0.02:
        raise InputError("binary data, not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if nuls:
            raise InputError("binary data, not a text article") from None
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError as error:
            raise InputError("not UTF-8 or Windows-1256 text") from error
    return text.replace("\x00", " ") if nuls else text


class _TextExtractor(HTMLParser):
    """Paragraph text of an HTML page without scripts, styles, navigation, headers, footers, forms."""

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "form", "aside", "iframe", "svg",
            "button", "select", "template", "figure", "figcaption"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
             "blockquote", "pre", "table", "ul", "ol", "dd", "dt"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self.skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """``(title, main text)`` of an HTML page."""
    try:
        import trafilatura  # type: ignore
    except ImportError:  # pragma: no cover - depends on the installation
        trafilatura = None
    if trafilatura is not None:
        try:
            text = trafilatura.extract(markup, favor_precision=True, include_comments=False,
                                       include_tables=False) or ""
            meta = trafilatura.extract_metadata(markup)
            title = (meta.title if meta and meta.title else "") or ""
            if text.strip():
                return title, text
        except Exception:  # trafilatura raises assorted errors on broken pages: fall back
            pass
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except Exception as error:  # html.parser is lenient; anything it still raises means garbage
        raise InputError(f"unreadable HTML: {error}") from error
    text = "".join(parser.parts)
    return html_lib.unescape(parser.title).strip(), text


# -- text ------------------------------------------------------------------------------------------
def clean_text(text: str) -> tuple[str, str | None]:
    """Drop scraping debris; return ``(clean text, outlet from a trailing المصدر line or None)``."""
    text = _ENTITY.sub(lambda m: html_lib.unescape(m.group()), text) if "&" in text else text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    outlet = None
    kept: list[str] = []
    for line in lines:
        m = _SOURCE_LINE.match(line)
        if m:
            outlet = outlet_name(m.group(1))
            continue
        if _DEBRIS_LINE.match(line):
            continue
        line = _BULLET.sub("", line)
        kept.append(line.rstrip())
    out = "\n".join(kept)
    if "\n\n\n" in out:
        out = _BLANK_LINES.sub("\n\n", out)
    out = out.strip()
    # the trailer pattern tries two look-behinds at every character: only where one of its words is in the
    # text (str's substring search: a third of the time of a search for the three as one pattern)
    if _TRAILER_WORDS[2] in out or _TRAILER_WORDS[0] in out or _TRAILER_WORDS[1] in out:
        out = _TRAILER.sub("", out).rstrip()
    return out, outlet


def check_arabic(text: str) -> None:
    """Raise InputError unless the text is mostly Arabic script and long enough to be news."""
    if not text.strip():
        raise InputError("empty article (no text after cleaning)")
    if len(text) > MAX_CHARS:
        raise InputError(f"article too large: {len(text):,} characters (limit {MAX_CHARS:,})")
    # The Arabic letters of the opening are counted first: when they already make the article Arabic
    # and long enough, so do those of the whole text (counting more only raises both figures). Letters of
    # other scripts are at most the rest of the text (arabic + latin <= len(text)): where the opening's
    # Arabic letters make the share even against that, they need no counting (most news articles).
    arabic = _arabic_letters(text[:_OPENING_CHARS])
    if arabic >= MIN_ARABIC_LETTERS and not arabic < MIN_ARABIC_SHARE * len(text):
        return
    latin = len(_OTHER_LETTER.findall(text))
    if arabic >= MIN_ARABIC_LETTERS and not arabic < MIN_ARABIC_SHARE * (arabic + latin):
        return
    arabic = sum(map(len, _ARABIC_RUN.findall(text)))
    if arabic < MIN_ARABIC_SHARE * (arabic + latin):
        raise InputError(f"not Arabic text ({arabic} Arabic letters of {arabic + latin})")
    if arabic < MIN_ARABIC_LETTERS:
        raise InputError(f"too short to be a news article ({arabic} Arabic letters; at least {MIN_ARABIC_LETTERS})")


_arabic_table: list = []  # [numpy, a table of the code units of _ARABIC_LETTER] once loaded; [None, None] without numpy


def _arabic_units(numpy):
    """Which UTF-16 code units are letters of :data:`_ARABIC_RANGES`."""
    table = numpy.zeros(0x10000, dtype=bool)
    for first, last in _ARABIC_RANGES:
        table[first:last + 1] = True
    return table


def _arabic_letters(text: str) -> int:
    """How many characters of ``text`` :data:`_ARABIC_LETTER` matches: with numpy, their UTF-16 code units
    looked up in a table (the Arabic blocks are in the Basic Multilingual Plane, and no half of a surrogate
    pair is in them), else with the pattern (one string a run of letters)."""
    np, table = numpy_table(_arabic_table, _arabic_units)
    if np is None:
        return sum(map(len, _ARABIC_RUN.findall(text)))
    return int(np.count_nonzero(table.take(np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16))))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _plain(value: str) -> str:
    """NUL -> space, a lone surrogate (which no encoder takes) -> U+FFFD: same length, so offsets hold."""
    if "\x00" in value:
        value = value.replace("\x00", " ")
    try:  # the encoder refuses exactly the surrogates, and runs five times as fast as a search for them
        value.encode("utf-16-le")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def document_from_record(record: dict) -> Document:
    """An article record -> a cleaned Document; InputError (with the reason) when it is not usable."""
    if not isinstance(record, dict):
        raise InputError("article record is not a JSON object")
    if record.get("_skip"):
        raise InputError(str(record["_skip"]))
    text = record.get("text")
    markup = record.get("html")
    title = record.get("title") or ""
    if text is not None and not isinstance(text, str) or markup is not None and not isinstance(markup, str):
        raise InputError("article text must be a string")
    if not isinstance(title, str):
        title = str(title)
    if text and len(text) > MAX_RAW_FACTOR * MAX_CHARS:  # refused before any work on it
        raise InputError(f"article too large: {len(text):,} characters (limit {MAX_CHARS:,})")
    if not (text or "").strip() and markup:
        if len(markup) > MAX_HTML_CHARS:
            raise InputError(f"HTML page too large: {len(markup):,} characters (limit {MAX_HTML_CHARS:,})")
        html_title, text = html_to_text(markup)
        title = title or html_title
    text = _plain(text or "")
    title = _plain(title)
    body, outlet = clean_text(text)
    check_arabic(body + "\n" + title)
    published = parse_date(record.get("published"))
    published_source = "given" if published else ""
    if published is None:
        published, published_source = _find_publication_date(markup, body)
    url = record.get("url") or None
    source = record.get("source") or outlet or ""
    doc = Document(text=body, id=_plain(str(record.get("id") or "")), title=title.strip(), published=published,
                   published_source=published_source, source=_plain(str(source)),
                   url=_plain(url) if isinstance(url, str) else None,
                   html=None)
    if published is None:
        doc.notes.append("no publication date known: event dates are left unknown unless absolute")
    return doc


def _find_publication_date(markup, body):
    try:
        from .dates import publication_date
    except ImportError:  # pragma: no cover
        return None, ""
    return publication_date(html=markup, text=body)
