"""Issue 17, precision: a death word beside a toll in the thousands ("مقتل 2927 من التنظيم جراء الغارات")
sums up a war or a campaign, not one incident: its triggers read as generic talk (kind ``tally`` in
rasd/data/modality.tsv, rasd/modality.py). The same sentence with an incident's toll stays a report.
Sentences written here."""
import pytest
from trigger_reading import modality_of

PAIRS = [
    # (a tally, the same words with an incident's toll, the trigger word)
    ("ولفت إلى مقتل 2927 على الأقل من عناصر التنظيم، جراء الغارات الجوية على مقاره في الرقة",
     "ولفت إلى مقتل 27 على الأقل من عناصر التنظيم، جراء الغارات الجوية على مقاره في الرقة", "غارات"),
    ("وأدى القصفُ المدفعيّ إلى مقتل أكثر من ١٦٠٠ مدنيّ في الغوطة",
     "وأدى القصفُ المدفعيّ إلى مقتل أكثر من ١٦ مدنيّاً في الغوطة", "قصف"),
    ("وقالت المنظمة إن الغارات أسفرت عن مقتـــل ما لا يقل عن 3,042 مسلحاً في المحافظة",
     "وقالت المنظمة إن الغارات أسفرت عن مقتـــل ما لا يقل عن 42 مسلحاً في المحافظة", "غارات"),
    ("وقُتل نحو ٢٥٠٠ شخص بنيران القناصة في أحياء المدينة القديمة",
     "وقُتل نحو ٢٥ شخصاً بنيران القناصة في أحياء المدينة القديمة", "قتل"),
    ("وسجّل التقرير سقوط 1592 قتيلاً في التفجيرات التي ضربت العاصمة",
     "وسجّل التقرير سقوط 15 قتيلاً في التفجيرات التي ضربت العاصمة", "تفجيرات"),
    ("وبلغ عدد الضحايا ٤٣٠٠ قتيل في المعارك الدائرة بريف حلب",
     "وبلغ عدد الضحايا ٤٣ قتيلا في المعارك الدائرة بريف حلب", "معارك"),
    ("وذكر المرصد أن طائرات التحالف قتلت ١٢٠٠ من مقاتلي التنظيم بغاراتها في دير الزور",
     "وذكر المرصد أن طائرات التحالف قتلت ١٢ من مقاتلي التنظيم بغاراتها في دير الزور", "غارات"),
    ("وأحصى المرصد مقتل أكثر من 5000 مقاتل في الاشتباكات بين الفصائل",
     "وأحصى المرصد مقتل أكثر من 50 مقاتلا في الاشتباكات بين الفصائل", "اشتباكات"),
]


@pytest.mark.parametrize("tally, incident, word", PAIRS)
def test_a_toll_in_the_thousands_is_a_tally(tally, incident, word):
    assert modality_of(tally, word) == "generic"


@pytest.mark.parametrize("tally, incident, word", PAIRS)
def test_an_incident_toll_stays_a_report(tally, incident, word):
    assert modality_of(incident, word) is None


@pytest.mark.parametrize("text, word", [
    # an incident told before a comma, then a yearly tally: the incident stays news
    ("انفجرت سيارة مفخخة في السوق المركزي صباح اليوم، وسجلت الأمم المتحدة سقوط 1592 قتيلا في البلاد", "مفخخه"),
    # a year after the death word is no toll
    ("وقُتل الجندي في انفجار عبوة ناسفة عام 2016 بمدينة عدن", "عبوه ناسفه"),
    # a toll in the thousands far from the trigger (past 15 words) leaves it alone
    ("وأعلن المرصد مقتل 3000 شخص في الحرب، وفي تطور آخر قال ناشطون اليوم إن مقاتلين من المعارضة"
     " والفصائل المتحالفة معها في الشمال السوري شنوا فجر الخميس هجوما على حاجز في البلدة", "هجوم"),
])
def test_a_report_beside_a_tally_stays_a_report(text, word):
    assert modality_of(text, word) is None
