"""English notes (rasd/notes_en.py): a table of events of all six event types and the note each gets, the
date, place, actor and toll wording, and `notes_en` on every record `rasd extract` writes."""
from __future__ import annotations

import json

import pytest

from rasd.event import SUB_EVENT_TYPES, TAXONOMY
from rasd.notes_en import actor_phrase, date_phrase, english_note, place_phrase, with_note

IRAQ = {"country": "Iraq", "iso": 368}
ESHAQI = dict(IRAQ, admin1="Salah ad Din", admin2="Balad", location="Al-Eshaqi", geo_precision=1)
FALLUJAH = dict(IRAQ, admin1="Al Anbar", admin2="Al-Falluja", location="Fallujah", geo_precision=1)
MOSUL_NEAR = dict(IRAQ, admin1="Ninewa", admin2="Al-Mosul", location="Mosul", geo_precision=2)
BASRA_GOV = dict(IRAQ, admin1="Basra", admin2=None, location="Basrah", geo_precision=3)
IDLIB = {"country": "Syria", "iso": 760, "admin1": "Idleb", "admin2": "Ariha", "location": "Ariha", "geo_precision": 1}
TAIZZ = {"country": "Yemen", "iso": 887, "admin1": "Taizz", "admin2": None, "location": None, "geo_precision": 3}
GAZA = {"country": "Palestine", "iso": 275, "admin1": "Gaza Strip", "admin2": None, "location": None, "geo_precision": 3}
COALITION = "Global Coalition Against Daesh"
IRAQI_ARMY = "Military Forces of Iraq (2022-)"


def ev(sub: str, place: dict, *, date="2020-09-03", tp=1, actor1=None, actor2=None, fatalities=0,
       source="Al Mayadeen", trigger: str | None = None, **more) -> dict:
    record = dict(place, event_date=date, time_precision=tp, event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub,
                  actor1=actor1, actor2=actor2, fatalities=fatalities, source=source, background=False,
                  notes="نص عربي", evidence=[{"field": "trigger", "start": 0, "end": len(trigger), "text": trigger}]
                  if trigger else [])
    record.update(more)
    return record


