"""Start-up shortcuts of the geocoder give what the loops they replaced gave (speed22b).

* ``gazetteer._entries_of_columns``: the entries made by ``map`` over the cache's columns are the entries of
  the row-by-row loop, in the same order, and a cache whose columns differ in length is refused.
* ``recognize._capitals``: the capitals' names and each country's capital as the two passes over every
  candidate found them; the capitals read in our own sentences.
"""
from __future__ import annotations

import pytest

from rasd.geo import _recognizer
from rasd.geo.gazetteer import COUNTRY_NAMES, ISO_NUMERIC, Entry, Place, _entries_of_columns
from rasd.geo.recognize import _capitals


@pytest.fixture(scope="module")
def rec():
    return _recognizer()


def _row_by_row(columns) -> list[Entry]:
    built = []
    for (name, name_ar, cc, a1name, a2name, admin3, lat, lon, gid, feature, population, eid, a1, a2,
         ref, big) in zip(*columns, strict=True):
        place = Place(name, name_ar, COUNTRY_NAMES.get(cc, cc), ISO_NUMERIC.get(cc, 0), a1name, a2name,
                      admin3, lat, lon, gid, feature, population)
        built.append(Entry(place, eid, cc, a1, a2, ref, big))
    return built


def test_entries_of_columns_are_the_rows(rec):
    state = rec.gaz._cache_state()
    assert state is not None
    columns = state[0]
    made = _entries_of_columns(columns)
    assert len(made) == len(rec.gaz.entries) > 10_000
    assert made == _row_by_row(columns)
    assert made == rec.gaz.entries
    # a country code the tables do not know keeps itself as its name and 0 as its number
    odd = tuple([column[0]] for column in columns)
    odd[2][0] = "ZZ"
    (entry,) = _entries_of_columns(odd)
    assert (entry.place.country, entry.place.iso, entry.cc) == ("ZZ", 0, "ZZ")
    assert _entries_of_columns(tuple([] for _ in columns)) == []


def test_a_cache_with_uneven_columns_is_refused(rec):
    columns = tuple(list(column[:3]) for column in rec.gaz._cache_state()[0])
    columns[5].pop()
    with pytest.raises(ValueError):
        _entries_of_columns(columns)
    with pytest.raises(ValueError):
        _entries_of_columns(columns[:15])


def test_capitals_as_the_two_passes_found_them(rec):
    gaz = rec.gaz
    keys = {key for key, cands in gaz.names.items() if any(gaz.entries[i].place.feature == "PPLC" for i, _ in cands)}
    capital_of, fewest = {}, {}
    for key, cands in gaz.names.items():
        for idx, flags in cands:
            cc = gaz.entries[idx].cc
            if gaz.entries[idx].place.feature == "PPLC" and len(cands) < fewest.get(cc, 1 << 30):
                capital_of[cc], fewest[cc] = (key, idx, flags), len(cands)
    got_keys, got_of = _capitals(gaz)
    assert got_keys == keys and len(keys) > 50
    assert got_of == capital_of and list(got_of) == list(capital_of)
    assert rec.capital_keys == keys and rec.capital_of == capital_of


@pytest.mark.parametrize("sentence, name", [
    ("قالت أنقرة إنها لم تُبلَّغ بالهجوم", "انقره"),
    ("وصل الوفد إلى العاصمة الأفغانية كابول صباح الأحد", "كابل"),
    ("وفي بغداد، انفجرت عبوة ناسفة قرب سوق شعبي", "بغداد"),
])
def test_capitals_in_our_own_sentences(rec, sentence, name):
    from rasd.text import normalize, tokenize
    norm = normalize(sentence)
    found = rec.find(tokenize(norm.text, fast_alphabet=norm.fast), norm.text)
    keys = {m.key for m in found}
    assert any(k in rec.capital_keys for k in keys), keys


def test_word_lines_read_as_the_line_loop(tmp_path):
    from rasd.geo.build import DATA
    from rasd.geo.unknown import _word_lines

    def line_loop(path):
        with open(path, encoding="utf-8") as handle:
            return {line.strip() for line in handle if line.strip() and not line.startswith("#")}

    shipped = DATA / "frequent_words.tsv"
    assert _word_lines(shipped.read_text(encoding="utf-8")) == line_loop(shipped)
    own = tmp_path / "words.tsv"
    own.write_text("# تعليق\nword\n  قريةٌ  \n\n#غير\n كلمة #\nمـــدينة\r\nبلدة\t\n٣\n \n#", encoding="utf-8")
    with open(own, encoding="utf-8") as handle:
        assert _word_lines(handle.read()) == line_loop(own)
    assert _word_lines("a\n#b\n #c\n") == {"a", "#c"}
    assert _word_lines("") == set()
