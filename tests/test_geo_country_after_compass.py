"""Issue 13 (events lost for no place): a town abroad is placed by its country named after a compass phrase
("غومبيه شمال شرقي نيجيريا"، "مروة أقصى شمال الكاميرون") as by its country named right after it ("بغداد، العراق"),
so an article about another country keeps it; the press's spelling مروة of Maroua; the transposed type word منقطة
(بمنقطة عسير); a city abroad that is no word (روتردام), after في/ب, in an article that speaks of
its country otherwise. Sentences written for rasd; each row: a sentence, the article's country, and the place(s) an event
told in it is coded at (admin1 | location | geo_precision), or none.
"""
from __future__ import annotations

import pytest

from rasd.geo import explain, sentence_places
from test_geo_sentences import _parse  # "admin1|location|precision; ..." -> tuples

CASES: list[tuple[str, str, str]] = [
    # a compass phrase, then the town's country: the town, in an article about a neighbour
    ('قُتل ٣٧ شخصاً في تفجيرين استهدفا محطتي حافلات في غومبيه شمال شرقي نيجيريا', 'CM',
     'Gombe|Gombe|1'),
    ('وانفجرت عبوةٌ في سوقٍ بغومبيه، شمال شرق نيجيريا', 'CM', 'Gombe|Gombe|1'),
    ('وهاجم مسلحون محطة حافلات في غومبيه بأقصى شمال شرق نيجيريا', 'CM', 'Gombe|Gombe|1'),
    ('فجّر انتحاري نفسه وسط حشد في غومبيــه جنوبي نيجيريا', 'CM', 'Gombe|Gombe|1'),
    # the compass phrase names no country: no evidence, as before
    ('وانفجرت قنبلة في غومبيه شمال المدينة', 'CM', ''),
    ('وانفجرت قنبلة بغومبيه جنوب غربي البلاد', 'CM', ''),
    # a clause between: not named after it, but after في in a sentence that speaks of its country
    ('وانفجرت قنبلة في غومبيه التي تقع شمال نيجيريا', 'CM', 'Gombe|Gombe|1'),
    # a namesake abroad chosen by the country after the compass phrase
    ('اندلعت اشتباكات في طرابلس شمال لبنان بين مسلحين', 'LY', 'Liban-Nord|Tripoli|1'),
    # Maroua as the press writes it (مروة), after its type word or placed by its country
    ('وفجّرت انتحاريتان نفسيهما في مدينة مروة أقصى شمال الكاميرون', 'CM', 'Far North|Maroua|1'),
    ('قُتل ١٣ شخصاً في سوقٍ مركزي في مروة، كبرى مدن أقصى شمال الكاميرون', 'CM', 'Far North|Maroua|1'),
    ('وقالت مروة إن المظاهرة ستخرج يوم الجمعة', 'EG', ''),
    # a city abroad that is no word, after في/ب, in an article that speaks of its country otherwise
    ('اعتقلت الشرطة الهولندية مشتبهاً به في روتردام يوم ٢٧ مارس', 'FR', 'Zuid-Holland|Rotterdam|1'),
    ('وقالت السلطات في هولندا إن الهجوم وقع بروتردام', 'FR', 'Zuid-Holland|Rotterdam|1'),
    ('اعتقلت الشرطة الفرنسية مشتبهاً به في روتردام', 'FR', ''),  # its country is not spoken of
    ('وقالت هولندا إن روتردام ستستضيف القمة', 'FR', ''),  # named bare
    # منقطة, typed for منطقة, is a type word: a frequent word abroad is a place after it
    ('أدان مجلس العلماء التفجير الذي استهدف مسجداً بمنقطة عسير', 'PK', 'Asir|Asir|3'),
    ('وسقطت قذيفة في منقطة عسير قرب الحدود', 'YE', 'Asir|Asir|3'),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_country_after_compass(case):
    text, country, expected = case
    got = [(p.place.admin1, p.place.name, p.precision) for p in sentence_places(text, country_hint=country)]
    assert got == _parse(expected), explain(text, country_hint=country)["places"]
