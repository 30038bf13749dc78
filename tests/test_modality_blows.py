"""Issue 17, precision (extra14): a "crushing" or "painful blow" (ضربة قاصمة، ضربات موجعة) is a figure of speech
for a defeat, not an air strike: the lone word ضربة reads as one by default, and on train the coders code none
of these (skynews and CNN). A strike told plainly, or a painful loss that is no blow, stays a report.
Sentences written here for rasd."""
import pytest
from trigger_reading import modality_of


@pytest.mark.parametrize("text, word", [
    ("تلقت الميليشيات ضربة قاصمة في جبهة الساحل الغربي بمحافظة الحديدة أمس", "ضربة"),
    # diacritics and tanwin on both words
    ("وجّهت القوات ضرباتٍ مُوجِعةً للمسلحين في مدينة الحديدة", "ضربات"),
    # tatweel, the figure fronted in its own clause
    ("في ضربـة قاصمة للتنظيم، استعادت القوات مدينة الرمادي", "ضربة"),
    # a clitic on the noun
    ("ووصل الجيش إلى مشارف المدينة، بضربة موجعة للمتمردين", "ضربة"),
])
def test_a_blow_as_a_figure_of_speech_is_no_strike(text, word):
    assert modality_of(text, word) == "generic"


@pytest.mark.parametrize("text, word", [
    ("شنت طائرات التحالف ضربة جوية على مدينة الحديدة أمس", "ضربة"),
    # the adjective on another noun of the sentence, not the strike
    ("استهدفت ضربة موقعا للمسلحين قرب الحديدة في ٣ مارس، في خسارة موجعة لهم", "ضربة"),
])
def test_a_strike_told_plainly_stays_a_report(text, word):
    assert modality_of(text, word) is None
