"""What the casualty and modality stages read once per sentence (issue 15, speed11) is what they read
before for every event word: a sentence's opening, its death tolls, whether an article has an updated toll
at all, and the modality cues of the sentences with triggers found in one search. Made-up news sentences
run through the real stages."""
from __future__ import annotations

import datetime as dt
from itertools import combinations

from rasd import numbers
from rasd.doc import Document
from rasd.modality import _sentence_cues, modality_matcher
from rasd.pipeline import STAGES, run_stages

P = dt.date(2016, 3, 14)
STAGE_NAMES = [name for name, _ in STAGES]


def staged(text: str, until: str) -> Document:
    """``text`` run through the pipeline's stages up to and including ``until``."""
    doc = Document(text, published=P)
    return run_stages(doc, STAGES[: STAGE_NAMES.index(until) + 1])


def as_tuples(matches) -> list[tuple]:
    return [(m.start, m.end, m.first, m.last, m.phrase, m.value) for m in matches]


def test_cues_of_sentences_searched_together_are_those_of_each_sentence_alone():
    # "من المقرر" is one cue of two words: here its first word ends one sentence and its second opens the
    # next, which a search of either sentence alone does not find; "لا صحة" and "في حالة" stand inside one
    text = ("نفى مصدر أمني وقال لا صحة لأنباء عن قصف مدفعي على البلدة، وأكد أن الوضع هادئ من.\n"
            "المقرر أن تبدأ القوات هجوما على المدينة الأسبوع المقبل.\n"
            "وفي حالة تجدد الاشتباكات ستُغلق الطرق المؤدية إلى السوق.\n"
            "وقُتل ٣ مدنيين في غارة جوية على القرية يوم الأحد.")
    doc = staged(text, "segment")
    assert len(doc.sentences) == 4
    matcher = modality_matcher()
    alone = {id(s): as_tuples(matcher.find_longest(doc.tokens[s.first: s.last + 1],
                                                    doc.token_texts()[s.first: s.last + 1]))
             for s in doc.sentences}
    assert any(alone.values())  # the text holds cues: the comparison below is not of empty lists only
    for size in range(1, len(doc.sentences) + 1):
        for chosen in combinations(doc.sentences, size):
            for order in (list(chosen), list(reversed(chosen))):  # any order of sentences: the same cues each
                together = _sentence_cues(matcher, doc, order)
                assert [as_tuples(c) for c in together] == [alone[id(s)] for s in order]
    # the cue split by the sentence break belongs to neither sentence
    phrases = [m[4] for cues in alone.values() for m in cues]
    assert "من المقرر" not in phrases and "لا صحة" in phrases


def test_sentence_opening_is_read_once_and_gives_what_the_words_say():
    text = ("قُتل خمسة جنود بانفجار عبوة ناسفة استهدفت دوريتهم شمال بغداد.\n"
            "ما أسفر عن إصابة سبعة آخرين بجروح.\n"
            "وأضاف المصدر أن القوات طوّقت المكان.\n"
            "واعتقلت الشرطة مشتبها بهم في حي الكرادة.")
    doc = staged(text, "casualties")
    first, result, reporting, other = doc.sentences
    assert numbers._opening(doc, result) == numbers._CONTINUATION_OPENING
    assert numbers._opening(doc, reporting) == numbers._REPORTING_OPENING
    assert numbers._opening(doc, other) == numbers._OTHER_OPENING
    memo = doc.user_data["rasd.numbers.openings"]
    assert memo[(result.start, result.end)] == numbers._CONTINUATION_OPENING
    trigger = doc.triggers[0]
    assert numbers._continues(doc, result, trigger)  # "ما أسفر": the report goes on
    assert numbers._continues(doc, reporting, trigger)  # a reporting verb and no event word of its own
    assert not numbers._continues(doc, other, trigger)
    assert len(memo) == 3  # asked twice, read once


