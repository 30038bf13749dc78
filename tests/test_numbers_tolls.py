"""Whose toll is it: a toll for two places together, one toll for two events, attackers, deaths given
together with injuries, a result link with its subject between, a suicide bombing's bomber; the sub-event
types that carry no deaths. Made-up news sentences; triggers are given by hand (what the trigger stage
would find), sentences and counts come from the real stages."""
from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from conftest import TYPES, Trig

from rasd.dates import find_dates
from rasd.doc import Document
from rasd.numbers import fatalities_for, find_casualties, no_deaths
from rasd.segment import segment

P = dt.date(2015, 8, 7)




def build(text: str, triggers: list[tuple[str, str]], places: tuple[str, ...] = ("القريه الشرقيه",)
          ) -> tuple[Document, list[Trig]]:
    """``places``: normalised place names to mark as place mentions wherever they occur."""
    doc = Document(text, published=P)
    segment(doc)
    doc.places = [SimpleNamespace(start=m.start(), end=m.end(), text=m.group(0))
                  for name in places for m in re.finditer(re.escape(name), doc.norm.text)]
    trigs, seen = [], {}
    for word, kind in triggers:
        pos = -1
        for _ in range(seen.get(word, 0) + 1):
            pos = doc.norm.text.index(word, pos + 1)
        seen[word] = seen.get(word, 0) + 1
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= pos < s.end)
        trigs.append(Trig(pos, pos + len(word), index, *TYPES[kind]))
    doc.triggers = trigs
    find_dates(doc)
    find_casualties(doc)
    return doc, trigs


