"""The word lists moved out of the code into data files (rasd.words) agree with their use.

For each file: every row is normalised the way the matchers read text (rasd.text.norm), a word or words of
Arabic letters separated by single spaces, unique in its list; every list of the file is read by its module
and every list the module reads is in the file; and each regular expression built from a list finds each of
its rows in a sentence of our own (written with diacritics, tatweel, hamza and clitics, then normalised).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from rasd import dates
from rasd import actors, geo, modality, notes_en, numbers, segment
from rasd.event import SUB_EVENT_TYPES, TAXONOMY
from rasd.geo import build as geo_build
from rasd.geo import lists as geo_lists
from rasd.geo import recognize
from rasd.geo import unknown
from rasd.text import norm
from rasd.words import alternation, word_lists

ROOT = Path(__file__).resolve().parents[1] / "rasd"
_WORD = re.compile(r"[\u0621-\u064a]+(?: [\u0621-\u064a]+)*")

# (the data file, the module that reads it)
FILES = [
    (ROOT / "data" / "dates" / "words.tsv", ROOT / "dates.py"),
    (ROOT / "data" / "gazetteer" / "unknown_words.tsv", ROOT / "geo" / "unknown.py"),
    (ROOT / "data" / "gazetteer" / "place_words.tsv", ROOT / "geo" / "__init__.py"),
    (ROOT / "data" / "gazetteer" / "list_words.tsv", ROOT / "geo" / "lists.py"),
    (ROOT / "data" / "gazetteer" / "recognize_words.tsv", ROOT / "geo" / "recognize.py"),
    (ROOT / "data" / "modality_words.tsv", ROOT / "modality.py"),
    (ROOT / "data" / "clause_words.tsv", ROOT / "segment.py"),
    (ROOT / "data" / "notes_words.tsv", ROOT / "notes_en.py"),
    (ROOT / "data" / "gazetteer" / "build_words.tsv", ROOT / "geo" / "build.py"),
    (ROOT / "data" / "casualty_words.tsv", ROOT / "numbers.py"),
    (ROOT / "data" / "actor_words.tsv", ROOT / "actors.py"),
    (ROOT / "data" / "assemble_words.tsv", ROOT / "assemble.py"),
    (ROOT / "data" / "learn_words.tsv",
     (ROOT / "learn" / "event_dates.py", ROOT / "learn" / "incidents.py", ROOT / "learn" / "tolls.py")),
]
# lists whose entries are ACLED event or sub-event types, not Arabic words
ACLED_TYPE_LISTS = {"not_toward_types"}
# lists whose values are English words (the notes), not kinds


@pytest.mark.parametrize("path, module", FILES, ids=lambda p: p.name if isinstance(p, Path) else "+".join(x.stem for x in p))
def test_rows_are_normalised_unique_words(path, module):
    lists = word_lists(path)
    assert lists
    for name, entries in lists.items():
        assert re.fullmatch(r"[a-z_]+", name), name
        assert len(set(entries)) == len(entries), f"{name}: a duplicate row"
        if name in ACLED_TYPE_LISTS:
            assert all(e in TAXONOMY or e in SUB_EVENT_TYPES for e in entries), f"{name}: not an ACLED type"
            continue
        for entry in entries:
            assert _WORD.fullmatch(entry), f"{name}: {entry!r} is not words of Arabic letters, single-spaced"
            assert norm(entry) == entry, f"{name}: {entry!r} is not normalised ({norm(entry)!r})"


@pytest.mark.parametrize("path, module", FILES, ids=lambda p: p.name if isinstance(p, Path) else "+".join(x.stem for x in p))
def test_every_list_is_read_and_every_read_list_is_there(path, module):
    modules = module if isinstance(module, tuple) else (module,)  # a file read by several modules: all of them
    source = "\n".join(m.read_text(encoding="utf-8") for m in modules)
    read = set(re.findall(r'(?:_LISTS|_VALUES|word_values\(_WORDS_PATH\))\["([a-z_]+)"\]', source))
    assert read <= set(word_lists(path)), read - set(word_lists(path))
    for name in word_lists(path):  # no list the module leaves unread
        assert f'"{name}"' in source, name
    # the file's header says what it is and under which licence
    head = path.read_text(encoding="utf-8").split("\nlist\t", 1)[0]
    assert "Curated for rasd" in head and "licence" in head.lower()


def test_word_lists_reader_rejects_a_row_without_entry(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# a comment\nlist\tentry\tnote\nsome\tكلمه\nsome\t\tforgot the word\n", encoding="utf-8")
    with pytest.raises(ValueError):
        word_lists(bad)
    good = tmp_path / "good.tsv"
    good.write_text("list\tentry\nb\tثاني\na\tاول\nb\tاول ثاني\n", encoding="utf-8")
    assert word_lists(good) == {"b": ("ثاني", "اول ثاني"), "a": ("اول",)}


def test_alternation_keeps_order_and_spaces():
    assert alternation(("بعد ان", "حين")) == "بعد ان|حين"
    assert alternation(("في وقت سابق", "سابقا"), "[ ]+") == "في[ ]+وقت[ ]+سابق|سابقا"
    assert alternation(("a.b",)) == r"a\.b"  # a row is a word, not a pattern


# -- rasd/data/dates/words.tsv: the regular expressions find each row in a sentence --------------------------

def _dates_words():
    return word_lists(dates.WORDS_PATH)


def test_dates_aside_rows_open_an_aside():
    for entry in _dates_words()["aside"]:
        text = norm(f"ووقــع الهجومُ، الجمعة، {entry} دعتْ الحركة إلى الإضراب")
        m = dates._ASIDE_RE.search(text)
        assert m and m.group(0) == entry, entry
        # glued to a longer word it is no aside
        assert dates._ASIDE_RE.search(norm(f"قال المسؤول{entry.replace(' ', '')}ون")) is None


def test_dates_vague_time_rows_match_with_runs_of_spaces():
    for entry in _dates_words()["vague_times"]:
        text = norm("وكانت الشرطةُ اعتقلت " + entry.replace(" ", "  ") + " ناشطين")
        m = dates._VAGUE_TIME_RE.search(text)
        assert m and m.group(0).split() == entry.split(), entry


def test_dates_before_last_rows():
    for entry in _dates_words()["before_last"]:
        assert dates._BEFORE_LAST_RE.match(f" قبل {entry} "), entry
    assert dates._BEFORE_LAST_RE.match(" قبل الماضيين") is None


def test_dates_anniversary_units_and_year_words():
    w = _dates_words()
    for unit in w["years_ago_units"]:
        m = dates._ANNIVERSARY_AGO.match(norm(f" قبل ١٢ {unit}"))
        assert m and m.group(1) == "12", unit
    for noun in w["year_nouns"]:
        for whole in ("",) + w["year_whole"]:
            phrase = " ".join(x for x in ("بعد مرور", noun, whole, "علي") if x)
            m = dates._A_YEAR_BEFORE_RE.search(norm(f"وذلك {phrase} "))
            assert m and m.group("after"), phrase
            m = dates._A_YEAR_BEFORE_RE.search(norm(f"في ذِكرى {phrase.replace('بعد ', '')} "))
            assert m and not m.group("after"), phrase


def test_dates_hijri_gloss_and_unit_rows():
    w = _dates_words()
    for gloss in w["hijri_gloss"]:
        text = f" ({gloss} ل "
        assert dates._HIJRI_GAP_RE.fullmatch(text), gloss
    for unit in w["unit_before"]:
        assert dates._UNIT_BEFORE_RE.search(f"وفي {unit} "), unit
        assert dates._UNIT_BEFORE_RE.search(f"وفي {unit}") is None


def test_dates_count_words_count_days_back():
    for word, n in dates._COUNT_WORDS.items():
        assert isinstance(n, int) and 2 < n < 8, word
        m = dates._COUNTED_BACK_RE.search(norm(f"وجاء الهجوم بعد {word} أيام على مقتل "))
        assert m and m.group("num") == word, word
    m = dates._COUNTED_BACK_RE.search(norm("بعد ٣ أيام من "))
    assert m and m.group("num") == "3"


def test_dates_word_sets_take_the_normalised_reading_of_surface_forms():
    # surface forms with diacritics, tatweel and hamza reach the set once normalised, as the text is
    assert norm("مُشِيـرةً") in dates._GOES_ON
    assert norm("الحادثة") in dates._INCIDENT_NOUNS
    assert norm("هؤلاء") in dates._ANAPHORA
    assert norm("إلى") in dates._MONTH_INTRO and norm("إلى") in dates._NOT_TODAY_AFTER
    assert norm("أسفرتْ") in dates._CONTINUATION
    assert norm("لا تزال").split()[-1] in dates._ONGOING_VERBS
    assert norm("على صعيد آخر").startswith(dates._NEW_TOPIC_PHRASES)


# -- rasd/data/gazetteer/unknown_words.tsv ---------------------------------------------------------------------

def test_unknown_prefixes_open_a_two_word_name_in_a_list():
    for prefix in unknown._PREFIXES:
        text = norm(f"قرى الجـرن، و{prefix} الخَضراء")
        m = geo_lists._UNKNOWN_ITEM.search(text)
        assert m and m.group(1) == f"{prefix} الخضراء", prefix


def test_unknown_terrain_and_singular_forms_take_their_clitics():
    for word in unknown._LISTS["terrain"]:
        for written in (word, "و" + word, "وب" + word):
            assert unknown._TERRAIN_FORMS[norm(written)] == word
    for word in unknown._LISTS["singular_types"]:
        assert "وب" + word in unknown._SINGULAR_FORMS and "ال" + word not in unknown._SINGULAR_FORMS
    assert norm("بقريةِ") in unknown._SINGULAR_FORMS


def test_unknown_days_and_not_first_words_as_the_text_writes_them():
    for day in ("السبت", "الأحد", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"):
        assert norm(day) in unknown._DAYS, day
    for word in ("هؤلاء", "أولئك", "إحدى", "سائر", "ليلةَ", "عشيّة", "إذا"):
        assert norm(word) in unknown._NOT_FIRST, word
    assert norm("وعلى") in unknown._OPENERS and norm("بجبهات") in unknown._OPENERS


# -- rasd/data/gazetteer/place_words.tsv -------------------------------------------------------------------------

def test_place_toward_words_with_and_without_a_type_word():
    lists = geo._LISTS
    for word in lists["toward_words"]:
        assert geo._TOWARD_BEFORE.search(norm(f"وفرّ المسلحون {word} ")), word
        assert geo._TOWARD_BEFORE.search(norm(f"وتقدمت القوات و{word} «")), word
        for kind in lists["toward_types"]:
            assert geo._TOWARD_BEFORE.search(norm(f"وتقدمت القوات {word} {kind} ")), (word, kind)
    # نحو before a number is "about": no direction
    assert geo._TOWARD_BEFORE.search(norm("على بعد نحو عشرة ")) is None


def test_place_not_toward_types_are_read_by_type_and_sub_type():
    assert "Protests" in geo._NOT_TOWARD_TYPES and "Non-violent transfer of territory" in geo._NOT_TOWARD_TYPES
    assert "Battles" not in geo._NOT_TOWARD_TYPES


def test_place_between_types_first_and_second():
    for kind in geo._LISTS["between_types"]:
        assert geo._BETWEEN_BEFORE.search(norm(f"اندلعت اشتباكات بين {kind} ")), kind
        assert geo._BETWEEN_BEFORE.search(norm(f"وبين {kind}")) is None  # the name follows after a space
    for kind in geo._LISTS["between_second_types"]:
        m = geo._BETWEEN_GAP.match(f" و{kind} ")
        assert m and m.end() == len(kind) + 3, kind


def test_place_anaphors_duals_and_operations():
    kinds = {"town", "village", "adm1", "adm2", "adm3", "area", "nbhd"}
    assert geo._ANAPHORS[norm("المدينة")] == "town" and set(geo._ANAPHORS.values()) <= kinds
    assert all(word.startswith("ال") for word in geo._ANAPHORS)
    for dual in ("المنطقتين", "البلدتان", "القريتين", "الحيين"):
        assert norm(dual) in geo._DUALS
    for word in geo._LISTS["operations"]:
        assert geo._OPERATIONS_AREA.search(norm(f"استهدف القصف ١٨٥ هدفا بمناطق {word}، وقال")), word
        assert geo._OPERATIONS_AREA.search(norm(f"في منطقه {word}ية")) is None


# -- rasd/data/gazetteer/list_words.tsv --------------------------------------------------------------------------

def test_list_item_gap_takes_each_type_word():
    for kind in geo_lists._LISTS["item_types"]:
        assert geo_lists._ITEM_GAP.fullmatch(f"، وفي {kind} "), kind
        assert geo_lists._ITEM_GAP.fullmatch(f" و{kind}"), kind
    assert geo_lists._ITEM_GAP.fullmatch("، ومزارع ") is None


def test_list_tail_gap_takes_type_compass_and_type_words():
    lists = geo_lists._LISTS
    for kind in lists["tail_types"]:
        assert geo_lists._TAIL_GAP.fullmatch(norm(f" ب{kind} ")), kind
    for point in lists["compass"]:
        for of in lists["tail_of_types"]:
            for written in (f" {point}ي {of} ", f"، في ال{point} من {of} ", f" {point}ا "):
                assert geo_lists._TAIL_GAP.fullmatch(norm(written)), written


def test_list_qualifiers_with_and_without_the_article():
    for word in geo_lists._LISTS["qualifiers"]:
        assert "ال" + word in geo_lists._QUALIFIERS
        for written in (f" {word}", f" ال{word}"):
            assert re.match(geo_lists._QUAL, written).end() == len(written), written
    assert norm("الغربيّة") in geo_lists._QUALIFIERS and norm("الكبرى") in geo_lists._QUALIFIERS
    # a prefix pattern with its longest prefixes first, whatever the order of the set
    assert geo_lists._UNKNOWN_ITEM.match("، ومزرعه الشيخ").group(1) == "مزرعه الشيخ"


# -- rasd/data/gazetteer/recognize_words.tsv ---------------------------------------------------------------------

def test_recognize_words_as_the_text_writes_them():
    assert recognize._FAR_WORDS[norm("أقصى")] == "far" and recognize._FAR_WORDS[norm("وسْط")] == "middle"
    for written in ("إلى", "وإلى", "على", "لدى", "داخلَ"):
        assert norm(written) in recognize._PREPOSITIONS, written
    for written in ("إنّ", "لأن", "بأن", "فإن"):
        assert norm(written) in recognize._SUBJECT_PARTICLES, written
    assert norm("عليـها")[:-2] in recognize._PRONOUN_PREPOSITIONS
    for written in ("كم", "كلم", "كيلومترات", "أميال", "أمتار"):
        assert norm(written) in recognize._UNITS, written


# -- rasd/data/modality_words.tsv --------------------------------------------------------------------------------

def test_modality_hedges_reach_a_toll_in_the_thousands():
    for written in ("مقتل أكثر من ١٦٠٠ شخص", "مقتل ما لا يقل عن 2927", "مقتل حوالى 3000", "قتل أزيد من 1500",
                    "مقتل زهاء 2000", "مقتل نحو 1200"):
        texts = norm(written).split()
        assert modality._tally(texts, 0, 0), written
    assert not modality._tally(norm("مقتل جنود بينهم 1600").split(), 0, 0)  # a word that is no hedge stops it
    for written in ("عمليات", "معركةُ", "حملة", "مساعي"):
        assert norm(written) in modality._OPERATIONS, written


# -- rasd/data/clause_words.tsv ----------------------------------------------------------------------------------

def test_segment_connectives_open_a_clause():
    for connective in segment._CONNECTIVES:
        for joined in (connective, "و" + connective):
            text = norm("قُتل جندي في درعـا ") + joined + norm(" أصيب اثنان في حمص")
            at = text.index(joined) - 1
            positions, needs = segment._clause_breaks(text)
            assert at in positions, joined
            m = segment._CLAUSE_BREAK.search(text)
            assert m and m.start() == at, joined
        # glued to the word before it, it opens no clause
        text = norm("قُتل جندي في درعـا") + connective + " اثنان"
        assert segment._CLAUSE_BREAK.search(text) is None, connective


# -- rasd/data/notes_words.tsv -----------------------------------------------------------------------------------

def test_notes_cues_name_the_weapon_in_a_trigger_as_written():
    explosive, shell, disrupt = notes_en._EXPLOSIVE, notes_en._SHELL, notes_en._DISRUPT
    assert notes_en._weapon(norm("انفجار سيّارة مفخّخة"), explosive, "an IED") == "a car bomb"
    assert notes_en._weapon(norm("انفجار لغمٍ أرضي"), explosive, "an IED") == "a landmine"
    assert notes_en._weapon(norm("انفجار عبوة"), explosive, "an IED") == "an IED"
    assert notes_en._weapon(norm("هجوم بطائرة بدون طيار"), notes_en._AIR, "an air strike") == "a drone strike"
    assert notes_en._weapon(norm("قصف بقذائف الهاون"), shell, "shelled") == "shelled"
    assert notes_en._weapon(norm("إطلاق صواريخ كاتيوشا"), shell, "shelled") == "fired rockets or missiles at"
    assert notes_en._weapon(norm("تفكيك عبوة"), disrupt, "x") == "defused or seized explosives"
    # every cue of a group reaches its group's words, in the group's order
    for kinds in (explosive, notes_en._AIR, shell, disrupt):
        for k, (cues, words) in enumerate(kinds):
            for cue in cues:
                first = next(w for c, w in kinds if any(x in cue for x in c))
                assert first == words or any(x in cue for c, _ in kinds[:k] for x in c), cue


# -- rasd/data/gazetteer/build_words.tsv -------------------------------------------------------------------------

def test_build_leading_types_come_before_the_words_they_start_with():
    leads = geo_build._LEADING_TYPES
    for k, lead in enumerate(leads):
        for longer in leads[k + 1:]:
            assert not longer.startswith(lead + " "), (lead, longer)  # "مركز" would hide "مركز قضاء"


def test_build_stop_keys_as_the_text_writes_them():
    for written in ("إلى", "على", "الفصائل", "المستشفى", "الشُّرطة", "أمس"):
        assert norm(written) in geo_build.STOP_KEYS, written
    assert norm("الموصل") not in geo_build.STOP_KEYS


def test_place_gap_patterns_take_each_of_their_words():
    lists = geo._LISTS
    for kind in lists["reference_types"]:
        text = norm(f" على بعد ١٠ كم شمال {kind} ")
        assert geo._REFERENCE_GAP.fullmatch(text), kind
    for adjective in lists["neighbour_adjectives"]:
        for written in (f" {adjective} من ", f"، ال{adjective} ل"):
            m = geo._NEIGHBOUR_GAP.match(written)
            assert m and m.end() == len(written), written
    for kind in lists["neighbour_types"]:
        written = f" القريبه من ال{kind} "
        assert geo._NEIGHBOUR_GAP.match(written).end() == len(written), kind
    for kind in lists["inside_types"]:
        assert geo._INSIDE_GAP.fullmatch(f" التابعه ل{kind} "), kind
        assert geo._INSIDE_GAP.fullmatch(f" في ال{kind} "), kind
    for word in lists["belonging"]:
        assert geo._ANCHOR_GAP.search(f"صيدا ال{word} في"), word
        for kind in lists["anchor_types"]:
            assert geo._ANCHOR_INSIDE.search(f"صيدا، ال{word} في {kind}"), (word, kind)
        for kind in lists["governorate_types"]:
            written = f"، ال{word} ل{kind} "
            assert geo._IN_GOVERNORATE.match(written).end() == len(written), (word, kind)
    assert geo._ANCHOR_INSIDE.search(norm("صيدا، الواقعة في مدينةٍ")) is not None


# -- rasd/data/casualty_words.tsv (rasd/numbers.py) ----------------------------------------------------------------

def _tatweel(word: str) -> str:
    """The word as a text may write it: a tatweel after its first letter and a damma at its end."""
    return word[0] + "ـ" + word[1:] + "ُ" if len(word) > 1 else word


def _casualties(text: str) -> list[tuple[int, str]]:
    import datetime as dt

    from rasd.dates import find_dates
    from rasd.doc import Document
    doc = Document(text, published=dt.date(2015, 8, 7))
    find_dates(doc)
    numbers.find_casualties(doc)
    return [(m.count, m.kind) for m in doc.casualties]


def test_casualty_number_words_read_their_value_as_written():
    values = numbers._VALUES
    for name in ("units", "ten_words", "tens", "thousand", "thousand_dual", "million", "million_dual", "vague"):
        assert values[name], name
        for word, value in values[name].items():
            assert numbers.parse_number(_tatweel(word)) == int(value), (name, word)
            assert numbers.parse_number("و" + word) == int(value), (name, word)  # with the conjunction
    for stem, hundreds in values["hundred_stems"].items():
        for hundred in numbers._LISTS["hundred_words"]:
            assert numbers.parse_number(stem + hundred) == int(hundreds) * 100, (stem, hundred)
    for word in numbers._LISTS["two_hundreds"] + numbers._LISTS["hundred_words"]:
        assert numbers.parse_number(word) in (100, 200), word
    for word in numbers._LISTS["vague_times_thousand"]:
        assert numbers.parse_number(f"{word} الآلاف") == numbers.VAGUE[word] * 1000, word
    for word in numbers._LISTS["vague_zero"]:
        assert numbers.parse_number(word) == 0, word


def test_casualty_qualifiers_keep_the_count_after_them():
    for qualifier in numbers._LISTS["qualifiers"]:
        assert numbers.parse_number(f"{qualifier} ٢٥") == 25, qualifier  # Eastern Arabic digits
    lengths = [len(q) for q in numbers.QUALIFIERS]
    assert lengths == sorted(lengths, reverse=True)  # "ما يزيد على" is tried before "ما"


def test_casualty_death_words_read_a_toll():
    for verb in numbers._LISTS["kill_verbs"]:
        assert _casualties(f"و{_tatweel(verb)} ٣ أشخاص في القصفِ على البلدة.") == [(3, "killed")], verb
    for noun in numbers._LISTS["kill_nouns"]:
        assert _casualties(f"وأدى القصف إلى {noun} ٣ أشخاص في البلدة.") == [(3, "killed")], noun
    for noun, kind in numbers._VALUES["kill_results"].items():
        assert kind in ("singular", "dual", "plural"), noun
        if kind == "plural":
            assert _casualties(f"وسقط ٧ {_tatweel(noun)} في القصف.") == [(7, "killed")], noun
    for noun, kind in numbers._VALUES["injury_results"].items():
        assert kind in ("singular", "dual_or_plural", "plural"), noun
        if kind == "plural" and noun not in numbers.INJ_FWD:  # إصابات also takes its count after it
            assert _casualties(f"وسقط ٧ {noun} في القصف.") == [(7, "injured")], noun
    for word, count in numbers._VALUES["self"].items():
        assert count == "many" or int(count) in (1, 2), word


def test_casualty_regex_lists_find_each_row_in_a_sentence():
    lists = numbers._LISTS
    for link in lists["result_links"]:
        assert numbers._RESULT_LINK_RE.search(norm(f"وتعرَّض الحيُّ لقصفٍ {link} عن ")), link
    for cause in lists["causes_after"]:
        assert numbers._CAUSE_AFTER_RE.fullmatch(norm(f"، {cause} لانفجارِ ")), cause
    for cause in lists["cause_words"]:
        assert numbers._CAUSE_RE.search(norm(f"وخرج المحتجّون {cause} على ")), cause
    for among in lists["includes_words"]:
        for attacker in lists["attacker_stems"]:
            assert numbers._INCLUDES_ATTACKER_RE.match(norm(f" شخصاً {among} ال{attacker}")), (among, attacker)
    for motive in lists["motives"]:
        assert numbers._MOTIVE_RE.search(norm(f"و{motive} لمقتل")), motive
    for cue in lists["area_cues"]:
        m = numbers._AREA_CUE_RE.search(f"قتلوا في {cue} ")
        assert m and m.group(0) == cue, cue
    for province in lists["province_before"]:
        assert numbers._AFTER_PROVINCE_RE.search(f"في {province} "), province
    for during in lists["later_period_during"]:
        for period in lists["later_periods"]:
            for past in lists["past"]:
                text = norm(f" و{during} ال{period} {past} ")
                assert numbers._LATER_PERIOD_RE.search(text), (during, period, past)


def test_casualty_longest_first_lists_match_whole_words():
    lists = numbers._LISTS
    cases = [("tally_words", numbers._TALLY_RE, "و{} القتلى"), ("series_words", numbers._SERIES_RE, "جراء ال{} "),
             ("province_words", numbers._PROVINCE_RE, "في {} حلب"),
             ("the_province_words", numbers._THE_PROVINCE_RE, " قتلوا في ال{} "),
             ("since_start_words", numbers._SINCE_START_RE, "ومنذ {} الحرب"),
             ("clause_break_verbs", numbers._CLAUSE_BREAK_RE, " {} عدد القتلى"),
             ("superlatives", numbers._SUPERLATIVE_RE, " في {} الايام")]
    for name, pattern, frame in cases:
        for word in lists[name]:
            m = pattern.search(norm(frame.format(word)))
            assert m and m.group(0).strip().endswith(word), (name, word)
            # glued to more letters the word is another word
            assert pattern.search(norm(frame.format(word + "يه"))) is None, (name, word)


# -- rasd/data/actor_words.tsv (rasd/actors.py) ---------------------------------------------------------------------

def test_actor_verb_lists_give_the_third_person_forms():
    lists = actors._LISTS
    verb_sets = {"speech": actors.SPEECH, "claim": actors.CLAIM, "accuse": actors.ACCUSE, "repel": actors.REPEL,
                 "verbs": actors.VERBS, "patient_verbs": actors.PATIENT_VERBS, "answer_verbs": actors.ANSWER_VERBS,
                 "caught": actors.CAUGHT, "shot_down": actors.SHOT_DOWN, "announce": actors.ANNOUNCE,
                 "clashed": actors.CLASHED, "insurgent_attack": actors.INSURGENT_ATTACK}
    for name, forms in verb_sets.items():
        taken_out = set(lists.get(name + "_except", ()))
        for stem in lists[name + "_past"]:
            feminine = (stem[:-1] if stem.endswith("ي") else stem) + "ت"  # قالت، ألقت
            assert {stem, feminine} - taken_out <= forms, (name, stem)
        for stem in lists.get(name + "_present", ()):
            assert {"ي" + stem, "ت" + stem + "ون"} - taken_out <= forms, (name, stem)
    for name, forms in (("speech", actors.SPEECH), ("verbs", actors.VERBS)):  # the words a list takes out stay out
        assert lists[name + "_except"] and forms.isdisjoint(lists[name + "_except"]), name


def test_actor_cue_words_take_the_normalised_reading_of_surface_forms():
    # written with hamza, diacritics, tatweel and ta marbuta, as the text writes them; normalised as it is read
    cases = [("مسؤوليّتَها", actors.RESPONSIBILITY), ("بِنيـرانِ", actors.AGENT_PREPS), ("أعلنَتْ", actors.ANNOUNCE),
             ("تبنّى", actors.CLAIM), ("إصابة", actors.HARM_NOUNS), ("دوريّة", actors.TARGET_OBJECTS),
             ("مقتلُ", actors.VICTIMS), ("باتّجاه", actors.TARGET_PREPS), ("مُسلّحو", actors._ARMED_MEN_OF),
             ("المتعاقدين", actors.CONTRACT), ("لقوا", actors.PATIENT_VERBS), ("مظاهرة", actors.CROWD_EVENTS)]
    for written, words in cases:
        assert norm(written) in words, written
    for word in actors._LISTS["broken_plural_nationalities"]:
        assert norm(word) == word and not word.endswith(("ين", "ون", "يان"))


# -- rasd/data/trigger_context.tsv (rasd/triggers.py) ----------------------------------------------------------------

def test_trigger_context_groups_are_read_and_headed():
    from rasd import triggers
    from rasd.lexicon import read_tsv
    path = ROOT / "data" / "trigger_context.tsv"
    head = path.read_text(encoding="utf-8").split("\nphrase\t", 1)[0]
    assert "Curated for rasd" in head and "licence" in head.lower()
    rows = read_tsv(path)
    groups = {row["group"] for row in rows}
    assert groups == set(triggers._CONTEXT) == {"air", "found", "destruction", "defence", "weapon", "targeting",
                                               "suicide"}
    for group in groups:
        phrases = [row["phrase"] for row in rows if row["group"] == group]
        assert len(set(phrases)) == len(phrases), group
        assert f'_CONTEXT["{group}"]' in (ROOT / "triggers.py").read_text(encoding="utf-8"), group


def test_trigger_context_destruction_and_targeting_are_trigger_phrases_as_written():
    # the trigger stage compares them with the phrase of a triggers.tsv row: written as that row writes it
    from rasd import triggers
    from rasd.lexicon import read_tsv
    written = {row["phrase"] for row in read_tsv(ROOT / "data" / "triggers.tsv")}
    for group in ("destruction", "targeting"):
        for phrase in triggers._CONTEXT[group]:
            assert phrase in written, (group, phrase)


def test_trigger_context_matchers_find_each_phrase_in_a_sentence():
    from rasd import triggers
    from rasd.doc import Document
    matchers = {"air": triggers._AIRCRAFT, "found": triggers._FOUND, "defence": triggers._DEFENCE,
                "weapon": triggers._WEAPON, "suicide": triggers._SUICIDE}
    for group, matcher in matchers.items():
        for phrase in triggers._CONTEXT[group]:
            words = phrase.replace("*", "").split()
            if len(words[0]) > 3:
                words[0] = "و" + words[0]  # a proclitic on the first word (not on a short particle: لم)
            words[-1] = words[-1][0] + "ـ" + words[-1][1:]  # tatweel, as a text may write it
            doc = Document("قالت المصادر إنّ " + " ".join(words) + " في المنطقة.")
            found = [m.phrase for m in matcher.find(doc.tokens, doc.token_texts())]
            assert phrase in found, (group, phrase, found)


# -- rasd/data/assemble_words.tsv (rasd/assemble.py) ----------------------------------------------------------------

def test_assemble_interception_words_and_what_follows_them():
    from rasd import assemble
    lists = assemble._LISTS
    for word in lists["interception"]:
        for written in (word, "و" + word, "ال" + word, "لل" + word):
            assert assemble._INTERCEPTION.match(norm(written)), written
        for part in lists["part_stopped"]:
            after = norm(f" اثنتين {part}، وسقط الباقي")
            assert assemble._PART_STOPPED.match(after), part
    for noun in lists["confronted"]:
        for lam in ("ل", "لل"):
            assert assemble._CONFRONTED.match(norm(f" {lam}{noun} الميليشيات")), noun
    for word in lists["confront_words"]:
        assert word in lists["interception"], word  # a confronting word is read after an interception match


def test_assemble_again_relative_and_kana_read_the_normalised_text():
    from rasd import assemble
    for written in ("مُجدَّداً", "من جديدٍ", "مرّةً أخرى", "مرة ثانية"):
        assert norm(written) in assemble._AGAIN, written
    for written in ("التي", "الذي", "الذين", "اللتين", "اللذين", "اللتي", "التى", "الذى"):
        assert norm(written) in assemble._RELATIVE, written  # ى is read as ي: the text's التى is found too
    for written in ("وكانت", "فكان", "كان"):
        assert norm(written) in assemble._KANA
    assert norm("وحيث") in assemble._GOES_ON and norm("حيث") in assemble._GOES_ON



# -- rasd/data/learn_words.tsv (rasd/learn: the rule features of the models) ----------------------------------------

def test_learn_cue_words_reach_their_features_as_the_text_writes_them():
    from rasd.learn import event_dates as learned_dates
    from rasd.learn import incidents as learned_incidents
    from rasd.learn import tolls as learned_tolls
    lists = learned_tolls._LISTS
    names = list(learned_tolls._CUES)
    for k, name in enumerate(names):
        assert learned_tolls._CUES[name] == lists["toll_" + name], name
        for word in learned_tolls._CUES[name]:
            later = [n for n in names[k + 1:] if word in learned_tolls._CUES[n]]
            assert learned_tolls._CUE_OF[word] == (later[-1] if later else name), word  # the last cue holding it
    for written in ("حصيلةُ", "الأزمة", "الفائتة", "وزارة"):
        assert norm(written) in learned_tolls._CUE_OF, written
    for written in ("قالَت", "أعلنت", "أفادت", "أوضح"):
        assert norm(written) in learned_dates._REPORTING and norm(written) in learned_incidents._SAID, written
    assert norm("ليلة") in learned_dates._PARTS and norm("وفي") in learned_dates._IN


def test_casualty_lists_read_inside_functions():
    for word in numbers._LISTS["thousands_after_vague"]:
        assert numbers.parse_number(f"عشراتُ {word}") == 10_000, word
    for word in numbers._LISTS["toll_to"]:  # an updated toll, Eastern Arabic digits
        m = _casualties(f"وارتفعـت حصيلةُ القتلى {word} ٣٠ شخصاً.")
        assert m == [(30, "killed")], word
    for stem in numbers._BODY_STEMS:
        assert stem.startswith(("جث", "بجث")), stem  # read with startswith: the starts of a word of bodies