def test_an_updated_toll_is_still_found_when_the_article_has_one():
    text = ("قُتل ٤ أشخاص في تفجير انتحاري استهدف سوقا شعبية في مدينة الحلة.\n"
            "وارتفعت حصيلة القتلى إلى ١٢ شخصا بعد وفاة جرحى في المستشفى.")
    doc = staged(text, "casualties")
    assert numbers._has_updated_toll(doc)
    trigger = next(t for t in doc.triggers if t.sentence == 0 and not t.absorbed)
    result = numbers.fatalities_for(doc, trigger, doc.sentences[0])
    assert result.count >= 12  # the updated toll replaces the first count (12, with the bomber 13)


def test_no_updated_toll_in_the_article_and_the_memo_follows_the_casualty_list():
    text = ("قُتل ثلاثة عناصر من الشرطة في هجوم مسلح على حاجز أمني في الرمادي.\n"
            "وقال مصدر إن المسلحين فروا إلى جهة مجهولة.")
    doc = staged(text, "casualties")
    assert not numbers._has_updated_toll(doc)
    trigger = next(t for t in doc.triggers if not t.absorbed)
    assert numbers._updated_later(doc, trigger, doc.sentences[0], 0) is None
    assert numbers.fatalities_for(doc, trigger, doc.sentences[0]).count == 3
    # another list of mentions (a stage run again): the answer is read again, not taken from the memo
    updated = [numbers.CasualtyMention(m.start, m.end, m.text, m.count, m.kind, m.vague, True)
               for m in doc.casualties]
    doc.casualties = updated
    assert numbers._has_updated_toll(doc)


def test_sentence_tolls_are_the_killed_counts_of_the_sentence_read_once():
    text = ("قُتل ٧ مدنيين وأصيب ١٠ آخرون في قصف على حي سكني في حلب.\n"
            "وأسفرت المعارك منذ بداية العام عن مقتل ٤٠٠ شخص.\n"
            "وأصيب شرطيان في انفجار قنبلة صوتية.")
    doc = staged(text, "casualties")
    for s in doc.sentences:
        direct = [m for m in doc.casualties if s.start <= m.start and m.end <= s.end
                  and m.kind == "killed" and m.count > 0 and not m.aggregate]
        got = numbers._sentence_tolls(doc, s)
        assert got == direct
        assert numbers._sentence_tolls(doc, s) is got  # the second reading is the kept list
    first, aggregate, injured = doc.sentences
    assert [m.count for m in numbers._sentence_tolls(doc, first)] == [7]  # the wounded are no toll
    assert numbers._sentence_tolls(doc, injured) == []
    # "منذ بداية العام": a count over months is an aggregate, not a sentence's toll
    assert all(not m.aggregate for m in numbers._sentence_tolls(doc, aggregate))
    doc.casualties = []  # another list: read again
    assert numbers._sentence_tolls(doc, first) == []


def test_counts_inside_a_span_leave_out_injuries_and_are_read_once():
    text = ("قُتل ٥ جنود وجُرح ٨ آخرون، وسقط ١٢ بين قتيل وجريح في هجوم على ثكنة عسكرية قرب درعا.\n"
            "وقال مصدر طبي إن مدنيَّين اثنين قُتلا أيضاً.")
    doc = staged(text, "casualties")
    assert {m.kind for m in doc.casualties} >= {"killed", "injured"}
    spans = [(s.start, s.end) for s in doc.sentences] + [(c.start, c.end) for s in doc.sentences for c in s.clauses]
    for start, end in spans:
        direct = [m for m in doc.casualties if start <= m.start and m.end <= end and m.kind != "injured"]
        got = numbers._counts_inside(doc, start, end)
        assert got == direct and numbers._counts_inside(doc, start, end) is got
    whole = numbers._counts_inside(doc, doc.sentences[0].start, doc.sentences[0].end)
    assert 5 in [m.count for m in whole] and 8 not in [m.count for m in whole]  # the wounded are left out
