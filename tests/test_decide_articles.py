"""What the whole article says: an article of statements, analyses, diplomacy or memories gives no event.

Every article here was written for rasd (short, with clitics, diacritics, tatweel and Eastern Arabic digits).
The statements, analyses, reports of other reports and anniversaries report no codable event however
eventful their words (out of fold on train, 152 spurious events come from such articles); the reports of one
real incident must keep their event, so that the first kind cannot pass by dropping all.
"""
from __future__ import annotations

import pytest

from rasd import pipeline

PUBLISHED = "2018-05-14"

STATEMENTS = [
    ("الخارجية تدعو إلى التهدئة",
     "دعت وزارة الخارجية المصرية جميع الأطراف في ليبيا إلى ضبط النفس والعودة إلى طاولة الحوار. "
     "وقال المتحدث باسم الوزارة إن الحل السياسي هو السبيل الوحيد لإنهاء الأزمة."),
    ("بيان مشترك حول اليمن",
     "أكد وزراء خارجية الدول الأربع في بيانٍ مشترك دعمهم لجهود المبعوث الأممي إلى اليمن. "
     "وشدد البيان على ضرورة التوصل إلى حل سياسي شامل يضع حداً للمعاناة الإنسانية."),
    ("تحليل: مستقبل الاتفاق النووي",
     "يرى محللون أن انسحاب واشنطن من الاتفاق النووي سيزيد التوتر في المنطقة. "
     "ويقول خبراء إن طهران قد ترد بطرق مختلفة، وإن أوروبا تحاول إنقاذ الاتفاق بالمفاوضات."),
    ("لقاء في الرياض",
     "استقبل ولي العهد السعودي في الرياض وزير الخارجية الأمريكي، وبحث الجانبان العلاقات الثنائية "
     "وسبل تعزيز التعاون في مجالات الاقتصاد والطاقة."),
    ("تقرير أممي",
     "قال تقرير للأمم المتحدة صدر اليوم إن آلاف المدنيين قتلوا في النزاع منذ عام 2011، وإن الملايين "
     "نزحوا من ديارهم، داعياً إلى حماية المدنيين."),
    ("أسعار النفط ترتفع",
     "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج، وسجل خام برنت "
     "٧٥ دولاراً للبرميل."),
    ("مفاوضات جنيف",
     "تنطلق غداً في جنيف جولة جديدة من المفاوضات بين وفدي الحكومة والمعارضة السورية برعاية الأمم المتحدة، "
     "وسط آمال بتحقيق تقدم في ملف المعتقلين."),
]

ANNIVERSARIES = [
    ("ذكرى المجزرة",
     "أحيا أهالي المدينة الذكرى الثالثة والعشرين للمجزرة التي راح ضحيتها عشرات المدنيين عام ١٩٩٥، "
     "ووضعوا أكاليل الزهور على النصب التذكاري."),
    ("في الذكرى السنوية",
     "تمر اليوم الذكرى السنوية الخامسة لسقوط مدينة الموصل بيد التنظيم عام 2014، ويستعيد السكان "
     "ذكريات تلك الأيام الصعبة."),
    # a known defect, left to the date stage: "في مثل هذا اليوم من عام ١٩٩٨" (on this day of 1998) is read
    # as the publication day, so the old bombing is coded as today's; strict, so that the fix is noticed
    pytest.param("عشرون عاماً على التفجير",
                 "يستذكر الليبيون في مثل هذا اليوم من عام ١٩٩٨ تفجير الطائرة الذي أودى بحياة ركابها، وتقام "
                 "فعالياتٌ لتكريم الضحايا في طرابلس.",
                 marks=pytest.mark.xfail(strict=True, reason="the 1998 bombing is dated right (background, 1998-05-14) but takes the "
                                                       "town of the ceremonies as its place: the text gives none")),
]

