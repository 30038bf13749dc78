"""The train place table (``rasd/data/gazetteer/train_places.tsv``, built by ``scripts/build_train_places.py`` from
train.jsonl's gold coding): villages and towns the other sources lack are found under the coders' names, with the
evidence rules any town needs, and ``rasd geocode`` says "train place table"; the shipped table holds only what its
builder's rules allow. Sentences written for rasd (no text of the evaluation sets)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rasd.geo import build, geocode
from rasd.geo.gazetteer import Gazetteer, load

ROOT = Path(__file__).resolve().parents[1]
TABLE = build.DATA / "train_places.tsv"
TRAIN = ROOT.parent / "shared" / "eval" / "train.jsonl"


def _place(text: str, name: str):
    return next(p for p in geocode(text) if p.text == name)


@pytest.mark.parametrize("text,name,expected", [
    # Syria: a two-word name after a town word, the countryside of the governorate after it
    ("قصفت قوات النظام بلدة تل شهاب في ريف درعا الغربي", "تل شهاب", ("Syria", "Daraa", "Tal Shahab")),
    # a shadda in the name, a village word, a nearby town
    ("وسقطت قذائف على قرية كفر جنّة قرب عفرين بريف حلب", "كفر جنّة", ("Syria", "Aleppo", "Kafr Jannah")),
    # Eastern Arabic digits in the toll; the Eastern Ghouta places it
    ("قُتل ٤ مدنيين في غارة على بلدة حزرما بالغوطة الشرقية", "حزرما", ("Syria", "Rif-dimashq", "Hazrama")),
    # named bare after في, the governorate's countryside after it
    ("اندلعت اشتباكات عنيفة في تبليسة بريف حمص الشمالي", "تبليسة", ("Syria", "Homs", "Tallbisah")),
    # tatweel in the type word
    ("وقصفت المدفعية بلـدة كحيل بريف درعا الشرقي", "كحيل", ("Syria", "Daraa", "Kahil")),
    # Yemen: an area word and the governorate word with its ب
    ("تقدمت قوات الجيش في منطقة المهاشمة بمحافظة الجوف", "المهاشمة", ("Yemen", "Al Jawf", "Al-Mahashimah")),
    ("نفذت القوات الأمريكية إنزالا في قرية يكلا بمحافظة البيضاء", "يكلا", ("Yemen", "Al Bayda", "Yakla")),
    # a town word and an adjective between the name and its governorate
    ("وسيطرت قوات الحزام الأمني على مدينة شقرة الساحلية بمحافظة أبين", "شقرة", ("Yemen", "Abyan", "Shaqrah")),
    # Iraq: the governorate with ب + the article
    ("عثرت القوات على مقبرة جماعية في منطقة الحراريات بالأنبار", "الحراريات", ("Iraq", "Al Anbar", "Al-Harariyat")),
    ("قصفت المدفعية التركية قرية زركال في محافظة أربيل", "زركال", ("Iraq", "Erbil", "Zarkal")),
    # North Africa: a mountain named with ب, a wilaya word (Tunisia); a commune after بلدية (Algeria)
    ("قُتل جنديان في انفجار لغم بجبل المغيلة في ولاية القصرين", "جبل المغيلة", ("Tunisia", "Kasserine", "Jabal Al-Mughaylah")),
    ("انفجرت قنبلة في بلدية أحنيف بولاية البويرة الجزائرية", "أحنيف", ("Algeria", "Bouira", "Ahnif")),
])
def test_a_train_place_is_found_under_the_coders_name(text, name, expected):
    # (a place the gold codes by name only is named as rasd transliterates an unknown village when the coders'
    # spelling has the same consonants: Tal Shahab for Tell Shihab)
    place = _place(text, name)
    assert (place.place.country, place.place.admin1, place.place.name) == expected
    assert "train place table" in place.reason


def test_a_train_place_needs_the_evidence_any_village_needs():
    # a village of Daraa named bare in an article about another country is no place there
    assert not [p for p in geocode("قال الرئيس الفرنسي في باريس إن كحيل لن يحضر الاجتماع") if p.text == "كحيل"]


def test_the_base_gazetteer_has_no_train_places(tmp_path):
    out = tmp_path / "index.tsv"
    build.compile_index(build.DATA, out, train_places=False)
    assert not [e for e in Gazetteer(out).entries if e.id.startswith(("tp:", "tpa:"))]
    assert [e for e in load().entries if e.id.startswith(("tp:", "tpa:"))]


def _builder():
    sys.path.insert(0, str(ROOT))
    from scripts import build_train_places
    return build_train_places


def test_the_shipped_table_follows_the_builders_rules(tmp_path, fresh_gazetteer):
    """No form twice, none a frequent one-word form, a generic phrase or a country's word; and none the gazetteer
    without the table already gives within 10 km or under the gold's name."""
    tp = _builder()
    rows = build.read_rows(TABLE)
    assert len(rows) > 100
    keys = [r["names_ar"] for r in rows]
    assert len(keys) == len(set(keys))
    base = tp.base_gazetteer(tmp_path)
    frequent, cwords = tp.load_frequent(), tp.country_words(base)
    for r in rows:
        key = r["names_ar"]
        assert tp.word_reason(key, frequent, cwords) == "", key
        assert " " in key or key not in frequent, key
        row = {"lat": float(r["lat"]) if r["lat"] else None, "lon": float(r["lon"]) if r["lon"] else None,
               "location": r["location"], "admin1": r["admin1"], "country": r["country"]}
        same, big = tp.resolved(base, [key], row)
        assert not same and not big, key
        assert int(r["count"]) >= 1


def test_the_word_rules():
    tp = _builder()
    frequent = {"الحديده", "الشيخ", "سعد", "تل", "شهاب"}
    assert tp.word_reason("الحديده", frequent, set()) == "a frequent word"
    assert tp.word_reason("الشيخ سعد", frequent, set()) == "frequent words only"
    assert tp.word_reason("تل شهاب", frequent, set()) == ""  # a place's head word
    assert tp.word_reason("وسط المدينه", frequent, set()) == "a generic noun of place"
    assert tp.word_reason("الحاج الاعلي والاسفل", frequent, set()) == "a list of names"
    assert tp.word_reason("اللواء في حماه", frequent, set()) == "a phrase with a preposition"
    assert tp.word_reason("الداخليه الافغانيه", set(), {"الافغانيه"}) == "a country's name or adjective"
    uses = [{"country": "SY", "admin1": "Daraa", "location": "Kahil", "lat": 32.70, "lon": 36.30},
            {"country": "SY", "admin1": "Daraa", "location": "Kahil", "lat": 32.72, "lon": 36.31}]
    assert tp.one_place(uses)
    assert not tp.one_place(uses + [{"country": "SY", "admin1": "Daraa", "location": "Kahil", "lat": 33.2, "lon": 36.3}])
    assert not tp.one_place([dict(uses[0], lat=None, lon=None), dict(uses[0], lat=None, lon=None, location="Kuhayb")])
    # two coders' spellings of one name coded without coordinates
    assert tp.one_place([dict(uses[0], lat=None, lon=None, location="Hit"), dict(uses[0], lat=None, lon=None, location="Hayt")])


@pytest.mark.skipif(not TRAIN.exists(), reason="train.jsonl not beside the checkout")
def test_the_shipped_table_is_a_fresh_build(fresh_gazetteer):
    tp = _builder()
    assert tp.main(["--check"]) == 0, "train_places.tsv is stale: run python3 scripts/build_train_places.py"
