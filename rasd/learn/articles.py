"""Does this article report a codable event at all? What the whole article says, for the event decision.

Many articles hold no codable event however eventful their words: an analysis, a statement, an
anniversary, diplomacy, a report of other reports. The event decision (:mod:`rasd.learn.events`) reads
each candidate in its sentence; this small model reads the article as a whole (the words of its headline,
of its opening and of all its text, its length, how many candidates the rules propose and of which kinds,
and how many of them the rules doubt, and why) and gives the probability that a careful coder codes at
least one event in it. That probability, in a few bands, is a feature of every candidate of the article.

It is trained on ``../shared/eval/train.jsonl`` (never on the dev sets) by :func:`train`; labels: the
article has gold events or not. The event decision is trained on the *cross-fitted* scores of the train
articles (:func:`out_of_fold_scores`: each article's score from a model trained on the other outlet
groups), so that it learns how far to trust the score on text the article model has not seen.
"""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .linear import LinearModel, fit_logistic, index_set

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
MODEL_FILE = "article_events.npz"
CARD_FILE = "article_events.md"
BITS = 18
C = 0.5
OPENING = 25  # the tokens read as the article's opening
EVENT, NO_EVENT = "event", "none"
# the bands of the article's probability given to the event decision (its features ``art=BAND``)
BANDS = (0.2, 0.35, 0.5, 0.65, 0.8)


def _bucket(value: float, edges) -> int:
    for i, edge in enumerate(edges):
        if value <= edge:
            return i
    return len(edges)


def band(p: float) -> int:
    """The band (0-5) of an article's probability of reporting an event."""
    return _bucket(p, BANDS)


def _title_stems(doc) -> list[str]:
    from ..text import normalize
    from .events import _stem
    if not doc.title:
        return []
    return [_stem(word) for word in normalize(doc.title).text.split()]


def article_features(doc, candidates) -> list[str]:
    """The bag of features of one article: the stems of its headline (``h=``), of its opening (``f=``) and
    of all its text (``a=``, each once), its length, the number of candidates, their sub-event types and
    the rules' doubts, and the share of doubted candidates."""
    from .events import _stems
    stems = _stems(doc)
    f = ["h=" + s for s in _title_stems(doc)]
    f += ["f=" + s for s in stems[:OPENING]]
    f += ["a=" + s for s in set(stems)]
    f.append(f"len={_bucket(len(stems), (60, 120, 250, 500, 1000))}")
    f.append(f"nc={_bucket(len(candidates), (0, 1, 2, 4, 8, 16))}")
    f += ["k=" + str(sub) for sub in {event.sub_event_type for event, _ in candidates}]
    f += ["d=" + str(doubt) for doubt in {info.get("doubt") for _, info in candidates}]
    if candidates:
        share = sum(1 for _, info in candidates if info.get("doubt")) / len(candidates)
        f.append(f"ds={_bucket(share, (0, 0.34, 0.67, 0.99))}")
    return f


def probability(model: LinearModel, features: list[str]) -> float:
    """P(the article reports at least one codable event) of a binary model."""
    z = model.scores_of(sorted(index_set(features, model.bits)))[0]  # one row: the score of classes[1]
    p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    return p if model.classes[-1] == EVENT else 1.0 - p


def article_score(doc, candidates, model: LinearModel | None = None) -> float | None:
    """The shipped model's probability that ``doc`` reports an event (None where no model is shipped)."""
    model = load_model() if model is None else model
    if model is None:
        return None
    return probability(model, article_features(doc, candidates))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> LinearModel | None:
    file = Path(path) if path else MODEL_DIR / MODEL_FILE
    if not file.exists():
        return None
    return LinearModel.load(file)


# -- training ---------------------------------------------------------------------------------------
def label(article: dict) -> str:
    return EVENT if article.get("events") else NO_EVENT


def _fit(rows, labels, seed: int, meta: dict | None = None) -> LinearModel:
    return fit_logistic(rows, labels, c=C, seed=seed, bits=BITS, meta=meta)


def out_of_fold_scores(proposed, seed: int = 0) -> list[float]:
    """Each article's probability from a model trained on the other outlet groups (cross-fitted), for the
    ``[(article, doc, candidates)]`` of :func:`rasd.learn.events.propose_all`."""
    from .events import outlet_group
    rows = [article_features(doc, candidates) for _, doc, candidates in proposed]
    labels = [label(article) for article, _, _ in proposed]
    groups = [outlet_group(article.get("source") or "") for article, _, _ in proposed]
    scores = [0.0] * len(rows)
    for group in sorted(set(groups)):
        train_idx = [i for i, g in enumerate(groups) if g != group]
        model = _fit([rows[i] for i in train_idx], [labels[i] for i in train_idx], seed)
        for i, g in enumerate(groups):
            if g == group:
                scores[i] = probability(model, rows[i])
    return scores