ATTACKS = [
    ("مقتل جنود في هجوم",
     "قُتل ثلاثة جنود عراقيين وأصيب خمسة آخرون في هجومٍ شنه مسلحون على نقطة تفتيش في قضاء الطارمية "
     "شمالي بغداد مساء أمس، بحسب مصدر أمني.", "Violence against civilians", "Battles"),
    ("انفجار سيارة مفخخة",
     "انفجرت سيارة مفخخة صباح اليوم في سوق شعبي بمدينة الفلوجة في محافظة الأنبار، ما أسفر عن مقتل "
     "٤ مدنيين وإصابة 10 آخرين.", "Explosions/Remote violence", None),
    ("غارات على إدلب",
     "شنـت طائرات حربية غارات جوية على بلدة خان شيخون في ريف إدلب الجنوبي، ما أدى إلى مقتل سبعة مدنيين "
     "بينهم أطفال، وفق المرصد السوري.", "Explosions/Remote violence", None),
    ("تظاهرة في البصرة",
     "تظاهر مئات المحتجين أمس أمام مبنى المحافظة في البصرة للمطالبة بتوفير الماء والكهرباء وفرص العمل.",
     "Protests", "Riots"),
    ("اشتباكات في تعز",
     "اندلعت اشتباكات عنيفة بين القوات الحكومية ومسلحي الحوثيين في مدينة تعز اليوم الأحد، أسفرت عن "
     "مقتل ستة مسلحين، حسبما أفادت مصادر عسكرية.", "Battles", None),
    ("اغتيال مسؤول محلي",
     "اغتال مسلحون مجهولون مسؤولاً محلياً بإطلاق النار عليه أمام منزله في مدينة درنة شرقي ليبيا "
     "ليلة الاثنين، وفق مصدر أمني.", "Violence against civilians", None),
]


def process(title: str, text: str) -> list[dict]:
    return pipeline.process({"title": title, "text": text, "published": PUBLISHED, "source": "test"}).events


@pytest.mark.parametrize("title,text", STATEMENTS + ANNIVERSARIES)
def test_an_article_of_statements_or_memories_gives_no_event(title, text):
    assert process(title, text) == []


@pytest.mark.parametrize("title,text,event_type,alternative", ATTACKS)
def test_an_article_of_one_real_incident_keeps_it(title, text, event_type, alternative):
    types = {e["event_type"] for e in process(title, text)}
    assert event_type in types or (alternative and alternative in types), types


def _event_recall():
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parent.parent / "scripts" / "event_recall.py"
    spec = importlib.util.spec_from_file_location("event_recall_script", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_spurious_classes_of_event_recall():
    """scripts/event_recall.py --spurious: the class of a predicted event that pairs with no gold event."""
    er = _event_recall()
    from rasd.evaluate import admin1_aliases
    aliases = admin1_aliases()
    bomb = {"event_type": "Explosions/Remote violence", "admin1": "Baghdad"}
    battle = {"event_type": "Battles", "admin1": "Baghdad"}
    battle_elsewhere = {"event_type": "Battles", "admin1": "Ninewa"}
    protest_elsewhere = {"event_type": "Protests", "admin1": "Basra"}
    assert er.spurious_class(bomb, [], set(), aliases) == "sp: article without gold"
    assert er.spurious_class(bomb, [dict(bomb)], {0}, aliases) == "sp: duplicate"
    assert er.spurious_class(bomb, [battle], set(), aliases) == "sp: type confusion"
    assert er.spurious_class(battle, [battle_elsewhere], set(), aliases) == "sp: admin1 confusion"
    assert er.spurious_class(battle, [battle_elsewhere], {0}, aliases) == "sp: extra, type elsewhere"
    assert er.spurious_class(bomb, [battle], {0}, aliases) == "sp: extra type, same admin1"
    assert er.spurious_class(bomb, [protest_elsewhere], {0}, aliases) == "sp: extra, unrelated"
    # admin1s compared as the scorer compares them (case and spacing folded)
    assert er.spurious_class({"event_type": "Battles", "admin1": " baghdad "}, [battle], {0}, aliases) == "sp: duplicate"
