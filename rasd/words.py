"""Word lists of the stages, read from TSV data files an analyst can edit without code.

A word-list file (``rasd/data/dates/words.tsv``, ``rasd/data/gazetteer/unknown_words.tsv``, ...) has ``#``
comment lines that say what it is, where it comes from and its licence, then a header (``list<TAB>entry<TAB>note``,
or ``list<TAB>entry<TAB>value<TAB>note``) and one row per word or phrase: ``list`` names the list the row belongs
to (a comment above its rows names the module constant built from it), ``entry`` is the word or phrase, normalised
as :func:`rasd.text.norm` writes it (ي for ى, ه for ة, no hamza on alif, no diacritics), ``value`` what the entry
stands for where a module reads the list as a dictionary (:func:`word_values`), ``note`` is free text.
A list's rows keep their order in the file: where a module builds a regular expression from a list, its
alternation follows that order. The lists are read once, at import of the module that uses them (a file of a
few hundred rows: well under a millisecond).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["word_lists", "word_values", "alternation", "DATA"]

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def _rows(path: str | Path) -> tuple[tuple[str, str, str], ...]:
    """The rows of a word-list file as ``(list, entry, value)``, in file order."""
    rows: list[tuple[str, str, str]] = []
    header: list[str] | None = None
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if "list" not in header or "entry" not in header:
                    raise ValueError(f"{path}: the header must name the columns list and entry: {line!r}")
                at_list, at_entry = header.index("list"), header.index("entry")
                at_value = header.index("value") if "value" in header else None
                continue
            cells += [""] * (len(header) - len(cells))
            name, entry = cells[at_list].strip(), cells[at_entry].strip()
            if not name or not entry:
                raise ValueError(f"{path}:{number}: a row needs a list and an entry: {line!r}")
            rows.append((name, entry, cells[at_value].strip() if at_value is not None else ""))
    return tuple(rows)


@lru_cache(maxsize=None)
def word_lists(path: str | Path) -> dict[str, tuple[str, ...]]:
    """The lists of a word-list file: list name -> its entries in file order.

    A row with no entry is an error (an empty word would match everywhere); so is a header without the
    ``list`` and ``entry`` columns. Looking up a list the file lacks raises ``KeyError`` at import."""
    lists: dict[str, list[str]] = {}
    for name, entry, _ in _rows(path):
        lists.setdefault(name, []).append(entry)
    return {name: tuple(entries) for name, entries in lists.items()}


@lru_cache(maxsize=None)
def word_values(path: str | Path) -> dict[str, dict[str, str]]:
    """The lists of a word-list file read as dictionaries: list name -> {entry: its ``value`` cell}, in file
    order (a list whose rows give the kind of thing each word names, e.g. "المدينه" -> town)."""
    lists: dict[str, dict[str, str]] = {}
    for name, entry, value in _rows(path):
        lists.setdefault(name, {})[entry] = value
    return lists


def alternation(entries: tuple[str, ...] | list[str], space: str = " ") -> str:
    """The entries joined as a regular-expression alternation, in their order (no group around it), each
    space of a phrase written as ``space`` (``"[ ]+"``: a run of spaces). Entries are words, not patterns:
    a sign that a pattern would read is escaped."""
    return "|".join(space.join(re.escape(word) for word in entry.split(" ")) for entry in entries)
