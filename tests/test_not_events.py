"""Issue 17, precision: words of violence that tell no event to code. A toll counted over months, a plan
or a wait for the order to attack, a condition set for a deal, a ceasefire asked for, a crowd gathered to
celebrate, an earlier incident dated by its year alone. Each not-event stands beside a near-identical
report that must stay a report. Sentences written for these tests (clitics, diacritics, tatweel, Eastern
Arabic digits)."""
import pytest
from trigger_reading import modality_of

from rasd.pipeline import extract


# (not an event, the near-identical report, the trigger word, the kind of the not-event)
PAIRS = [
    # a tally over months or years: no one incident
    ("قُتل ٤٠ مدنياً في غارات التحالف على ريف إدلب خلال الأشهر الماضية",
     "قُتل ٤٠ مدنياً في غارات التحالف على ريف إدلب صباح الأحد", "غارات", "generic"),
    ("وأودت الألغام التي زرعها المسلحون بحياة ستة مدنيين في تعز خلال الشهرين الماضيين",
     "وأودت الألغام التي زرعها المسلحون بحياة ستة مدنيين في تعز يوم الاثنين", "الغام", "generic"),
    ("وسقط أكثر من ٣٠٠ قتيل في قصف النظام لأحياء درعا منذ مطلع العام",
     "وسقط أكثر من ٣٠٠ قتيل في قصف النظام لأحياء درعا مساء الخميس", "قصف", "generic"),
    ("وزرعت الميليشيا آلاف الألغام في الحديدة منذ انقلابها",
     "وزرعت الميليشيا عشرات الألغام في الحديدة قبل انسحابها أمس", "الغام", "generic"),
    ("تكررت الهجمات بالعبوات النـاسفة على دوريات الجيش في الأنبار خلال السنوات الأخيرة",
     "استهدفت عبوة نـاسفة دورية للجيش في الأنبار فجر اليوم", "عبو", "generic"),
    # a plan, a wait, an aim, a prediction
    ("ووصلت القوات إلى مشارف المدينة استعداداً لتحريرها من الحوثيين",
     "ووصلت القوات إلى مشارف المدينة وأعلنت تحريرها من الحوثيين", "تحرير", "plan"),
    ("وقال القائد إن الألوية بانتظار ساعة الصفر للانطلاق بتحرير الحديدة",
     "وقال القائد إن الألوية أتمت تحرير الحديدة بعد ساعات من انطلاق العملية", "تحرير", "plan"),
    ("وشكر التحالف على دعمه في سبيل دحر الانقلابيين من تعز",
     "وشكر التحالف على دعمه بعد دحر الانقلابيين من تعز", "دحر", "plan"),
    ("وقال الوزير إن السيطرة على الحديدة بالكامل مسألة وقت",
     "وقال الوزير إن السيطرة على الحديدة بالكامل تمت فجر اليوم", "سيطر", "plan"),
    # a condition or a demand for a deal
    ("والحكومة تشترط انسحاب الحوثيين من الميناء قبل أي اتفاق",
     "والحكومة أكدت انسحاب الحوثيين من الميناء صباح اليوم", "انسحاب", "call"),
    ("وجددت الحكومة تمسكها بانسحاب الميليشيا من مدينة الحديدة",
     "وأكدت الحكومة انسحاب الميليشيا من مدينة الحديدة ليلة أمس", "انسحاب", "call"),
    ("وطالب الحزب الحكومة بالعمل على وقف لإطلاق النار في سوريا",
     "وقال الحزب إن الجيش أطلق النار على المحتجين في حمص", "النار", "call"),
    ("وتوسطت المنظمة لوقـف القصف على الغوطة",
     "وقالت المنظمة إن القصف على الغوطة تواصل اليوم", "قصف", "call"),
    ("وقد يعرض الرئيس على الحركة وقفاً لإطلاق النار خلال عطلة العيد في كابول",
     "وقال الرئيس إن مسلحي الحركة أطلقوا النار خلال عطلة العيد في كابول", "النار", "call"),
    # a weapons test
    ("وأجرت كوريا الشمالية تجربةً لإطلاق صاروخ بالستي قبالة سواحلها الشرقية",
     "وأطلق الحوثيون صاروخاً بالستياً على مدينة جازان فجر اليوم", "صاروخ", "generic"),
    # a crowd that gathered to celebrate
    ("وتجمّع الآلاف وسط موسكو للاحتفال بفوز بوتين في الانتخابات",
     "وتجمّع الآلاف وسط موسكو احتجاجاً على فوز بوتين في الانتخابات", "تجمع", "generic"),
    # a toll over a whole escalation or the period just named: a tally, not an incident
    ("وبلغ عدد القتلى ١٤٠٠ مدني قضوا خلال تصعيد القصف الجوي على بلدات الغوطة",
     "وقتل ١٤ مدنياً في قصف جوي على بلدات الغوطة فجر اليوم", "قصف", "generic"),
    ("وقتل 173 مدنياً جراء الغارات خلال هذه الفترة في ريف حلب",
     "وقتل 17 مدنياً جراء غارات ليلة أمس في ريف حلب", "غار", "generic"),
    ("وسقط في الفترة نفسها عشرات القتلى بقصف مدفعي على أحياء تعز",
     "وسقط اليوم عشرات القتلى بقصف مدفعي على أحياء تعز", "قصف", "generic"),
    # an engine that blew up: an accident, no attack
    ("وتعرضت الطائرة لانفجار في أحد محركيها بعد إقلاعها من نيويورك",
     "وتعرضت الحافلة لانفجار عبوة ناسفة بعد خروجها من الموصل", "انفجار", "generic"),
    ("وانفجـر المحرك فوق ولاية بنسلفانيا بعد عشرين دقيقة من الإقلاع",
     "وانفجرت سيارة مفخخة في بغداد بعد عشرين دقيقة من الإنذار", "انفجر", "generic"),
    # weapons developed, owned, supplied or smuggled: no one struck
    ("وبحث الوزراء تطويرَ إيران الصواريخ الباليستية وتدخلاتها في المنطقة",
     "وقال الوزراء إن إيران أطلقت الصواريخ الباليستية على مواقع في المنطقة", "صواريخ", "generic"),
    ("وتواصل طهران العمل على برنامجها الصاروخي رغم العقوبات",
     "وواصلت الميليشيا قصفها الصاروخي على جازان رغم الهدنة", "صاروخي", "generic"),
    ("وتتهم دول عدة طهران بتزويد ميليشيات الحوثي بالصواريخ التي تطلق على المملكة",
     "وأعلن التحالف اعتراض الصواريخ التي أطلقتها ميليشيات الحوثي على المملكة", "صواريخ", "generic"),
    ("وكشف الرئيس عن امتلاك بلاده هذا النوع من الصواريخ القادرة على حمل رؤوس نووية",
     "وكشف الرئيس عن إطلاق بلاده هذا النوع من الصواريخ على مواقع المسلحين", "صواريخ", "generic"),
    ("واستخدمت الميليشيا الميناء لتهريب الصواريخ من إيران",
     "واستخدمت الميليشيا الميناء لإطلاق الصواريخ على السفن", "صواريخ", "generic"),
    # claims an inquiry weighs
    ("وتتداول الصحف مزاعمَ استخدام القوات الأسلحة الكيماوية في المدينة",
     "وتتداول الصحف صور استخدام القوات الأسلحة الكيماوية في المدينة أمس", "كيم", "generic"),
    ("وردت الحكومة على مزاعم قصف المستشفى في إدلب",
     "وردت الحكومة بقصف المستشفى في إدلب يوم ٣ أيار", "قصف", "generic"),
]


