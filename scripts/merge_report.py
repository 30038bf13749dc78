#!/usr/bin/env python3
"""What the merge does wrong on TRAIN (issue 17): duplicates and incidents folded into one, by sub-cause.

usage: python scripts/merge_report.py [../shared/eval/train.jsonl] [--oof] [--cache FILE] [--source NAME]
       [--list CAUSE] [--limit N]

Train only: a diagnosis of the training articles (the dev sets are for evaluation, never diagnosis).

The scorer pairs a predicted event with a gold event of the same event type and admin1, so the merge's
errors are counts in a cell (article, event type, admin1): with G gold events, K candidates kept by the
decision and M events after the merge, ``M - G`` events are duplicates where M > G, and ``min(G, K) - M``
gold events are lost by the merge where M falls below that.

* Duplicates: each event of a cell with more events than gold ones, but the earliest told, is compared with
  the nearest earlier event of its cell: same day or not, how the places relate (same, coarse: one at
  governorate level, nested, district, districts, unknown), same sub-event type, sentence distance,
  paragraph, background / pluperfect. Counted per outlet; with ``--list dup`` the cells are printed.
* Lost in the merge: the count of the cell after each step of the rule merge (one event per kind, place and
  day; the coarse fold; the district fold; the undated fold; the retelling fold; the aftermath fold; the
  learned model) is
  followed, and each gold event lost is put on the step that took the count below ``min(G, K)``. With
  ``--list lost`` the absorbed tellings are printed (their sentence, place, day).

``--oof`` decides each outlet group with a decision model trained on the others (as event_recall.py --oof);
``--cache FILE`` keeps the proposed documents and the out-of-fold distributions in a pickle, so that a
second run that changes only the merge starts at once (delete the file after a change before the merge).
"""
from __future__ import annotations

import argparse
import collections
import os
import pickle
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from rasd import assemble, decide  # noqa: E402
from rasd.assemble import merge_events, retype  # noqa: E402
from rasd.evaluate import admin1_aliases, canonical, fold, score  # noqa: E402
from rasd.learn import documents, read_records  # noqa: E402
from rasd.learn import events as event_model  # noqa: E402
from rasd.learn.incidents import place_relation  # noqa: E402

MAIN_OUTLETS = ("BBC", "CNN", "alarabia", "france24", "skynews")
STEPS = ("same key", "coarse", "district", "undated", "retold", "aftermath", "learned")


def outlet(source: str) -> str:
    return source if source in MAIN_OUTLETS else "saudi"


class Tracer:
    """Wraps the merge's steps: which step absorbed which telling, and each cell's count after each step."""

    def __init__(self) -> None:
        self.step = "same key"
        self.log: list[tuple[str, object, object]] = []  # (step, kept event, absorbed event)
        self.counts: list[tuple[str, list]] = []  # (after step, events standing)
        self._absorb = assemble._absorb
        self._group = assemble._group

    def install(self) -> None:
        def absorb(kept, other):
            self.log.append((self.step, kept, other))
            self._absorb(kept, other)
        assemble._absorb = absorb
        for name, step in (("_fold_coarse", "coarse"), ("_fold_district", "district"), ("_fold_undated", "undated"),
                           ("_fold_retold", "retold"), ("_fold_aftermath", "aftermath"), ("_fold_learned", "learned")):
            setattr(assemble, name, self._wrap(getattr(assemble, name), step))

    def _wrap(self, fn, step):
        def wrapped(*args, **kwargs):
            merged = args[-1] if step != "learned" else args[1]
            self.counts.append((self.step, [e for e, _ in merged.values()]))
            self.step = step
            try:
                return fn(*args, **kwargs)
            finally:
                self.counts.append((step, [e for e, _ in merged.values()]))
        return wrapped

    def reset(self) -> None:
        self.step = "same key"
        self.log, self.counts = [], []


def cell_of(event, aliases) -> tuple:
    get = event.get if isinstance(event, dict) else lambda k: getattr(event, k)
    return fold(get("event_type")), canonical("admin1", get("admin1"), aliases)


