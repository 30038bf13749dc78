"""Event triggers: the 25 sub-event types as Arabic news writes them, and what modality rules out."""
import pytest

from rasd.doc import Document
from rasd.event import SUB_EVENT_TYPES
from rasd.modality import mark_modality
from rasd.segment import segment
from rasd.triggers import find_triggers, trigger_matcher


def reported(text):
    """Sub-event types of the triggers that report an event (not absorbed, no modality)."""
    doc = Document(text)
    segment(doc)
    find_triggers(doc)
    mark_modality(doc)
    return [(t.sub_event_type, t.modality) for t in doc.triggers if not t.absorbed]


@pytest.mark.parametrize("text, sub", [
    ("انفجرت عبوةٌ ناسفةٌ بدورية للشرطة في الرمادي", "Remote explosive/landmine/IED"),
    ("وأسفر انفجار عبوتين ناسفتين عن مقتل جندي", "Remote explosive/landmine/IED"),
    ("انفجرت سيارة مفخخة مركونة قرب سوق شعبي", "Remote explosive/landmine/IED"),
    ("انفجر لغم أرضي بعجلة عسكرية", "Remote explosive/landmine/IED"),
    ("فجّر انتحاري نفسه وسط مجلس عزاء", "Suicide bomb"),
    ("هاجم انتحاري يرتدي حزاماً ناسفاً نقطة تفتيش", "Suicide bomb"),
    ("شنّ طيران التحالف غارات على مواقع التنظيم", "Air/drone strike"),
    ("استهدفت طائرة مسيّرة سيارة تقل قياديين", "Air/drone strike"),
    ("ألقت المروحيات براميل متفجرة على المدينة", "Air/drone strike"),
    ("قصف جوي استهدف مقرا للتنظيم", "Air/drone strike"),
    ("سقطت ثلاث قذائف هاون على حي سكني", "Shelling/artillery/missile attack"),
    ("سقط صاروخا كاتيوشا قرب السفارة", "Shelling/artillery/missile attack"),
    ("قصفت المدفعية التركية قرى حدودية", "Shelling/artillery/missile attack"),
    ("ألقى مجهول قنبلة يدوية على منزل", "Grenade"),
    ("اتهمت المعارضة النظام باستخدام غاز الكلور", "Chemical weapon"),
    ("اندلعت اشتباكات عنيفة بين الجيش والمسلحين", "Armed clash"),
    ("وقعت مواجهات مسلحة بين عشيرتين", "Armed clash"),
    ("نصب مسلحون كمينا لدورية", "Armed clash"),
    ("استعادت القوات العراقية السيطرة على الحي", "Government regains territory"),
    ("سيطر مسلحو التنظيم على البلدة", "Non-state actor overtakes territory"),
    ("اغتال مسلحون مجهولون مختار القرية", "Attack"),
    ("لقي مدرس مصرعه بنيران مسلحين مجهولين", "Attack"),
    ("اختطف مسلحون ثلاثة صيادين", "Abduction/forced disappearance"),
    ("تعرضت امرأة لاعتداء جنسي", "Sexual violence"),
    ("خرجت تظاهرة حاشدة في ساحة التحرير", "Peaceful protest"),
    ("نظّم العشرات وقفة احتجاجية أمام مبنى المحافظة", "Peaceful protest"),
    ("فرّقت الشرطة المتظاهرين بالغاز المسيل للدموع", "Protest with intervention"),
    ("أطلقت قوات الأمن الرصاص الحي على المتظاهرين", "Excessive force against protesters"),
    ("اندلعت أعمال شغب في السجن", "Violent demonstration"),
    ("أعلن الطرفان هدنة لمدة ثلاثة أيام", "Agreement"),
    ("اعتقلت القوات الأمنية خمسة مطلوبين", "Arrests"),
    ("ألقت الشرطة القبض على متهم بالتفجير", "Arrests"),
    ("تمكنت فرق الهندسة من تفكيك عبوة ناسفة", "Disrupted weapons use"),
    ("تم إبطال مفعول حزام ناسف", "Disrupted weapons use"),
    ("انسحبت قوات الحوثيين من مواقعها في المدينة", "Non-violent transfer of territory"),
    ("نهب مسلحون محتويات المستودع", "Looting/property destruction"),
    ("أطلق مسلحون مجهولون النار على سيارة مدنية", "Attack"),
    ("فتح مسلّحون النارَ على حاجز للشرطة", "Attack"),
    ("عُثِر على عبوةٍ ناسفة مزروعة قرب المدرسة", "Disrupted weapons use"),
    ("أعلنت الشرطة العثورَ على أسلحة وذخائر في مزرعة", "Disrupted weapons use"),
    ("داهمت القوات مخزناً للأسلحة في حي الزهراء", "Disrupted weapons use"),
    ("وضبطت الشرطةُ مستودعاتٍ للأسلحة في المدينة", "Disrupted weapons use"),
])
def test_sub_event_types(text, sub):
    assert (sub, None) in reported(text)


