"""How the toll tests read a text: the counts of the killed that the casualty stage finds after segmenting and
dating (no triggers: the counts as the text gives them)."""
from __future__ import annotations

import datetime as dt

from rasd.dates import find_dates
from rasd.doc import Document
from rasd.numbers import find_casualties
from rasd.segment import segment

PUBLISHED = dt.date(2018, 5, 7)


def deaths(text: str, published: dt.date = PUBLISHED) -> list[int]:
    """The killed counts of ``text``, in the order the text gives them."""
    doc = Document(text, published=published)
    segment(doc)
    find_dates(doc)
    find_casualties(doc)
    return [m.count for m in doc.casualties if m.kind == "killed"]
