"""English notes: one or two sentences in the style of ACLED's ``notes`` column, written from an event
record's fields, so that a reader who does not read Arabic can tell what happened.

    On 3 September 2020, an IED detonated against Global Coalition Against Daesh and civilians in
    Al-Eshaqi (Balad, Salah ad Din). Al Mayadeen reported no fatalities.

The first sentence says when (``time_precision``: a day, "around" a day for the week, a month), who
(a missing or unidentified ``actor1`` is "unidentified ..."), what (the wording of each of the 25
sub-event types, refined by the Arabic trigger where it names the weapon: a drone, a landmine, a car
bomb, an interception) and where (``geo_precision``: in a place, near it, or in a governorate). The
second gives the toll and the outlet(s) that reported it, and says when the article tells the event only
as past context. The Arabic evidence stays in ``notes``; the note is computed from the record alone
(:func:`english_note`), so the same record always gives the same note and a stored event (whose fields
are merged from several reports) gets one written from its merged fields.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Mapping

from .text import norm
from .words import word_values

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

# The word for a first-level division, by country (ACLED's admin1 is a governorate in most Arab states).
ADMIN1_UNIT = {
    **dict.fromkeys(["Iraq", "Syria", "Yemen", "Egypt", "Jordan", "Lebanon", "Kuwait", "Bahrain",
                     "Oman", "Tunisia"], "governorate"),
    **dict.fromkeys(["Saudi Arabia", "Turkey", "Iran", "Algeria", "Afghanistan"], "province"),
    "Palestine": "", "Libya": "district", "Israel": "district", "Sudan": "state", "Morocco": "region",
    "United Arab Emirates": "emirate", "Qatar": "municipality",
}
_UNIT_WORDS = ("governorate", "province", "district", "state", "region", "emirate", "municipality", "territory")

# Generic ACLED actor names -> the words a note uses for them (the country is said by the place).
_GENERIC = [
    (re.compile(r"^Civilians \(.*\)$"), "civilians"),
    (re.compile(r"^Protesters \(.*\)$"), "protesters"),
    (re.compile(r"^Rioters \(.*\)$"), "rioters"),
    (re.compile(r"^Settlers \(.*\)$"), "settlers"),
    (re.compile(r"^Unidentified Tribal Militia \(.*\)$"), "an unidentified tribal militia"),
    (re.compile(r"^Unidentified Armed Group \(.*\)$"), ""),  # "" = unidentified: the sub-type's own words
]
_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")  # "Military Forces of Iraq (2022-)": a period of office


def actor_phrase(name: Any) -> str:
    """An actor name as a note writes it; '' when the actor is missing or unidentified."""
    if not isinstance(name, str) or not name.strip():
        return ""
    name = " ".join(name.split())
    for pattern, words in _GENERIC:
        if pattern.match(name):
            return words
    if name.lower().startswith("unidentified"):
        return ""
    return " ".join(_PERIOD.sub("", name).split())


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _side(record: Mapping, main: str, assoc: str) -> str:
    """An actor with its associated actor: 'Global Coalition Against Daesh and civilians'."""
    first = actor_phrase(record.get(main))
    if not first:
        return ""
    other = actor_phrase(record.get(assoc))
    return _join([first, other]) if other and other != first else first


# -- when ------------------------------------------------------------------------------------------------
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not _ISO_DAY.match(value):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return default


def date_phrase(event_date: Any, time_precision: Any) -> str:
    """'On 3 September 2020' (the day), 'Around 3 September 2020 (week of)' (only the week is known),
    'In September 2020' (only the month), 'On an unknown date'."""
    day = _date(event_date)
    if day is None:
        return "On an unknown date"
    precision = _int(time_precision, 1)
    if precision >= 3:
        return f"In {MONTHS[day.month - 1]} {day.year}"
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"Around {text} (week of)" if precision == 2 else f"On {text}"


# -- where -----------------------------------------------------------------------------------------------
def _admin1_words(admin1: str, country: str | None) -> str:
    if admin1 in ("Gaza Strip", "West Bank"):
        return f"the {admin1}"
    unit = ADMIN1_UNIT.get(country or "", "province")
    if not unit or admin1.split()[-1].lower() in _UNIT_WORDS:
        return admin1
    return f"{admin1} {unit}"


def _text(record: Mapping, key: str) -> str:
    value = record.get(key)
    return " ".join(value.split()) if isinstance(value, str) else ""


def place_phrase(record: Mapping, *, as_object: bool = False) -> str:
    """'in Al-Eshaqi (Balad, Salah ad Din)' for a town (geo_precision 1), 'near ...' (2), 'in Salah ad Din
    governorate' when only the governorate is known (3). With ``as_object`` the place is the object of a
    verb ('regained control of Al-Eshaqi (...)', '... of an area near Al-Eshaqi')."""
    location, admin2, admin1 = _text(record, "location"), _text(record, "admin2"), _text(record, "admin1")
    country = _text(record, "country")
    precision = _int(record.get("geo_precision"), 1)
    if location and location != admin1 and precision < 3:
        within = [x for x in dict.fromkeys([admin2, admin1]) if x and x != location]
        where = location + (f" ({', '.join(within)})" if within else "")
        if precision == 2 and location == admin2:  # a district as a whole
            where = f"{location} district" + (f" ({admin1})" if admin1 and admin1 != location else "")
            return where if as_object else f"in {where}"
        if precision == 2:
            return f"an area near {where}" if as_object else f"near {where}"
        return where if as_object else f"in {where}"
    if admin1:
        where = _admin1_words(admin1, country)
        return f"parts of {where}" if as_object else f"in {where}"
    if country:
        return f"an unspecified place in {country}" if as_object else f"at an unspecified place in {country}"
    return "an unspecified place" if as_object else "at an unspecified place"


# -- what ------------------------------------------------------------------------------------------------
def _trigger(record: Mapping) -> str:
    """The normalised Arabic words of the record's trigger evidence ('' when there is none)."""
    items = record.get("evidence")
    if not isinstance(items, list):
        return ""
    words = [str(i.get("text") or "") for i in items if isinstance(i, dict) and i.get("field") == "trigger"]
    if not words:
        return ""
    return norm(" ".join(words))


