"""A learned decision: does this death count belong to one incident?

The rules of :mod:`rasd.numbers` find death counts and mark those that plainly are not one incident's toll
(a war's cumulative toll, deaths "since March", a death sentence; :func:`rasd.numbers.aggregate_reason`).
This model decides the rest: a small logistic regression over the rule's verdict, the words around the count
(hashed unigrams and bigrams of a window on each side), cue words (منذ، خلال، حصيلة، إجمالي، ارتفع، الحرب),
the size of the count, whether a day is named near it, and how far the nearest event word is.

Training (``train``) reads ``train.jsonl`` (hand-coded articles; never the dev sets): every death count the
rules find in a train article is a positive example when it lies inside the evidence of a gold event whose
toll it is part of (``0 < count <= fatalities``) or when it equals a gold event's toll anywhere in the article
(the same incident told again), else a negative one. Scikit-learn fits the weights; at run
time deciding needs numpy and the weights only (``tolls.npz`` in ``rasd/data/models/``, card ``tolls.md``).
"""
from __future__ import annotations

import bisect
import io
import json
import math
import re
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from ..words import DATA, word_lists
from . import read_records

# the cue words of the features, in rasd/data/learn_words.tsv (rasd.words)
_LISTS = word_lists(DATA / "learn_words.tsv")

BITS = 14
WINDOW = 6
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "tolls.npz"
# A count is left out when the model gives it less than this probability of being an incident's toll.
# Chosen by cross-validation on train.jsonl (see the model card); the rules' own verdicts stand regardless.
THRESHOLD = 0.3
DOMAIN = "near"  # "near": counts in or after a sentence with an event word; "evidence": inside a gold event's evidence
C = 1.0  # inverse regularisation strength, chosen with the threshold by the same cross-validation

_CUES = {
    "since": _LISTS["toll_since"],
    "during": _LISTS["toll_during"],
    "toll": _LISTS["toll_toll"],
    "rise": _LISTS["toll_rise"],
    "war": _LISTS["toll_war"],
    "so_far": _LISTS["toll_so_far"],
    "total": _LISTS["toll_total"],
    "court": _LISTS["toll_court"],
    "plural_events": _LISTS["toll_plural_events"],
    "result": _LISTS["toll_result"],
    "past": _LISTS["toll_past"],
    "report": _LISTS["toll_report"],
    "weekday": _LISTS["toll_weekday"],
    "pluperfect": _LISTS["toll_pluperfect"],
}
_CUE_OF = {w: name for name, words in _CUES.items() for w in words}
_SENTENCE_END_RE = re.compile(r"[.!?\n]")


