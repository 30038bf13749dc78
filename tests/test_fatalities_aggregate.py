"""Whose toll is it, part two: a death count belongs to an incident only when it is that incident's toll.

A war's cumulative toll, a campaign's, deaths "since March" or "over the past weeks", an overview of
many attacks, a death sentence, a rate: none is the toll of the event told beside it (spec section 5;
ACLED counts the deaths of the event). Real tolls stay: digits (Eastern Arabic too), number words,
vague counts as ACLED reads them (عشرات 10, مئات 100, عدد من 0), a suicide bomber who dies, a past
incident's own toll, a battle "since this morning". Made-up news sentences; triggers given by hand
(what the trigger stage would find), sentences, dates and counts come from the real stages."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import TYPES, Trig

from rasd.dates import find_dates
from rasd.doc import Document
from rasd.numbers import AGGREGATE_SIZE, fatalities_for, find_casualties, parse_number
from rasd.segment import segment

P = dt.date(2018, 5, 20)


def build(text: str, triggers: list[tuple[str, str]]) -> tuple[Document, list[Trig]]:
    doc = Document(text, published=P)
    segment(doc)
    doc.places = []
    trigs = []
    for word, kind in triggers:
        pos = doc.norm.text.index(word)
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
        trigs.append(Trig(pos, pos + len(word), index, *TYPES[kind]))
    doc.triggers = trigs
    find_dates(doc)
    find_casualties(doc)
    return doc, trigs


def deaths(text: str, trigger: str, kind: str) -> tuple[int, str]:
    doc, trigs = build(text, [(trigger, kind)])
    got = fatalities_for(doc, trigs[0], doc.sentences[trigs[0].sentence])
    return got.count, got.reason


# (sentence, trigger as normalised text, trigger type, deaths of that event)
TABLE = [
    # -- a war's or conflict's cumulative toll
    ("وتأتي الاحتجاجات في بلد أودت الحرب فيه بحياة أكثر من ٣٥٠ ألف شخص منذ عام 2011.", "الاحتجاجات", "protest", 0),
    ("تظاهر المئات في المدينة، في حين خلّف النزاع المستمر عشرات الآلاف من القتلى.", "تظاهر", "protest", 0),
    ("وأسفر الصراع الذي تشهده البلاد عن مقتل نحو عشرة آلاف شخص، وشنت الطائرات غارات على مواقع المتمردين.",
     "غارات", "air", 0),
    ("واستهدفت غارة جوية الموقع، ويُعدّ النزاع هناك قد قتل قرابة 40 ألف شخص.", "غاره جويه", "air", 0),
    ("وقصفت المدفعية القرى الحدودية في حرب قُتل فيها أكثر من ٥٠٠ مقاتل.", "قصفت المدفعيه", "shelling", 0),
    ("ودارت اشتباكات عنيفة على أطراف المدينة التي قتل فيها 1200 شخص.", "اشتباكات", "clash", 0),
    # -- deaths since a start point
    ("وقتل الجيش ١٢٠ فلسطينياً على الأقل منذ الثلاثين من آذار خلال الاحتجاجات عند السياج.", "الاحتجاجات",
     "protest", 0),
    ("ومنذ بدء الهجوم على المدينة قتل 75 مدنيا بحسب المرصد، واستمر القصف اليوم.", "القصف", "shelling", 0),
    ("وتعرضت البلدة لقصف عنيف، وارتفع عدد القتلى منذ مطلع الشهر إلى ٢٣٠ قتيلا.", "قصف", "shelling", 0),
    ("وتشن القوات منذ 18 شباط/فبراير هجوماً واسعاً على الغوطة، تسبب بمقتل أكثر من 900 مدني.", "هجوما", "air", 0),
    ("وقُتل منذ اندلاع المعارك في المحافظة نحو ثلاثمائة مقاتل.", "المعارك", "clash", 0),
    # -- deaths over a period
    ("وقتل 128 من المسلحين في غارات جوية ومواجهات خلال اليومين الماضيين.", "غارات", "air", 0),
    ("وأعلن الجيش مقتل 500 عنصر من المتمردين خلال الأيام الستة الماضية في معركة الساحل.", "معركه", "clash", 0),
    ("وقُتل أكثر من 100 شخص في الاحتجاجات في غضون ستة أسابيع.", "الاحتجاجات", "protest", 0),
    ("وقال المرصد إن الغارات أودت بحياة نحو 250 مدنياً على مدى ثلاثة أسابيع.", "الغارات", "air", 0),
    ("وقُتل نحو مئة فلسطيني في الأشهر الأخيرة خلال مواجهات على الحدود.", "مواجهات", "clash", 0),
    ("وجاءت الهدنة بعد عشرة أيام من القصف العنيف الذي أودى بحياة أكثر من خمسمائة مدني.", "القصف", "shelling", 0),
    # -- a campaign, an overview of many attacks
    ("وأعلن الجيش أن 7 من جنوده و71 مسلحاً قتلوا في العملية الشاملة التي بدأت قبل أسبوعين.", "العمليه", "clash", 0),
    ("وشنت الجماعة عدة هجمات في العاصمة خلال الأشهر الماضية، ما أسفر عن مقتل مئات الأشخاص.", "هجمات", "attack", 0),
    ("ويبلغ عدد ضحايا الهجمات الصاروخية ١١٢ مدنيا منذ عام 2015.", "الهجمات الصاروخيه", "shelling", 0),
    ("ويموت عشرة مهاجرين يوميا في عرض البحر، واعترضت البحرية زورقاً قرب الساحل.", "اعترضت", "disrupted", 0),
    # -- a death sentence is no death
    ("أصدرت محكمة الجنايات حكمها بإعدام ٧٥ متهماً في قضية فض الاعتصام.", "فض الاعتصام", "protest", 0),
    ("وقضت المحكمة العسكرية بإعدام ستة من المتهمين بالهجوم على الكنيسة.", "الهجوم", "attack", 0),
    ("وحكمت محكمة أمن الدولة على 12 متهماً بالإعدام شنقاً بعد إدانتهم بتفجير الحافلة.", "بتفجير", "ied", 0),
    ("وأيّدت محكمة النقض أحكاماً بإعدام عشرين متهماً في أحداث الشغب.", "الشغب", "protest", 0),
    # -- part of a toll: the count after بينهم is inside the total
    ("وقالت الوزارة إن 51 شخصا بينهم 40 طفلا قتلوا في الغارة على الحافلة.", "الغاره", "air", 51),
    ("أسفر الانفجار عن مقتل ١٣ مدنيا بينهم ٤ أطفال وامرأتان.", "الانفجار", "ied", 13),
    # -- real tolls stay
    ("قُتل خمسة جنود في هجوم على حاجز عسكري شمال المدينة صباح اليوم.", "هجوم", "attack", 5),
    ("قتـــل ثلاثة مدنيين بانفجار عبوة ناسفة في سوق البلدة.", "عبوه ناسفه", "ied", 3),
    ("أسفرت غارة جوية على القرية عن مقتل ٢٣ شخصا، بحسب الدفاع المدني.", "غاره جويه", "air", 23),
    ("ولقي أربعة عشر مسلحاً مصرعهم في اشتباكات مع الجيش منذ صباح الجمعة.", "اشتباكات", "clash", 14),
    ("وقتل 40 عنصرا من المسلحين خلال مواجهات عنيفة تدور منذ فجر اليوم على الساحل.", "مواجهات", "clash", 40),
    ("وشهد المطار العام الماضي هجوماً راح ضحيته 43 شخصا.", "هجوما", "attack", 43),
    ("وكانت القاعدة هدفاً لهجوم كيماوي في العام الماضي قتل ما لا يقل عن 70 شخصا.", "هجوم كيماوي", "attack", 70),
    ("وأودى انفجار لغم أرضي الخميس بحياة ٣ مدنيين جنوب المدينة.", "انفجار لغم", "ied", 3),
    ("قُتل عشرات المدنيين في القصف المدفعي على الحي.", "القصف المدفعي", "shelling", 10),
    ("وسقط مئات القتلى في المجزرة التي ارتكبتها الميليشيا في القرية أمس.", "المجزره", "attack", 100),
    ("وقتل عدد من المدنيين في الغارة الجوية على السوق.", "الغاره الجويه", "air", 0),
    ("فجر انتحاري نفسه عند مدخل المسجد ما أسفر عن مقتل ستة مصلين.", "فجر انتحاري", "suicide", 7),
    ("قتل 26 مقاتلا من قوات النظام إضافة إلى تسعة مقاتلين أجانب في هجوم التنظيم على الرتل.", "هجوم", "clash", 35),
    ("وأسفرت العمليات عن إصابة مجند ومقتل فردين مدنيين نتيجة انفجار عبوة ناسفة.", "عبوه ناسفه", "ied", 2),
    ("قُتل 40 شخصا على الأقل وأصيب 72 حين انفجرت سيارة ملغومة في السوق.", "سياره ملغومه", "ied", 40),
    ("وقُتل وأصيب عشرات في الاشتباكات التي اندلعت في الحي.", "الاشتباكات", "clash", 0),
    ("ونفذ الجيش حملة دهم أسفرت عن مقتل مسلحَين اثنين.", "دهم", "clash", 2),
    ("وأعدم التنظيم خمسة رهائن في ساحة البلدة يوم السبت.", "اعدم", "attack", 5),
    ("وقتل 5 مدنيين في غارة جوية على بلدة يسيطر عليها المتمردون منذ عام 2014.", "غاره جويه", "air", 5),
    ("واستهدفت غارات جوية ليل الأحد البلدة المحاصرة منذ عام 2013، ما أسفر عن سقوط أربعة عشر قتيلا.", "غارات جويه",
     "air", 14),
    ("وهذا أول تفجير تشهده المدينة منذ مقتل ١٠٠ شخص في هجوم بسيارة مفخخة في كانون الثاني.", "هجوم", "ied", 100),
    ("ومنذ ذلك التاريخ قتل 167 فلسطينيا، فيما قتل جندي واحد في هجوم قرب السياج في 20 تموز.", "هجوم", "attack", 1),
    ("وقد أدت الحرب حتى الآن إلى مقتل أكثر من 10.000 شخص، وشنت الطائرات غارات على الميناء.", "غارات", "air", 0),
    # -- deaths no one inflicted are no event's toll
    ("أعلنت الوزارة مقتل ٢٥٧ شخصا جراء تحطم طائرة عسكرية، بعد ساعات من هجوم على ثكنة قريبة.", "هجوم", "attack", 0),
    ("ولقي ١٢ مهاجرا حتفهم غرقاً قبالة السواحل بعد أن طاردهم خفر السواحل.", "طاردهم", "attack", 0),
    ("وقتل خمسة أشخاص في حادث سير قرب موقع الانفجار.", "الانفجار", "ied", 0),
    ("وقتل خمسة جنود في الحادث الإرهابي الذي استهدف الحاجز بعبوة ناسفة.", "عبوه ناسفه", "ied", 5),
    # -- stop 35 (fatal26): more of our own, tatweel, diacritics, number words and Eastern Arabic digits
    ("وارتفع عدد ضحايا الغارات منذ بداية الحملة إلى ٤٣٠ قتيلاً، وقصفت الطائرات اليوم سوق البلدة.", "قصفت", "air", 0),
    ("وقُتِل أكثر من ثلاثمئة شخص في المواجهات على مدى الأسابيع الأربعة الماضية.", "المواجهات", "clash", 0),
    ("وأودت المعارك المستمرة منذ عامين بحياة ما يزيد على خمسة آلاف مقاتل.", "المعارك", "clash", 0),
    ("وقتل ٢١٥ شخصاً في الهجمات الانتحاريـة خلال العام الماضي في العاصمة.", "الهجمات الانتحاريه", "suicide", 0),
    ("وشهدت المحافظة خلال الشهر الماضي سلسلة هجمات أودت بحياة ٦٠ شخصاً، وانفجرت اليوم عبوة ناسفة في سوقها.",
     "عبوه ناسفه", "ied", 0),
    ("ويُقتل في المتوسط خمسة مدنيين يومياً في القصف، واستهدفت غارة اليوم مستشفى المدينة.", "غاره", "air", 0),
    ("وقضت محكمة الجنايات بإعدام ١١ متهماً بتفجير الكنيسة.", "بتفجير", "ied", 0),
    ("وأصدرت المحكمة العسكرية أحكاماً بالإعدام بحق تسعة عشر مداناً في قضية تفجير الحافلة.", "تفجير", "ied", 0),
    ("قُتِلَ ثمانيةُ جنود في كمين نصبه مسلحون على طريق الوادي فجر اليوم.", "كمين", "clash", 8),
    ("أسفر انفجار سيارة مفخخة أمام مقر الشرطة عن مقتل ١٧ شخصـاً وإصابة ٤٠ آخرين.", "سياره مفخخه", "ied", 17),
    ("ولقي ثلاثة عشر مدنياً حتفهم جراء قصف مدفعي استهدف الحي السكني.", "قصف مدفعي", "shelling", 13),
    ("قتل ٥ من عناصر الأمن و٧ مسلحين في اشتباكات عنيفة بالمدينة.", "اشتباكات", "clash", 12),
    ("وأعلنت الوزارة مقتل ٢٤ مدنيا بينهم ٩ أطفال في غارة على مدرسة.", "غاره", "air", 24),
    ("وسقط عشرات القتلى في الهجوم الذي استهدف السوق صباح الأحد.", "الهجوم", "attack", 10),
    ("وأصيب ستة متظاهرين بجروح خلال تفريق الشرطة للمسيرة.", "تفريق", "protest", 0),
    ("ارتفعت حصيلة قتلى التفجير في السوق إلى ٣٢ قتيلاً بحسب مصادر طبية.", "التفجير", "ied", 32),
    ("وأعدمت الجماعة المسلحة ثلاثة رهائن رمياً بالرصاص أمس.", "اعدمت", "attack", 3),
    # -- a death the event followed (إثر، عقب، في أعقاب) is its occasion, not its toll ...
    ("وشنت المقاتلات غاراتٍ على القطاع إثر مقتل جندي قرب الحدود.", "غارات", "air", 0),
    ("اندلعت مواجهات عنيفة في الحي عقـب مقتل شاب برصاص الشرطة.", "مواجهات", "clash", 0),
    ("وقصفت المدفعية القرى الحدودية في أعقاب مقتل ٣ جنود بنيران القناصة.", "قصفت المدفعيه", "shelling", 0),
    ("وشنت إسرائيل غارات على غزة عقب مقتل جندي إسرائيلي، ما أسفر عن مقتل فلسطينيَّين اثنين.", "غارات", "air", 2),
    # ... but the deaths an event caused stay its toll, إثر before the event, بعد after it
    ("قتل خمسة أشخاص إثر غارة جوية على السوق.", "غاره جويه", "air", 5),
    ("وأسفرت المعارك عن سيطرة القوات على البلدة، بعد مقتل ٣٠ عنصراً من المسلحين.", "المعارك", "clash", 30),
]


@pytest.mark.parametrize("text, trigger, kind, expected", TABLE)
def test_incident_toll(text, trigger, kind, expected):
    count, reason = deaths(text, trigger, kind)
    assert count == expected, reason


def test_table_is_varied():
    """The table holds at least 40 sentences, tolls of both kinds, and Eastern Arabic digits."""
    assert len(TABLE) >= 40
    assert sum(1 for row in TABLE if row[3] == 0) >= 20 and sum(1 for row in TABLE if row[3] > 0) >= 15
    assert sum(1 for row in TABLE if any("٠" <= c <= "٩" for c in row[0])) >= 8


def test_reason_says_why_a_toll_is_not_the_incidents():
    count, reason = deaths("وقتل الجيش ١٢٠ فلسطينياً على الأقل منذ الثلاثين من آذار خلال الاحتجاجات.",
                           "الاحتجاجات", "protest")
    assert count == 0 and "cumulative" in reason and "120" in reason
    count, reason = deaths("أصدرت المحكمة حكمها بإعدام ٧٥ متهماً في قضية فض الاعتصام.", "فض الاعتصام", "protest")
    assert count == 0 and "sentence" in reason


@pytest.mark.parametrize("count", [AGGREGATE_SIZE, 2 * AGGREGATE_SIZE, 350_000])
def test_a_count_beyond_any_incident_is_not_one(count):
    got, reason = deaths(f"وتظاهر الآلاف في الساحة بعد مقتل {count} شخص.", "تظاهر", "protest")
    assert got == 0 and str(count) in reason


def test_a_real_toll_is_kept_beside_a_cumulative_one():
    """One sentence, two counts: the incident's own toll stays, the cumulative one is left out."""
    text = "قتل سبعة جنود في هجوم على ثكنة أمس، ليرتفع عدد قتلى الجيش منذ بداية العام إلى ٣٠٠."
    count, reason = deaths(text, "هجوم", "attack")
    assert count == 7, reason


