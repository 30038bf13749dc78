"""Tolls of a whole area, of several fronts, of past days or since a campaign began: a province's tally of a series of attacks, deaths
"in the province" after hours of clashes and suicide attacks, deaths on the fronts of a governorate, deaths
over the past two days told at the end of the sentence. No single event holds them (ACLED: a toll for several
events or places together, not split by the text, counts 0 for each), while a count that names its town, its
single attack or stands alone in a province keeps its value. Made-up news sentences run through the real
stages (segmenter, triggers, gazetteer, dates, casualties), then whole articles through the pipeline."""
from __future__ import annotations

import pytest

from rasd.numbers import area_toll_reason
from rasd.pipeline import STAGES_BEFORE_DECISION, make_document, process, run_stages

_UP_TO_CASUALTIES = [s for s in STAGES_BEFORE_DECISION if s[0] not in ("actors", "propose")]


def killed_counts(text: str) -> list[tuple[int, str | None]]:
    """(count, why it is set aside or None) of each death count the stages read in ``text``."""
    doc = make_document({"id": "t", "text": text, "published": "2018-06-10", "source": "test"})
    run_stages(doc, _UP_TO_CASUALTIES)
    return [(m.count, m.aggregate) for m in doc.casualties if m.kind == "killed" and m.count > 0]


SET_ASIDE = [
    # a province's tally of several attacks, its count in Eastern Arabic digits, with shadda and tanwin
    ("ارتفعت حصيلة القتلى جراء الهجمات التي شنّها المسلحون في محافظة درعا إلى ١٢٠ قتيلاً، وفق مصادر طبية.",
     120, "province"),
    # the same told the other way round, over a countryside ("ريف"), with a damma on the subject
    ("ارتفعت إلى ٤٥ قتيلاً مدنياً حصيلةُ الغارات التي شنتها الطائرات على ريف حماة في الساعات الأخيرة.",
     45, "province"),
    # a state (ولاية) as the area
    ("ارتفعت حصيلة ضحايا الهجمات في ولاية بورنو إلى 31 قتيلا.", 31, "province"),
    # deaths "in the province", after clashes and suicide attacks
    ("قالت مصادر إن 60 شخصاً قُتلوا في المحافظة بعد ساعات من الاشتباكات والهجمات الانتحارية.", 60, "province"),
    # strikes and clashes on several fronts
    ("لقي 35 مسلحا مصرعهم جراء غارات التحالف ومواجهات مع القوات الحكومية في جبهات تعز.", 35, "fronts"),
    # deaths over the past two days, told at the sentence's end, far from the count
    ("قتل 80 مسلحا في غارات شنتها مقاتلات التحالف على مواقعهم ومعارك مع قوات الجيش في محيط مدينة الحديدة "
     "الساحلية خلال اليومين الماضيين.", 80, "period"),
    # a campaign's toll whose start point comes far after the count
    ("وقُتل ١٥٠ فلسطينياً على الأقل بنيران الجيش الإسرائيلي على طول السياج الحدودي منذ بدء الاحتجاجات في آذار.",
     150, "cumulative"),
]


@pytest.mark.parametrize("text, count, why", SET_ASIDE)
def test_an_area_toll_is_set_aside(text, count, why):
    counts = killed_counts(text)
    assert [c for c, _ in counts] == [count]
    reason = counts[0][1]
    assert reason is not None and why in reason


KEPT = [
    # one province and one fight, no tally: the count is that fight's
    ("وفي محافظة حلب، قتل 28 عنصراً إثر اشتباكات بين الطرفين.", 28),
    # a tally that names its town
    ("ارتفعت إلى 9 قتلى حصيلة الغارات على بلدة كفرنبل في ريف إدلب.", 9),
    # a tally of one attack in a province
    ("ارتفعت حصيلة قتلى الهجوم الانتحاري في محافظة ديالى إلى 14 قتيلا.", 14),
    # the fronts are the motive's, not where the two died
    ("أقدمت الميليشيا على قتل مدنيَّين اثنين في قرية الحمراء انتقاما لخسائرها في مختلف جبهات القتال.", 2),
    # the past days are a relative clause's (the sites freed), not the deaths'
    ("قتل سبعة مسلحين من عناصر الميليشيا أثناء محاولتهم التسلل ليلا إلى مواقع عسكرية مهمة حررها الجيش "
     "اليمني خلال الأيام الماضية في أطراف المديرية.", 7),
    # one front (singular), with tatweel in the verb
    ("قُتـــل 3 جنود في هجوم على حاجز في جبهة صرواح.", 3),
    # the bloodiest day since the offensive began: that day's toll
    ("قتل 8 من جنودها في عفرين، في أحد أكثر الأيام دموية منذ بدء الهجوم.", 8),
]


@pytest.mark.parametrize("text, count", KEPT)
def test_a_placed_or_single_toll_is_kept(text, count):
    assert killed_counts(text) == [(count, None)]


def test_the_reason_names_the_count_and_the_words():
    doc = make_document({"id": "t", "text": "لقي 35 مسلحا مصرعهم جراء غارات ومواجهات في جبهات تعز.",
                         "published": "2018-06-10", "source": "test"})
    run_stages(doc, _UP_TO_CASUALTIES)
    (m,) = [m for m in doc.casualties if m.kind == "killed" and m.count > 0]
    assert area_toll_reason(doc, m) == m.aggregate
    assert m.aggregate.startswith("35 (") and "fronts" in m.aggregate


def events_of(text: str) -> list[tuple[str | None, int]]:
    result = process({"id": "t", "text": text, "published": "2018-07-26", "source": "test", "title": ""})
    assert result.skipped is None
    return [(e["location"], e["fatalities"]) for e in result.events]


def test_a_province_tally_retold_beside_a_town_attack():
    """The town's own toll stays (its bomber counted); the province's tally goes to no event."""
    events = events_of("ارتفعت حصيلة القتلى جراء الهجمات التي شنها التنظيم في محافظة السويداء إلى نحو ٢٠٠ قتيل، "
                       "وفق المرصد السوري. وكان انتحاري قد فجر حزامه الناسف في سوق مدينة شهبا صباح الأربعاء "
                       "ما أدى إلى مقتل 6 مدنيين.")
    assert ("Shahba", 7) in events
    assert all(count < 200 for _, count in events)


def test_fronts_toll_beside_a_district_shelling():
    events = events_of("لقي 40 مسلحا حوثيا مصرعهم في غارات للتحالف ومواجهات مع قوات الجيش في جبهات الحديدة. "
                       "وقتل 3 مدنيين في قصف حوثي على مديرية حيس.")
    assert ("Hays", 3) in events
    assert sum(count for _, count in events) == 3