# (record, the English note) -- 30 events, every event type, 25 sub-event types
TABLE = [
    # Battles
    (ev("Armed clash", FALLUJAH, actor1="Islamic State (Iraq)", actor2=IRAQI_ARMY, fatalities=4),
     "On 3 September 2020, Islamic State (Iraq) clashed with Military Forces of Iraq in Fallujah (Al-Falluja, Al Anbar). "
     "Al Mayadeen reported 4 fatalities."),
    (ev("Armed clash", MOSUL_NEAR, tp=2),
     "Around 3 September 2020 (week of), unidentified armed groups clashed near Mosul (Al-Mosul, Ninewa). "
     "Al Mayadeen reported no fatalities."),
    (ev("Government regains territory", ESHAQI, actor1="Popular Mobilization Forces", actor2="Islamic State (Iraq)"),
     "On 3 September 2020, Popular Mobilization Forces regained control of Al-Eshaqi (Balad, Salah ad Din) from "
     "Islamic State (Iraq). Al Mayadeen reported no fatalities."),
    (ev("Non-state actor overtakes territory", TAIZZ, tp=3, actor1="Houthis"),
     "In September 2020, Houthis took control of parts of Taizz governorate. Al Mayadeen reported no fatalities."),
    # Explosions/Remote violence
    (ev("Remote explosive/landmine/IED", ESHAQI, actor1="Unidentified Armed Group (Iraq)", actor2=COALITION,
        assoc_actor_2="Civilians (Iraq)", trigger="انفجار عبوة ناسفة"),
     "On 3 September 2020, an IED detonated against Global Coalition Against Daesh and civilians in Al-Eshaqi "
     "(Balad, Salah ad Din). Al Mayadeen reported no fatalities."),
    (ev("Remote explosive/landmine/IED", MOSUL_NEAR, actor1="Islamic State (Iraq)", actor2="Civilians (Iraq)",
        fatalities=2, trigger="انفجار لُغـمٍ أرضي"),
     "On 3 September 2020, a landmine planted by Islamic State (Iraq) detonated against civilians near Mosul "
     "(Al-Mosul, Ninewa). Al Mayadeen reported 2 fatalities."),
    (ev("Remote explosive/landmine/IED", FALLUJAH, trigger="بتفجير سيّارة مفخّخة", fatalities=12),
     "On 3 September 2020, a car bomb detonated in Fallujah (Al-Falluja, Al Anbar). Al Mayadeen reported 12 fatalities."),
    (ev("Air/drone strike", IDLIB, actor1="Military Forces of Russia", actor2="Civilians (Syria)", fatalities=1,
        trigger="غارة جوية"),
     "On 3 September 2020, Military Forces of Russia carried out an air strike on civilians in Ariha (Idleb). "
     "Al Mayadeen reported 1 fatality."),
    (ev("Air/drone strike", ESHAQI, trigger="بطائرةٍ مُسيّرة"),
     "On 3 September 2020, unidentified aircraft carried out a drone strike in Al-Eshaqi (Balad, Salah ad Din). "
     "Al Mayadeen reported no fatalities."),
    (ev("Shelling/artillery/missile attack", TAIZZ, actor1="Houthis", actor2="Civilians (Yemen)", trigger="قذائف هاون"),
     "On 3 September 2020, Houthis shelled civilians in Taizz governorate. Al Mayadeen reported no fatalities."),
    (ev("Shelling/artillery/missile attack", BASRA_GOV, trigger="سقوط صواريخ كاتيوشا"),
     "On 3 September 2020, unidentified forces fired rockets or missiles at parts of Basra governorate. "
     "Al Mayadeen reported no fatalities."),
    (ev("Suicide bomb", FALLUJAH, actor1="Islamic State (Iraq)", actor2="Civilians (Iraq)", fatalities=6),
     "On 3 September 2020, a suicide bomber from Islamic State (Iraq) detonated explosives targeting civilians in "
     "Fallujah (Al-Falluja, Al Anbar). Al Mayadeen reported 6 fatalities."),
    (ev("Grenade", BASRA_GOV, actor2="Police Forces of Iraq"),
     "On 3 September 2020, unidentified assailants threw a grenade at Police Forces of Iraq in Basra governorate. "
     "Al Mayadeen reported no fatalities."),
    (ev("Chemical weapon", IDLIB, actor1="Military Forces of Syria", actor2="Civilians (Syria)", fatalities=354_514),
     "On 3 September 2020, Military Forces of Syria used chemical weapons against civilians in Ariha (Idleb). "
     "Al Mayadeen reported 354,514 fatalities."),
    # Violence against civilians
    (ev("Attack", FALLUJAH, fatalities=3),
     "On 3 September 2020, unidentified assailants attacked civilians in Fallujah (Al-Falluja, Al Anbar). "
     "Al Mayadeen reported 3 fatalities."),
    (ev("Abduction/forced disappearance", MOSUL_NEAR, actor1="Islamic State (Iraq)", actor2="Civilians (Iraq)"),
     "On 3 September 2020, Islamic State (Iraq) abducted civilians near Mosul (Al-Mosul, Ninewa). "
     "Al Mayadeen reported no fatalities."),
    (ev("Sexual violence", IDLIB, actor2="Civilians (Syria)", tp=3),
     "In September 2020, unidentified perpetrators committed sexual violence against civilians in Ariha (Idleb). "
     "Al Mayadeen reported no fatalities."),
    # Protests
    (ev("Peaceful protest", BASRA_GOV, actor1="Protesters (Iraq)", source="Alsumaria; Shafaq News"),
     "On 3 September 2020, protesters held a peaceful demonstration in Basra governorate. Alsumaria and Shafaq "
     "News reported no fatalities."),
    (ev("Peaceful protest", ESHAQI, actor1="Protesters (Iraq)", actor2="Police Forces of Iraq"),
     "On 3 September 2020, protesters held a peaceful demonstration in Al-Eshaqi (Balad, Salah ad Din), with "
     "Police Forces of Iraq present. Al Mayadeen reported no fatalities."),
    (ev("Protest with intervention", FALLUJAH, actor1="Protesters (Iraq)", actor2="Police Forces of Iraq"),
     "On 3 September 2020, protesters demonstrated in Fallujah (Al-Falluja, Al Anbar) and Police Forces of Iraq "
     "intervened. Al Mayadeen reported no fatalities."),
    (ev("Excessive force against protesters", GAZA, actor1="Military Forces of Israel", actor2="Protesters (Palestine)",
        fatalities=18),
     "On 3 September 2020, Military Forces of Israel used excessive force against protesters in the Gaza Strip. "
     "Al Mayadeen reported 18 fatalities."),
    # Riots
    (ev("Violent demonstration", BASRA_GOV, actor1="Rioters (Iraq)", actor2="Police Forces of Iraq"),
     "On 3 September 2020, rioters clashed with Police Forces of Iraq in Basra governorate. "
     "Al Mayadeen reported no fatalities."),
    (ev("Mob violence", FALLUJAH, actor1="Rioters (Iraq)", actor2="Civilians (Iraq)", fatalities=1),
     "On 3 September 2020, a mob attacked civilians in Fallujah (Al-Falluja, Al Anbar). Al Mayadeen reported 1 fatality."),
    # Strategic developments
    (ev("Agreement", IDLIB, actor1="Military Forces of Turkey", actor2="Military Forces of Russia"),
     "On 3 September 2020, Military Forces of Turkey and Military Forces of Russia reached an agreement in Ariha "
     "(Idleb). Al Mayadeen reported no fatalities."),
    (ev("Arrests", ESHAQI, actor1="Police Forces of Iraq", actor2="Islamic State (Iraq)"),
     "On 3 September 2020, Police Forces of Iraq arrested members of Islamic State (Iraq) in Al-Eshaqi (Balad, "
     "Salah ad Din). Al Mayadeen reported no fatalities."),
    (ev("Arrests", BASRA_GOV, tp=2),
     "Around 3 September 2020 (week of), unidentified forces arrested people in Basra governorate. "
     "Al Mayadeen reported no fatalities."),
    (ev("Change to group/activity", BASRA_GOV, actor1=COALITION),
     "On 3 September 2020, a change to the group or activity of Global Coalition Against Daesh was reported in "
     "Basra governorate. Al Mayadeen reported no fatalities."),
    (ev("Disrupted weapons use", ESHAQI, actor1=IRAQI_ARMY, trigger="تفكيك عبوة ناسفة"),
     "On 3 September 2020, Military Forces of Iraq defused or seized explosives in Al-Eshaqi (Balad, Salah ad Din). "
     "Al Mayadeen reported no fatalities."),
    (ev("Disrupted weapons use", TAIZZ, actor1="Saudi-led Coalition", actor2="Houthis",
        trigger="اعتراض طائرة مسيرة"),
     "On 3 September 2020, Saudi-led Coalition intercepted a projectile or drone launched by Houthis in Taizz "
     "governorate. Al Mayadeen reported no fatalities."),
    (ev("Headquarters or base established", MOSUL_NEAR, actor1="Military Forces of Turkey"),
     "On 3 September 2020, Military Forces of Turkey established a headquarters or base near Mosul (Al-Mosul, "
     "Ninewa). Al Mayadeen reported no fatalities."),
    (ev("Looting/property destruction", FALLUJAH, actor1="Islamic State (Iraq)", actor2="Civilians (Iraq)"),
     "On 3 September 2020, Islamic State (Iraq) looted or destroyed property of civilians in Fallujah (Al-Falluja, "
     "Al Anbar). Al Mayadeen reported no fatalities."),
    (ev("Non-violent transfer of territory", IDLIB, actor1="Military Forces of Syria", actor2="Opposition Rebels (Syria)"),
     "On 3 September 2020, Military Forces of Syria took over Ariha (Idleb) without fighting, handed over by "
     "Opposition Rebels (Syria). Al Mayadeen reported no fatalities."),
    (ev("Other", GAZA, actor1="Hamas"),
     "On 3 September 2020, a strategic development involving Hamas took place in the Gaza Strip. "
     "Al Mayadeen reported no fatalities."),
]


