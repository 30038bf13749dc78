"""Short reports: an article of one or two sentences that tells an incident is coded; one of the same
length that tells a plan, a threat, a denial, a condemnation or a statement is not.

A single sentence out of context is what the decision model reads least surely (the model card's limits):
these guard it. Every sentence here was written for rasd (with diacritics, tatweel, clitics and Eastern
Arabic digits).
"""
from __future__ import annotations

import pytest

from rasd import pipeline

PUBLISHED = "2018-05-14"


def events_of(text: str) -> list[dict]:
    return pipeline.process({"text": text, "published": PUBLISHED, "source": "test"}).events


SHORT_REPORTS = [
    ("وفي الموصل، انفجرت سيارة مفخخة قرب حاجز للشرطة.", "Explosions/Remote violence", "Nineveh"),
    ("قصفت المدفعية التركية قرية جنديرس في ريف عفرين.", "Explosions/Remote violence", "Aleppo"),
    ("اشتبكـــت قوات الجيش اليمني مع مسلحي الحوثي في مديرية نهم شرقي صنعاء.", "Battles", "Sanaa"),
    ("نفذت طائرة مسيرة غارة على سيارة في مدينة مأرب مساء الخميس، ما أسفر عن مقتل ٣ أشخاص.",
     "Explosions/Remote violence", "Ma'rib"),
    ("تظاهر مئات الطلاب أمام جامعة الخرطوم للمطالبة بالإفراج عن زملائهم.", "Protests", "Khartoum"),
    ("وفي كركوك، أطلق مسلحون النار على سيارة أجرة فقتلوا سائقها.", "Violence against civilians", "Kirkuk"),
    ("استعادت القوات العراقية السيطرة على بلدة بشير جنوبي كركوك بعد معارك مع تنظيم داعش.", "Battles", "Kirkuk"),
    ("سقطت قذيفة هاون على حي سكني في دمشق صباح اليوم.", "Explosions/Remote violence", "Dimashq"),
    ("فجّر انتحاري حزامه الناسف وسط تجمع للمصلين في مدينة كابول.", "Explosions/Remote violence", "Kabul"),
    # two sentences: the incident after another report, and after a statement
    ("اعتقلت الشرطة التونسية ثلاثة مشتبه بهم في مدينة سوسة. وفي القصرين، انفجر لغم أرضي بدورية للجيش.",
     "Explosions/Remote violence", "Kasserine"),
    ("قال المتحدث باسم الحكومة إن الوضع الأمني مستقر. وفي بعقوبة، انفجرت عبوة ناسفة قرب سوق للخضار.",
     "Explosions/Remote violence", "Diyala"),
]

NOT_REPORTS = [
    "أعلنت وزارة الداخلية العراقية أنها ستنشر ألف شرطي إضافي في شوارع بغداد.",
    "هدّد قائد ميليشيا باقتحام مدينة سرت إذا لم ينسحب خصومه منها.",
    "يخطط الجيش الليبي لشن عملية عسكرية واسعة في مدينة درنة.",
    "قالت الحكومة الأردنية إنها ترفض أي تدخل أجنبي في شؤون سوريا.",
    "نفت قيادة التحالف استهداف حافلة مدنية في محافظة صعدة.",
    "أدان الأزهر بشدة التفجير الذي وقع في كنيسة بالإسكندرية.",
    "طالبت منظمات حقوقية بالإفراج عن المعتقلين في سجون البحرين.",
    "تخشى الأمم المتحدة من اندلاع قتال جديد في طرابلس خلال الأيام القادمة.",
    "توعّدت الجماعة بمهاجمة مواقع الجيش في محافظة أبين.",
    "تنوي الحكومة العراقية إرسال تعزيزات عسكرية إلى مدينة الرمادي لملاحقة الخلايا النائمة.",
]


@pytest.mark.parametrize("text,event_type,admin1", SHORT_REPORTS)
def test_a_short_report_is_coded(text, event_type, admin1):
    assert (event_type, admin1) in {(e["event_type"], e["admin1"]) for e in events_of(text)}


@pytest.mark.parametrize("text", NOT_REPORTS)
def test_a_short_statement_plan_or_threat_is_not(text):
    assert events_of(text) == []
