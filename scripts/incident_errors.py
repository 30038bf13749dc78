#!/usr/bin/env python3
"""Incident-granularity errors on train: incidents merged (gold events lost) and incidents split (duplicates).

usage: python3 scripts/incident_errors.py [GOLD.jsonl] [--list CLASS] [--source NAME]

Runs the pipeline on GOLD (default ``../shared/eval/train.jsonl``; diagnosis only: never run it on dev or dev2
to fit anything) and pairs gold and predicted events as the shared scorer does (event type and admin1). Two
kinds of error are classed, one line each, with counts per outlet:

**merged** (a gold event unpaired, although rasd predicts fewer events of its type and admin1 than the gold
holds): what tells the lost gold event apart from the paired gold events of its group, ``place`` (another
location), ``day`` (same location, another date), ``subtype`` (same location and date, another sub-event
type) or ``same`` (nothing: two incidents at one place and day); then what rasd did with it, ``folded`` (a
kept candidate at its place went into another event: ``key`` the same type, place and day, ``coarse`` a
governorate-level report folded into a finer one, ``district`` a district-level report folded into the place
inside it, ``undated`` an undated report folded into a dated one, ``retold`` a retelling (a definite noun, or
the same sentence) folded into the report it retells),
``dropped`` (rasd proposed a candidate at its place and the decision dropped it), ``unproposed`` (rasd found its place
in the text but no candidate names it), ``unknown-place`` (rasd found no place there: a gazetteer matter).

**split** (a predicted event unpaired, although the gold holds events of its type and admin1, fewer than
rasd predicts): how it differs from the paired predicted events of its group, ``nested`` (one of the two
is placed at governorate level or at the district that holds the other), ``place`` (another place, same
day), ``day`` (same place, another day), ``place+day``, ``subtype`` (same place and day, another
sub-event type); then where rasd read it, ``same-sentence`` as a paired event, ``retold`` (a later
sentence, an anaphor such as الهجوم) or ``earlier``.

``--list CLASS`` prints the article, the events and the sentences of each error whose class starts with
CLASS (e.g. ``--list merged:place``).

``--cells PRED.jsonl`` reads predictions already made (``rasd eval GOLD --pred-out PRED.jsonl``) instead of
running the pipeline, and prints the (gold count, predicted count) table of the (article, event type,
admin1) cells: how many cells hold g gold and p predicted events, the cells where rasd predicts more events
than the gold holds (one incident told twice and coded twice) or fewer (incidents merged or untold), and
the events they cost. The same table closes the report of a pipeline run.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd import assemble, pipeline  # noqa: E402
from rasd.decide import decide_events  # noqa: E402
from rasd.errors import InputError  # noqa: E402
from rasd.evaluate import admin1_aliases, article_pairs, canonical, fold  # noqa: E402

OUTLETS = ("BBC", "CNN", "alarabia", "france24", "skynews")


def outlet(source: str | None) -> str:
    return source if source in OUTLETS else "saudi"


_STEP = ["key"]
_PREDICTED: dict[str, list[dict]] = {}  # article id -> its predicted events, of the latest run


def _instrument() -> None:
    """Record, on each kept candidate, the candidates merged into it and the step that merged them."""
    absorb, coarse, undated = assemble._absorb, assemble._fold_coarse, assemble._fold_undated
    district, retold = assemble._fold_district, assemble._fold_retold

    def recording_absorb(kept, other):
        kept[1].setdefault("members", []).append((other, _STEP[0]))
        kept[1]["members"].extend(other[1].get("members", []))
        absorb(kept, other)

    def step(name, fold_step):
        def run(*args):
            _STEP[0] = name
            try:
                fold_step(*args)
            finally:
                _STEP[0] = "key"
        return run

    assemble._absorb = recording_absorb
    assemble._fold_coarse = step("coarse", coarse)
    assemble._fold_undated = step("undated", undated)
    assemble._fold_district = step("district", district)
    assemble._fold_retold = step("retold", retold)  # (doc, merged)


def _bare(name) -> str:
    return assemble._bare_name(name) if name else ""


def _ar(text) -> str:
    """An Arabic place word folded the way rasd folds its text (alef, ya, ta marbuta; no article, no clitic)."""
    from rasd.text import norm
    word = norm(str(text or "")).strip()
    for prefix in ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ف", "ل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix):]
            break
    return word


def _at_place(gold: dict, event, info) -> bool:
    """Whether a candidate (event, info) is placed where the gold event is (its name, or its Arabic word)."""
    if gold.get("location") and _bare(gold["location"]) == _bare(event.location):
        return True
    g, m = _ar(gold.get("location_ar")), _ar(info["mention"].text)
    return bool(g) and bool(m) and (g == m or g in m or m in g)


class _Nowhere:
    location = None


_NOWHERE = _Nowhere()


def _nested(a: dict, b: dict) -> bool:
    """One of two predicted events is placed at governorate level, or at the district holding the other."""
    for x, y in ((a, b), (b, a)):
        if x.get("geo_precision") == 3 or _bare(x.get("location")) == _bare(x.get("admin1")):
            return True
        if x.get("admin2") and _bare(x.get("location")) == _bare(x.get("admin2")) and x.get("admin2") == y.get("admin2"):
            return True
    return False


def run(gold_path: str):
    _instrument()
    aliases = admin1_aliases()
    rows = []  # (kind, class, outlet, detail)
    with open(gold_path, encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]
    for article in articles:
        try:
            doc = pipeline.make_document(article)
        except InputError:
            continue
        pipeline.run_stages(doc, pipeline.STAGES_BEFORE_DECISION)
        decide_events(doc)
        candidates = doc.user_data.get("candidates", [])
        assemble.merge_events(doc)
        info_of = {id(e): i for e, i in candidates}
        preds = [e.to_record() for e in doc.events]
        _PREDICTED[article["id"]] = preds
        infos = [info_of[id(e)] for e in doc.events]
        gold = article.get("events") or []
        pairs = article_pairs(gold, preds, aliases)
        g_paired = {g: p for g, p in pairs}
        p_paired = {p: g for g, p in pairs}

        def group(e):
            return (fold(e.get("event_type")), canonical("admin1", e.get("admin1"), aliases))

        g_count, p_count = Counter(map(group, gold)), Counter(map(group, preds))
        src = outlet(article.get("source"))
        for gi, g in enumerate(gold):
            key = group(g)
            if gi in g_paired or not p_count[key] or p_count[key] >= g_count[key]:
                continue
            siblings = [gold[o] for o in g_paired if group(gold[o]) == key]
            here = [s for s in siblings if _bare(s.get("location")) == _bare(g.get("location"))]
            today = [s for s in here if s.get("event_date") == g.get("event_date")]
            tell = ("place" if not here else "day" if not today
                    else "subtype" if all(s.get("sub_event_type") != g.get("sub_event_type") for s in today) else "same")
            fate, where = "unproposed", None
            kept_here = [(e, i) for e, i in candidates if i.get("keep") and e.event_type == g["event_type"]
                         and _at_place(g, e, i)]
            for ev, inf in zip(doc.events, infos):
                for (e, i), step in inf.get("members", []):
                    if any(e is k for k, _ in kept_here) and not _at_place(g, ev, inf):
                        fate, where = "folded-" + step, ev
            if fate == "unproposed":
                if any(e.event_type == g["event_type"] and _at_place(g, e, i) for e, i in candidates
                       if not i.get("keep")):
                    fate = "dropped"
                elif kept_here:
                    fate = "folded-key"  # kept at its place, merged into an event at the same place
                elif not any(_at_place(g, _NOWHERE, {"mention": m}) for m in doc.places):
                    fate = "unknown-place"  # the gazetteer does not know its place: no candidate can name it
            rows.append(("merged", f"{tell}:{fate}", src, (article, g, where)))
        for pi, p in enumerate(preds):
            key = group(p)
            if pi in p_paired or not g_count[key] or g_count[key] >= p_count[key]:
                continue
            siblings = [o for o in p_paired if group(preds[o]) == key]
            s = preds[siblings[0]] if siblings else None
            if s is None:
                how = "unpaired"
            elif _nested(p, s) and _bare(p.get("location")) != _bare(s.get("location")):
                how = "nested"
            else:
                other_place = _bare(p.get("location")) != _bare(s.get("location"))
                other_day = p.get("event_date") != s.get("event_date")
                how = ("place+day" if other_place and other_day else "place" if other_place
                       else "day" if other_day else "subtype")
            told = "same-sentence"
            if s is not None:
                mine, theirs = infos[pi]["sentences"], infos[siblings[0]]["sentences"]
                if not mine & theirs:
                    told = "retold" if min(mine) > min(theirs) else "earlier"
            rows.append(("split", f"{how}:{told}", src, (article, p, s)))
    return rows


def cell_counts(gold_articles: list[dict], predicted: dict[str, list[dict]]) -> Counter:
    """(gold count, predicted count) -> the number of (article, event type, admin1) cells that hold them
    (admin1 through the scorer's alias table)."""
    aliases = admin1_aliases()

    def group(e):
        return (fold(e.get("event_type")), canonical("admin1", e.get("admin1"), aliases))

    cells: Counter = Counter()
    for article in gold_articles:
        g = Counter(map(group, article.get("events") or []))
        p = Counter(map(group, predicted.get(article["id"], [])))
        for key in set(g) | set(p):
            cells[g[key], p[key]] += 1
    return cells


def cell_table(cells: Counter, top: int = 4) -> str:
    """The cell counts as a table (gold down, predicted across; ``top`` and more in one row and column),
    then the over- and under-split cells and the events they cost."""
    cap = lambda n: min(n, top)  # noqa: E731
    grid: Counter = Counter()
    for (g, p), n in cells.items():
        grid[cap(g), cap(p)] += n
    head = [str(k) if k < top else f"{top}+" for k in range(top + 1)]
    lines = ["cells (article, event type, admin1): gold count down, predicted count across",
             "gold\\pred " + " ".join(f"{h:>6}" for h in head)]
    for g in range(top + 1):
        lines.append(f"{head[g]:>9} " + " ".join(f"{grid[g, p]:>6}" for p in range(top + 1)))
    over = {k: n for k, n in cells.items() if k[0] and k[1] > k[0]}
    under = {k: n for k, n in cells.items() if k[1] and k[0] > k[1]}
    lines.append(f"over-split cells (0 < gold < predicted): {sum(over.values())}, spurious events in them "
                 f"{sum((p - g) * n for (g, p), n in over.items())}; 1 gold and 2 predicted: {cells[1, 2]}")
    lines.append(f"under-split cells (0 < predicted < gold): {sum(under.values())}, gold events lost in them "
                 f"{sum((g - p) * n for (g, p), n in under.items())}; 2 gold and 1 predicted: {cells[2, 1]}")
    return "\n".join(lines)


def table(rows) -> str:
    outlets = [*OUTLETS, "saudi"]
    lines = [f"{'class':34} {'all':>4} " + " ".join(f"{o[:8]:>8}" for o in outlets)]
    for kind in ("merged", "split"):
        mine = [r for r in rows if r[0] == kind]
        counts = Counter(r[1] for r in mine)
        by = Counter((r[1], r[2]) for r in mine)
        lines.append(f"{kind + ' (all)':34} {len(mine):>4} " + " ".join(
            f"{sum(1 for r in mine if r[2] == o):>8}" for o in outlets))
        for name, n in counts.most_common():
            lines.append(f"  {name:32} {n:>4} " + " ".join(f"{by[name, o]:>8}" for o in outlets))
    return "\n".join(lines)


def brief(e: dict | None) -> str:
    if not e:
        return "-"
    words = [x["text"] for x in e.get("evidence") or () if isinstance(x, dict) and x.get("field") == "trigger"]
    return (f"{e.get('sub_event_type')} | {e.get('admin1')} | {e.get('location')} ({e.get('location_ar')}) | "
            f"{e.get('event_date')} | f={e.get('fatalities')}" + (f" | told as {'، '.join(words)}" if words else ""))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "eval" / "train.jsonl"))
    parser.add_argument("--list", metavar="CLASS", help="print the errors whose 'kind:class' starts with CLASS")
    parser.add_argument("--source", help="only this outlet (with --list)")
    parser.add_argument("--cells", metavar="PRED", help="only the cell table, of these predictions (JSONL)")
    args = parser.parse_args(argv)
    if "dev" in Path(args.gold).name:
        print("incident_errors: diagnosis is for train only (never fit anything to dev or dev2)", file=sys.stderr)
        return 2
    with open(args.gold, encoding="utf-8") as handle:
        gold_articles = [json.loads(line) for line in handle if line.strip()]
    if args.cells:
        try:
            with open(args.cells, encoding="utf-8") as handle:
                predicted = {r["id"]: r.get("events") or [] for r in map(json.loads, filter(str.strip, handle))}
        except (OSError, ValueError, KeyError, TypeError) as error:
            print(f"incident_errors: cannot read predictions {args.cells}: {error}", file=sys.stderr)
            return 2
        print(cell_table(cell_counts(gold_articles, predicted)))
        return 0
    rows = run(args.gold)
    print(table(rows))
    print(cell_table(cell_counts(gold_articles, _PREDICTED)))
    if args.list:
        for kind, name, src, (article, a, b) in rows:
            if not f"{kind}:{name}".startswith(args.list) or (args.source and src != args.source):
                continue
            print(f"\n== {kind}:{name} {article['id']} ({src})")
            print("  this : " + brief(a))
            print("  other: " + brief(b.to_record() if hasattr(b, "to_record") else b))
            if kind == "merged":
                print("  gold evidence: " + str(a.get("evidence"))[:300])
            else:
                print("  notes: " + str(a.get("notes"))[:300])
                print("  other notes: " + str((b or {}).get("notes"))[:300])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