def _index(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8", "surrogatepass")) & ((1 << BITS) - 1)


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


def _bare(word: str) -> str:
    """A word without the conjunction و (the cue table lists bare forms)."""
    return word[1:] if len(word) > 3 and word[0] == "و" else word


def mention_features(doc: Any, mention: Any, rule_reason: str | None, starts: Sequence[int] | None = None,
                     trigger_starts: Sequence[int] | None = None) -> list[str]:
    """The features of one death count (a :class:`rasd.numbers.CasualtyMention` of ``doc``).

    ``rule_reason``: what :func:`rasd.numbers.aggregate_reason` said of it (None: nothing)."""
    toks = doc.tokens
    words = [t.text for t in toks]
    starts = starts if starts is not None else [t.start for t in toks]
    text = doc.norm.text
    n = len(toks)
    first = max(0, bisect.bisect_right(starts, mention.start) - 1)
    last = max(first, bisect.bisect_left(starts, mention.end) - 1)
    feats = ["bias", f"kind={mention.kind}", f"size={_bucket(mention.count, (2, 5, 10, 30, 100, 300, 1000))}",
             f"vague={bool(mention.vague)}", f"updated={bool(mention.updated)}"]
    if rule_reason:
        feats.append("rule=" + rule_reason.split(" (")[0].split(":")[0][:40])
    else:
        feats.append("rule=none")
    lo = first
    while lo > 0 and first - lo < WINDOW and not _SENTENCE_END_RE.search(text, toks[lo - 1].end, toks[lo].start):
        lo -= 1
    hi = last
    while hi < n - 1 and hi - last < WINDOW and not _SENTENCE_END_RE.search(text, toks[hi].end, toks[hi + 1].start):
        hi += 1
    left = [_bare(w) for w in words[lo:first]]
    right = [_bare(w) for w in words[last + 1:hi + 1]]
    inside = [_bare(w) for w in words[first:last + 1]]
    for side, seq in (("L", left), ("R", right), ("I", inside)):
        for w in seq:
            if not w[:1].isdigit():
                feats.append(f"{side}:{w}")
            cue = _CUE_OF.get(w)
            if cue:
                feats.append(f"cue:{side}:{cue}")
                feats.append(f"cue:{cue}")
        for a, b in zip(seq, seq[1:]):
            feats.append(f"{side}2:{a}_{b}")
    feats += [f"near1:{w}" for w in (left[-1:] + right[:1])]
    # the sentence: a day named in it, its place in the article, a comma between the count and a cue
    sentence = doc.sentence_at(mention.start)
    if sentence is not None:
        dated = [d for d in getattr(doc, "dates", []) or [] if sentence.start <= d.start < sentence.end]
        feats.append(f"dated={bool(dated)}")
        if dated and getattr(doc, "published", None) is not None and dated[0].date is not None:
            age = (doc.published - dated[0].date).days
            feats.append(f"age={_bucket(age, (2, 8, 31, 366))}")
        index = next((i for i, s in enumerate(doc.sentences) if s is sentence), 99)
        feats.append(f"sentence={_bucket(index, (1, 2, 4, 8))}")
    # the nearest event word (reported, not inside the count), in tokens
    if trigger_starts:
        k = bisect.bisect_left(trigger_starts, mention.start)
        gaps = []
        for j in (k - 1, k):
            if 0 <= j < len(trigger_starts):
                t = trigger_starts[j]
                if mention.start <= t < mention.end:
                    continue
                ti = max(0, bisect.bisect_right(starts, t) - 1)
                gaps.append(("before" if t < mention.start else "after", abs(ti - (first if t < mention.start else last))))
        if gaps:
            where, gap = min(gaps, key=lambda g: g[1])
            feats.append(f"trigger={where}:{_bucket(gap, (2, 4, 8, 16, 32))}")
        else:
            feats.append("trigger=none")
    return feats


class TollModel:
    """The weights of the decision: ``probability(features)`` is P(the count is one incident's toll)."""

    def __init__(self, weights: np.ndarray, bias: float, meta: dict):
        self.weights = weights.astype(np.float32)
        self.bias = float(bias)
        self.meta = meta

    def probability(self, features: Iterable[str]) -> float:
        idx = sorted({_index(f) for f in features})
        z = float(self.weights[idx].sum()) + self.bias if idx else self.bias
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path) -> None:
        """A .npz whose bytes depend only on the weights (fixed zip time stamps): same data, same file."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, array in (("weights", self.weights), ("bias", np.array([self.bias], dtype=np.float32)),
                                ("meta", np.frombuffer(json.dumps(self.meta, sort_keys=True, ensure_ascii=False)
                                                       .encode("utf-8"), dtype=np.uint8))):
                info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                member = io.BytesIO()
                np.save(member, np.ascontiguousarray(array), allow_pickle=False)
                archive.writestr(info, member.getvalue())
        path.write_bytes(buffer.getvalue())

    @classmethod
    def load(cls, path: Path) -> "TollModel":
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(bytes(data["meta"]).decode("utf-8"))
            return cls(data["weights"], float(data["bias"][0]), meta)


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> TollModel | None:
    """The shipped model, loaded once per process; None when its file is missing or unreadable (the rules
    then decide alone)."""
    target = Path(path) if path else MODEL_PATH
    try:
        return TollModel.load(target)
    except (OSError, ValueError, KeyError):
        return None


# ---------------------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------------------
def _evidence_spans(text: str, evidence: str | None) -> list[tuple[int, int]]:
    """Where a gold event's evidence lies in the article text (passages joined by " ... " or a space)."""
    spans = []
    if not evidence:
        return spans
    for piece in re.split(r"\s*\.\.\.\s*|\n", evidence):
        piece = piece.strip()
        if len(piece) < 12:
            continue
        at = text.find(piece)
        if at >= 0:
            spans.append((at, at + len(piece)))
            continue
        for part in re.split(r"(?<=[.!?])\s+", piece):  # joined by a space: look for each sentence
            part = part.strip()
            if len(part) >= 20 and (at := text.find(part)) >= 0:
                spans.append((at, at + len(part)))
    return spans


