"""How the type tests read a text: the sub-event types of the events the whole pipeline extracts from it."""
from __future__ import annotations

from rasd.pipeline import extract


def sub_event_types(text: str, published: str = "2021-03-10") -> list[str]:
    return [e.sub_event_type for e in extract({"text": text, "published": published}).events]
