"""A trigger whose clause names only a country, in a sentence that names a place of that country in another clause.

"احتجزت إسرائيل، لارا القاصم، ... في مطار بن جوريون"، "مسؤولين في الكاميرون ألقوا القبض ... في مدينة ماروا": the
country in the trigger's clause says whose forces or officials acted; the place of the incident is the town or site
the sentence names after it. :func:`rasd.geo.places_for` returned nothing there ("غارات في سوريا": only the country
is known), so the incident got no candidate at all. Now the clause's country gives way to the sentence's places when
one of them lies in that country; a sentence whose other places are in another country (a speaker in Baghdad about
strikes in Syria) or that names only the country stays unplaced.
"""
from __future__ import annotations

import pytest

from rasd.learn import documents


def _placed(text: str, trigger_word: str) -> list[tuple[str, str | None, str | None]]:
    """(country, admin1, location) of the candidates proposed for the triggers whose text starts with ``trigger_word``
    (normalised)."""
    record = {"id": "t", "text": text, "source": "test", "published": "2018-04-07"}
    out = []
    for _, doc in documents([record]):
        for event, info in doc.user_data.get("candidates", []):
            trigger = info["trigger"]
            if doc.norm.text[trigger.start:trigger.end].startswith(trigger_word):
                out.append((event.country, event.admin1, event.location))
    return out


@pytest.mark.parametrize("text, trigger_word, expected", [
    # the country is the actor, right after the verb; the site follows in another clause
    ("احتجزت إسرائيل، لارا القاصم، طالبة دراسات عليا أمريكية في مطار بن جوريون الإسرائيلي، منذ أسبوع.",
     "احتجزت", ("Israel", "Central District", "Ben Gurion Airport")),
    # "officials in Cameroon arrested ... in the town of Maroua"
    ("قالت مصادر أمنية إن مسؤولين في الكاميرون ألقوا القبض على ثلاثة مشتبه بهم، وبحوزتهم عبوات ناسفة، في مدينة ماروا.",
     "القبض", ("Cameroon", "Far North", "Maroua")),
    # diacritics, Eastern Arabic digits, tatweel in the town's name
    ("اعتقلت السُّلطات في تركيا ١٢ شخصاً، خلال مداهماتٍ في مدينة إزمـــير.",
     "اعتقلت", ("Turkey", "Izmir", "Izmir")),
])
def test_the_sentence_place_in_the_clause_country(text, trigger_word, expected):
    assert _placed(text, trigger_word) == [expected]


@pytest.mark.parametrize("text, trigger_word", [
    # the other clause's place is in another country: a speaker in Baghdad
    ("قصفت الطائرات مواقع في سوريا، وقال مسؤول في بغداد إن القصف مستمر.", "قصفت"),
    # only the country is named
    ("شنت طائرات التحالف غارات جوية في اليمن، ما أدى إلى مقتل ٥ أشخاص.", "غارات"),
])
def test_only_the_country_stays_unplaced(text, trigger_word):
    assert _placed(text, trigger_word) == []
