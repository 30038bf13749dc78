"""The document object every stage annotates (spaCy's idea: one object, the text, character offsets).

``Document.text`` is the cleaned article text exactly as evidence will quote it. ``Document.norm`` is
its normalised matching form with an offset map back (:mod:`rasd.text`). **All annotation spans
(sentences, triggers, places, dates, numbers, actors) are offsets into ``doc.norm.text``**; use
:meth:`Document.original_span` / :meth:`Document.evidence` to turn them into offsets of ``doc.text``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import operator
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from .text import Normalized, Token, normalize, tokenize, tokenize_parts


@dataclass(slots=True)
class Sentence:
    """A sentence (or a clause inside one): normalised offsets, token range ``[first, last]``."""

    start: int
    end: int
    first: int
    last: int
    paragraph: int = 0
    clauses: list["Sentence"] = field(default_factory=list)


@dataclass(slots=True)
class Evidence:
    field: str
    start: int  # offsets into Document.text (the cleaned original)
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Document:
    """One article on its way through the pipeline."""

    text: str
    id: str = ""
    title: str = ""
    published: dt.date | None = None
    published_source: str = ""  # where the publication date came from: "given", "html-meta", "dateline", ""
    source: str = ""
    url: str | None = None
    html: str | None = None
    norm: Normalized = None  # type: ignore[assignment]
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # Annotations, each a list of the stage's own mention type (see the stage modules).
    triggers: list[Any] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)
    casualties: list[Any] = field(default_factory=list)
    actors: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    country: str | None = None  # the article's main country (from places), used for generic actors
    skipped: str | None = None  # a reason, when the article was not processed
    notes: list[str] = field(default_factory=list)  # what a stage wants the user to know
    user_data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text, self.url)
        self.set_text(self.text)

    def set_text(self, text: str) -> None:
        """Replace the text (the cleaner does this) and recompute the normalised form and tokens."""
        self.text = text
        self.norm = normalize(text)
        # the tokens, and the lists of their texts and starts that tokenising made: what token_texts() and
        # _token_starts() give (the stages read them, never change them)
        self.tokens, texts, starts = tokenize_parts(self.norm.text, fast_alphabet=self.norm.fast)
        self.user_data["_token_starts"] = starts
        self.user_data["_token_texts"] = texts

    # -- offsets -----------------------------------------------------------------------------
    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised ``[start, end)`` -> offsets into ``self.text``."""
        return self.norm.span_to_original(start, end)

    def original_text(self, start: int, end: int) -> str:
        s, e = self.norm.span_to_original(start, end)  # original_span's own work, one call fewer
        return self.text[s:e]

    def evidence(self, field_name: str, start: int, end: int) -> Evidence:
        s, e = self.norm.span_to_original(start, end)
        return Evidence(field_name, s, e, self.text[s:e])

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens whose span lies inside normalised ``[start, end)``."""
        # by bisection: the tokens (in order, never overlapping) from the first that starts at or after
        # ``start`` to the last that starts before ``end``, less that one if it runs past ``end`` (it is the
        # only one that can: every token before it ends before the next starts)
        starts = self._token_starts()
        tokens = self.tokens
        lo = bisect_left(starts, start)
        hi = bisect_left(starts, end, lo)
        if hi > lo and tokens[hi - 1].end > end:
            hi -= 1
        return tokens[lo:hi]

    def _token_starts(self) -> list[int]:
        cached = self.user_data.get("_token_starts")
        if cached is None or len(cached) != len(self.tokens):
            cached = [t.start for t in self.tokens]
            self.user_data["_token_starts"] = cached
        return cached

    def token_texts(self) -> list[str]:
        """The text of every token, in order: built once and shared by the stages that read them all
        (do not change the list)."""
        cached = self.user_data.get("_token_texts")
        if cached is None or len(cached) != len(self.tokens):
            cached = [t.text for t in self.tokens]
            self.user_data["_token_texts"] = cached
        return cached

    def sentence_at(self, pos: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None


def starting_in(doc: Any, name: str, lo: int, hi: int) -> list:
    """The items of the annotation list ``getattr(doc, name)`` (``"actors"``, ``"casualties"``, ``"places"``,
    ``"triggers"``: anything with a ``start``) whose start lies in ``[lo, hi]``, in the list's order.

    A superset of the items inside a span ``[lo, hi)``, which callers then test as they would test every
    item: found by bisection over the items' starts, read once per article and list (kept in
    ``doc.user_data`` while ``getattr(doc, name)`` is the same list, as long), so that an article of
    thousands of event words does not scan all its mentions for each of them. A list not in order of its
    items' starts (made by hand), or a stand-in document without ``user_data``, gives the whole list."""
    items = getattr(doc, name, None) or []
    data = getattr(doc, "user_data", None)
    if data is None:
        return items
    memo = data.get("_starts")
    if memo is None:
        memo = data["_starts"] = {}
    known = memo.get(name)
    if known is None or known[0] is not items or len(known[1]) != len(items):
        starts = [item.start for item in items]
        known = memo[name] = (items, starts, all(map(operator.le, starts, starts[1:])))
    starts, ordered = known[1], known[2]
    if not ordered:
        return items
    return items[bisect_left(starts, lo):bisect_right(starts, hi)]


DEFERRED = "rasd.deferred"  # user_data key: stages put off until an event candidate needs their readings


def read_deferred(doc: Any) -> None:
    """Run, once and in their order, the stages that :func:`rasd.pipeline.run_lean` put off (the dates, the
    casualties and the actors are read only for an article where some event word has a place: the others
    give no candidate, so no event, whatever those stages would find). Nothing put off: nothing to do."""
    data = getattr(doc, "user_data", None)
    pending = data.pop(DEFERRED, None) if isinstance(data, dict) else None
    for stage in pending or ():
        stage(doc)


def article_id(text: str, url: str | None = None) -> str:
    """A stable article id: a hash of the URL when there is one, else of the text."""
    basis = (url or "").strip() or text
    return hashlib.sha1(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def parse_date(value: Any) -> dt.date | None:
    """``YYYY-MM-DD`` (or a longer ISO timestamp, or a date) -> date; anything else -> None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