def _auc(scores: list[float], labels: list[str]) -> float:
    pos = sorted(s for s, y in zip(scores, labels) if y == EVENT)
    neg = sorted(s for s, y in zip(scores, labels) if y != EVENT)
    if not pos or not neg:
        return 0.0
    from bisect import bisect_left, bisect_right
    wins = sum(bisect_left(neg, s) + 0.5 * (bisect_right(neg, s) - bisect_left(neg, s)) for s in pos)
    return wins / (len(pos) * len(neg))


def train(train_path: Path, out_dir: Path, seed: int = 0) -> dict:
    """Train the article model on ``train_path``, write it to ``out_dir``, return its cross-validated figures
    (each outlet group scored by a model trained on the others)."""
    from .events import outlet_group, propose_all, read_articles
    proposed = propose_all(read_articles(train_path))
    scores = out_of_fold_scores(proposed, seed)
    labels = [label(article) for article, _, _ in proposed]
    by_group: dict[str, dict] = {}
    for group in sorted({outlet_group(a.get("source") or "") for a, _, _ in proposed}):
        idx = [i for i, (a, _, _) in enumerate(proposed) if outlet_group(a.get("source") or "") == group]
        by_group[group] = {"articles": len(idx), "with_events": sum(labels[i] == EVENT for i in idx),
                           "auc": round(_auc([scores[i] for i in idx], [labels[i] for i in idx]), 3),
                           "accuracy": round(sum((scores[i] >= 0.5) == (labels[i] == EVENT) for i in idx) / len(idx), 3)}
    report = {"articles": len(labels), "with_events": labels.count(EVENT), "c": C, "seed": seed,
              "auc": round(_auc(scores, labels), 3),
              "accuracy": round(sum((s >= 0.5) == (y == EVENT) for s, y in zip(scores, labels)) / len(labels), 3),
              "bands": list(BANDS),
              "band_counts": {str(b): dict(sorted(Counter(y for s, y in zip(scores, labels) if band(s) == b).items()))
                              for b in range(len(BANDS) + 1)},
              "cv_by_outlet_group": by_group}
    model = _fit([article_features(doc, candidates) for _, doc, candidates in proposed], labels, seed,
                 meta={"trained_on": "train.jsonl", "report": report})
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save(out_dir / MODEL_FILE)
    (out_dir / CARD_FILE).write_text(model_card(report), encoding="utf-8")
    return report


def model_card(report: dict) -> str:
    lines = [
        "# Model card: does the article report an event? (`article_events.npz`)",
        "",
        "Written by `rasd train` (rasd/learn/articles.py) together with the weights; do not edit by hand.",
        "",
        "**What it decides.** The probability that a careful coder codes at least one event in the article. "
        "Many articles hold none however eventful their words (analyses, statements, anniversaries, "
        "diplomacy, reports of other reports). The probability, in bands "
        f"(edges {', '.join(str(b) for b in report['bands'])}), is a feature of every candidate of the event "
        "decision (`event_decision.npz`), alone and crossed with the rules' doubt and the candidate's event type; "
        "the event decision is trained on the cross-fitted probabilities of train (each article's from a model "
        "that did not see its outlet group).",
        "",
        f"**Data.** `../shared/eval/train.jsonl` only ({report['articles']} articles, {report['with_events']} with "
        "gold events). The dev sets are never read.",
        "",
        "**Features** (hashed, CRC-32, 2^18 weights): the light stems of the headline, of the first "
        "25 tokens and of the whole text (each once), the text's length, the number of candidates the rules "
        "propose, their sub-event types and the rules' doubts, and the share of doubted candidates.",
        "",
        f"**Model.** Logistic regression (scikit-learn liblinear, C={report['c']}, seed {report['seed']}); at "
        "run time a sum of weights and a logistic, numpy only.",
        "",
        "**Cross-validated figures** (each outlet group scored by a model trained on the others):",
        "",
        "| held out | articles | with events | AUC | accuracy at 0.5 |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, g in report["cv_by_outlet_group"].items():
        lines.append(f"| {name} | {g['articles']} | {g['with_events']} | {g['auc']:.3f} | {g['accuracy']:.3f} |")
    lines.append(f"| all | {report['articles']} | {report['with_events']} | **{report['auc']:.3f}** | "
                 f"{report['accuracy']:.3f} |")
    lines += ["", "Articles (with events / without) per band of the cross-fitted probability: "
              + "; ".join(f"band {b}: {c.get(EVENT, 0)} / {c.get(NO_EVENT, 0)}" for b, c in report["band_counts"].items())
              + ".", "",
              "**Limits.** It reads words, not incidents: an article that tells a real attack inside a long "
              "analysis gets a middling score, which the event decision weighs together with the candidate's "
              "own sentence. It never drops a candidate by itself.", ""]
    return "\n".join(lines)