def examples(train_path: Path) -> list[tuple[list[str], int, str, str | None, int]]:
    """``(features, label, outlet, rule_reason, count)`` for every death count of the train articles, in
    file order."""
    from .. import numbers, pipeline
    from ..errors import InputError

    stages = [(name, stage) for name, stage in pipeline.STAGES_BEFORE_DECISION if name not in ("actors", "propose")]
    rows = []
    saved = numbers.USE_LEARNED_TOLLS
    numbers.USE_LEARNED_TOLLS = False  # the features hold the rules' verdict, never the model's own
    try:
        for record in read_records(train_path):
            try:
                doc = pipeline.make_document(record)
            except InputError:
                continue
            pipeline.run_stages(doc, stages)
            gold = [(e.get("fatalities") or 0, _evidence_spans(doc.text, e.get("evidence")))
                    for e in record.get("events") or []]
            starts = [t.start for t in doc.tokens]
            reported = [t for t in doc.triggers if t.modality is None and not t.absorbed]
            trigger_starts = sorted(t.start for t in reported)
            # the counts an event could take: in a sentence with a reported event word, or the one after
            near = {t.sentence for t in reported} | {t.sentence + 1 for t in reported}
            for m in doc.casualties:
                if m.kind != "killed" or m.count <= 0:
                    continue
                sentence = next((i for i, x in enumerate(doc.sentences) if x.start <= m.start < x.end), -1)
                if sentence not in near:
                    continue
                s, e = doc.original_span(m.start, m.end)
                if DOMAIN == "evidence" and not any(a <= s and e <= b for _, spans in gold for a, b in spans):
                    continue  # told where no event is coded: not a question of whose toll it is
                # the toll of a gold event: inside its evidence (a part of it counts: "بينهم"), or the same
                # number told again elsewhere in the article (the lead and the body tell one incident)
                label = int(any(m.count == deaths or (0 < m.count <= deaths and any(a <= s and e <= b
                                                                                     for a, b in spans))
                                for deaths, spans in gold))
                feats = mention_features(doc, m, m.aggregate, starts, trigger_starts)
                rows.append((feats, label, str(record.get("source") or "?"), m.aggregate, m.count))
    finally:
        numbers.USE_LEARNED_TOLLS = saved
    return rows


def _matrix(rows: Sequence[Sequence[str]]):
    from scipy.sparse import csr_matrix

    indptr, cols = [0], []
    for feats in rows:
        cols.extend(sorted({_index(f) for f in feats}))
        indptr.append(len(cols))
    data = np.ones(len(cols), dtype=np.float64)
    return csr_matrix((data, np.array(cols, dtype=np.int64), np.array(indptr, dtype=np.int64)),
                      shape=(len(rows), 1 << BITS))


def _fit(feats: Sequence[Sequence[str]], labels: Sequence[int], seed: int, c: float = C) -> TollModel:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=2000)
    model.fit(_matrix(feats), np.array(labels))
    return TollModel(model.coef_[0].astype(np.float32), float(model.intercept_[0]), {})


def _scores(labels: Sequence[int], kept: Sequence[bool]) -> dict[str, float]:
    """Accuracy of a keep/leave-out decision, and precision/recall of leaving out (the negatives)."""
    n = len(labels)
    right = sum(int(k) == y for k, y in zip(kept, labels))
    out_true = sum(1 for k, y in zip(kept, labels) if not k and not y)
    out = sum(1 for k in kept if not k)
    negatives = sum(1 for y in labels if not y)
    return {"n": n, "accuracy": round(right / n, 3) if n else 0.0,
            "leave_out_precision": round(out_true / out, 3) if out else 0.0,
            "leave_out_recall": round(out_true / negatives, 3) if negatives else 0.0}


def train(train_path: Path, out_dir: Path, seed: int = 0) -> dict:
    """Fit the decision on ``train_path`` (hand-coded articles), write ``tolls.npz`` into ``out_dir`` and
    return cross-validated figures: for each outlet with 20 or more death counts, trained on the other
    outlets and tested on it, beside the rules alone. Same data and seed: the same bytes."""
    rows = examples(Path(train_path))
    feats = [r[0] for r in rows]
    labels = [r[1] for r in rows]
    outlets = [r[2] for r in rows]
    rule_kept = [r[3] is None for r in rows]
    by_outlet: dict[str, dict] = {}
    all_kept: list[bool] = []
    all_labels: list[int] = []
    all_rule: list[bool] = []
    for outlet in sorted(set(outlets)):
        test = [i for i, o in enumerate(outlets) if o == outlet]
        if len(test) < 20:
            continue
        fit_rows = [i for i, o in enumerate(outlets) if o != outlet]
        model = _fit([feats[i] for i in fit_rows], [labels[i] for i in fit_rows], seed)
        kept = [rule_kept[i] and model.probability(feats[i]) >= THRESHOLD for i in test]
        y = [labels[i] for i in test]
        by_outlet[outlet] = {"model": _scores(y, kept), "rules": _scores(y, [rule_kept[i] for i in test])}
        all_kept += kept
        all_labels += y
        all_rule += [rule_kept[i] for i in test]
    final = _fit(feats, labels, seed)
    final.meta = {"examples": len(rows), "positives": sum(labels), "bits": BITS, "window": WINDOW,
                  "threshold": THRESHOLD, "c": C, "seed": seed}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    final.save(out_dir / "tolls.npz")
    return {"examples": len(rows), "positives": sum(labels),
            "cross_outlet": {"model": _scores(all_labels, all_kept), "rules": _scores(all_labels, all_rule)},
            "by_outlet": by_outlet}