TOLLS = [
    # (text, triggers, index of the trigger, expected deaths)
    # -- a toll for two places together is neither place's toll (ACLED's conservative rule) ...
    ("تساقطت عشرات القذائف على بلدتي تل عدس والحمرا فقتلت خمسة أشخاص.", [("القذايف", "shelling")], 0, 0),
    ("هاجم المسلحون الحلة والمحاويل، وذكر مسؤول أن المدينتين استهدفتا بنحو ثلاثين صاروخا ما أسفر عن مقتل شخص.",
     [("هاجم", "shelling")], 0, 0),
    ("استهدفت غارة جوية القريتين ما أسفر عن مقتل ٤ مدنيين.", [("غاره", "air")], 0, 0),
    # ... but one place is
    ("تساقطت عشرات القذائف على بلدة تل عدس فقتلت خمسة أشخاص.", [("القذايف", "shelling")], 0, 5),
    # ... and a toll that says where the deaths were is that place's
    ("حررت القوات المنطقتين بعد معارك أسفرت عن مقتل قائدين للجماعة في القرية الشرقية.", [("معارك", "clash")],
     0, 2),
    # ... and a dual after "بين" is a road or a front, not the places hit
    ("قتل خمسة جنود بانفجار عبوة على الطريق الواصل بين محافظتي صلاح الدين وكركوك.", [("عبوه", "ied")], 0, 5),
    # -- one toll for two events: the first named keeps it, the second gets 0
    ("وتسببت الاشتباكات والتفجيرات الانتحارية بمقتل عشرين عنصرا.",
     [("الاشتباكات", "clash"), ("التفجيرات الانتحاريه", "suicide")], 0, 20),
    ("وتسببت الاشتباكات والتفجيرات الانتحارية بمقتل عشرين عنصرا.",
     [("الاشتباكات", "clash"), ("التفجيرات الانتحاريه", "suicide")], 1, 0),
    ("لقي ١٩ مسلحا حتفهم جراء معارك بين الجماعتين وتفجيرين انتحاريين قرب الحدود.",
     [("معارك", "clash"), ("تفجيرين انتحاريين", "suicide")], 1, 0),
    # ... the bombers' own deaths are inside that toll too
    ("واحتدمت المواجهات التي شهدت تفجير مسلحين لنفسيهما بحزام ناسف. وأدت المواجهات والتفجيران إلى مقتل عشرة.",
     [("المواجهات", "clash"), ("حزام ناسف", "suicide"), ("المواجهات", "clash"), ("التفجيران", "suicide")], 1, 0),
    # ... but a count of its own, told before the shared toll, stays
    ("فجر انتحاري نفسه عند الحاجز ما أسفر عن مقتل أربعة أشخاص. وتسببت الاشتباكات والتفجيرات بمقتل ثلاثين.",
     [("فجر انتحاري", "suicide"), ("الاشتباكات", "clash"), ("التفجيرات", "suicide")], 0, 5),
    # -- a suicide bomber alone: his death counts with his victims (ACLED counts perpetrators) ...
    ("فجر انتحاري نفسه في سوق شعبي ما أسفر عن مقتل خمسة أشخاص.", [("فجر انتحاري", "suicide")], 0, 6),
    ("فجر انتحاريان نفسيهما عند حاجز للشرطة.", [("فجر انتحاريان", "suicide")], 0, 2),
    # ... unless the toll already includes him
    ("فجر انتحاري نفسه في سوق شعبي ما أسفر عن مقتل خمسة أشخاص بينهم الانتحاري.", [("فجر انتحاري", "suicide")],
     0, 5),
    # -- deaths and injuries given as one number are no death count
    ("سقط عشرات القتلى والجرحى جراء غارات على المدينة.", [("غارات", "air")], 0, 0),
    ("سقط عشرات القتلى جراء غارات على المدينة.", [("غارات", "air")], 0, 10),
    ("أسفر القصف عن سقوط ١٥ بين قتيل وجريح.", [("القصف", "shelling")], 0, 0),
    ("ارتفع عدد القتلى والمصابين في الهجوم إلى ٤٠.", [("الهجوم", "attack")], 0, 0),
    # -- whose toll: a result link with its subject between, a suicide bombing's bomber
    # the toll after "أسفر الهجوم عن" is the attack's, not that of the event named after it
    ("هاجمت القوات تحصينات المتمردين في البلدة، حيث أسفر الهجوم عن مقتل أربعة متمردين وأسر اثنين آخرين، "
     "وتفكيك شبكة ألغام.", [("هاجمت", "clash"), ("تفكيك", "disrupted")], 0, 4),
    ("هاجمت القوات تحصينات المتمردين في البلدة، حيث أسفر الهجوم عن مقتل أربعة متمردين وأسر اثنين آخرين، "
     "وتفكيك شبكة ألغام.", [("هاجمت", "clash"), ("تفكيك", "disrupted")], 1, 0),
    ("قصفت المدفعية مواقع المسلحين وأدى القصف المكثف إلى مقتل ٩ منهم، واعتراض طائرة مسيرة.",
     [("قصفت", "shelling"), ("اعتراض", "disrupted")], 0, 9),
    # a suicide bombing: the bomber who died counts with his victims ...
    ("قتل ٣١ شخصا في هجوم انتحاري استهدف مركزا لتسجيل الناخبين في العاصمة.", [("هجوم انتحاري", "suicide")], 0, 32),
    ("فجّر انتحاري حزامه الناسف قرب حاجز للشرطة ما أدى إلى مقتل سبعة جنود.", [("انتحاري", "suicide")], 0, 8),
    # ... once: not when his own death is already read, or the toll says it holds him
    ("فجر انتحاري نفسه في سوق شعبي ما أسفر عن مقتل خمسة أشخاص.", [("فجر انتحاري", "suicide")], 0, 6),
    ("قتل ١٢ شخصا بينهم الانتحاري في تفجير استهدف مسجدا.", [("تفجير", "suicide")], 0, 12),
    # ... nor when several bombings or bombers are told together (how many died is not said)
    ("قتل 40 شخصا على الأقل في تفجيرات نفذها انتحاريون في المدينة.", [("تفجيرات", "suicide")], 0, 40),
    # ... nor for a bombing of another kind
    ("قتل ١٢ شخصا في انفجار عبوة ناسفة على جانب الطريق.", [("عبوه ناسفه", "ied")], 0, 12),
    # -- an attack's attacker who died after it, told in one of the next two sentences, counts too ...
    ("قتل ٤ أشخاص عندما صدمت سيارة حشدا من المارة في الساحة. وأفادت الشرطة أن سائق السيارة قد انتحر.",
     [("صدمت سياره", "attack")], 0, 5),
    ("قَتَلَ مسلّحٌ ثلاثة أشخاص بالسكين في محطة القطار. وقُتل المهاجمُ برصاص الشرطة بعد دقائق.",
     [("بالسكين", "attack")], 0, 4),
    ("قتـــل ٢ من المارة في هجوم بالسكين قرب الجسر. وقال شهود إن الهجوم لم يدم طويلا. "
     "ثم أطلق المهاجم النار على نفسه.", [("هجوم", "attack")], 0, 3),
    # ... but not three sentences on, not after another toll, not for a battle, not another death
    ("قتل ٢ من المارة في هجوم بالسكين قرب الجسر. وقال شهود إن الهجوم لم يدم طويلا. وأغلقت الشرطة الجسر. "
     "ثم أطلق المهاجم النار على نفسه.", [("هجوم", "attack")], 0, 2),
    ("قتل ٣ أشخاص في هجوم بسكين في السوق. وفي حادث آخر قتل ٥ أشخاص بانفجار. وقتل المهاجم برصاص الشرطة.",
     [("هجوم", "attack")], 0, 3),
    ("قتل ٣ جنود في اشتباك مع مسلحين قرب الحدود. وقُتل المهاجم في وقت لاحق.", [("اشتباك", "clash")], 0, 3),
    ("قتل ٤ أشخاص في هجوم مسلح على سوق القرية. وتوفي جريح آخر في المستشفى.", [("هجوم", "attack")], 0, 4),
    # -- a suicide bombing told with no death count: its one bomber died in it (ACLED counts him) ...
    ("أُصيب عشرة أشخاص بجروح في هجومٍ انتحاريٍّ استهدف مركزا للشرطة في القرية الشرقية.",
     [("هجوم انتحاري", "suicide")], 0, 1),
    ("وحمّل المسؤول الحزبَ مسؤولية العملية الانتحارية التي استهدفت ثكنة في القرية الشرقية ليلا.",
     [("العمليه الانتحاريه", "suicide")], 0, 1),
    # ... not when several bombers are told, nor when the event's words do not name a bomber
    ("فجّر انتحاريون أحزمتهم الناسفة في القرية الشرقية وأصيب ١٥ شخصا.", [("انتحاريون", "suicide")], 0, 0),
    ("وقع تفجير قرب حاجز في القرية الشرقية وأصيب ٣ أشخاص.", [("تفجير", "suicide")], 0, 0),
    # -- "مما نتج عنه" links a count to the event told before it, not to the next event word
    ("وقع انفجار في سوق القرية الشرقية مما نتج عنه مقتل (٦) أشخاص، وعثرت الشرطة لاحقا على عبوة ناسفة أخرى.",
     [("انفجار", "ied"), ("عبوه ناسفه", "ied")], 0, 6),
    ("استهدف قصفٌ مدفعي سوق القرية الشرقية ممّا نتجَ عنه استشهاد ٤ مدنيين، ثم سقطت قذيفة على مدرسة.",
     [("قصف", "shelling"), ("قذيفه", "shelling")], 0, 4),
    # -- "ونتج عن ذلك" carries on the toll of the event told before it
    ("قصفت المدفعية مركز الحدود في القرية الشرقية بقذائف كثيفة. ونتج عن ذلك استشهاد جنديين.",
     [("قصفت", "shelling")], 0, 2),
    ("قصفت المدفعية مركز الحدود في القرية الشرقية. ونتج عن ذلك استشهاد العريف سالم أحمد، والجندي أول "
     "خالد محمد، والجنديّ علي حسن.", [("قصفت", "shelling")], 0, 3),
]


