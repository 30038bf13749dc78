#!/usr/bin/env python3
"""Mine the Arabic spellings of actors from hand-coded training articles, to grow rasd/data/actors.yaml.

usage: python scripts/mine_actor_spellings.py [../shared/eval/train.jsonl] [--min 2] [--all]

Every event of ``train.jsonl`` carries ``actor1``/``actor2`` (canonical names) and ``actor1_ar``/``actor2_ar``
(the words of the text). For each (normalised spelling, canonical name) pair this prints, as TSV sorted by
frequency: how often it occurs, the share of that spelling's uses that go to this name, the years, and
what the current dictionary reads in the spelling (``-`` when nothing). Without ``--all`` only the pairs
the dictionary misses or reads as another name are printed. An analyst curates the output by hand: a
spelling that names different actors in different articles (القوات, الحكومة) belongs to the role rules,
not to the dictionary. Only the training set may be mined; never the dev sets.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd import actors  # noqa: E402
from rasd.doc import Document  # noqa: E402
from rasd.text import norm  # noqa: E402


def dictionary_reading(spelling: str, country: str | None) -> str:
    """The names the actor dictionary gives the longest phrase it finds in ``spelling``."""
    doc = Document(spelling)
    lex = actors.lexicon()
    found = lex.matcher.find(doc.tokens)
    if not found:
        return "-"
    longest = max(m.end - m.start for m in found)
    first = min(m.start for m in found if m.end - m.start == longest)
    entries = [m.value for m in found if m.end - m.start == longest and m.start == first]
    entries.sort(key=lambda e: (e.generic, e.countries is None))
    if entries[0].kind in ("source", "anaphor"):
        return entries[0].kind
    actor = actors._actor(entries, country)
    return actor.name if actor else "(not in " + str(country) + ")"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", nargs="?", type=Path, default=ROOT.parent / "shared" / "eval" / "train.jsonl")
    ap.add_argument("--min", type=int, default=2, help="least number of uses to print a pair")
    ap.add_argument("--all", action="store_true", help="print the pairs the dictionary already reads too")
    args = ap.parse_args(argv)
    if "dev" in args.train.name:
        ap.error("the dev sets are for evaluation only; mine train.jsonl")
    pairs: Counter = Counter()
    years: dict[tuple[str, str], set[str]] = defaultdict(set)
    countries: dict[tuple[str, str], Counter] = defaultdict(Counter)
    uses: Counter = Counter()
    with open(args.train, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            for event in record.get("events") or []:
                for role in ("actor1", "actor2"):
                    spelling, name = event.get(role + "_ar"), event.get(role)
                    if not spelling or not name:
                        continue
                    key = (" ".join(norm(spelling).replace("#", " ").replace("_", " ").split()), name)
                    pairs[key] += 1
                    uses[key[0]] += 1
                    years[key].add(str(record.get("published") or "")[:4])
                    countries[key][event.get("country")] += 1
    print("uses\tshare\tyears\tspelling\tgold name\tdictionary reads")
    for (spelling, name), n in pairs.most_common():
        if n < args.min:
            break
        country = countries[(spelling, name)].most_common(1)[0][0]
        reads = dictionary_reading(spelling, country)
        if reads == name and not args.all:
            continue
        print(f"{n}\t{n / uses[spelling]:.2f}\t{','.join(sorted(years[(spelling, name)]))}\t{spelling}\t{name}\t{reads}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
