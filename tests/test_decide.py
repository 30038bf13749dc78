"""The decision stage: rules propose candidates, the learned model keeps what a coder would code.

Every sentence here was written for rasd. The first table holds sentences that report no codable event
(plans, threats, denials, condemnations, calls, questions, hypotheticals, negations, generic talk, areas
"under the control" of a group, tolls of a whole war, court sentences): the pipeline must give no event
for them. The second holds reports of real incidents, each with the event type a coder gives it: the
pipeline must give that event, so that the first table cannot pass by dropping everything.
"""
from __future__ import annotations

import pytest

from rasd import decide, pipeline
from rasd.learn import events as event_model

PUBLISHED = "2018-05-14"


def events_of(text: str) -> list[dict]:
    return pipeline.process({"text": text, "published": PUBLISHED, "source": "test"}).events


NOT_EVENTS = [
    # plans, intentions, purposes
    "أعلن الجيش السوري أنه يستعد لشن هجوم واسع على مدينة إدلب خلال الأسابيع المقبلة.",
    "قال قائد عسكري عراقي إن القوات تخطط لتحرير قضاء الحويجة من تنظيم داعش قريبا.",
    "تعتزم المعارضة تنظيم مظاهرة كبيرة في مدينة الرباط يوم الجمعة المقبل.",
    "دعت النقابات إلى إضراب عام واعتصام أمام البرلمان في تونس الأسبوع القادم.",
    "حشدت القوات التركية تعزيزات على الحدود استعداداً لعملية عسكرية محتملة في منبج.",
    # threats and warnings
    "هدد زعيم الحوثيين بقصف الرياض بالصواريخ الباليستية إذا استمر الحصار.",
    "حذرت الأمم المتحدة من أن أي هجوم على مدينة الحديدة سيكون كارثيا على المدنيين.",
    "توعد التنظيم بشن مزيد من التفجيرات في العاصمة بغداد.",
    # denials and negations
    "نفت وزارة الدفاع الروسية أن تكون طائراتها قد قصفت مستشفى في ريف حماة.",
    "نفى الجيش الإسرائيلي وقوع أي اشتباك على حدود قطاع غزة اليوم.",
    "لم تسجل أي غارات جوية على مدينة درعا منذ إعلان الهدنة.",
    # condemnations, statements, calls
    "أدانت جامعة الدول العربية بشدة الهجمات الإرهابية التي تستهدف المدنيين.",
    "استنكرت وزارة الخارجية الأردنية استهداف المدنيين في الغوطة الشرقية.",
    "طالب مجلس الأمن بوقف فوري للعمليات العسكرية وحماية المدنيين في اليمن.",
    "دعا البابا إلى إنهاء العنف ووقف القتال في سوريا.",
    "قال وزير الخارجية الفرنسي إن بلاده تدعم الحل السياسي في ليبيا.",
    # questions and hypotheticals
    "هل تشن إسرائيل غارات جديدة على مواقع إيرانية في سوريا؟",
    "لو هاجمت القوات الحكومية المدينة لسقط آلاف الضحايا من المدنيين.",
    # generic talk, areas under control, history
    "تتعرض المناطق الحدودية لقصف شبه يومي منذ سنوات.",
    "تسيطر قوات سوريا الديمقراطية على معظم المناطق شرقي نهر الفرات.",
    "يعاني سكان المدن الخاضعة لسيطرة الحوثيين من نقص حاد في الغذاء والدواء.",
    "أودت الحرب في سوريا بحياة أكثر من ٣٥٠ ألف شخص منذ عام ٢٠١١.",
    "قتل أكثر من عشرة آلاف شخص في النزاع اليمني منذ تدخل التحالف.",
    # courts, sentences, reports
    "قضت محكمة مصرية بالإعدام على سبعة متهمين في قضية اغتيال النائب العام.",
    "أصدرت محكمة عراقية حكما بسجن متهم بالانتماء لتنظيم داعش خمسة عشر عاما.",
    "نشرت منظمة العفو الدولية تقريرا عن التعذيب في السجون.",
    # diplomacy, visits, politics
    "وصل وزير الخارجية الأمريكي إلى بغداد في زيارة غير معلنة التقى خلالها رئيس الوزراء.",
    "اجتمع الرئيس التركي مع نظيره الروسي في أنقرة لبحث الأزمة السورية.",
    "فاز الحزب الحاكم في الانتخابات البرلمانية التي جرت في الجزائر.",
    "ارتفعت أسعار النفط بعد التوتر في منطقة الخليج.",
    "ناقش البرلمان اللبناني مشروع قانون الموازنة العامة.",
]

EVENTS = [
    ("قُتل ثلاثة جنود عراقيين بانفجار عبوة ناسفة استهدفت دوريتهم في قضاء الطارمية شمالي بغداد أمس.",
     "Explosions/Remote violence"),
    ("شنت طائرات التحالف غارات جوية على مواقع للحوثيين في مديرية حيس بمحافظة الحديدة صباح اليوم.",
     "Explosions/Remote violence"),
    ("اندلعت اشتباكات عنيفة بين الجيش السوري وفصائل المعارضة في بلدة اللطامنة بريف حماة الشمالي اليوم.",
     "Battles"),
    ("تظاهر آلاف المواطنين وسط مدينة البصرة اليوم الأحد احتجاجا على انقطاع الكهرباء.", "Protests"),
    ("اعتقلت قوات الأمن التركية ١٢ شخصا يشتبه بانتمائهم لتنظيم داعش في مدينة إسطنبول أمس.",
     "Strategic developments"),
    ("أطلق مسلحون مجهولون النار على سيارة مدنية في مدينة درنة مما أدى إلى مقتل سائقها يوم السبت.",
     "Violence against civilians"),
]


@pytest.mark.parametrize("sentence", NOT_EVENTS)
def test_no_event_from_what_is_not_an_incident(sentence):
    assert events_of(sentence) == []


@pytest.mark.parametrize("sentence,event_type", EVENTS)
def test_a_reported_incident_is_kept(sentence, event_type):
    assert event_type in {e["event_type"] for e in events_of(sentence)}


def test_the_model_ships_and_is_what_decides():
    model = event_model.load_model()
    assert model is not None, "rasd/data/models/event_decision.npz is missing: run `rasd train`"
    assert event_model.NONE in model.classes and "Armed clash" in model.classes
    assert 0.0 < float(model.meta["threshold"]) < 1.0


def test_rules_alone_still_decide_without_a_model(monkeypatch):
    """RASD_DECIDER=rules: a candidate is kept unless the rules doubt it (the rule-only pipeline)."""
    monkeypatch.setenv("RASD_DECIDER", "rules")
    doc = pipeline.extract({"text": "هدد التنظيم بتفجير سيارات مفخخة في بغداد. وانفجرت عبوة ناسفة في "
                                    "مدينة الرمادي أمس.", "published": PUBLISHED})
    candidates = doc.user_data["candidates"]
    assert any(info["doubt"] for _, info in candidates)
    assert all(info["keep"] == (not info["doubt"]) for _, info in candidates)
    assert {e.admin1 for e in doc.events} == {"Al Anbar"}


def test_every_candidate_carries_the_models_probability():
    doc = pipeline.extract({"text": EVENTS[0][0] + " " + NOT_EVENTS[5], "published": PUBLISHED})
    probabilities = [info["p_event"] for _, info in doc.user_data["candidates"]]
    assert probabilities and all(0.0 <= p <= 1.0 for p in probabilities)
    assert decide.decide_events is dict(pipeline.STAGES)["decide"]
