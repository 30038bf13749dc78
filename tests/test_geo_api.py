"""The places stage as the pipeline calls it: find_places, places_for, geocode, the CLI and the importers."""
from __future__ import annotations

import json

import pytest

from rasd import cli
from rasd.doc import Document, Sentence
from rasd.geo import Place, PlaceMention, find_places, geocode, places_for
from rasd.geo import gazetteer as gazmod


class Trig:
    def __init__(self, start: int, end: int, sentence: int = 0):
        self.start, self.end, self.sentence = start, end, sentence


def _doc(text: str) -> Document:
    doc = Document(text=text)
    try:
        from rasd.segment import segment
        segment(doc)
    except ImportError:  # pragma: no cover
        pass
    if not doc.sentences:
        doc.sentences = [Sentence(0, len(doc.norm.text), 0, len(doc.tokens) - 1)]
    find_places(doc)
    return doc


def _trigger(doc: Document, word: str) -> tuple[Trig, Sentence]:
    start = doc.norm.text.index(word)
    index = next(i for i, s in enumerate(doc.sentences) if s.start <= start < s.end)
    return Trig(start, start + len(word), index), doc.sentences[index]


def test_mentions_are_sorted_offsets_into_norm_text():
    doc = _doc("قتل جنديان في الموصل وأصيب آخرون في كركوك.")
    assert [p.start for p in doc.places] == sorted(p.start for p in doc.places)
    for p in doc.places:
        assert isinstance(p, PlaceMention) and isinstance(p.place, Place)
        assert p.text == doc.original_text(p.start, p.end)
    assert doc.country == "Iraq"
    mosul = doc.places[0]
    assert (mosul.place.name, mosul.place.iso, mosul.place.geonameid) == ("Mosul", 368, 99072)


def test_text_is_the_name_without_clitics():
    doc = _doc("وقعت اشتباكات وبالموصل ليلا.")
    assert doc.places[0].text == "الموصل"


def test_places_for_prefers_the_place_after_the_trigger():
    doc = _doc("انفجرت عبوة ناسفة على الطريق السريع في منطقة المسيب بمحافظة بابل.")
    trig, sent = _trigger(doc, "انفجرت")
    got = places_for(doc, trig, sent)
    assert [(p.place.name, p.place.admin1, p.precision) for p in got] == [("Al-Musayab", "Babil", 1)]


def test_places_for_lists_give_one_mention_each():
    doc = _doc("شنت طائرات التحالف غارات على الحسكة والرقة ودير الزور.")
    trig, sent = _trigger(doc, "غارات")
    assert [p.place.admin1 for p in places_for(doc, trig, sent)] == ["Al-Hasakah", "Ar-Raqqah", "Deir ez-Zor"]


def test_places_for_uses_the_trigger_clause():
    doc = _doc("قتل ثلاثة في تفجير بالموصل، فيما تظاهر المئات في البصرة.")
    trig, sent = _trigger(doc, "تظاهر")
    assert [p.place.name for p in places_for(doc, trig, sent)] == ["Basrah"]


def test_places_for_falls_back_to_the_previous_sentence():
    doc = _doc("شهدت مدينة كركوك توترا أمنيا. وانفجرت عبوة ناسفة صباح اليوم.")
    trig, sent = _trigger(doc, "وانفجرت")
    got = places_for(doc, trig, sent)
    assert [p.place.name for p in got] == ["Kirkuk"]


def test_places_for_falls_back_to_the_dateline():
    doc = _doc("بغداد - قال مسؤول أمني إن مسلحين هاجموا دورية للشرطة. وأضاف أن الهجوم أسفر عن قتيلين.")
    trig, sent = _trigger(doc, "الهجوم")
    got = places_for(doc, trig, sent)
    assert got and got[0].place.name == "Baghdad" and got[0].precision == 2
    assert "dateline" in got[0].reason


def test_places_for_returns_nothing_when_only_a_country_is_named():
    doc = _doc("نفذ التحالف تسع غارات في سوريا.")
    trig, sent = _trigger(doc, "غارات")
    assert places_for(doc, trig, sent) == []


