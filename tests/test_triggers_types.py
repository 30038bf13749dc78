"""Trigger types that a word beside the trigger decides (issue 17): a home-made bomb is no grenade, a drone
destroyed by air defences is a weapon stopped, a bomb found is no explosion;
verbs told with their subject between verb and object (أطلق شاب النار); and words that are no report."""
import pytest

from rasd.doc import Document
from rasd.modality import mark_modality
from rasd.segment import segment
from rasd.lexicon import phrase_key
from rasd.triggers import GAP, find_triggers, gapped_phrases, trigger_matcher
from trigger_reading import standing, types


@pytest.mark.parametrize("text, sub", [
    # a home-made bomb (يدوية الصنع) is an IED; a hand grenade stays a grenade
    ("قُتل طفلان في انفجار قنبلةٍ يدويةِ الصنع قرب مدرسة", "Remote explosive/landmine/IED"),
    ("انفجرت قنابلُ يدوية الصنع زرعها مسلحون قرب الطريق", "Remote explosive/landmine/IED"),
    ("ألقى مجهول قنبلة يدوية على دورية للشرطة", "Grenade"),
    # an attack from the air, a warplane
    ("شنّت تركيا هجوماً جوياً على مواقع المقاتلين الأكراد", "Air/drone strike"),
    ("هاجمت طائرةٌ حربية رتلاً للمسلحين جنوب المدينة", "Air/drone strike"),
    ("اندلعت اشتباكات عنيفة بين الجيش ومسلحي التنظيم في ريف المدينة", "Armed clash"),
    # a drone or a missile destroyed where air defences are named, or as the object of تدمير: a weapon stopped
    ("رصدت الدفاعاتُ الجوية جسماً غريباً يتجه نحو المطار وقامت بتدميره", "Disrupted weapons use"),
    ("تمكن العسكريون من تدمير طائرتين مسيّرتين قرب القاعدة", "Disrupted weapons use"),
    # bombs found, not set off
    ("وجد الجنود عبوات ناسفة مزروعة على جانب الطريق", "Disrupted weapons use"),
    ("اكتشفت الشرطة قنبلة ثانية لم تنفجر داخل الطرد", "Disrupted weapons use"),
])
def test_the_words_beside_a_trigger_set_its_type(text, sub):
    assert sub in types(text), standing(text)


@pytest.mark.parametrize("text, sub, words", [
    ("وأطلق طالبٌ تونسي النار من بندقية على السياح", "Attack", "اطلق طالب تونسي النار"),
    ("بعدما أطلق شاب فلسطيني الرصاص عليهم في منطقة صناعية", "Attack", "اطلق شاب فلسطيني الرصاص"),
    ("بينما أطلق الشرطيان عليه ٢٠ عيارا ناريا", "Attack", "اطلق الشرطيان عليه 20 عيارا"),
    ("وفتح مسلحٌ مجهول النار داخل المقهى", "Attack", "فتح مسلح مجهول النار"),
])
def test_a_verb_and_its_object_with_the_subject_between(text, sub, words):
    assert (sub, words) in standing(text)


def test_a_gapped_phrase_yields_to_a_phrase_in_its_gap():
    # "النار على" tells the shooting: one trigger, not two
    found = standing("أطلق مسلحون مجهولون النار على سيارة مدنية")
    assert [sub for sub, _ in found] == ["Attack"]
    assert not any(words.startswith("اطلق مسلحون") for _, words in found)
    # "وقف إطلاق النار" is a ceasefire, not a shooting, wherever the verb stands
    assert "Attack" not in types("أطلقت الأمم المتحدة نداءً لوقف إطلاق النار")


def test_under_control_is_a_place_taken_only_with_its_holder():
    assert "Non-state actor overtakes territory" in types("وأصبحت البلدة تحت سيطرة التنظيم بعد ساعات")
    assert "Non-state actor overtakes territory" in types("ثم باتت تحت سيطرة المسلحين")
    assert types("وقالت الشرطة إن الوضع أصبح تحت السيطرة") == []


def test_a_gap_of_more_than_three_words_is_no_phrase():
    assert "Attack" not in types("أطلق الرئيس في خطابه أمام البرلمان أمس النار")
    assert "Attack" in types("أطلق الرئيس أمس النار")


def test_the_gapped_rows_are_read_from_the_lexicon():
    table, _ = gapped_phrases()
    assert table[phrase_key("أطلق*")]["النار"][0] == "Attack"
    # the first part of a gapped phrase is no trigger of its own
    assert trigger_matcher() and "Attack" not in types("أطلق الجيش سراح المعتقلين")
    assert GAP == "…"


