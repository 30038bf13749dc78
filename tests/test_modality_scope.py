"""Issue 17, recall: a cue of generic talk ("since the war began", "daily") makes the triggers near it talk,
not every trigger of a long sentence (``around:N`` in rasd/data/modality.tsv). Sentences written here."""
import pytest
from trigger_reading import modality_of


@pytest.mark.parametrize("text, word", [
    ("وقُتل أكثر من ٣٠٠ مدني منذ اندلاع الاحتجاجات في المدينة", "قتل"),
    ("بلغت حصيلة القتلى منذ بدء المعارك ألفين", "معارك"),
    ("ومنذ بداية الحملة، قصفت الطائرات القرى المحيطة", "قصف"),
    ("تتعرض البلدة لقصف مدفعي يوميا", "قصف"),
    ("يوميا تسقط قذائف على الأحياء الشرقية", "قذائف"),
])
def test_a_trigger_beside_the_cue_is_talk(text, word):
    assert modality_of(text, word) == "generic"


@pytest.mark.parametrize("text, word", [
    # the report comes first; the cue ends a long sentence about something else
    ("وشنت مقاتلات التحالف غارات على مواقع المسلحين في مديرية حيس صباح الأحد، وقال سكان إن الأهالي"
     " نزحوا من قرى عدة إلى المدينة القريبة التي تستقبل النازحين منذ اندلاع النزاع", "غارات"),
    ("اندلعت اشتباكات عنيفة بين القوات والمسلحين في ريف البلدة الجنوبي فجر اليوم، وسط نقص حاد في الدواء"
     " والغذاء الذي يعاني منه السكان هناك بحسب ناشطين يوميا", "اشتباكات"),
])
def test_a_report_far_from_the_cue_stays_a_report(text, word):
    assert modality_of(text, word) is None