def _weapon(trigger: str, kinds: list[tuple[tuple[str, ...], str]], default: str) -> str:
    for cues, words in kinds:
        if any(cue in trigger for cue in cues):
            return words
    return default


# Cues are normalised Arabic (rasd.text.norm: alef forms folded, ta marbuta -> ha, no diacritics), in
# rasd/data/notes_words.tsv (curated; see rasd.words).
_NOTES_WORDS = word_values(Path(__file__).parent / "data" / "notes_words.tsv")


def _kinds(name: str) -> list[tuple[tuple[str, ...], str]]:
    """A list of ``notes_words.tsv`` as ``[(cues, words)]``: its cues grouped by their words, in file order."""
    groups: dict[str, list[str]] = {}
    for cue, words in _NOTES_WORDS[name].items():
        groups.setdefault(words, []).append(cue)
    return [(tuple(cues), words) for words, cues in groups.items()]


_EXPLOSIVE = _kinds("explosive")
_AIR = _kinds("air")
_SHELL = _kinds("shell")
_DISRUPT = _kinds("disrupt")


# Sub-event types whose target is not "civilians" by default when civilian_targeting is set.
_NO_DEFAULT_TARGET = {"Peaceful protest", "Protest with intervention", "Violent demonstration", "Agreement",
                      "Change to group/activity", "Headquarters or base established", "Other",
                      "Government regains territory", "Non-state actor overtakes territory",
                      "Non-violent transfer of territory", "Armed clash", "Disrupted weapons use", "Arrests"}


