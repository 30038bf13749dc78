"""The event record (``../shared/spec/event-record.md`` section 2) and the ACLED taxonomy."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from .notes_en import english_note

# event_type -> (disorder_type, sub_event_types)
TAXONOMY: dict[str, tuple[str, tuple[str, ...]]] = {
    "Battles": ("Political violence", ("Armed clash", "Government regains territory",
                                       "Non-state actor overtakes territory")),
    "Explosions/Remote violence": ("Political violence", (
        "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Suicide bomb", "Grenade", "Chemical weapon")),
    "Violence against civilians": ("Political violence", ("Attack", "Abduction/forced disappearance",
                                                          "Sexual violence")),
    "Protests": ("Demonstrations", ("Peaceful protest", "Protest with intervention",
                                    "Excessive force against protesters")),
    "Riots": ("Demonstrations", ("Violent demonstration", "Mob violence")),
    "Strategic developments": ("Strategic developments", (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other")),
}
SUB_EVENT_TYPES: dict[str, str] = {sub: et for et, (_, subs) in TAXONOMY.items() for sub in subs}

INTER_CODES = {
    "State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
    "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other forces": 8,
}


def interaction_code(inter1: str | None, inter2: str | None) -> int | None:
    """ACLED's two-digit interaction code: the two actor category numbers, smaller first."""
    a = INTER_CODES.get(inter1 or "")
    if a is None:
        return None
    b = INTER_CODES.get(inter2 or "", 0)
    return int(f"{min(a, b)}{max(a, b)}") if b else a * 10


# Field order of an event record: the spec's table, then the derived fields: ACLED's interaction code and
# ``notes_en``, the English note written from the other fields (the Arabic evidence stays in ``notes``).
RECORD_FIELDS = (
    "event_id", "article_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "inter1", "inter2", "country", "iso",
    "admin1", "admin2", "admin3", "location", "location_ar", "latitude", "longitude", "geo_precision",
    "geonameid", "fatalities", "civilian_targeting", "background", "source", "notes", "evidence", "confidence",
    "interaction", "notes_en",
)


@dataclass(slots=True)
class Event:
    """One event record. Field names and meanings are the spec's."""

    article_id: str
    event_date: str | None
    time_precision: int
    event_type: str
    sub_event_type: str
    disorder_type: str = ""
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter1: str | None = None
    inter2: str | None = None
    interaction: int | None = None
    country: str | None = None
    iso: int | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    location_ar: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    fatalities: int = 0
    civilian_targeting: bool = False
    background: bool = False
    source: str = ""
    notes: str = ""
    evidence: list[dict[str, Any]] = field(default_factory=list)
    confidence: float = 0.5
    event_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # not part of the record: stage diagnostics

    def __post_init__(self) -> None:
        if not self.disorder_type and self.event_type in TAXONOMY:
            self.disorder_type = TAXONOMY[self.event_type][0]

    def finalize(self) -> "Event":
        """Fill the derived fields: interaction code and the stable event id."""
        self.interaction = interaction_code(self.inter1, self.inter2)
        if not self.event_id:
            basis = "|".join(str(x) for x in (self.article_id, self.sub_event_type, self.admin1, self.admin2,
                                              self.location, self.event_date, self.background))
            self.event_id = "rasd-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
        return self

    def to_record(self) -> dict[str, Any]:
        """The record in the spec's field order (section 2), then ACLED's ``interaction`` code and
        ``notes_en``, written from the record's other fields (:func:`rasd.notes_en.english_note`)."""
        # the fields read in one call (attrgetter of all of them), notes_en (the last) written from them
        record = dict(zip(RECORD_FIELDS, _RECORD_VALUES(self)))
        record["evidence"] = list(map(dict, self.evidence))
        record["notes_en"] = english_note(record)
        return record


if RECORD_FIELDS[-1] != "notes_en":  # Event.to_record adds it last, after the fields an Event holds
    raise RuntimeError("RECORD_FIELDS must end with notes_en")
_RECORD_VALUES = attrgetter(*RECORD_FIELDS[:-1])
