"""geo.anaphor_place gives up at once on a sentence that holds no anaphor's stem (مدينه، بلده، قريه، محافظه); a
sentence that holds one, written with proclitics, diacritics or tatweel, still finds its antecedent."""
from __future__ import annotations

from rasd import geo
from rasd.pipeline import STAGES_BEFORE_DECISION, make_document, run_stages


def _doc(text: str):
    doc = make_document({"id": "t", "text": text, "published": "2018-03-15", "source": "test"})
    run_stages(doc, STAGES_BEFORE_DECISION[:4])  # segment, triggers, modality, places
    return doc


def _anaphor(text: str, k: int = 1) -> list[tuple[str, str]]:
    doc = _doc(text)
    return [(p.text, p.place.name) for p in geo.anaphor_place(doc, doc.sentences[k])]


def test_stems_are_the_anaphors_without_the_article():
    assert set(geo._ANAPHOR_STEMS) == {"مدينه", "بلده", "قريه", "محافظه"}


def test_anaphor_with_proclitics_diacritics_and_tatweel():
    assert _anaphor("سيطر مسلحون على مدينة الرمادي أمس. وكانت المدينةُ قد شهدت اشتباكات عنيفة.") == [
        ("المدينةُ", "Ramadi")]
    assert _anaphor("دخلت القوات مدينة الرمادي. وقُتل ٣ مدنيين بالمديـنة في قصف.") == [("المديـنة", "Ramadi")]
    assert _anaphor("دخلت القوات مدينة الرمادي. ووصلت التعزيزات للمدينة بعد القصف.") == [("لمدينة", "Ramadi")]  # (لل: one ل quoted)


def test_no_stem_no_anaphor():
    assert _anaphor("سيطر مسلحون على مدينة الرمادي أمس. وقُتل ثلاثة جنود في اشتباكات عنيفة.") == []
    # the stem inside a name is no anaphor either ("المدينة المنورة" is a place of its own)
    assert _anaphor("سيطر مسلحون على مدينة الرمادي أمس. ووصل الوفد إلى المدينة المنورة.") == []