def _members(record: Mapping) -> str:
    """Who was taken: people of a group are its members ('members of Islamic State (Iraq)')."""
    raw = _text(record, "actor2")
    name = actor_phrase(raw)
    if name and not any(pattern.match(raw) for pattern, _ in _GENERIC):  # a named group, not civilians
        name = f"members of {name}"
    other = actor_phrase(record.get("assoc_actor_2"))
    return _join([name, other]) if other and other != name else name


def _clause(record: Mapping) -> str:
    """What happened, with its actors and its place: the body of the first sentence."""
    sub = _text(record, "sub_event_type")
    a1, a2 = _side(record, "actor1", "assoc_actor_1"), _side(record, "actor2", "assoc_actor_2")
    if not a2 and record.get("civilian_targeting") and sub not in _NO_DEFAULT_TARGET:
        a2 = "civilians"
    at, obj = place_phrase(record), place_phrase(record, as_object=True)
    trigger = _trigger(record)

    def who(unknown: str) -> str:
        return a1 or unknown

    if sub == "Armed clash":
        if not a1 and not a2:
            return f"unidentified armed groups clashed {at}"
        return f"{who('unidentified gunmen')} clashed with {a2 or 'unidentified gunmen'} {at}"
    if sub == "Government regains territory":
        return f"{who('unidentified government forces')} regained control of {obj}" + (f" from {a2}" if a2 else "")
    if sub == "Non-state actor overtakes territory":
        return f"{who('an unidentified armed group')} took control of {obj}" + (f" from {a2}" if a2 else "")
    if sub == "Non-violent transfer of territory":
        return (f"{who('an unidentified armed group')} took over {obj} without fighting"
                + (f", handed over by {a2}" if a2 else ""))
    if sub == "Air/drone strike":
        kind = _weapon(trigger, _AIR, "an air strike")
        target = f" on {a2}" if a2 else ""
        if a1:
            return f"{a1} carried out {kind}{target} {at}"
        return f"unidentified aircraft carried out {kind}{target} {at}"
    if sub == "Shelling/artillery/missile attack":
        verb = _weapon(trigger, _SHELL, "shelled")
        return f"{who('unidentified forces')} {verb} " + (f"{a2} {at}" if a2 else obj)
    if sub == "Remote explosive/landmine/IED":
        device = _weapon(trigger, _EXPLOSIVE, "an IED")
        planted = f" planted by {a1}" if a1 else ""
        return f"{device}{planted} detonated" + (f" against {a2}" if a2 else "") + f" {at}"
    if sub == "Suicide bomb":
        bomber = f"a suicide bomber from {a1}" if a1 else "an unidentified suicide bomber"
        return f"{bomber} detonated explosives" + (f" targeting {a2}" if a2 else "") + f" {at}"
    if sub == "Grenade":
        return f"{who('unidentified assailants')} threw a grenade" + (f" at {a2}" if a2 else "") + f" {at}"
    if sub == "Chemical weapon":
        return f"{who('unidentified forces')} used chemical weapons" + (f" against {a2}" if a2 else "") + f" {at}"
    if sub == "Attack":
        return f"{who('unidentified assailants')} attacked {a2 or 'civilians'} {at}"
    if sub == "Abduction/forced disappearance":
        return f"{who('unidentified gunmen')} abducted {_members(record) or 'civilians'} {at}"
    if sub == "Sexual violence":
        return f"{who('unidentified perpetrators')} committed sexual violence against {a2 or 'civilians'} {at}"
    if sub == "Peaceful protest":
        return f"{a1 or 'protesters'} held a peaceful demonstration {at}" + (f", with {a2} present" if a2 else "")
    if sub == "Protest with intervention":
        return (f"{a1 or 'protesters'} demonstrated {at} and "
                + (f"{a2} intervened" if a2 else "unidentified forces intervened"))
    if sub == "Excessive force against protesters":
        return f"{who('unidentified forces')} used excessive force against {a2 or 'protesters'} {at}"
    if sub == "Violent demonstration":
        if a1 in ("", "rioters"):
            return f"rioters clashed with {a2} {at}" if a2 else f"a riot broke out {at}"
        return f"{a1} rioted {at}" + (f", clashing with {a2}" if a2 else "")
    if sub == "Mob violence":
        mob = "a mob" if a1 in ("", "rioters") else f"a mob of {a1}"
        return f"{mob} attacked {a2 or 'people'} {at}"
    if sub == "Agreement":
        parties = _join([a1, a2]) if a1 and a2 else (a1 or "unidentified parties")
        return f"{parties} reached an agreement {at}"
    if sub == "Arrests":
        return f"{who('unidentified forces')} arrested {_members(record) or 'people'} {at}"
    if sub == "Change to group/activity":
        return f"a change to the group or activity of {who('an unidentified armed group')} was reported {at}"
    if sub == "Disrupted weapons use":
        act = _weapon(trigger, _DISRUPT, "disrupted an attempted attack")
        by = {"intercepted a projectile or drone": " launched by",
              "defused or seized explosives": " of"}.get(act, " by")
        whose = "" if not a2 else (" aimed at civilians" if a2 == "civilians" else f"{by} {a2}")
        return f"{who('unidentified forces')} {act}{whose} {at}"
    if sub == "Headquarters or base established":
        return f"{who('an unidentified armed group')} established a headquarters or base {at}"
    if sub == "Looting/property destruction":
        return (f"{who('unidentified perpetrators')} looted or destroyed property"
                + (f" of {a2}" if a2 else "") + f" {at}")
    if sub == "Other":
        parties = _join([a1, a2]) if a1 else "unidentified actors"
        return f"a strategic development involving {parties} took place {at}"
    kind = sub.lower() if sub else "an event"
    return f"{kind} involving {_join([a1, a2]) or 'unidentified actors'} was reported {at}"


