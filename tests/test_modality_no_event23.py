"""Sentences of articles that report no event (issue 17, "sp: article without gold"): statements that thank an
effort for a past liberation, aims (the advance towards, a prelude to an offensive), vows, petitions, blame,
world days. Each cue marks only the trigger it governs: an event told beside it is still an event."""
import pytest

from rasd.doc import Document
from rasd.modality import mark_modality
from rasd.segment import segment
from rasd.triggers import find_triggers


def triggers(text):
    doc = Document(text)
    segment(doc)
    find_triggers(doc)
    mark_modality(doc)
    return [(t.sub_event_type, t.modality) for t in doc.triggers if not t.absorbed]


@pytest.mark.parametrize("text, modality", [
    # an aim: "the advance towards liberating" (tatweel and a diacritic on the way)
    ("وأكد المستشار أن التقدمَ نحو تحـرير محافظة الحُديدة يسير وفق الخطة", "plan"),
    # "does not mean neglecting the liberation of"
    ("وقال إن ذلك لا يعني إغفالَ تحرير محافظة شبوة", "negation"),
    # a thanks in a statement: the effort "that contributed to liberating" the city, long past
    ("وأشاد نائب الرئيس بالجهد الكبير الذي أسهم في تحرير مدينة المكلا", "generic"),
    ("وقال إن الدور الأمريكي ساهم في احتواء القتال جنوب غرب البلاد", "generic"),
    # blame laid in a statement: "after holding it responsible for an attempted killing"
    ("وفرضت لندن عقوبات على موسكو بعد تحميلها مسؤوليةَ اغتيال الجاسوس السابق", "condemnation"),
    # a petition to a court
    ("وأودعت جمعيات حقوقية التماساً لدى المحكمة العليا ضد إطلاق النار على المتظاهرين", "call"),
    # a vow: the very next word is what is vowed
    ("وظهر القائد في تسجيل مصور متوعّداً بالقضاء على المسلحين", "threat"),
    # a world day: a commemoration, no mine went off
    ("واحتفت الجماعة في صنعاء باليوم العالمي للتوعية بمخاطر الألغام", "generic"),
])
def test_no_event(text, modality):
    found = triggers(text)
    assert found and all(m is not None for _, m in found), found
    assert modality in {m for _, m in found}


def test_prelude_to_an_offensive_keeps_the_strikes():
    # the strikes were flown; the ground offensive they prepare was not launched
    found = triggers("وكثفت الطائرات الروسية غاراتها على جنوب إدلب فيما يبدو أنه مقدمةٌ لهجومٍ بري")
    assert ("Air/drone strike", None) in found
    assert any(m == "plan" for s, m in found if s != "Air/drone strike"), found


@pytest.mark.parametrize("text, sub", [
    # نحو as a direction, not right before the trigger: the clash is told
    ("وتقدمت القوات نحو البلدة واندلعت اشتباكاتٌ عنيفة مع المسلحين", "Armed clash"),
    # a vow of revenge, then the shooting: the vow governs only its next word
    ("اقتحم مسلحون متوعدون بالانتقام القرية وأطلقوا النار على السكان", "Attack"),
    # مقدمة as "the head of" a column, Eastern Arabic digits: the bomb went off
    ("وقُتل ٣ جنود في مقدمة الرتل بانفجار عبوة ناسفة على الطريق", "Remote explosive/landmine/IED"),
    # ساهم في far from the strikes the jets flew
    ("ساهم الطيران في العملية، إذ شنّ غارات على مواقع التنظيم شمال المدينة", "Air/drone strike"),
    # a protest on a world day: the day is named, the march is far from it
    ("وبمناسبة اليوم العالمي للمرأة وفي ساحة المدينة الرئيسية خرجت مسيرةٌ حاشدة", "Peaceful protest"),
    # blame in one sentence, the attack told as news in the next
    ("وأعلنت الحكومة تحميلها مسؤولية الهجوم للمتمردين. وقُتل خمسة مدنيين بانفجار سيارة مفخخة",
     "Remote explosive/landmine/IED"),
])
def test_event_beside_the_cue(text, sub):
    assert (sub, None) in triggers(text)
