#!/usr/bin/env python3
"""Why gold events are lost (issue 17, recall): each gold event of TRAIN that the pipeline's output does not
pair with (the scorer's pairing) is put in one class, per outlet, and the trigger recall against the coders'
``trigger_ar`` is printed.

usage: python scripts/event_recall.py [../shared/eval/train.jsonl] [--oof] [--spurious] [--list CLASS] [--source NAME]
       [--limit N]

Train only: this is a diagnosis of the training articles (the dev sets are for evaluation, never diagnosis).

The classes, first that applies:

* ``kept, lost after``      a candidate of the gold event's type and admin1 was kept: lost in the merge (two
                            incidents told as one) or to another gold event in the pairing
* ``dropped: veto X``       such candidates were proposed, all dropped, the best one by the rules' hard doubt X
                            (a modality: denial, plan, threat, statement, ...)
* ``dropped: model``        such candidates were proposed and the decision model dropped them all (the best
                            P(event) is listed with ``--list``)
* ``no trigger``            no candidate of its type and admin1, and no trigger word covers its ``trigger_ar``
* ``trigger_ar not in text``  no such candidate, and the coders' trigger words are not written in the text as such
* ``trigger absorbed``      the trigger word is there but was folded into another trigger (of another incident)
* ``trigger of other type`` the trigger words are matched, but only as another event type
* ``no place``              a trigger of its type covers the words but proposed no candidate (no place found)
* ``other admin1``          the trigger proposed candidates, all in another admin1
* ``other``                 its trigger words proposed nothing of its type, but something else happened

With ``--spurious`` each predicted event that pairs with no gold event is also put in one class (rows ``sp: ...``;
``--list sp:`` lists them), first that applies, where "same admin1" is the scorer's admin1 (aliases folded):

* ``sp: article without gold``        the article holds no gold event at all (an analysis, a statement, an
                                      anniversary, diplomacy, a report of other reports)
* ``sp: duplicate``                   a gold event of its type and admin1 exists and is paired (with another
                                      prediction): the incident told twice, not merged
* ``sp: type confusion``              a lost gold event of another type sits at its admin1
* ``sp: admin1 confusion``            a lost gold event of its type sits at another admin1
* ``sp: extra, type elsewhere``       gold events of its type exist, all paired, at other admin1s
* ``sp: extra type, same admin1``     gold events at its admin1, none of its type
* ``sp: extra, unrelated``            neither its type nor its admin1 is in the gold
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from rasd import decide  # noqa: E402
from rasd.assemble import merge_events, retype  # noqa: E402
from rasd.learn import incidents as same_incident  # noqa: E402
from rasd.evaluate import _pairable, admin1_aliases, article_pairs, canonical, fold  # noqa: E402
from rasd.learn import documents, read_records  # noqa: E402
from rasd.learn import events as event_model  # noqa: E402
from rasd.text import normalize  # noqa: E402

MAIN_OUTLETS = ("BBC", "CNN", "alarabia", "france24", "skynews")


def outlet(source: str) -> str:
    return source if source in MAIN_OUTLETS else "saudi"


def occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    out, i = [], text.find(phrase)
    while i >= 0 and phrase:
        out.append((i, i + len(phrase)))
        i = text.find(phrase, i + 1)
    return out


def decide_article(doc, candidates, dists, meta, a: int) -> None:
    """Keep or drop each candidate of article ``a``: by the shipped model (``dists`` None) or, as the shipped
    model decides, by the class distributions of a model that never saw this article's outlet
    (``dists[a, j]`` for candidate j, with the shipped ``meta`` settings)."""
    if dists is None:
        decide.decide_events(doc)
        return
    for j, (event, info) in enumerate(candidates):
        dist = dists[a, j]
        info["p_event"] = 1.0 - dist.get(event_model.NONE, 0.0)
        info["keep"] = event_model.keeps(info, info["p_event"], float(meta["threshold"]),
                                         float(meta["rescue"]), tuple(meta["vetoes"]))
        sub = event_model.model_type(event.sub_event_type, dist, float(meta["margin"]))
        if info["keep"] and sub != event.sub_event_type:
            retype(doc, event, info, sub)


def classify(doc, gold: dict, candidates, aliases) -> tuple[str, str]:
    """(class, detail) of one lost gold event."""
    mine = [(e, i) for e, i in candidates if _pairable(gold, e.to_record(), aliases)]
    if any(i.get("keep") for _, i in mine):
        return "kept, lost after", ""
    if mine:
        best = max(mine, key=lambda c: c[1].get("p_event", 0.0))
        info = best[1]
        detail = f"p={info.get('p_event', 0):.2f} doubt={info.get('doubt')} cue={info['trigger'].cue} sub={best[0].sub_event_type}"
        if info.get("doubt") in event_model.VETOES:
            return f"dropped: veto {info['doubt']}", detail
        return "dropped: model", detail
    phrase = normalize(gold.get("trigger_ar") or "").text.strip()
    spans = occurrences(doc.norm.text, phrase)
    if not spans:
        return "trigger_ar not in text", phrase
    over = [t for t in doc.triggers if any(t.start < e and s < t.end for s, e in spans)]
    if not over:
        return "no trigger", phrase
    typed = [t for t in over if t.event_type == gold.get("event_type")]
    if not typed:
        return "trigger of other type", f"{phrase} -> " + ",".join(sorted({t.sub_event_type for t in over}))
    standing = [t for t in typed if not t.absorbed]
    if not standing:
        return "trigger absorbed", phrase
    from_these = [(e, i) for e, i in candidates if i["trigger"] in standing]
    if not from_these:
        return "no place", f"{phrase} ({gold.get('admin1')}: {gold.get('location_ar')})"
    if all(e.event_type == gold.get("event_type") for e, _ in from_these):
        return "other admin1", f"{phrase} gold {gold.get('admin1')} vs " + ",".join(sorted({str(e.admin1) for e, _ in from_these}))
    return "other", phrase


SPURIOUS = ("sp: article without gold", "sp: duplicate", "sp: type confusion", "sp: admin1 confusion",
            "sp: extra, type elsewhere", "sp: extra type, same admin1", "sp: extra, unrelated")


def spurious_class(pred: dict, gold_events: list[dict], paired_gold: set[int], aliases) -> str:
    """The class (:data:`SPURIOUS`) of a predicted event that pairs with no gold event of its article."""
    if not gold_events:
        return SPURIOUS[0]

    def a1(event: dict):
        return canonical("admin1", event.get("admin1"), aliases)

    kind, where = fold(pred.get("event_type")), a1(pred)
    same_type = [k for k, g in enumerate(gold_events) if fold(g.get("event_type")) == kind]
    same_place = [k for k, g in enumerate(gold_events) if a1(g) == where]
    if any(k in same_place for k in same_type):
        return SPURIOUS[1]
    if any(k not in paired_gold for k in same_place):
        return SPURIOUS[2]
    if any(k not in paired_gold for k in same_type):
        return SPURIOUS[3]
    if same_type:
        return SPURIOUS[4]
    if same_place:
        return SPURIOUS[5]
    return SPURIOUS[6]


def _per_outlet_places(gold: str, folds: str) -> list:
    """The articles run through the stages before the decision, each outlet group's with its own gazetteer
    (``FOLDS/GROUP/gaz/index.tsv``), in the gold file's order."""
    from rasd.geo import gazetteer, reset_caches
    records = list(read_records(gold))
    done: dict[int, tuple] = {}
    keep = []  # every gazetteer stays alive: caches keyed by id(gazetteer) must not see an id reused
    for group in sorted({outlet(r.get("source") or "") for r in records}):
        os.environ["RASD_GAZETTEER_DIR"] = os.path.join(folds, group, "gaz")
        reset_caches()
        keep.append(gazetteer.load())
        mine = [(k, r) for k, r in enumerate(records) if outlet(r.get("source") or "") == group]
        ids = {id(r): k for k, r in mine}
        for record, doc in documents(r for _, r in mine):
            done[ids[id(record)]] = (record, doc, doc.user_data.get("candidates", []))
    os.environ.pop("RASD_GAZETTEER_DIR", None)
    reset_caches()
    return [done[k] for k in sorted(done)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "train.jsonl"))
    parser.add_argument("--list", help="print the lost gold events of this class (a prefix)")
    parser.add_argument("--source", help="only this outlet (BBC, CNN, alarabia, france24, skynews, saudi)")
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--spurious", action="store_true", help="also put each predicted event that pairs with no "
                        "gold event in a class (rows 'sp: ...')")
    parser.add_argument("--oof", action="store_true", help="decide each outlet group with a model trained on the "
                        "others (out of fold, as rasd train cross-validates): what the model drops on unseen text")
    parser.add_argument("--places-per-outlet", metavar="DIR", help="read each outlet group's articles with the "
                        "gazetteer DIR/GROUP/gaz/index.tsv (the held-out train place tables that "
                        "scripts/train_places_loso.py builds): the figure of the table on outlets it was not built from")
    parser.add_argument("--pred-out", metavar="FILE", help="also write the predicted events of every article "
                        "(after the merge, as rasd eval --pred-out writes them, with the rule that gave each toll added as "
                        "'fatalities_reason') to FILE: with --oof an out-of-fold prediction file for "
                        "scripts/fatality_errors.py or scripts/actor_accuracy.py")
    args = parser.parse_args()
    if "dev" in os.path.basename(args.gold):
        sys.exit("event_recall.py diagnoses train only: the dev sets are for evaluation")
    aliases = admin1_aliases()
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    trig_hit = collections.Counter()
    trig_all = collections.Counter()
    listed = 0
    nopred = collections.Counter()  # the classes of the gold events of articles where rasd predicts nothing
    pred_out = open(args.pred_out, "w", encoding="utf-8") if args.pred_out else None
    if args.places_per_outlet:
        proposed = _per_outlet_places(args.gold, args.places_per_outlet)
    else:
        proposed = [(record, doc, doc.user_data.get("candidates", [])) for record, doc in documents(read_records(args.gold))]
    dists = meta = None
    if args.oof:
        dists = event_model.out_of_fold(proposed)[3]
        meta = event_model.load_model().meta
    for a, (record, doc, candidates) in enumerate(proposed):
        group = outlet(record.get("source") or "")
        if args.source and group != args.source:
            continue
        decide_article(doc, candidates, dists, meta, a)
        # merging changes the kept candidates' events: judge the candidates as decided, before the merge
        kept_view = [(e, dict(i)) for e, i in candidates]
        snapshot = [(e.to_record(), i) for e, i in kept_view]
        if args.oof:  # the shipped incident model was trained on these very articles: out of fold, the rules merge
            with same_incident.rules_merge():
                merge_events(doc)
        else:
            merge_events(doc)
        gold_events = record.get("events") or []
        pred = [e.to_record() for e in doc.events]
        if pred_out is not None:
            told = [dict(r, fatalities_reason=(e.extra.get("reasons") or {}).get("fatalities"))
                    for r, e in zip(pred, doc.events)]
            pred_out.write(json.dumps({"id": record["id"], "events": told}, ensure_ascii=False) + "\n")
        pairs = article_pairs(gold_events, pred, aliases)
        paired = {g for g, _ in pairs}
        table[group]["predicted"] += len(pred)
        if args.spurious:
            paired_pred = {p for _, p in pairs}
            for p, event in enumerate(pred):
                if p in paired_pred:
                    continue
                name = spurious_class(event, gold_events, paired, aliases)
                table[group]["spurious"] += 1
                table[group][name] += 1
                if args.list and name.startswith(args.list) and listed < args.limit:
                    listed += 1
                    print(f"{record['id']} [{group}] {event.get('sub_event_type')} | {event.get('admin1')} | "
                          f"{event.get('location')} | {event.get('event_date')} | gold: "
                          + ", ".join(f"{g.get('sub_event_type')}/{g.get('admin1')}" for g in gold_events[:6]))
                    print("    ", " // ".join(str(x) for x in (event.get("evidence") or []))[:260].replace("\n", " "))
        for k, gold in enumerate(gold_events):
            phrase = normalize(gold.get("trigger_ar") or "").text.strip()
            if phrase:
                spans = occurrences(doc.norm.text, phrase)
                trig_all[group] += 1
                trig_hit[group] += any(t.start < e and s < t.end for t in doc.triggers for s, e in spans)
            table[group]["gold"] += 1
            if k in paired:
                continue
            table[group]["lost"] += 1
            name, detail = classify(doc, gold, [(_Rec(r, e), i) for (r, i), (e, _) in zip(snapshot, kept_view)], aliases)
            table[group][name] += 1
            if not pred:
                table[group]["(in articles with no prediction)"] += 1
                nopred[name] += 1
            if args.list and name.startswith(args.list) and listed < args.limit:
                listed += 1
                print(f"{record['id']} [{group}] {gold.get('sub_event_type')} | {gold.get('admin1')} | {detail}")
                print("    ", (gold.get("evidence") or "")[:160].replace("\n", " "))
    groups = sorted(table, key=lambda g: (g == "saudi", g))
    names = sorted({n for g in table.values() for n in g} - {"gold", "lost", "predicted", "spurious"} - set(SPURIOUS),
                   key=lambda n: -sum(t[n] for t in table.values()))
    if args.spurious:
        names += ["spurious"] + [n for n in SPURIOUS if any(t[n] for t in table.values())]
    print(f"{'class':34}" + "".join(f"{g:>9}" for g in groups) + f"{'all':>7}")
    for name in ["gold", "predicted", "lost"] + names:
        print(f"{name:34}" + "".join(f"{table[g][name]:>9}" for g in groups) + f"{sum(t[name] for t in table.values()):>7}")
    print(f"{'trigger recall vs trigger_ar':34}" + "".join(
        f"{trig_hit[g] / trig_all[g] if trig_all[g] else 0:>9.3f}" for g in groups)
        + f"{sum(trig_hit.values()) / max(1, sum(trig_all.values())):>7.3f}")
    for g in groups + ["all"]:
        t = table[g] if g != "all" else sum(table.values(), collections.Counter())
        matched = t["gold"] - t["lost"]
        p, r = matched / max(1, t["predicted"]), matched / max(1, t["gold"])
        table[g]["f1"] = 2 * p * r / (p + r) if p + r else 0.0
        table[g]["p"], table[g]["r"] = p, r
    for k in ("p", "r", "f1"):
        print(f"{'event ' + {'p': 'precision', 'r': 'recall', 'f1': 'F1'}[k]:34}"
              + "".join(f"{table[g][k]:>9.3f}" for g in groups) + f"{table['all'][k]:>7.3f}")
    if pred_out is not None:
        pred_out.close()
    print("in articles with no prediction: " + ", ".join(f"{n} {k}" for k, n in nopred.most_common()))


class _Rec:
    """A candidate's event as it was decided (before the merge changed it), read by the pairing."""

    def __init__(self, record: dict, event) -> None:
        self._record = record
        self.event_type = record.get("event_type")
        self.sub_event_type = record.get("sub_event_type")
        self.admin1 = record.get("admin1")

    def to_record(self) -> dict:
        return self._record


if __name__ == "__main__":
    main()