# -- the toll and the outlet --------------------------------------------------------------------------------
def _sources(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    names = [" ".join(n.split()) for n in re.split(r";", value)]
    return _join(list(dict.fromkeys(n for n in names if n)))


def toll_sentence(record: Mapping) -> str:
    """The toll and who reported it. A stored event merged from several reports (``n_reports`` > 1) keeps
    the lowest toll reported, and says so."""
    deaths = max(0, _int(record.get("fatalities"), 0))
    toll = "no fatalities" if deaths == 0 else f"{deaths:,} fatalit{'y' if deaths == 1 else 'ies'}"
    source = _sources(record.get("source"))
    merged = _int(record.get("n_reports"), 1) > 1
    if record.get("background"):
        told = f"Mentioned as past context by {source}" if source else "Mentioned as past context"
        return f"{told}; {toll} reported" + (" (the lowest toll reported)." if merged and deaths else ".")
    if merged:
        return f"Reported by {source or 'several reports'}; " + (
            f"{toll} (the lowest toll reported)." if deaths else "no fatalities reported.")
    if source:
        return f"{source} reported {toll}."
    return f"{toll[0].upper()}{toll[1:]} reported."


def english_note(record: Mapping) -> str:
    """One or two English sentences describing the event record (see the module's docstring). Never
    raises: a field of the wrong type or a bad date reads as missing."""
    body = f"{date_phrase(record.get('event_date'), record.get('time_precision'))}, {_clause(record)}."
    body = " ".join(body.split())
    return f"{body} {toll_sentence(record)}"


def with_note(record: Mapping) -> dict:
    """A copy of ``record`` with ``notes_en`` (last, as in :data:`rasd.event.RECORD_FIELDS`), computed where
    it is missing."""
    out = dict(record)
    if not (isinstance(out.get("notes_en"), str) and out["notes_en"]):
        out.pop("notes_en", None)
        out["notes_en"] = english_note(record)
    return out