def decided(proposed, dists, meta):
    """Each article's fresh candidates, decided as the shipped decision decides (out of fold with dists)."""
    for a, (record, doc, candidates) in enumerate(proposed):
        fresh = event_model._fresh(candidates)
        if dists is None:
            doc.user_data["candidates"] = fresh
            decide.decide_events(doc)
        else:
            for j, (event, info) in enumerate(fresh):
                dist = dists[a, j]
                info["p_event"] = 1.0 - dist.get(event_model.NONE, 0.0)
                info["keep"] = event_model.keeps(info, info["p_event"], float(meta["threshold"]),
                                                 float(meta["rescue"]), tuple(meta["vetoes"]))
                sub = event_model.model_type(event.sub_event_type, dist, float(meta["margin"]))
                if info["keep"] and sub != event.sub_event_type:
                    retype(doc, event, info, sub)
            doc.user_data["candidates"] = fresh
            doc.user_data["keep_threshold"] = float(meta["threshold"])
        yield a, record, doc, fresh


def gap_bucket(gap: int) -> str:
    return "0" if gap == 0 else "1" if gap == 1 else "2-3" if gap <= 3 else "4+"


def compare(doc, event, info, other, other_info) -> dict[str, str]:
    gap = min(abs(x - y) for x in info["sentences"] for y in other_info["sentences"])
    para = doc.sentences[min(info["sentences"])].paragraph == doc.sentences[min(other_info["sentences"])].paragraph
    return {"day": "same" if event.event_date == other.event_date else "other",
            "place": place_relation(other, event), "sub": "same" if event.sub_event_type == other.sub_event_type else "other",
            "gap": gap_bucket(gap), "para": "same" if para else "other",
            "dated": f"{int(bool(other_info['dated']))}{int(bool(info['dated']))}",
            "background": f"{int(bool(other.background))}{int(bool(event.background))}",
            "pluperfect": f"{int(bool(other_info.get('pluperfect')))}{int(bool(info.get('pluperfect')))}",
            "one trigger": "yes" if info["trigger"] is other_info["trigger"] else "no"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "train.jsonl"))
    parser.add_argument("--oof", action="store_true")
    parser.add_argument("--cache", help="pickle of the proposed documents and out-of-fold distributions")
    parser.add_argument("--source")
    parser.add_argument("--list", help="print the cells of 'dup' or 'lost' (a prefix of a step: 'lost:same')")
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args()
    if "dev" in os.path.basename(args.gold):
        sys.exit("merge_report.py diagnoses train only: the dev sets are for evaluation")
    aliases = admin1_aliases()
    proposed = dists = meta = None
    if args.cache and os.path.exists(args.cache):
        with open(args.cache, "rb") as handle:
            proposed, dists = pickle.load(handle)
    if proposed is None:
        proposed = [(r, d, d.user_data.get("candidates", [])) for r, d in documents(read_records(args.gold))]
        dists = event_model.out_of_fold(proposed)[3] if args.oof else None
        if args.cache:
            with open(args.cache, "wb") as handle:
                pickle.dump((proposed, dists), handle, protocol=pickle.HIGHEST_PROTOCOL)
    if not args.oof:
        dists = None
    else:
        meta = event_model.load_model().meta
    tracer = Tracer()
    tracer.install()
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    dims: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    gold_all, pred_all = {}, {}
    listed = 0
    for a, record, doc, fresh in decided(proposed, dists, meta):
        group = outlet(record.get("source") or "")
        if args.source and group != args.source:
            continue
        tracer.reset()
        merge_events(doc)
        infos = {id(e): i for e, i in fresh}
        gold = record.get("events") or []
        pred = [e.to_record() for e in doc.events]
        gold_all[record["id"]], pred_all[record["id"]] = gold, pred
        cells = collections.defaultdict(lambda: [0, [], []])  # cell -> [G, kept events, final events]
        for g in gold:
            cells[cell_of(g, aliases)][0] += 1
        # the tellings the merge saw: those it absorbed or kept
        seen = {id(x): x for _, k, o in tracer.log for x in (k[0], o[0])} | {id(e): e for e in doc.events}
        for e in seen.values():
            cells[cell_of(e, aliases)][1].append(e)
        for e in doc.events:
            cells[cell_of(e, aliases)][2].append(e)
        table[group]["gold"] += len(gold)
        table[group]["events"] += len(pred)
        for cell, (g, told, final) in cells.items():
            k, m = len(told), len(final)
            if not g:
                continue
            if m > g:
                table[group]["duplicates"] += m - g
                final.sort(key=lambda e: min(infos[id(e)]["sentences"]))
                for x in range(1, m):
                    e, info = final[x], infos[id(final[x])]
                    near = min(final[:x], key=lambda o: min(abs(s - t) for s in info["sentences"] for t in infos[id(o)]["sentences"]))
                    c = compare(doc, e, info, near, infos[id(near)])
                    weight = (m - g) / (m - 1)
                    for name, value in c.items():
                        dims[name][(group, value)] += weight
                    dims["day & place"][(group, f"{c['day']} day, {c['place']} place")] += weight
                if args.list == "dup" and listed < args.limit:
                    listed += 1
                    print(f"DUP {record['id']} [{group}] {cell} gold {g}: " + "; ".join(
                        f"{e.sub_event_type}@{e.location}/{e.event_date}"
                        f" s{sorted(infos[id(e)]['sentences'])}" for e in final)
                        + " | gold: " + "; ".join(f"{x.get('sub_event_type')}@{x.get('location')}/{x.get('event_date')}"
                                                  for x in gold if cell_of(x, aliases) == cell))
            target = min(g, k)
            if m < target:
                table[group]["lost in merge"] += target - m
                # the count of the cell after each step
                deficit, blamed = 0, []
                for step, standing in tracer.counts:
                    n = sum(1 for e in standing if cell_of(e, aliases) == cell)
                    d = max(0, target - n)
                    if d > deficit:
                        blamed.append((step, d - deficit))
                        table[group]["lost: " + step] += d - deficit
                        deficit = d
                if deficit < target - m:  # after the last traced step (no fold ran: the key grouping)
                    table[group]["lost: same key"] += target - m - deficit
                    blamed.append(("same key", target - m - deficit))
                # what the absorbing steps joined, in this cell
                for step, kept_t, other_t in tracer.log:
                    if cell_of(other_t[0], aliases) != cell:
                        continue
                    c = compare(doc, other_t[0], other_t[1], kept_t[0], kept_t[1])
                    dims["lost " + step][(group, f"{c['day']} day, {c['place']} place, gap {c['gap']}, "
                                                 f"one trigger {c['one trigger']}")] += 1
                if args.list and args.list.startswith("lost") and listed < args.limit \
                        and any(s.startswith(args.list[5:]) for s, _ in blamed):
                    listed += 1
                    print(f"LOST {record['id']} [{group}] {cell} gold {g} kept {k} events {m} {blamed}: "
                          + " | gold: " + "; ".join(f"{x.get('sub_event_type')}@{x.get('location')}/{x.get('event_date')}"
                                                    for x in gold if cell_of(x, aliases) == cell))
                    for step, kept_t, other_t in tracer.log:
                        if cell_of(other_t[0], aliases) == cell:
                            o, ki = other_t[0], kept_t[0]
                            print(f"    {step}: {o.sub_event_type}@{o.location}/{o.event_date} s{sorted(other_t[1]['sentences'])}"
                                  f" -> {ki.sub_event_type}@{ki.location}/{ki.event_date} s{sorted(kept_t[1]['sentences'])}")
    groups = sorted(table, key=lambda g: (g == "saudi", g))
    print(f"{'':34}" + "".join(f"{g:>9}" for g in groups) + f"{'all':>7}")
    names = ["gold", "events", "duplicates", "lost in merge"] + sorted(n for n in {n for t in table.values() for n in t}
                                                                       if n.startswith("lost: "))
    for name in names:
        print(f"{name:34}" + "".join(f"{table[g][name]:>9}" for g in groups) + f"{sum(t[name] for t in table.values()):>7}")
    for dim, counter in dims.items():
        print(f"-- {'duplicates by ' + dim if not dim.startswith('lost') else 'absorbed in lost cells, ' + dim}")
        values = collections.Counter()
        for (g, v), n in counter.items():
            values[v] += n
        for v, total in values.most_common(12):
            print(f"  {v[:32]:32}" + "".join(f"{counter[(g, v)]:>9.1f}" for g in groups) + f"{total:>7.1f}")
    by_group = collections.defaultdict(list)
    for record, _doc, _candidates in proposed:
        if record["id"] in gold_all:
            by_group[outlet(record.get("source") or "")].append(record["id"])
    print(f"{'event F1':34}" + "".join(
        f"{score({k: gold_all[k] for k in by_group[g]}, {k: pred_all[k] for k in by_group[g]}, aliases)['event_f1']:>9.4f}"
        for g in groups))
    result = score(gold_all, pred_all, aliases)
    print(f"event P {result['precision']:.4f} R {result['recall']:.4f} F1 {result['event_f1']:.4f} "
          f"duplicate rate {result['duplicate_rate']:.4f}")


if __name__ == "__main__":
    main()
