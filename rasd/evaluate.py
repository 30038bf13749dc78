"""Scoring extracted events against a gold set, by the definitions of the spec (section 4).

Per article, predicted and gold events are paired one to one by a maximum-weight matching where they
share ``event_type`` and, when both name one, ``admin1`` (through the admin1 alias table). Detection
precision/recall/F1 come from the pairs; field accuracies are measured on the pairs; the duplicate rate
counts unpaired predictions that share type, admin1 and date with a paired one. ``rasd eval`` prints the
same table as ``shared/tools/score_events.py`` (a test checks that both agree).
"""
from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

ADMIN1_TABLE = Path(__file__).parent / "data" / "gazetteer" / "admin1.tsv"
FIELDS = ["sub_event_type", "admin1", "admin2", "location", "event_date",
          "fatalities", "background", "actor1", "actor2"]
_MARKS = "'’ʼʿʾ`"


def fold(value: Any) -> Any:
    """Case, accents, apostrophes, hyphens and spacing folded; numbers and booleans unchanged."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = "".join(c for c in unicodedata.normalize("NFKD", str(value)) if not unicodedata.combining(c))
    text = unicodedata.normalize("NFKC", text).casefold()
    for mark in _MARKS:
        text = text.replace(mark, "")
    return " ".join(text.replace("-", " ").split()) or None


@lru_cache(maxsize=1)
def admin1_aliases() -> dict[str, str]:
    """Every spelling of an admin1 name -> its canonical name, for every country (the packaged admin1 table is
    the project's shared table, as the shared scorer reads it)."""
    aliases: dict[str, str] = {}
    with open(ADMIN1_TABLE, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(("#", "admin_code")):
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 3:
                continue
            name = cells[2]
            for alias in [name, *(cells[3].split("|") if len(cells) > 3 else [])]:
                if alias:
                    aliases[fold(alias)] = name
    return aliases


def canonical(field: str, value: Any, aliases: dict[str, str]) -> Any:
    folded = fold(value)
    if field == "admin1" and isinstance(folded, str):
        return fold(aliases.get(folded, folded))
    if field == "admin2" and isinstance(folded, str):
        for word in ("district", "qadaa", "qada"):
            folded = folded.removesuffix(" " + word)
    return folded


def _km(a: dict, b: dict) -> float | None:
    try:
        lat1, lon1, lat2, lon2 = (float(a["latitude"]), float(a["longitude"]),
                                  float(b["latitude"]), float(b["longitude"]))
    except (KeyError, TypeError, ValueError):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def field_agrees(field: str, gold: dict, pred: dict, aliases: dict[str, str]) -> bool:
    if field == "location":
        km = _km(gold, pred)
        if km is not None and km <= 10.0:
            return True
    return canonical(field, gold.get(field), aliases) == canonical(field, pred.get(field), aliases)


def _pairable(gold: dict, pred: dict, aliases: dict[str, str]) -> bool:
    if fold(gold.get("event_type")) != fold(pred.get("event_type")):
        return False
    g, p = canonical("admin1", gold.get("admin1"), aliases), canonical("admin1", pred.get("admin1"), aliases)
    return g is None or p is None or g == p


def max_weight_pairs(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Pairs (row, column) of a maximum-weight one-to-one assignment, keeping weights > 0
    (Kuhn–Munkres with potentials on the cost ``top - weight``, square-padded)."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    n = max(rows, cols)
    top = max(max(r) for r in weights)
    cost = [[top - (weights[i][j] if i < rows and j < cols else 0) for j in range(n)] for i in range(n)]
    INF = float("inf")
    row_pot = [0.0] * (n + 1)
    col_pot = [0.0] * (n + 1)
    owner = [0] * (n + 1)  # owner[j] = row matched to column j (1-based; 0 = free)
    back = [0] * (n + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        slack = [INF] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta, j1 = INF, 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                reduced = cost[i0 - 1][j - 1] - row_pot[i0] - col_pot[j]
                if reduced < slack[j]:
                    slack[j], back[j] = reduced, j0
                if slack[j] < delta:
                    delta, j1 = slack[j], j
            for j in range(n + 1):
                if used[j]:
                    row_pot[owner[j]] += delta
                    col_pot[j] -= delta
                else:
                    slack[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = back[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return [(owner[j] - 1, j - 1) for j in range(1, n + 1)
            if owner[j] - 1 < rows and j - 1 < cols and weights[owner[j] - 1][j - 1] > 0]


def article_pairs(gold_events: list[dict], pred_events: list[dict], aliases: dict[str, str] | None = None
                  ) -> list[tuple[int, int]]:
    """The (gold index, predicted index) pairs of one article, as the scorer pairs them."""
    aliases = admin1_aliases() if aliases is None else aliases
    weights = [[1000 + sum(field_agrees(f, g, p, aliases) for f in FIELDS) if _pairable(g, p, aliases) else 0
                for p in pred_events] for g in gold_events]
    return max_weight_pairs(weights) if gold_events and pred_events else []


def score(gold: dict[str, list[dict]], pred: dict[str, list[dict]], aliases: dict[str, str] | None = None
          ) -> dict[str, Any]:
    aliases = admin1_aliases() if aliases is None else aliases
    tp = fp = fn = duplicates = 0
    right = dict.fromkeys(FIELDS, 0)
    for article, gold_events in gold.items():
        pred_events = pred.get(article, [])
        pairs = article_pairs(gold_events, pred_events, aliases)
        tp += len(pairs)
        fn += len(gold_events) - len(pairs)
        fp += len(pred_events) - len(pairs)
        for r, c in pairs:
            for f in FIELDS:
                right[f] += field_agrees(f, gold_events[r], pred_events[c], aliases)
        paired = {c for _, c in pairs}

        def key(e: dict) -> tuple:
            return fold(e.get("event_type")), canonical("admin1", e.get("admin1"), aliases), e.get("event_date")
        paired_keys = {key(pred_events[c]) for c in paired}
        duplicates += sum(1 for c, e in enumerate(pred_events) if c not in paired and key(e) in paired_keys)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result: dict[str, Any] = {"articles": len(gold), "gold_events": tp + fn, "pred_events": tp + fp,
                              "matched": tp, "precision": precision, "recall": recall, "event_f1": f1,
                              "duplicate_rate": duplicates / (tp + fp) if tp + fp else 0.0}
    for f in FIELDS:
        result[f + "_acc"] = right[f] / tp if tp else 0.0
    return result


def format_table(result: dict[str, Any]) -> str:
    lines = [f"{k:22} {v:.3f}" if isinstance(v, float) else f"{k:22} {v}" for k, v in result.items()]
    lines.append("event_f1={event_f1:.3f} sub_type_acc={sub_event_type_acc:.3f} admin1_acc={admin1_acc:.3f} "
                 "date_acc={event_date_acc:.3f}".format(**result))
    return "\n".join(lines)


def load_events(path: str | Path) -> dict[str, list[dict]]:
    import json

    out: dict[str, list[dict]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                out[str(record["id"])] = record.get("events") or []
    return out
