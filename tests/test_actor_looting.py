"""Issue 17: property looted or destroyed with no owner named is the civilians'; nobody named did it: armed men
nobody names (ACLED, as for an attack). Also the plural حوثيون (مسلحون حوثيون). Sentences written for these
tests (clitics, diacritics, tatweel, Eastern Arabic digits); the readings of the rules (RASD_DECIDER=rules) as
in tests/test_actors.py."""
from __future__ import annotations

import pytest

from test_actors import _roles

LOOTING = [
    ("أضرم مجهولون النار في مسجد بمدينة برلين الألمانية فجر الأحد.", "Unidentified Armed Group (Germany)",
     "Civilians (Germany)"),
    ("وأقدم مسلحون حوثيون على نهب محتويات مستشفى خاص في مدينة ذمار اليمنية، أمس.", "Houthis", "Civilians (Yemen)"),
    ("قام مسلحو المعارضة السورية بنهب منازل في مدينة عفرين.", "Opposition Rebels (Syria)", "Civilians (Syria)"),
    ("أحـرق مستوطنون متطرفون مسجدا في قرية دوما جنوب نابلس.", "Settlers (Israel)", "Civilians (Palestine)"),
    ("أحرق مجهولون ٣ محلات تجارية في مدينة بنغازي الليبية ليل الجمعة.", "Unidentified Armed Group (Libya)",
     "Civilians (Libya)"),
]


@pytest.mark.parametrize("sentence,actor1,actor2", LOOTING, ids=[f"looting-{i}" for i in range(len(LOOTING))])
def test_looting_hits_civilians(sentence, actor1, actor2, monkeypatch):
    monkeypatch.setenv("RASD_DECIDER", "rules")
    got = _roles(sentence, "2018-05-01")
    assert got["sub_event_type"] == "Looting/property destruction", got
    assert (got["actor1"], got["actor2"]) == (actor1, actor2), f"{sentence}\n{got}"


def test_rioters_who_burn_are_not_looters(monkeypatch):
    # a crowd that burns a party's office is a riot: no civilians added as its other side
    monkeypatch.setenv("RASD_DECIDER", "rules")
    got = _roles("أحرق متظاهرون غاضبون مقرا لحزب الدعوة في مدينة البصرة العراقية.", "2018-09-07")
    assert got["sub_event_type"] == "Violent demonstration"
    assert (got["actor1"], got["actor2"]) == ("Rioters (Iraq)", None)