@pytest.mark.parametrize("text, sub", [
    ("ويحارب المقاتلون المحليون الحوثيين حول قاعدة العند منذ الأحد", "Armed clash"),
    ("أعلن الجيش عن قضائه على خلية إرهابية في سيناء", "Armed clash"),
    ("وجاء ذلك بعد دخول قوات النظام إلى بلدة حمورية", "Government regains territory"),
    ("وتحررت المديرية دون عمليات عسكرية بعد فرار المسلحين", "Government regains territory"),
    ("وأصبحت المنطقة تحت سيطرة المقاومة بعد معارك", "Non-state actor overtakes territory"),
    ("ووافق المسلحون على تسليم أسلحتهم الثقيلة للجيش", "Agreement"),
    ("خرج مئاتُ المواطنين في شوارع المدينة مطالبين بالإصلاح", "Peaceful protest"),
    ("وبدأت الفصائل بسحب أسلحتها الثقيلة من المنطقة العازلة", "Change to group/activity"),
    ("وكان التحالف قد علّق عملياته العسكرية في الساحل", "Change to group/activity"),
    ("وأحرق مستوطنون منزلاً في القرية، بعد حرق منزله الأول", "Looting/property destruction"),
])
def test_wording_the_lexicon_missed(text, sub):
    assert sub in types(text), standing(text)


@pytest.mark.parametrize("text", [
    "أطلق الرئيس سراح المعتقلين بعد العفو",  # released, no shot fired
    "أعلنت الحكومة تعليق الدراسة بسبب الأمطار",  # a suspension of classes, not of operations
    "تمكنت الشركة من تدمير الأرقام القياسية في المبيعات",  # records broken: destroying, no weapon, no place
    "ودمرت الغارة منزلاً وأدى تدمير المنزل إلى نزوح العائلة",  # the strike tells it; تدمير is its result
    "خرج الرئيس من المستشفى بعد إجراء عملية جراحية",  # came out of hospital: no crowd
    "يحارب الأطباء انتشار الوباء في المخيمات؟",  # a question, and no war
])
def test_words_that_are_no_report(text):
    found = types(text)
    assert not [s for s in found if s in ("Attack", "Change to group/activity", "Disrupted weapons use",
                                          "Peaceful protest", "Armed clash")], found


@pytest.mark.parametrize("text", [
    "ويستخدم الميناء نقطةَ انطلاقٍ للعمليات الهجوميّة ضد السفن",  # offensive operations: the adjective
    "وضبطت الشرطة خمس بنادق هجومية ومسدسين في الشقة",  # assault rifles
])
def test_the_adjective_offensive_is_no_attack(text):
    assert not [s for s in types(text) if s in ("Armed clash", "Attack")], standing(text)


def test_an_attack_is_still_an_attack():
    assert "Armed clash" in types("شنّ مسلحون هجوماً على حاجز للجيش فجر اليوم")


@pytest.mark.parametrize("text, remembered", [
    ("شارك المئات في مسيرة عشية ذكرى مرور عام على مقتل الشاب برصاص شرطي", "مقتل"),
    ("وأحيا الأهالي الذكرى الثالثة لتفجير السوق", "تفجير"),
])
def test_an_anniversary_remembers_no_new_incident(text, remembered):
    doc = Document(text)
    segment(doc)
    find_triggers(doc)
    mark_modality(doc)
    told = [t for t in doc.triggers if doc.norm.text[t.start:t.end].endswith(remembered)]
    assert told and all(t.modality == "generic" for t in told)
    # the march held on the anniversary is news
    if "مسيرة" in text:
        assert "Peaceful protest" in types(text)


def test_a_gapped_phrase_may_start_with_a_phrase_of_its_own_and_a_malformed_one_is_refused(tmp_path, monkeypatch):
    import rasd.triggers as triggers

    header = "phrase\tsub_event_type\tweight\tnote\trole\n"
    (tmp_path / "triggers.tsv").write_text(header + "أطلق*\tArrests\t0.6\n" + "أطلق* … النار\tAttack\t0.7\n",
                                           encoding="utf-8")
    monkeypatch.setattr(triggers, "DATA", tmp_path)
    for cached in (triggers.trigger_matcher, triggers.gapped_phrases, triggers.gapped_heads):
        cached.cache_clear()
    try:
        assert types("أطلق طالبٌ النارَ في الساحة") == ["Attack"]  # the gapped phrase first
        assert types("وأطلق الرئيس مبادرةً جديدة") == ["Arrests"]  # else the word's own row
        (tmp_path / "triggers.tsv").write_text(header + "أطلق* …\tAttack\t0.7\n", encoding="utf-8")
        triggers.gapped_phrases.cache_clear()
        with pytest.raises(ValueError, match="gapped phrase"):
            triggers.gapped_phrases()
        (tmp_path / "triggers.tsv").write_text(header + "أطلق* … النار\tShooting\t0.7\n", encoding="utf-8")
        triggers.gapped_phrases.cache_clear()
        with pytest.raises(ValueError, match="gapped phrase"):
            triggers.gapped_phrases()
    finally:
        monkeypatch.undo()
        for cached in (triggers.trigger_matcher, triggers.gapped_phrases, triggers.gapped_heads):
            cached.cache_clear()
    assert "Attack" in types("أطلق طالب النار في الساحة")
