"""The embedded gazetteer: the committed index is a fresh compile of the committed sources, loads fast, and holds
the places and names the records need."""
from __future__ import annotations


import pytest

from rasd.geo import build
from rasd.geo.gazetteer import Gazetteer, load

DATA = build.DATA


def test_index_is_up_to_date(tmp_path):
    out = tmp_path / "index.tsv"
    build.compile_index(DATA, out)
    assert out.read_text(encoding="utf-8") == (DATA / "index.tsv").read_text(encoding="utf-8"), \
        "index.tsv is stale: run python3 scripts/build_gazetteer.py compile"


def test_the_index_loads_whole():
    # how long it takes is bench/profile_stages.py's "resources loaded" figure, not a timed test
    gaz = Gazetteer(DATA / "index.tsv")
    assert len(gaz) > 10000


def test_admin1_names_are_the_shared_table_names():
    """Every first-level division of every country rasd names is in the index, under the table's name: every
    division that a GeoNames town is coded in (the shared table also lists codes no town uses, as Ireland's
    old counties ``IE.C.10``; no record can name those)."""
    gaz = load()
    named = {r["iso2"] for r in build.read_rows(DATA / "countries.tsv")}
    coded = {r["admin1"] for r in build.read_rows(DATA / "admin1_seats.tsv")}
    coded |= {r["admin1"] for r in build.read_rows(DATA / "towns.tsv")}
    shared = {r["admin_code"]: r["name"] for r in build.read_rows(DATA / "admin1.tsv")
              if r["admin_code"][:2] in named and r["admin_code"] in coded}
    assert len(shared) > 1000 and {c[:2] for c in shared} >= {"SD", "SO", "LY", "ML", "AF", "PK", "FR", "US"}
    for code, name in shared.items():
        entry = gaz.admin1_entry(code)
        assert entry is not None, code
        assert entry.place.admin1 == name


@pytest.mark.parametrize("code,name", [("EG.27", "North Sinai"), ("SA.10", "Riyadh"), ("SA.06", "Eastern Province"),
                                       ("TR.80", "Sirnak"), ("TR.21", "Diyarbakir"), ("LY.77", "Tripoli")])
def test_admin1_names_elsewhere(code, name):
    assert load().admin1_entry(code).place.name == name


@pytest.mark.parametrize("arabic,admin1,admin2", [
    ("مخمور", "Erbil", "Makhmur"), ("تلعفر", "Nineveh", "Tel Afar"), ("بغداد", "Baghdad", None),
    ("الحلة", "Babil", "Al-Hilla"), ("بعقوبة", "Diyala", "Ba'quba"), ("النجف", "An Najaf", "Najaf"),
    ("الفلوجة", "Al Anbar", "Falluja"), ("المسيب", "Babil", "Al-Musayab"), ("الاسحاقي", "Salah ad Din", "Balad"),
    ("حلب", "Aleppo", "Mount Simeon"), ("الميادين", "Deir ez-Zor", "Mayadin"), ("المكلا", "Muhafazat Hadramaout", "Al Mukalla City"),
])
def test_admin_codes_of_towns(arabic, admin1, admin2):
    entries = [e for e in load().lookup(arabic) if e.place.feature not in ("ADM1", "ADM2", "NBHD", "VILLAGE")]
    assert any(e.place.admin1 == admin1 and e.place.admin2 == admin2 for e in entries), \
        [(e.place.name, e.place.admin1, e.place.admin2) for e in entries]


def test_sites_have_arabic_names_and_sources():
    rows = build.read_rows(DATA / "sites.tsv")
    assert len(rows) >= 60
    for r in rows:
        assert r["names_ar"] and r["source"] and r["admin1"], r["id"]
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180


def test_every_source_file_is_documented():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for path in DATA.iterdir():
        if path.suffix in (".tsv", ".txt") and path.name != "index.tsv":
            assert f"`{path.name}`" in readme, path.name


def test_stale_normaliser_keys_are_recomputed(tmp_path):
    text = (DATA / "index.tsv").read_text(encoding="utf-8")
    first, rest = text.split("\n", 1)
    (tmp_path / "index.tsv").write_text(first.replace("normaliser=", "normaliser=x") + "\n" + rest, encoding="utf-8")
    gaz = Gazetteer(tmp_path / "index.tsv")
    assert gaz.lookup("الموصل")