@pytest.mark.parametrize("text, triggers, which, expected", TOLLS)
def test_whose_toll(text, triggers, which, expected):
    doc, trigs = build(text, triggers)
    t = trigs[which]
    got = fatalities_for(doc, t, doc.sentences[t.sentence])
    assert got.count == expected, got.reason


def test_notes_say_why_a_toll_is_not_counted():
    doc, trigs = build("تساقطت عشرات القذائف على بلدتي تل عدس والحمرا فقتلت خمسة أشخاص.",
                       [("القذايف", "shelling")])
    got = fatalities_for(doc, trigs[0], doc.sentences[0])
    assert got.count == 0 and "two places" in got.reason and got.start is not None
    doc, trigs = build("وتسببت الاشتباكات والتفجيرات الانتحارية بمقتل عشرين عنصرا.",
                       [("الاشتباكات", "clash"), ("التفجيرات الانتحاريه", "suicide")])
    got = fatalities_for(doc, trigs[1], doc.sentences[0])
    assert got.count == 0 and "together" in got.reason


def test_the_bomber_is_said():
    doc, trigs = build("قتل ٣١ شخصا في هجوم انتحاري استهدف مركزا لتسجيل الناخبين في العاصمة.",
                       [("هجوم انتحاري", "suicide")])
    got = fatalities_for(doc, trigs[0], doc.sentences[0])
    assert got.attackers == 1 and "bomber" in got.reason


def test_types_that_carry_no_deaths():
    # the events stage zeroes these after the decision: an arrest or an agreement told beside a deadly
    # incident does not take its toll ("اتفاق للتهدئة بعد تصعيد أسفر عن مقتل أربعة")
    assert no_deaths("Arrests") and no_deaths("Agreement") and no_deaths("Non-violent transfer of territory")
    assert not no_deaths("Armed clash") and not no_deaths("Excessive force against protesters")
    assert not no_deaths("Peaceful protest")  # may be matched to protesters shot: it keeps its toll
    assert not no_deaths(None)
