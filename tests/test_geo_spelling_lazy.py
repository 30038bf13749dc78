"""The spelling index of unknown villages, made one governorate at a time (speed19), holds what the index of all
the gazetteer's towns at once held: the same entries under the same keys, for every governorate."""
from __future__ import annotations

from rasd.geo import unknown
from rasd.geo.gazetteer import load
from rasd.geo.unknown import _NOT_TOWN, _VARIANT_MIN, _bare, _folded_key


def _whole_index() -> dict[tuple[str, str, str], tuple[tuple[int, str], ...]]:
    """The index as it was made before speed19: every town of the gazetteer folded in one pass."""
    gaz = load()
    out: dict[tuple[str, str, str], set[tuple[int, str]]] = {}
    entries = gaz.entries
    for key, rows in gaz.names.items():
        towns = [i for i, _ in rows if entries[i].place.feature not in _NOT_TOWN and entries[i].place.admin1]
        if not towns:
            continue
        sk = _folded_key(key)
        if len(sk.replace(" ", "")) < _VARIANT_MIN:
            continue
        bare = _bare(key)
        for i in towns:
            place = entries[i].place
            out.setdefault((place.country, place.admin1, sk), set()).add((i, bare))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def test_each_governorate_holds_what_the_whole_index_held():
    whole = _whole_index()
    by_governorate: dict[tuple[str, str], dict[str, tuple[tuple[int, str], ...]]] = {}
    for (country, admin1, sk), found in whole.items():
        by_governorate.setdefault((country, admin1), {})[sk] = found
    governorates = set(unknown._towns_by_governorate())
    assert set(by_governorate) <= governorates
    assert len(governorates) > 100
    for country, admin1 in governorates:
        assert unknown._spelling_index(country, admin1) == by_governorate.get((country, admin1), {}), (country, admin1)


def test_a_governorate_without_towns_gives_nothing_and_asking_twice_gives_the_same_dict():
    assert unknown._spelling_index("Nowhere", "No governorate") == {}
    first = unknown._spelling_index("Iraq", "Baghdad")
    assert first and unknown._spelling_index("Iraq", "Baghdad") is first
