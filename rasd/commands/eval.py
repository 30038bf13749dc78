"""``rasd eval GOLD.jsonl``: extract events from a gold file's articles and score them (spec section 4)."""
from __future__ import annotations

import json
import sys

from ..errors import InputError


def register(subparsers) -> None:
    p = subparsers.add_parser("eval", help="score extraction against a gold file",
                              description="Run extraction over the articles of a gold JSONL file and print the "
                                          "scorer's table (same definitions as shared/tools/score_events.py).")
    p.add_argument("gold", help="gold JSONL (one article a line, with its events)")
    p.add_argument("--pred-out", help="also write the predictions here (JSONL)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--by", metavar="FIELD", help="also one line per group of articles sharing FIELD (e.g. source)")
    p.add_argument("--news-only", action="store_true",
                   help="leave out background events (in gold and predictions) before scoring")
    p.add_argument("--errors", action="store_true", help="list missed and spurious events per article")
    p.add_argument("--field", action="append", default=[], metavar="FIELD",
                   help="list the matched events whose FIELD disagrees with the gold (e.g. actor1, event_date); "
                        "repeatable")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..evaluate import format_table, load_events, score
    from ..pipeline import process

    try:
        gold = load_events(args.gold)
        articles = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    except (OSError, ValueError, KeyError) as error:
        raise InputError(f"cannot read gold file {args.gold}: {error}") from error
    pred: dict[str, list[dict]] = {}
    out = open(args.pred_out, "w", encoding="utf-8") if args.pred_out else None
    for article in articles:
        record = {k: article.get(k) for k in ("id", "title", "text", "html", "published", "source", "url")}
        result = process(record)
        pred[str(article["id"])] = result.events
        if out:
            out.write(json.dumps({"id": article["id"], "events": result.events}, ensure_ascii=False) + "\n")
    if out:
        out.close()
    if args.news_only:
        gold = {k: [e for e in v if not e.get("background")] for k, v in gold.items()}
        pred = {k: [e for e in v if not e.get("background")] for k, v in pred.items()}
    result = score(gold, pred)
    dead = {side: sum(e.get("fatalities") or 0 for v in events.values() for e in v)
            for side, events in (("gold", gold), ("predicted", pred))}
    result["fatalities_total_gold"], result["fatalities_total_predicted"] = dead["gold"], dead["predicted"]
    groups = {}
    if args.by:
        for article in articles:
            groups.setdefault(str(article.get(args.by)), []).append(str(article["id"]))
        result["by_" + args.by] = {value: score({k: gold[k] for k in ids}, {k: pred.get(k, []) for k in ids})
                                   for value, ids in sorted(groups.items())}
    if args.errors:
        _print_errors(articles, pred)
    if args.field:
        _print_field_errors(articles, pred, args.field)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for value, r in result.get("by_" + (args.by or ""), {}).items():
        print(f"{args.by}={value}: articles {r['articles']} gold {r['gold_events']} pred {r['pred_events']} "
              f"P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['event_f1']:.3f}")
    table = {k: v for k, v in result.items() if not k.startswith(("by_", "fatalities_total"))}
    lines = format_table(table).splitlines()
    ratio = f" ({dead['predicted'] / dead['gold']:.2f}x the gold total)" if dead["gold"] else ""
    lines.insert(-1, f"fatalities total: predicted {dead['predicted']}, gold {dead['gold']}{ratio}")
    print("\n".join(lines))
    return 0


def _print_errors(articles, pred) -> None:
    for article in articles:
        gold = article.get("events") or []
        mine = pred.get(str(article["id"]), [])
        g = sorted((e["event_type"][:14], e.get("admin1"), e.get("location"), e.get("event_date")) for e in gold)
        p = sorted((e["event_type"][:14], e.get("admin1"), e.get("location"), e.get("event_date")) for e in mine)
        if g != p:
            print(f"== {article['id']}  {article.get('title', '')[:70]}", file=sys.stderr)
            for row in g:
                print("   gold", row, file=sys.stderr)
            for row in p:
                print("   pred", row, file=sys.stderr)


def _print_field_errors(articles, pred, fields) -> None:
    from ..evaluate import FIELDS, admin1_aliases, article_pairs, field_agrees

    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        raise InputError(f"unknown field(s) {', '.join(unknown)}; choose from {', '.join(FIELDS)}")
    aliases = admin1_aliases()
    for article in articles:
        gold = article.get("events") or []
        mine = pred.get(str(article["id"]), [])
        for g, p in article_pairs(gold, mine, aliases):
            wrong = [f for f in fields if not field_agrees(f, gold[g], mine[p], aliases)]
            if not wrong:
                continue
            print(f"== {article['id']}  {gold[g]['sub_event_type']} @ {gold[g].get('location')}", file=sys.stderr)
            for f in wrong:
                print(f"   {f}: gold {gold[g].get(f)!r}  pred {mine[p].get(f)!r}", file=sys.stderr)
            print(f"   gold evidence: {(gold[g].get('evidence') or '')[:200]}", file=sys.stderr)
            print(f"   pred notes:    {(mine[p].get('notes') or '')[:200]}", file=sys.stderr)