def test_the_table_covers_every_event_type_and_sub_event_type():
    assert len(TABLE) >= 25
    assert {r["event_type"] for r, _ in TABLE} == set(TAXONOMY)
    assert {r["sub_event_type"] for r, _ in TABLE} == set(SUB_EVENT_TYPES)


@pytest.mark.parametrize("record,note", TABLE, ids=[f"{i:02d}-{r['sub_event_type']}" for i, (r, _) in enumerate(TABLE)])
def test_english_note_wording(record, note):
    assert english_note(record) == note


@pytest.mark.parametrize("date,precision,words", [
    ("2020-09-03", 1, "On 3 September 2020"),
    ("2020-09-03", 2, "Around 3 September 2020 (week of)"),
    ("2020-09-15", 3, "In September 2020"),
    ("2024-02-29", "1", "On 29 February 2024"),
    (None, 1, "On an unknown date"),
    ("2020-13-45", 1, "On an unknown date"),
    ("٢٠٢٠-٠٩-٠٣", 1, "On an unknown date"),  # a record's date is ISO digits; anything else is not a date
])
def test_date_wording_follows_time_precision(date, precision, words):
    assert date_phrase(date, precision) == words


def test_place_wording_follows_geo_precision():
    assert place_phrase(ESHAQI) == "in Al-Eshaqi (Balad, Salah ad Din)"
    assert place_phrase(dict(ESHAQI, geo_precision=2)) == "near Al-Eshaqi (Balad, Salah ad Din)"
    assert place_phrase(dict(ESHAQI, geo_precision=3)) == "in Salah ad Din governorate"
    # a district named as a whole, and a town that is its district's seat: no repetition
    assert place_phrase(dict(IRAQ, admin1="Ninewa", admin2="Sinjar", location="Sinjar", geo_precision=2)) == \
        "in Sinjar district (Ninewa)"
    assert place_phrase(dict(IRAQ, admin1="Babil", admin2="Al-Musayab", location="Al-Musayab")) == \
        "in Al-Musayab (Babil)"
    assert place_phrase({"country": "Saudi Arabia", "admin1": "Riyadh", "geo_precision": 3}) == "in Riyadh province"
    assert place_phrase({"country": "Israel", "admin1": "Southern District", "geo_precision": 3}) == \
        "in Southern District"
    assert place_phrase({"country": "Iraq"}) == "at an unspecified place in Iraq"
    assert place_phrase({}) == "at an unspecified place"