@pytest.mark.parametrize("text, report, word, kind", PAIRS)
def test_the_not_event_is_doubted(text, report, word, kind):
    assert modality_of(text, word) == kind


@pytest.mark.parametrize("text, report, word, kind", PAIRS)
def test_the_report_beside_it_stays_a_report(text, report, word, kind):
    assert modality_of(report, word) is None


# -- an earlier incident dated by its year alone is context (spec: background needs at least its month) --

def candidates_of(text, published="2018-06-20"):
    doc = extract({"text": text, "published": published})
    return [(event, info) for event, info in doc.user_data["candidates"]]


@pytest.mark.parametrize("text", [
    "وكان الحوثيون قد سيطروا على العاصمة صنعاء في عام ٢٠١٤.",
    "وكان الحوثيون قد سيطروا على العاصمة صنعاء في العام الماضي.",
    "واختطف مسلحون الصحفي في بنغازي عام 2016 ولم يعرف مصيره.",
])
def test_a_past_year_alone_is_background(text):
    found = candidates_of(text)
    assert found
    assert all(info["doubt"] == "background" for _, info in found)


@pytest.mark.parametrize("text", [
    "وكان الحوثيون قد سيطروا على العاصمة صنعاء في أيلول/سبتمبر ٢٠١٤.",
    "وسيطر الحوثيون على مديرية في صنعاء أمس.",
    "واختطف مسلحون الصحفي في بنغازي في مارس 2016 ولم يعرف مصيره.",
])
def test_a_month_or_a_day_keeps_it_codable(text):
    found = candidates_of(text)
    assert found
    assert all(info["doubt"] != "background" for _, info in found)
