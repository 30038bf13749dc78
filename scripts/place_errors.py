#!/usr/bin/env python3
"""Classes of location and admin2 errors among the matched events of a hand-coded set (diagnosis: run it on
train.jsonl, whose gold events carry ``location_ar``; never fit anything to dev or dev2).

usage: python3 scripts/place_errors.py GOLD.jsonl PRED.jsonl [--list CLASS] [--admin2] [--places-per-outlet DIR]

Gold and predicted events are paired as the shared scorer pairs them (``../shared/tools/score_events.py``).
For each matched pair whose location is wrong, the class is read from the gold's ``location_ar``, the
predicted event's ``location_ar`` and the places rasd finds in the article (``rasd.geo.find_places``):

* ``no-arabic``: the gold gives no ``location_ar``, or its words are not in the text;
* ``same-name``: the predicted event quotes the same Arabic name (a spelling or a namesake: the coder's
  spelling without coordinates, or another candidate);
* ``unknown-name``: the gold's name is in the text but rasd found no place there (not recognised);
* ``governorate``: rasd found the gold's place but the event took a governorate-level place;
* ``other-place``: rasd found the gold's place but gave the event another one (same or other sentence).

With ``--admin2``, pairs whose location is right and admin2 wrong are classed instead: ``gold-none`` (the
gold has no district, we give one), ``pred-none`` and ``differ``. ``--list CLASS`` prints the pairs of a class.

With ``--places-per-outlet DIR`` (the held-out place tables ``scripts/train_places_loso.py --work DIR`` builds, whose
pooled predictions are ``DIR/loso_pred.jsonl``), each article's places are read with its own outlet group's index
``DIR/GROUP/gaz``, as its predictions were made: without it a name only the in-sample train place table knows is
classed as found (``other-place``) where the held-out run did not know it (``unknown-name``).
"""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))


def _load(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as handle:
        return {str(r["id"]): r for r in map(json.loads, filter(str.strip, handle))}


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    try:
        import score_events as S
    except ImportError:
        print("needs ../shared/tools/score_events.py beside the checkout", file=sys.stderr)
        return 2
    from rasd.pipeline import STAGES_BEFORE_DECISION, make_document, run_stages
    from rasd.text import normalize

    show = argv[argv.index("--list") + 1] if "--list" in argv else None
    admin2 = "--admin2" in argv
    folds = argv[argv.index("--places-per-outlet") + 1] if "--places-per-outlet" in argv else None
    gold, pred = _load(argv[0]), _load(argv[1])
    if folds:
        from rasd.geo import gazetteer, reset_caches
        from scripts.build_train_places import group_of
        # articles in outlet-group order, each group read with its own index (every gazetteer kept alive: caches
        # keyed by id(gazetteer) must not see an id reused)
        gold = dict(sorted(gold.items(), key=lambda kv: group_of(kv[1].get("source") or "")))
        loaded: list = []
        current = [None]

        def use_group(record: dict) -> None:
            group = group_of(record.get("source") or "")
            if group != current[0]:
                current[0] = group
                os.environ["RASD_GAZETTEER_DIR"] = os.path.join(folds, group, "gaz")
                reset_caches()
                loaded.append(gazetteer.load())
    aliases = S.load_admin1_aliases()
    stages = [s for s in STAGES_BEFORE_DECISION if s[0] in ("segment", "triggers", "modality", "places")]
    counts: Counter[str] = Counter()
    total = 0
    for aid, record in gold.items():
        gev = record.get("events") or []
        pev = (pred.get(aid) or {}).get("events") or []
        if not gev or not pev:
            continue
        weights = [[1000 + S.agreement(g, p, aliases) if S.compatible(g, p, aliases) else 0 for p in pev] for g in gev]
        pairs = S.hungarian(weights)
        doc = None
        for r, c in pairs:
            g, p = gev[r], pev[c]
            total += 1
            loc_ok = S.same("location", g, p, aliases)
            if admin2:
                if not loc_ok or S.same("admin2", g, p, aliases):
                    continue
                cls = "gold-none" if not g.get("admin2") else "pred-none" if not p.get("admin2") else "differ"
            else:
                if loc_ok:
                    continue
                if doc is None:
                    if folds:
                        use_group(record)
                    try:
                        doc = make_document(record)
                        run_stages(doc, stages)
                    except Exception as error:  # noqa: BLE001 - a record the pipeline skips
                        doc = error
                gar = normalize(g.get("location_ar") or "").text.strip()
                par = normalize(p.get("location_ar") or "").text.strip()
                text = doc.norm.text if not isinstance(doc, Exception) else ""
                if not gar or gar not in text:
                    cls = "no-arabic"
                elif par and (par == gar or par in gar or gar in par):
                    cls = "same-name"
                else:
                    spans = [(q.start, q.end, q) for q in doc.places]
                    hits = [q for s, e, q in spans
                            if gar in text[max(0, s - 3):e + 3] or text[s:e] and text[s:e] in gar]
                    if not hits:
                        cls = "unknown-name"
                    elif (p.get("geo_precision") or 0) >= 3:
                        cls = "governorate"
                    else:
                        cls = "other-place"
            counts[cls] += 1
            if show == cls:
                print(f"== {aid} [{cls}] gold {g.get('admin1')}/{g.get('admin2')}/{g.get('location')} "
                      f"({g.get('location_ar')}) | pred {p.get('admin1')}/{p.get('admin2')}/{p.get('location')} "
                      f"({p.get('location_ar')}, p{p.get('geo_precision')})")
                if not admin2:
                    print("   ", (g.get("evidence") or "")[:220].replace("\n", " "))
    print(f"matched {total}; {'admin2 wrong with location right' if admin2 else 'location wrong'}: "
          f"{sum(counts.values())}")
    for cls, n in counts.most_common():
        print(f"  {cls:14} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