def test_actor_names_read_as_a_note_writes_them():
    assert actor_phrase("Military Forces of Iraq (2022-)") == "Military Forces of Iraq"
    assert actor_phrase("Military Forces of Yemen (2017-) Internationally Recognized Government") == \
        "Military Forces of Yemen Internationally Recognized Government"
    assert actor_phrase("Civilians (Syria)") == "civilians"
    assert actor_phrase("Unidentified Armed Group (Yemen)") == "" and actor_phrase(None) == ""
    assert actor_phrase("Hezbollah") == "Hezbollah"


def test_background_events_say_so_and_bad_fields_never_raise():
    note = english_note(ev("Air/drone strike", IDLIB, date="2014-01-20", actor1="Military Forces of Syria",
                           background=True, fatalities=11))
    assert note == ("On 20 January 2014, Military Forces of Syria carried out an air strike in Ariha (Idleb). "
                    "Mentioned as past context by Al Mayadeen; 11 fatalities reported.")
    assert english_note(ev("Attack", FALLUJAH, source="")).endswith(". No fatalities reported.")
    # a stored event merged from several reports keeps the lowest toll, and says so
    merged = ev("Attack", FALLUJAH, source="Alsumaria; Shafaq News", n_reports=2, fatalities=2)
    assert english_note(merged).endswith(". Reported by Alsumaria and Shafaq News; 2 fatalities (the lowest toll "
                                         "reported).")
    assert english_note(dict(merged, fatalities=0)).endswith("; no fatalities reported.")
    odd = {"sub_event_type": 7, "event_date": 20200903, "time_precision": "x", "fatalities": "many",
           "geo_precision": [], "actor1": {"a": 1}, "evidence": "not a list", "location": 5, "source": None}
    assert english_note(odd) == "On an unknown date, an event involving unidentified actors was reported at an " \
                                "unspecified place. No fatalities reported."
    assert english_note(ev("Attack", FALLUJAH, fatalities=-3)).endswith("reported no fatalities.")


def test_with_note_adds_notes_en_last_and_keeps_the_arabic_notes():
    record = with_note(ev("Attack", FALLUJAH))
    assert list(record)[-1] == "notes_en" and record["notes"] == "نص عربي"
    assert record["notes_en"] == english_note(record)
    assert with_note(dict(record, notes_en="kept"))["notes_en"] == "kept"


ARTICLE = ("بغداد - مراسلنا\n"
           "قُتل ثلاثةُ جنودٍ عراقيين وأُصيب اثنان آخران بانفجار عبوةٍ ناسفة استهدفت دوريةً للجيش في قضاء الطارمية "
           "شمالي بغداد صباح اليوم الأحد.\n"
           "وفي البصرة، تظاهر المئات من أهالي المحافظة أمام مبنى المحافظة احتجاجاً على انقطاع الكهرباء، "
           "ورفعوا لافتات تطالب بتحسين الخدمات.\n"
           "المصدر: وكالة المرصد")


def test_every_event_rasd_extract_writes_has_an_english_note(tmp_path):
    from rasd.cli import main
    source = tmp_path / "article.jsonl"
    source.write_text(json.dumps({"id": "n1", "text": ARTICLE, "published": "2024-03-10"}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(source), "-o", str(out)]) == 0
    events = [e for line in out.read_text(encoding="utf-8").splitlines() for e in json.loads(line)["events"]]
    assert events, "the article reports an IED and a protest"
    for event in events:
        assert event["notes_en"] == english_note(event)
        assert list(event)[-2:] == ["interaction", "notes_en"] and event["notes"]
    ied = next(e for e in events if e["sub_event_type"] == "Remote explosive/landmine/IED")
    assert ied["notes_en"].startswith("On 10 March 2024, an IED detonated against Military Forces of Iraq")
    assert "Tarmiyah" in ied["notes_en"] or "Al-Tarmia" in ied["notes_en"]
    assert ied["notes_en"].endswith("3 fatalities.") or ied["notes_en"].endswith("3 fatalities reported.")
