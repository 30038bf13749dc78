"""Cross-article deduplication: reports of one incident by several outlets become one event.

Each article gives *reports* (event records). A new report joins an existing event when it is
compatible with **every** report already in it (complete linkage, so a chain of near matches cannot
glue two incidents together) on all of:

1. **type**   the same ``sub_event_type``;
2. **date**   dates at most :data:`DATE_WINDOW_DAYS` apart (1 day when both dates are known to the day,
              wider when a report only knows the week or the month);
3. **place**  both precise (``geo_precision`` 1-2, coordinates known): at most :data:`MAX_KM` apart;
              otherwise (a report only knows the district or the governorate): the same ``admin2``,
              or, when one report names no district, the same ``admin1``; the same named ``location``
              always agrees; different countries never do;
4. **actors** no contradiction: generic actors (unidentified groups, civilians, protesters, none) agree
              with anything; two specific actors in the same role (actor1 or actor2) must be the same,
              unless the roles are swapped between the reports.

Two reports of the same article never merge (the assembler already merged what one article repeats).
Fatalities follow ACLED's conservative rule across reports: the lowest figure that a report gives
(reports that give none do not count as "zero deaths"); figures are never summed.

Every decision is recorded as a sentence (:func:`match` returns it) and ``rasd explain`` prints it.
The functions here are pure; :mod:`rasd.store` calls them inside the article's transaction.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Any, Iterable

MAX_KM = 10.0  # two precise places further apart than this are two incidents (a town and its outskirts fit)
DATE_WINDOW_DAYS = {1: 1, 2: 3, 3: 15}  # by the coarser time_precision of the two reports
GENERIC_ACTOR_PREFIXES = ("Unidentified", "Civilians", "Protesters", "Rioters")


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def is_generic(actor: str | None) -> bool:
    return not actor or actor.startswith(GENERIC_ACTOR_PREFIXES)


def specific_actors(record: dict) -> set[str]:
    names = (record.get(k) for k in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"))
    return {n.strip().casefold() for n in names if not is_generic(n)}


# -- the four tests: each returns (agrees, why) ------------------------------------------------------

def same_type(a: dict, b: dict) -> tuple[bool, str]:
    if a.get("sub_event_type") != b.get("sub_event_type"):
        return False, f"different sub-event types ({a.get('sub_event_type')} / {b.get('sub_event_type')})"
    return True, f"same sub-event type ({a.get('sub_event_type')})"


def close_dates(a: dict, b: dict) -> tuple[bool, str]:
    da, db = _date(a.get("event_date")), _date(b.get("event_date"))
    if da is None or db is None:
        return False, "a date is unknown"
    precision = max(int(a.get("time_precision") or 1), int(b.get("time_precision") or 1))
    window = DATE_WINDOW_DAYS.get(precision, 1)
    gap = abs((da - db).days)
    if gap > window:
        return False, f"dates {gap} days apart ({da} / {db}; at most {window})"
    return True, f"dates {gap} day{'s' if gap != 1 else ''} apart ({da} / {db})"


def _precise(r: dict) -> bool:
    return (r.get("latitude") is not None and r.get("longitude") is not None
            and int(r.get("geo_precision") or 3) <= 2)


def near_places(a: dict, b: dict) -> tuple[bool, str]:
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False, f"different countries ({a['country']} / {b['country']})"
    if _precise(a) and _precise(b):
        km = haversine_km(float(a["latitude"]), float(a["longitude"]), float(b["latitude"]), float(b["longitude"]))
        if km <= MAX_KM:
            return True, f"places {km:.1f} km apart ({a.get('location')} / {b.get('location')})"
        return False, f"places {km:.0f} km apart ({a.get('location')} / {b.get('location')}; at most {MAX_KM:g} km)"
    if a.get("location") and a.get("location") == b.get("location"):
        return True, f"same place ({a['location']})"
    if a.get("admin2") and b.get("admin2"):
        if a["admin2"] == b["admin2"]:
            return True, f"same district ({a['admin2']}; a place is only known coarsely)"
        return False, f"different districts ({a['admin2']} / {b['admin2']})"
    if a.get("admin1") and a.get("admin1") == b.get("admin1"):
        return True, f"same governorate ({a['admin1']}; a report names no district)"
    return False, f"places not comparable ({a.get('location') or a.get('admin1')} / {b.get('location') or b.get('admin1')})"


def _role_conflicts(a: dict, b: dict, swap: bool = False) -> list[str]:
    pairs = (("actor1", "actor2"), ("actor2", "actor1")) if swap else (("actor1", "actor1"), ("actor2", "actor2"))
    out = []
    for ka, kb in pairs:
        x, y = a.get(ka), b.get(kb)
        if not is_generic(x) and not is_generic(y) and x.strip().casefold() != y.strip().casefold():
            out.append(f"{x} / {y}")
    return out


def compatible_actors(a: dict, b: dict) -> tuple[bool, str]:
    """Actors agree unless both reports name specific, different actors in the same role (the roles may be
    swapped: one outlet's attacker is another's first-named side of a clash)."""
    straight, swapped = _role_conflicts(a, b), _role_conflicts(a, b, swap=True)
    if straight and swapped:
        return False, f"different actors ({'; '.join(straight)})"
    shared = specific_actors(a) & specific_actors(b)
    if shared:
        return True, f"a shared actor ({', '.join(sorted(shared))})"
    return True, "actors compatible (no report names a different specific actor in the same role)"


TESTS = (same_type, close_dates, near_places, compatible_actors)


def compare(a: dict, b: dict) -> tuple[bool, list[str]]:
    """Do two reports tell of one incident? Returns the verdict and one reason per test (stops at the first
    failure)."""
    if a.get("article_id") and a.get("article_id") == b.get("article_id"):
        return False, ["reports of the same article"]
    reasons = []
    for test in TESTS:
        ok, why = test(a, b)
        reasons.append(why)
        if not ok:
            return False, reasons
    return True, reasons


def match(report: dict, events: Iterable[tuple[str, list[dict]]]) -> tuple[str | None, str]:
    """Which event (id, its reports) does ``report`` join? The closest compatible one (nearest date, then
    the most reports); ``(None, why not)`` where none is compatible."""
    best: tuple[tuple, str, str] | None = None
    for event_id, members in events:
        reasons: list[str] = []
        for other in members:
            ok, why = compare(report, other)
            if not ok:
                break
            reasons = why
        else:
            if not members:
                continue
            d1, d2 = _date(report.get("event_date")), _date(members[0].get("event_date"))
            gap = abs((d1 - d2).days) if d1 and d2 else 99
            key = (gap, -len(members), event_id)
            sources = sorted({m.get("source") or "?" for m in members})
            why = (f"merged with {len(members)} report{'s' if len(members) > 1 else ''} "
                   f"({', '.join(sources)}): " + "; ".join(reasons))
            if best is None or key < best[0]:
                best = (key, event_id, why)
    if best is None:
        return None, "first report of this incident"
    return best[1], best[2]


def _rank(r: dict) -> tuple:
    """The report whose fields the event shows: the most precise place, then date, then confidence."""
    return (int(r.get("geo_precision") or 3), int(r.get("time_precision") or 3), -float(r.get("confidence") or 0),
            str(r.get("event_id") or ""))


def combine(reports: list[dict]) -> dict:
    """The event that several reports of one incident make (fields of the most precise report; every
    source; the lowest reported death toll; actors filled from other reports where the best has none)."""
    if not reports:
        raise ValueError("an event needs at least one report")
    ordered = sorted(reports, key=_rank)
    event = dict(ordered[0])
    for key in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
        if is_generic(event.get(key)):
            for other in ordered[1:]:
                if not is_generic(other.get(key)):
                    event[key] = other[key]
                    role = "inter1" if key in ("actor1", "assoc_actor_1") else "inter2"
                    if key in ("actor1", "actor2") and other.get(role):
                        event[role] = other[role]
                    break
    counts = [int(r.get("fatalities") or 0) for r in reports if int(r.get("fatalities") or 0) > 0]
    event["fatalities"] = min(counts) if counts else 0
    sources: list[str] = []
    for r in sorted(reports, key=lambda r: (str(r.get("source") or ""))):
        if r.get("source") and r["source"] not in sources:
            sources.append(r["source"])
    event["source"] = "; ".join(sources)
    event["civilian_targeting"] = any(bool(r.get("civilian_targeting")) for r in reports)
    event["background"] = all(bool(r.get("background")) for r in reports)
    event["confidence"] = max(float(r.get("confidence") or 0) for r in reports)
    event["n_reports"] = len(reports)
    return event
