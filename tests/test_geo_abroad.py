"""Places abroad and sites the gazetteer learnt in the seventh round of issue 13 (sentences written for rasd): the
first-level divisions the news names (US states, the nations of the United Kingdom, Germany's Länder, Russia's
republics, Crimea, Kashmir, Punjab, Catalonia) by their Arabic press names, Washington as the capital of the United
States (a place after في, its government when it speaks), towns abroad under the 100,000 people of the derived
world towns, the press's spellings of known towns (a long vowel written or left out, g as غ), and sites (a strait,
an airport, an air base, a camp).

Each row: a sentence, and the place(s) an event told at its start is coded at (admin1 | location | geo_precision),
or none; read as ``tests/test_geo_sentences.py`` reads its table.
"""
from __future__ import annotations

import pytest

from rasd.geo import explain, get_gazetteer, sentence_places
from test_geo_sentences import _parse  # "admin1|location|precision; ..." -> tuples

CASES: list[tuple[str, str]] = [
    ('أطلق مسلح النار على المصلين في كنيسة بولاية تكساس الأمريكية', 'Texas|Texas|3'),
    ('وقُتل ثلاثة أشخاص في إطلاق نار بمدرسة ثانوية في ولاية كاليفورنيا', 'Golden|Golden|3'),
    ('تظاهر آلاف الطلاب أمس في واشنطن للمطالبة بتشديد قوانين حيازة الأسلحة', 'District of Columbia|Washington|1'),
    ('وقالت واشنطن إن العقوبات الجديدة ستدخل حيز التنفيذ', ''),
    ('اندلعت اشتباكات بين الشرطة ومحتجين في مدينة شارلوتسفيل بولاية فرجينيا', 'Virginia|Charlottesville|1'),
    ('احتجز مسلح رهائن في متجر ببلدة تريب جنوب فرنسا بعد أن أطلق النار في كاركاسون', 'Occitanie|Trebes|1'),
    ('وأُلقيت زجاجات حارقة على مسجد في ولاية بافاريا جنوبي ألمانيا', 'Bayern|Bayern|3'),
    ('تظاهر اليمين المتطرف في مدينة كيمنيتس بولاية ساكسونيا شرق ألمانيا', 'Sachsen|Chemnitz|1'),
    ('هاجم متشددون مركزا للشرطة في جمهورية داغستان الروسية', 'Dagestan, Respublika|Dagestan, Respublika|3'),
    ('وفجّر انتحاري نفسه عند نقطة تفتيش في الشيشان', 'Chechenskaya Respublika|Chechenskaya Respublika|3'),
    ('انفجرت عبوة في كلية تقنية بمدينة كرتش في شبه جزيرة القرم', 'Avtonomna Respublika Krym|Kerch|1'),
    ('تظاهر الآلاف في إقليم كتالونيا للمطالبة بالانفصال', 'Catalunya|Catalunya|3'),
    ('قُتل جنديان في تبادل لإطلاق النار على خط المراقبة في كشمير', 'Jammu and Kashmir|Jammu and Kashmir|3'),
    ('هاجم مسلحون حافلة في إقليم البنجاب شرقي باكستان', 'Punjab|Punjab|3'),
    ('اعتُقل رجل طعن شرطيا في مدينة ليفربول شمال غرب إنجلترا', 'England|Liverpool|1'),
    ('وقُتل ٣ أشخاص في انفجار قنبلة في جاكرتا', 'Jakarta Special Capital|Jakarta|1'),
    ('قتل جنديان في هجوم لجماعة بوكو حرام على بلدة دابشي بولاية يوبي', 'Yobe|Dapchi|1'),
    ('قصفت مقاتلات التحالف زوارق للحوثيين في مضيق باب المندب', "Ta'izz|Bab al-Mandab|1"),
    ('احتجزت السلطات الإسرائيلية طالبة أمريكية في مطار بن غوريون', 'Central District|Ben Gurion Airport|1'),
    ('وسيطرت قوات الجيش الليبي على قاعدة تمنهنت الجوية جنوب البلاد', 'Sabha|Tamanhint Air Base|1'),
    ('وتعرضت منشآت النفط في رأس لانوف لهجوم مسلح', 'Sirte|Ras Lanuf|1'),
    ('أطلقت قوات الاحتلال الرصاص على متظاهرين شرق مخيم المغازي وسط قطاع غزة', 'Gaza Strip|Al-Maghazi Camp|2'),
    ('قصفت مدفعية إيرانية مقرات حزب كردي في قضاء كوي سنجق بمحافظة أربيل', 'Erbil|Koysinceq|2'),
    ('وانفجرت قنبلة قرب ملعب في مدينة غومبيه شمال شرقي نيجيريا', 'Gombe|Gombe|1'),
    ('اندلعت مواجهات في جورجيا بين الشرطة ومحتجين', ''),
    ('أمطار غزيرة في تكساس', 'Texas|Texas|3'),
    ('وشهدت ولايـــة أوهايو احتجاجات واسعة', 'Ohio|Ohio|3'),
    ('هاجم رجل المارة بسكين في بلدة فيرفيرز في منطقة والونيا ببلجيكا', 'Walloon|Verviers|1'),
    # the Golan Heights, a region (no district), coded in the Northern District
    ('شنّ الطيران غارات على مواقع عسكرية في مرتفعات الجولان المحتلة', 'Northern District|Golan Heights|2'),
    ('وأُطلقت 20 صاروخا على مواقع الجيش الإسرائيلي في الجولان', 'Northern District|Golan Heights|2'),
    # العاصمة before a capital's name says the city: no government
    ('سقط صاروخ باليستي أطلقه الحوثيون على العاصمة الرياض', 'Riyadh|Riyadh|1'),
    ('شهدت العاصمة عمّان احتجاجات على قانون الضريبة', 'Amman|Amman|1'),
    # dual type words
    ('سيطر المسلحون على مخازن الحبوب في محافظتي نينوى وصلاح الدين', 'Nineveh|Nineveh|3; Salah ad Din|Salah ad Din|3'),
    ('اندلعت معارك عنيفة في مديريتي حيس والتحيتا جنوب الحديدة', "Al Hudaydah|Hays|2; Al Hudaydah|At Tuhayta'|2"),
    ('خرج آلاف الأستراليين في مظاهرات في كانبيرا وأديلايد',
     'Australian Capital Territory|Canberra|1; South Australia|Adelaide|1'),
    ('هاجم مسلحون مقر القوة المشتركة في بلدة سيفاري وسط مالي', 'Mopti|Sevare|1'),
    # a widely known place that is also a word, after ب, abroad in an article that names its country
    ('قال التحالف بقيادة السعودية إن غارته في اليمن أصابت حافلة بصعدة', "Sa'dah|Sa'dah|1"),
    ('الأطفال يلعبون صعدة ونزولا', ''),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_sentence_abroad(case):
    text, expected = case
    got = [(p.place.admin1, p.place.name, p.precision) for p in sentence_places(text)]
    assert got == _parse(expected), explain(text)["places"]


def test_countries_of_the_table():
    """The table speaks of many countries, not one."""
    countries = {p.place.country for text, _ in CASES for p in sentence_places(text)}
    assert len(countries) >= 10


def test_curated_name_abroad_is_no_word():
    """تكساس and كاليفورنيا are frequent in the word list because the news names them: an analyst's spelling abroad
    (names_extra.tsv) is indexed without the frequent-word flag, so في تكساس needs no type word; at home the flags
    stay (هيت in Iraq keeps its flags)."""
    gaz = get_gazetteer()
    texas = [flags for i, flags in gaz.names.get("تكساس", ()) if gaz.entries[i].place.name == "Texas"]
    assert texas and all("f" not in f and "t" not in f for f in texas)
    hit = [flags for i, flags in gaz.names.get("هيت", ()) if gaz.entries[i].place.country == "Iraq"]
    assert hit and any(f for f in hit)


def test_washington_speaks_or_is_a_place():
    """واشنطن is a place after في and the government as a subject that speaks."""
    (dc,) = sentence_places("وتجمّع المحتجون في واشنطن أمام مبنى الكونغرس")
    assert (dc.place.country, dc.place.admin1, dc.place.feature) == ("United States", "District of Columbia", "PPLC")
    assert sentence_places("واشنطن تتهم موسكو بالتدخل في الانتخابات") == []
    # the object of a capital that acts is its government too, not a place
    assert sentence_places("وطالبت أنقرة واشنطن بتسليم المعارض المقيم لديها") == []
    assert sentence_places("اتهمت موسكو لندن بتدبير حادث التسميم") == []
