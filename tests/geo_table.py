"""The table form of the geocoding sentence tests: each row's expected places are written
``country|admin1|location|geo_precision`` joined by ``;`` (nothing for no place), and compared with what
:func:`rasd.geo.sentence_places` finds in the sentence, in order."""
from __future__ import annotations

from rasd.geo import sentence_places


def parse_places(expected: str) -> list[tuple[str, str, str, int]]:
    out = []
    for part in expected.split(";"):
        if part.strip():
            country, admin1, location, precision = part.strip().split("|")
            out.append((country, admin1, location, int(precision)))
    return out


def places_found(text: str) -> list[tuple[str, str, str, int]]:
    return [(p.place.country, p.place.admin1, p.place.name, p.precision) for p in sentence_places(text)]
