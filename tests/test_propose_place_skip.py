"""propose_events asks ``geo.places_for`` only for an event word that has a place of the article where
``_said_nearby`` looks (its sentence, and the sentence before it in its paragraph): every mention that
places_for gives starts where a place of the article starts (or at 0, 0 for a title's place), so for the
others all of it would be dropped. Held here to the plain computation (places_for asked for every event
word) on sentences written for these tests: datelines, places two sentences back, a title's place, the
article's main governorate, clitics, diacritics, tatweel and Eastern Arabic digits."""
import json

import pytest

from rasd import assemble, geo
from rasd.commands.train import DEFAULT_TRAIN
from rasd.pipeline import extract

PUBLISHED = "2021-03-10"

ARTICLES = [
    {"text": "بغداد - قال مصدر أمني إن عبوة ناسفة انفجرت صباح اليوم مما أسفر عن مقتل ٣ أشخاص وإصابة ٧ آخرين."},
    {"text": "اندلعت اشتباكات عنيفة بين الجيش العراقي وداعش في قضاء بيجي أمس. وقال مصدر إن الاشتباكات استمرت "
             "ساعات. وأضاف أن القصـــف طال منازل المدنيين وأدى إلى مقتل ٤ منهم."},
    {"title": "هجوم مسلح في الموصل",
     "text": "هاجم مسلحون نقطة تفتيش للشرطة مساء أمس وقتلوا جنديين. وفرّ المهاجمون إلى جهة مجهولة."},
    {"text": "انفجرت سيارة مفخخة في مدينة الرمادي بمحافظة الأنبار أمس. وقالت الشرطة إن الانفجار وقع قرب سوق "
             "شعبي في الرمادي.\n\nوفي سياق آخر، أطلق مسلحون النار على دورية للجيش وقتلوا ٢ من عناصرها، "
             "ولم تتبن أي جهة الهجوم."},
    {"text": "قُتِلَ خمسةُ مدنيين بغارةٍ جويةٍ على قريةٍ في ريف إدلب الجنوبي، أمس. وبالتزامن، قصفت قوات النظام "
             "بلدة كفرنبل بالمدفعية الثقيلة. وأفاد ناشطون بأن القصف أدى إلى دمار واسع."},
    {"text": "صنعاء (رويترز) - شنّ طيران التحالف غارات على مواقع للحوثيين. وقال سكان إن الغارات استهدفت "
             "معسكرا.\n\nمن جهة أخرى، تظاهر المئات في تعز للمطالبة برواتبهم، وفرقت قوات الأمن المتظاهرين."},
]


def _run(record):
    doc = extract({**record, "published": PUBLISHED})
    candidates = [(event.to_record(), info["reasons"], info["doubt"], info.get("p_event"))
                  for event, info in doc.user_data.get("candidates", ())]
    return doc, candidates, [event.to_record() for event in doc.events]


@pytest.mark.parametrize("record", ARTICLES)
def test_candidates_and_events_as_when_every_word_asks_for_its_places(record, monkeypatch):
    _, skipped, events = _run(record)
    monkeypatch.setattr(assemble, "_named_nearby", lambda *args: True)
    _, plain, plain_events = _run(record)
    assert skipped == plain
    assert events == plain_events


@pytest.mark.parametrize("record", ARTICLES)
def test_a_word_with_no_place_nearby_would_keep_none_of_what_places_for_gives(record):
    doc, _, _ = _run(record)
    for trigger in doc.triggers:
        sentence = doc.sentences[trigger.sentence]
        if not assemble._named_nearby(doc, trigger, sentence):
            given = geo.places_for(doc, trigger, sentence)
            assert not [p for p in given if assemble._said_nearby(doc, trigger, sentence, p)]


def test_the_skip_is_taken_and_not_taken():
    """Both sides of the test are reached: a word with its place in its sentence, one with the place two
    sentences back (the place of the story, found by the antecedent rule, not by places_for)."""
    doc, _, _ = _run(ARTICLES[1])
    seen = {assemble._named_nearby(doc, t, doc.sentences[t.sentence]) for t in doc.triggers if not t.absorbed}
    assert seen == {True, False}
    doc, _, _ = _run(ARTICLES[0])  # the dateline's place is in the event's sentence
    assert all(assemble._named_nearby(doc, t, doc.sentences[t.sentence]) for t in doc.triggers)


def test_the_sorted_starts_answer_as_the_places_themselves():
    """_named_nearby by bisection over _place_starts: the same as looking at every place and the dateline."""
    for record in ARTICLES:
        doc, _, _ = _run(record)
        dateline = (doc.user_data.get("geo") or {}).get("dateline")
        starts = assemble._place_starts(doc)
        for trigger in doc.triggers:
            sentence = doc.sentences[trigger.sentence]
            lo = assemble._nearby_start(doc, trigger, sentence)
            plain = any(lo <= p.start < sentence.end for p in doc.places + ([dateline] if dateline else []))
            assert assemble._named_nearby(doc, trigger, sentence, starts) == plain
            assert assemble._named_nearby(doc, trigger, sentence) == plain


def test_the_window_is_the_sentence_and_the_one_before_in_its_paragraph():
    doc, _, _ = _run(ARTICLES[3])
    last = max((t for t in doc.triggers if not t.absorbed), key=lambda t: t.start)
    sentence = doc.sentences[last.sentence]
    assert doc.sentences[last.sentence - 1].paragraph != sentence.paragraph  # a paragraph of its own
    assert assemble._nearby_start(doc, last, sentence) == sentence.start
    assert not assemble._named_nearby(doc, last, sentence)  # الرمادي is a paragraph away


needs_train = pytest.mark.skipif(not DEFAULT_TRAIN.exists(), reason="../shared/eval/train.jsonl not beside the checkout")


@needs_train
def test_on_news_no_skipped_word_would_have_kept_a_place():
    """The training articles (every 4th of the first 400: all six outlets' shapes of datelines and titles):
    for every event word the check says no to, places_for keeps nothing where _said_nearby looks."""
    skipped = 0
    with DEFAULT_TRAIN.open(encoding="utf-8") as lines:
        records = [json.loads(line) for k, line in zip(range(400), lines) if k % 4 == 0]
    for record in records:
        record.pop("events", None)
        doc = extract(record)
        starts = assemble._place_starts(doc)
        for trigger in doc.triggers:
            sentence = doc.sentences[trigger.sentence]
            if not assemble._named_nearby(doc, trigger, sentence, starts):
                skipped += 1
                assert not [p for p in geo.places_for(doc, trigger, sentence)
                            if assemble._said_nearby(doc, trigger, sentence, p)], (record.get("id"), trigger.cue)
    assert skipped > 20  # the check is exercised