def test_dateline_with_country():
    doc = _doc("الموصل (العراق) - قتل 18 من البيشمركة في هجوم قرب مخمور.")
    assert doc.country == "Iraq"
    assert doc.places[0].place.name == "Mosul" and "dateline" in doc.places[0].reason
    trig, sent = _trigger(doc, "قتل")
    got = places_for(doc, trig, sent)
    assert [(p.place.name, p.place.admin1, p.place.admin2, p.precision, p.relation) for p in got] == \
        [("Mexmur", "Erbil", "Makhmur", 2, "near")]


def test_no_homonym_abroad_in_an_iraq_article():
    doc = _doc("أعلنت قيادة العمليات المشتركة العراقية أن القوات العراقية حررت ناحية الرياض جنوب غربي كركوك.")
    riyadh = next(p for p in doc.places if p.text == "الرياض")
    assert riyadh.place.country == "Iraq" and riyadh.place.admin1 == "Kirkuk"


def test_country_hint():
    assert geocode("اشتباكات في منطقة البو عيثة", country_hint="Iraq")[0].place.admin1 == "Al Anbar"


def test_governorate_alone_is_coded_at_its_capital():
    p = geocode("عمليات عسكرية في محافظة صلاح الدين")[0]
    assert (p.place.name, p.precision, p.place.admin2) == ("Salah ad Din", 3, None)
    assert abs(p.place.latitude - 34.6) < 0.2  # Tikrit


def test_empty_and_non_arabic_text():
    assert geocode("") == []
    assert geocode("no Arabic here at all") == []


def test_cli_geocode_json(capsys):
    assert cli.main(["geocode", "--json", "سقطت صواريخ على معسكر التاجي شمال بغداد"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["places"][0]["place"]["name"] == "Camp Taji"
    assert out["places"][0]["reason"]


def test_cli_geocode_text(capsys):
    assert cli.main(["geocode", "التقى السيد صلاح الدين محمد بالوفد"]) == 0
    out = capsys.readouterr().out
    assert "no places found" in out and "not a place here" in out


GEONAMES_LINE = "\t".join([
    "9999001", "Qaryat Test", "Qaryat Test", "Qaryat Test,قرية التجربة,التجربة", "36.1", "43.2", "P", "PPL", "IQ", "",
    "15", "9166649", "", "", "1200", "", "250", "Asia/Baghdad", "2020-01-01"])


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_GAZETTEER_DIR", str(tmp_path / "gaz"))
    gazmod.clear_cache()
    yield tmp_path / "gaz"
    gazmod.clear_cache()


def test_import_geonames_and_build(user_dir, tmp_path, capsys):
    dump = tmp_path / "IQ.txt"
    dump.write_text(GEONAMES_LINE + "\n", encoding="utf-8")
    assert cli.main(["gazetteer", "import", "geonames", str(dump)]) == 0
    assert (user_dir / "index.tsv").exists()
    got = geocode("اشتباكات في قرية التجربة جنوب الموصل", country_hint="Iraq")
    assert got[0].place.name == "Qaryat Test" and got[0].place.admin1 == "Nineveh" and got[0].place.geonameid == 9999001


def test_import_dtm_and_build(user_dir, tmp_path):
    dtm = tmp_path / "dtm.tsv"
    dtm.write_text("location_id\tgovernorate\tdistrict\tname_en\tname_ar\tlat\tlon\n"
                   "9900001\tAnbar\tRamadi\tTest Village\tقرية البو تجربة\t33.4\t43.3\n", encoding="utf-8")
    assert cli.main(["gazetteer", "import", "dtm", str(dtm)]) == 0
    got = geocode("هجوم على قرية البو تجربة", country_hint="Iraq")
    assert got[0].place.admin1 == "Al Anbar" and got[0].place.admin2 == "Ramadi"


def test_import_rejects_bad_files(user_dir, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("not a dump\n", encoding="utf-8")
    assert cli.main(["gazetteer", "import", "geonames", str(bad)]) != 0
    assert cli.main(["gazetteer", "import", "dtm", str(bad)]) != 0
    assert "error" in capsys.readouterr().err


def test_list_runs_past_a_comma_and_a_name_inside_a_sentence_is_no_dateline():
    doc = _doc("شنت الطائرات غارات على حلب، إدلب. وقتل مدني في الموصل.")
    assert not any("dateline" in p.reason for p in doc.places)
    trig, sent = _trigger(doc, "غارات")
    assert [p.place.name for p in places_for(doc, trig, sent)] == ["Aleppo", "Idlib"]
