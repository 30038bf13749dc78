"""numbers._roles skips a reading that no table holds with one look-up (speed19): its answers, and the order of
their roles, are those of trying every table, for the tables' own words with clitics and for plain sentences."""
from __future__ import annotations

from rasd import numbers
from rasd.numbers import _ROLE_TABLES, INJ_RESULT, KILL_RESULT, _article_less, _forms
from rasd.text import normalize, tokenize


def _every_table(word: str) -> dict[str, str]:
    """_roles as it was written before speed19: each reading tried in every table."""
    out: dict[str, str] = {}
    for form in _forms(word):
        for role, table in _ROLE_TABLES:
            if role not in out and form in table:
                out[role] = form
        for role, table in (("kill_result", KILL_RESULT), ("inj_result", INJ_RESULT)):
            if role in out:
                continue
            if form in table:
                out[role] = form
            elif _article_less(form) in table:
                out[role] = _article_less(form)
    return out


_SENTENCES = [
    "قُتل ٣ مدنيين وأصيب خمسة آخرون بجروح في انفجار عبوة ناسفة",
    "والقتلى والجرحى نقلوا إلى المستشفى، فيما لقي جنديان مصرعهما",
    "أودت الغارة بحياة ١٢ شخصا وارتفعت حصيلة الضحايا",
    "فجّر الانتحاري نفسه وقضى على الفور، واستشهد شرطيان",
    "أعلنت الوزارة أن عدد المصابين بلغ عشرين مصاباً",
    "لقـــي طفل حتفه وجُرح والده",
]


def _words() -> set[str]:
    words: set[str] = set()
    for _, table in _ROLE_TABLES:
        words.update(table)
    words.update(KILL_RESULT)
    words.update(INJ_RESULT)
    with_clitics = set()
    for w in words:
        for pre in ("", "و", "ف", "ب", "ل", "ك", "وب", "فل", "ال", "وال", "بال", "فال", "لل", "ولل"):
            with_clitics.add(pre + w)
    for sentence in _SENTENCES:
        with_clitics.update(t.text for t in tokenize(normalize(sentence).text))
    return with_clitics


def test_roles_are_those_of_every_table():
    words = _words()
    assert len(words) > 1000
    some = 0
    for word in sorted(words):
        want = _every_table(word)
        got = numbers._roles(word)
        assert list(got.items()) == list(want.items()), word
        some += bool(got)
    assert some > 300  # the table words are read, not only skipped


def test_a_result_noun_with_the_article_and_a_clitic_is_read():
    word = tokenize(normalize("والقتلى").text)[0].text
    assert numbers._roles(word) == _every_table(word) != {}
