"""geo._country_mentions: the article's country names (PCLI places), read once per article for places_for and
_pick, and read again when doc.places is another list."""
from __future__ import annotations

from rasd import geo
from rasd.doc import Document
from rasd.pipeline import STAGES_BEFORE_DECISION, make_document, run_stages


class _At:
    def __init__(self, start: int, end: int, sentence: int):
        self.start, self.end, self.sentence = start, end, sentence
        self.sub_event_type = "Air/drone strike"


def _doc(text: str) -> Document:
    doc = make_document({"id": "t", "text": text, "published": "2018-03-15", "source": "test"})
    run_stages(doc, STAGES_BEFORE_DECISION[:4])  # segment, triggers, modality, places
    return doc


def _places(doc: Document, word: str, k: int) -> list[tuple[str, str]]:
    at = doc.norm.text.index(word)
    got = geo.places_for(doc, _At(at, at + len(word), k), doc.sentences[k])
    return [(p.place.country, p.place.name) for p in got]


def test_only_the_country_in_the_sentence_gives_no_place():
    doc = _doc("قُتل ثلاثة مدنيين في غاراتٍ على مدينة الرقة. وشنّت الطائرات غارات جديدة في سوريا أمس.")
    assert [p.place.feature for p in geo._country_mentions(doc)] == ["PCLI"]
    assert _places(doc, "غارات جديده", 1) == []
    assert _places(doc, "غارات علي", 0) == [("Syria", "Ar Raqqah")]


def test_the_same_answers_without_the_article_cache_and_after_a_new_list():
    doc = _doc("استهدفت غارة جوية الرقة في سوريا، وقرب الحديثة في العراق قتل ٤ جنود. ووقعت اشتباكات في حلب.")
    first = [_places(doc, w, k) for w, k in (("غاره", 0), ("اشتباكات", 1))]
    countries = geo._country_mentions(doc)
    assert "Syria" in {p.place.name for p in countries}
    assert geo._country_mentions(doc) is countries  # read once
    geo_data = doc.user_data.pop("geo")
    assert [p.start for p in geo._country_mentions(doc)] == [p.start for p in countries]
    doc.user_data["geo"] = geo_data
    assert [_places(doc, w, k) for w, k in (("غاره", 0), ("اشتباكات", 1))] == first
    doc.places = [p for p in doc.places if p.place.feature != "PCLI"]  # another list: read again
    assert geo._country_mentions(doc) == []