@pytest.mark.parametrize("text, modality", [
    ("نفى المتحدث باسم الوزارة وقوع انفجار في المنطقة", "denial"),
    ("أدان الرئيس بشدة الهجوم الانتحاري", "condemnation"),
    # the verbs in their feminine past (a ministry, an organisation)
    ("استنكرت وزارة الخارجية استهداف المدنيين في الغوطة الشرقية", "condemnation"),
    ("حذّرت الأمم المتحدة من أن أي هجوم على مدينة الحديدة سيكون كارثيا", "threat"),
    ("دعت المنظمة إلى وقف الغارات على المدينة", "call"),
    ("أعلن رفضه استهداف البعثات الدبلوماسية", "condemnation"),
    ("هدد التنظيم بشن هجمات انتحارية", "threat"),
    ("حذر المسؤول من وقوع تفجيرات جديدة", "threat"),
    ("تحدث الرئيس عن خطة لسحب القوات", "plan"),
    ("دعا الناشطون إلى التظاهر يوم الجمعة", "call"),
    ("هل بدأت الغارات على المدينة؟", "question"),
    ("في حال اندلاع اشتباكات ستتدخل القوات", "hypothetical"),
    ("لم تقع اشتباكات في المدينة", "negation"),
    ("صواريخ الكاتيوشا تتساقط بشكل شبه يومي على المنطقة", "generic"),
    ("بلغت حصيلة القتلى منذ بدء المواجهات ألفا", "generic"),
    ("نُفِّذ حكم بالقتل قصاصاً بحق رجل لإقدامه على قتل آخر بإطلاق النار عليه", "charge"),
    ("حكمت المحكمة على رجل بالسجن بتهمة تفجير سيارة مفخخة", "charge"),
    ("حُكم على شابة بالسجن مدى الحياة لتخطيطها لتنفيذ اعتداء في المتحف", "charge"),
    ("بدأت محاكمة خمسة متهمين بتنفيذ الهجوم الانتحاري على الكنيسة", "charge"),
    ("قضت المحكمة بالسجن عشرين عاماً على رجل لتورطه في تفجير سيارة مفخخة", "charge"),
    ("أصدرت المحكمة حكما بالسجن المؤبد على المتهم بقتل ثلاثة أشخاص طعنا", "charge"),
    ("كشفت الوثائق عن التخطيط لتفجير سيارة ملغومة قرب السفارة", "plan"),
    ("تقدمت القوات لتحرير المدينة", "plan"),
    ("وقال في التسجيل: إننا لن نرحمكم ونجد اللذة في ذبحكم", "threat"),
    ("أكد المصدر أن عملية تحرير مدينة الفلوجة ما زالت قائمة", "plan"),
    ("تتواصل جهود استعادة السيطرة على الموصل", "plan"),
    ("حشدوا مقاتليهم للسيطرة على القاعدة", "plan"),
    ("أرسلت تعزيزات من أجل استعادة السيطرة على البلدة", "plan"),
])
def test_modality_rules_triggers_out(text, modality):
    kinds = [m for _, m in reported(text)]
    assert kinds and all(m is not None for m in kinds)
    assert modality in kinds


def test_generic_word_is_absorbed_by_specific_trigger_beside_it():
    doc = Document("وأسفر انفجار عبوة ناسفة عن مقتل شخصين")
    segment(doc)
    find_triggers(doc)
    live = [t for t in doc.triggers if not t.absorbed]
    assert [t.sub_event_type for t in live] == ["Remote explosive/landmine/IED"]


def test_generic_word_takes_type_from_context():
    doc = Document("شنت طائرات التحالف غارات على مواقع التنظيم. وأسفر استهداف مبنى المحكمة عن مقتل ١١ عنصرا.")
    segment(doc)
    find_triggers(doc)
    second = [t for t in doc.triggers if t.sentence == 1 and not t.absorbed]
    assert second and second[0].sub_event_type == "Air/drone strike" and second[0].contextual


def test_lexicon_covers_every_sub_event_type():
    covered = {value[0] for bucket in trigger_matcher()._index.values() for _, _, value in bucket}
    missing = set(SUB_EVENT_TYPES) - covered - {"Other"}
    assert not missing
