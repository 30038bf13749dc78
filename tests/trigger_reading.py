"""How the trigger tests read a text: the triggers that report an event after segmenting, trigger finding and
modality (not absorbed into another trigger, no modality such as a plan or a denial)."""
from __future__ import annotations

from rasd.doc import Document
from rasd.modality import mark_modality
from rasd.segment import segment
from rasd.triggers import find_triggers


def standing(text):
    """(sub-event type, the words matched) of the triggers that report an event (not absorbed, no modality)."""
    doc = Document(text)
    segment(doc)
    find_triggers(doc)
    mark_modality(doc)
    return [(t.sub_event_type, doc.norm.text[t.start:t.end]) for t in doc.triggers if not t.absorbed and not t.modality]


def types(text):
    return [sub for sub, _ in standing(text)]


def modality_of(text, word):
    """The modality (plan, denial, ...; None for a report) of the first trigger that covers ``word``."""
    doc = Document(text)
    segment(doc)
    find_triggers(doc)
    mark_modality(doc)
    found = [t for t in doc.triggers if word in doc.norm.text[t.start:t.end] or word in t.cue]
    assert found, f"no trigger {word!r} in {text!r}"
    return found[0].modality
