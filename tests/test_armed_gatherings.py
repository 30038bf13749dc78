"""A gathering word (تجمع، تجمعات) beside the words of fighters or of a strike (rasd/data/armed_gatherings.tsv)
tells fighters massing or what was hit, not a protest (issue 17: on train, out of fold, "تجمعات الحوثيين" struck
by air strikes was coded a peaceful protest at the strike's governorate). A crowd that gathers to demand
something stays a protest. Sentences written for these tests (clitics, diacritics, tatweel, Eastern Arabic
digits)."""
import pytest

from event_reading import sub_event_types as subs
from rasd.doc import Document
from rasd.segment import segment
from rasd.triggers import find_triggers
from trigger_reading import types

pytestmark = pytest.mark.usefixtures("rules_decide")  # the rules decide (tests/conftest.py)


@pytest.mark.parametrize("text", [
    "استهدفت مقاتلات التحالف أمس مواقع وتجمعات الحوثيين في مديرية حيس.",
    "وقصفت المدفعية تجمعاً للميليشيات شرق مدينة صعدة يوم الأحد.",
    "وأغارت الطائرات على تجمعات لمسلحي داعش قرب الموصل.",
    "وكانت الميليشيات تستخدم المعسكر كنقطة تجمع لمقاتليها.",
    "ودمرت الغارات آليات وتجمعـات للمتمردين في ٣ قرى.",
    "وضربت الطائرات تجمعات العدو ومخازن أسلحته.",
    "واستهدف القصف تجمّعاً عسكرياً للانقلابيين في الجوف.",
])
def test_a_gathering_of_fighters_or_struck_is_no_protest(text):
    doc = Document(text)
    segment(doc)
    find_triggers(doc)
    found = [t.sub_event_type for t in doc.triggers]  # absorbed ones too: the word tells no protest at all
    assert "Peaceful protest" not in found, found


@pytest.mark.parametrize("text", [
    "وتجمع مئات المحتجين أمام مبنى المحافظة للمطالبة بالكهرباء.",
    "وتجمّع نحو ٥٠٠ شخص في ساحة المدينة احتجاجاً على الغلاء.",
    "ونظم العمال تجمعاً أمام البرلمان رافعين لافتات تطالب بزيادة الأجور.",
    "وتجمع الأهالي أمام المحكمة للمطالبة بالإفراج عن المعتقلين.",
])
def test_a_crowd_that_gathers_to_demand_stays_a_protest(text):
    assert "Peaceful protest" in types(text)


@pytest.mark.parametrize("text", [
    "ورصدت القوات أمس تجمعاً للحوثيين في مديرية حيس بمحافظة الحديدة.",
    "وشوهد يوم الأحد تجمع لمسلحي داعش قرب مدينة الموصل.",
    "وتحولت المدرسة في صعدة أمس إلى نقطة تجمع لمقاتلي الجماعة.",
    "ورصدت طائرة استطلاع أمس تجمعاً عسكرياً للانقلابيين في الجوف.",
])
def test_no_protest_event_from_a_gathering_of_fighters(text):
    found = subs(text)
    assert "Peaceful protest" not in found, found
