"""The parsed gazetteer index is kept in the user's cache (``$RASD_CACHE_DIR``, else ``$XDG_CACHE_HOME/rasd``):
a process reads it instead of parsing ``index.tsv`` again, and falls back to the TSV whenever the cache was
written for other bytes, is cut short or damaged, or cannot be written at all. What a cached load gives is the
gazetteer the TSV gives, table for table and in the same order."""
from __future__ import annotations

import shutil

import pytest

from rasd.geo import gazetteer
from rasd.geo.gazetteer import DATA, Gazetteer

TABLES = ("entries", "by_id", "names", "first", "multi", "admin1", "admin2", "countries", "strict",
          "country_keys", "max_len")


@pytest.fixture
def index(tmp_path, monkeypatch):
    """A copy of the shipped index.tsv, with the cache in a folder of its own."""
    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "index.tsv"
    shutil.copyfile(DATA / "index.tsv", path)
    return path


def same(a: Gazetteer, b: Gazetteer) -> bool:
    for name in TABLES:
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            return False
        if isinstance(x, (dict, set)) and list(x) != list(y):  # the same order too
            return False
    return True


def _without_cache(path) -> Gazetteer:
    """The gazetteer as the TSV gives it, the cache left aside (and put back)."""
    keep = gazetteer._cache_file(path).read_bytes()
    gazetteer._cache_file(path).unlink()
    try:
        return Gazetteer(path)
    finally:
        gazetteer._cache_file(path).write_bytes(keep)


def parses(monkeypatch) -> list:
    """Record every parse of a TSV index from now on."""
    calls: list = []
    real = Gazetteer._parse_index

    def counting(self, path):
        calls.append(path)
        return real(self, path)

    monkeypatch.setattr(Gazetteer, "_parse_index", counting)
    return calls


def test_the_first_load_writes_the_cache_and_the_next_reads_it_instead_of_the_tsv(index, monkeypatch):
    first = Gazetteer(index)
    cache = gazetteer._cache_file(index)
    assert cache.exists() and cache.parent == index.parent / "cache"
    calls = parses(monkeypatch)
    second = Gazetteer(index)
    assert calls == []
    assert same(first, second)
    assert second.entry("g:98182").place.name == first.entry("g:98182").place.name


def test_the_cached_gazetteer_is_the_shipped_one_table_for_table(index):
    Gazetteer(index)
    assert same(Gazetteer(index), _without_cache(index))


def test_a_changed_index_is_read_again_and_cached_anew(index, monkeypatch):
    Gazetteer(index)
    lines = index.read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("g:98182\t"))
    cells = lines[row].split("\t")
    assert cells[8] == "Baghdad"
    cells[8] = "Baghdad City"
    lines[row] = "\t".join(cells)
    index.write_text("\n".join(lines), encoding="utf-8")
    calls = parses(monkeypatch)
    changed = Gazetteer(index)
    assert calls == [index]
    assert changed.entry("g:98182").place.name == "Baghdad City"
    again = Gazetteer(index)  # the new cache, written from the changed file
    assert calls == [index]
    assert same(changed, again)


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "other payload", "empty", "not a cache"])
def test_a_damaged_cache_is_ignored_and_written_again(index, monkeypatch, damage):
    good = Gazetteer(index)
    cache = gazetteer._cache_file(index)
    blob = cache.read_bytes()
    head, _, payload = blob.partition(b"\n")
    if damage == "truncated":
        cache.write_bytes(blob[: len(blob) // 2])
    elif damage == "flipped byte":
        middle = len(blob) // 2
        cache.write_bytes(blob[:middle] + bytes([blob[middle] ^ 0x20]) + blob[middle + 1:])
    elif damage == "other payload":  # a whole, well-formed file for this index with tables of the wrong shape
        import marshal
        import zlib
        other = marshal.dumps((1, 2, 3))
        magic, key, _, _ = head.split(b" ")
        cache.write_bytes(b"%s %s %d %08x\n" % (magic, key, len(other), zlib.crc32(other)) + other)
    elif damage == "empty":
        cache.write_bytes(b"")
    else:
        cache.write_bytes(b"\x00\xff garbage \n" * 100)
    calls = parses(monkeypatch)
    loaded = Gazetteer(index)
    assert calls == [index]
    assert same(loaded, good)
    assert cache.read_bytes() == blob  # rewritten whole
    assert same(Gazetteer(index), good) and calls == [index]


def test_a_cache_folder_that_cannot_be_written_still_loads(index, monkeypatch, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RASD_CACHE_DIR", str(blocker / "cache"))  # cannot be made, not even by root
    calls = parses(monkeypatch)
    loaded = Gazetteer(index)
    assert calls == [index] and len(loaded) > 10_000
    assert not (blocker / "cache").exists()
    assert not list(tmp_path.glob("**/*.tmp"))


def test_the_default_cache_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("RASD_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gazetteer.cache_dir() == tmp_path / "rasd"
