#!/usr/bin/env python3
"""Compile the curated date lexicon sources into the package data rasd.dates loads.

    python3 scripts/build_date_lexicon.py          # writes rasd/data/dates/lexicon.json
    python3 scripts/build_date_lexicon.py --check  # exit 1 when the committed file is stale

Sources: ``rasd/data/dates/months.yaml`` and ``rasd/data/dates/relative.yaml`` (hand-curated, with
comments and sources). The build normalises every phrase with :func:`rasd.text.norm` (the same
folding the documents get), composes the day ordinals 1-31 from their parts, refuses a phrase that
normalises to two different values, and writes sorted JSON so that a rebuild is byte-identical.
``tests/test_dates_lexicon.py`` proves the committed file equals a fresh build.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from rasd.text import norm  # noqa: E402

SRC = ROOT / "rasd" / "data" / "dates"
OUT = SRC / "lexicon.json"


class LexiconError(ValueError):
    pass


def key(phrase: str) -> str:
    """The normalised lookup form of a phrase: folded letters, single spaces."""
    return " ".join(norm(str(phrase)).split())


def _put(table: dict[str, Any], phrase: str, value: Any, where: str) -> None:
    k = key(phrase)
    if not k:
        raise LexiconError(f"{where}: {phrase!r} normalises to nothing")
    if k in table and table[k] != value:
        raise LexiconError(f"{where}: {phrase!r} normalises to {k!r}, already {table[k]!r}, now {value!r}")
    table[k] = value


def _ordinals(rel: dict[str, Any]) -> dict[str, int]:
    units: dict[int, list[str]] = {int(k): v for k, v in rel["ordinal_units"].items()}
    out: dict[str, int] = {}
    for n, forms in units.items():
        for form in forms:
            if n == 1 and key(form) != key("الأول"):
                continue  # الحادي / الواحد only inside compounds
            _put(out, form, n, "ordinal_units")
    for form in rel["ordinal_ten"]:
        _put(out, form, 10, "ordinal_ten")
    for n, forms in units.items():
        for form in forms:
            if n == 1 and key(form) != key("الحادي"):
                continue  # "الحادي عشر", never "الأول عشر"
            for teen in rel["ordinal_teen_suffix"]:
                _put(out, f"{form} {teen}", 10 + n, "ordinal teens")
    for tens, tforms in rel["ordinal_tens"].items():
        tens = int(tens)
        for tform in tforms:
            _put(out, tform, tens, "ordinal_tens")
            for n, forms in units.items():
                if tens + n > 31:
                    continue
                for form in forms:
                    if n == 1 and key(form) == key("الأول"):
                        continue
                    _put(out, f"{form} و{tform}", tens + n, "ordinal compounds")
    return out


def build() -> dict[str, Any]:
    months_src = yaml.safe_load((SRC / "months.yaml").read_text(encoding="utf-8"))
    rel = yaml.safe_load((SRC / "relative.yaml").read_text(encoding="utf-8"))

    months: dict[str, Any] = {}
    for calendar in ("gregorian", "hijri"):
        for number, entries in months_src[calendar].items():
            number = int(number)
            if not 1 <= number <= 12:
                raise LexiconError(f"{calendar}: month {number}")
            for entry in entries:
                _put(months, entry["name"], [number, calendar, bool(entry.get("ambiguous", False))],
                     f"months.{calendar}")

    def table(name: str, convert=lambda v: v) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for phrase, value in rel[name].items():
            _put(out, phrase, convert(value), name)
        return out

    def words(name: str) -> list[str]:
        return sorted({key(w) for w in rel[name]})

    lexicon = {
        "_generated": "by scripts/build_date_lexicon.py from months.yaml and relative.yaml; do not edit",
        "_licence": "CLDR month and weekday names: Unicode License v3 (https://www.unicode.org/license.txt); "
                    "the rest: the rasd project's, Apache-2.0 (see the headers of the YAML sources)",
        "months": months,
        "weekdays": table("weekdays", int),
        "ordinals": _ordinals(rel),
        "relative_days": table("relative_days", int),
        "today_not_before": words("today_not_before"),
        "day_parts": words("day_parts"),
        "periods": table("periods"),
        "qualifiers": table("qualifiers"),
        "period_nouns": table("period_nouns"),
        "dual_qualifiers": table("dual_qualifiers"),
        "units": table("units", list),
        "small_numbers": table("small_numbers"),
        "eras": table("eras"),
        "report_that": words("report_that"),
        "published_labels": words("published_labels"),
    }
    for weekday in lexicon["weekdays"].values():
        if not 0 <= weekday <= 6:
            raise LexiconError(f"weekday {weekday}")
    if sorted(set(lexicon["ordinals"].values())) != list(range(1, 32)):
        raise LexiconError("ordinals do not cover 1..31")
    return lexicon


def render(lexicon: dict[str, Any]) -> str:
    return json.dumps(lexicon, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when lexicon.json is not a fresh build")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is stale: run scripts/build_date_lexicon.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