def test_a_dot_between_thousands_is_a_separator():
    assert parse_number("10.000") == 10_000 and parse_number("١٢.٥٠٠") == 12_500
    assert parse_number("1.5 مليون") == 1_500_000 and parse_number("2.75") == 2  # a decimal, not thousands


@pytest.mark.parametrize("text, triggers, owner", [
    ("وأسفرت العمليات عن إصابة مجند أثناء الاشتباكات مع المسلحين، ومقتل فردين مدنيين، نتيجة لانفجار عبوة ناسفة.",
     [("الاشتباكات", "clash"), ("عبوه ناسفه", "ied")], 1),
    ("وتواصلت الاشتباكات في الحي، وقُتل ثلاثة أطفال جراء غارة جوية على منزلهم.",
     [("الاشتباكات", "clash"), ("غاره جويه", "air")], 1),
])
def test_deaths_caused_by_the_event_named_after_them(text, triggers, owner):
    """"ومقتل فردين، نتيجة لانفجار عبوة": the explosion named after the deaths caused them, the clash
    named before did not."""
    doc, trigs = build(text, triggers)
    counts = [fatalities_for(doc, t, doc.sentences[t.sentence]).count for t in trigs]
    assert counts[owner] > 0 and all(c == 0 for i, c in enumerate(counts) if i != owner), counts
