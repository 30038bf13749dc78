"""Which actor named in an event's sentence is actor1, which actor2, which neither: a small learned model.

The rules of :mod:`rasd.actors` find the actor mentions of the sentence and score each as a doer
(``agent``) or as the one hit (``target``) from the Arabic around it (ضد، على، من قبل، بين، the subject of
an active or a passive verb, the noun after a strike noun ...). This model reads the same mentions with
those scores *and* the words around them, and gives each mention three probabilities: actor1, actor2,
none. It is a multinomial logistic regression over hashed features, trained with scikit-learn on
``../shared/eval/train.jsonl`` (whose events carry the canonical actor names), and it decides with numpy
alone: a sum of a few dozen weights per mention.

Features of a mention (all strings, hashed with CRC-32 into ``2**BITS`` slots):
the event's type and sub-type; the actor's ACLED category, whether it is generic; its side of the event
word and the distance in words (bucketed); its order among the sentence's mentions; the rule scores
(bucketed agent/target points, their sign) and the rules' reasons; the word before it (and the two
before), the word after it, its proclitic (و/ب/ل), the words between it and the event word; crosses of
category, side and event type.

``train(train_path, out_dir, seed)`` writes ``actor_roles.npy`` (float32 weights, the bias as the last
column) and ``actor_roles.json`` (classes, bits, training size and the cross-validated figures) and
returns the figures: trained on the other outlets, tested on one (the five 2018 outlets one by one, and
the Saudi papers of 2015 together), the share of events whose actor1 (actor2) the model picks right among
the mentions of the sentence, beside the rules' pick on the same events.

:func:`model` loads the shipped weights once (``None`` when there are none: the rules decide alone).
"""
from __future__ import annotations

import json
import math
import zlib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from . import documents, read_records
from .linear import index_set, indices

BITS = 15
CLASSES = ("actor1", "actor2", "none")
MODELS = Path(__file__).resolve().parents[1] / "data" / "models"
NAME = "actor_roles"
SAUDI = {"3alyoum", "aawsat", "aleqtisadiya", "aljazirah", "almadina", "alriyadh", "alwatan", "alweeam", "alyaum",
         "okaz", "sabq"}


def _index(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8", "surrogatepass")) & ((1 << BITS) - 1)


def _bucket(value: float, edges: Sequence[float]) -> int:
    """How many of the (ascending) ``edges`` ``value`` reaches: ``sum(value >= e for e in edges)``."""
    return bisect_right(edges, value)


@dataclass(slots=True)
class _SentenceContext:
    """What the features of every mention of one sentence share (read once per sentence)."""

    t_first: int  # the trigger's token, inside the sentence
    rank: dict[int, int]  # first token of a mention -> its place among the non-source mentions
    mentions: int  # how many non-source mentions
    names: dict[str, int]  # actor name -> how many non-source mentions read as it


def _sentence_context(doc, trigger, sentence, cands) -> _SentenceContext:
    others = sorted((c for c in cands if not c.source), key=lambda c: c.mention.first)
    rank: dict[int, int] = {}
    names: dict[str, int] = {}
    for k, c in enumerate(others):
        rank.setdefault(c.mention.first, k)
        names[c.actor.name] = names.get(c.actor.name, 0) + 1
    t_first = max(sentence.first, min(sentence.last, _token_at(doc, trigger.start)))
    return _SentenceContext(t_first, rank, len(others), names)


# The features of fixed names filled with a few values, in two groups (``str.format`` fields as the f-strings
# they stand for): at run time their indices are looked up by the tuple of the group's values
# (:func:`_fixed_indices`), the strings made and hashed only at first sight. A key compares its values with
# ``==``: each place holds a str, a bool or an int of its own (``True == 1`` would confuse "True" with "1").
_FIXED_A = ("bias", "type={1}", "sub={2}", "cat={0}", "cat|type={0}|{1}", "cat|sub={0}|{2}", "generic={3}",
            "kind={4}", "side={5}", "side|d={5}|{6}", "side|type={5}|{1}", "side|cat={5}|{0}",
            "side|cat|type={5}|{0}|{1}")  # (cat, type, sub, generic, kind, side, distance bucket)
_FIXED_B = ("agent={0}", "target={1}", "margin={2}", "margin|type={2}|{3}")  # (agent, target, margin, type)


def features(doc, trigger, sentence, cand, cands, shared: _SentenceContext | None = None) -> list[str]:
    """The features of one candidate mention (a ``rasd.actors._Cand`` scored by the rules) for ``trigger``.
    ``shared``: what the mentions of the sentence share (:func:`_sentence_context`), when read once for all of them."""
    a, b, out = _parts(doc, trigger, sentence, cand, cands, shared)
    return [t.format(*a) for t in _FIXED_A] + [t.format(*b) for t in _FIXED_B] + out


def _fixed_indices(a: tuple, b: tuple) -> set[int]:
    """The indices of the features of the groups ``a`` and ``b`` (:func:`_parts`): the same as ``_index`` of
    their strings."""
    found = _FIXED_CACHE_A.get(a)
    if found is None:
        found = tuple(_index(t.format(*a)) for t in _FIXED_A)
        if len(_FIXED_CACHE_A) < 100_000:
            _FIXED_CACHE_A[a] = found
    out = set(found)
    found = _FIXED_CACHE_B.get(b)
    if found is None:
        found = tuple(_index(t.format(*b)) for t in _FIXED_B)
        if len(_FIXED_CACHE_B) < 100_000:
            _FIXED_CACHE_B[b] = found
    out.update(found)
    return out


_FIXED_CACHE_A: dict[tuple, tuple[int, ...]] = {}
_FIXED_CACHE_B: dict[tuple, tuple[int, ...]] = {}


def _parts(doc, trigger, sentence, cand, cands, shared: _SentenceContext | None):
    """The values of the two fixed groups (:data:`_FIXED_A`, :data:`_FIXED_B`) and the other features."""
    tokens = doc.tokens
    m = cand.mention
    if shared is None:
        shared = _sentence_context(doc, trigger, sentence, cands)
    t_first = shared.t_first
    cat, etype, sub = cand.actor.category, trigger.event_type, trigger.sub_event_type
    if m.last < t_first:
        side, dist = "before", t_first - m.last
    elif m.first > t_first:
        side, dist = "after", m.first - t_first
    else:
        side, dist = "inside", 0
    a = (cat, etype, sub, m.generic, m.kind, side, _bucket(dist, (2, 4, 7, 11)))
    b = (_bucket(cand.agent, (0.5, 1.5, 2.5, 3.5)), _bucket(cand.target, (0.5, 1.5, 2.5, 3.5)),
         "a" if cand.agent > cand.target else "t" if cand.target > cand.agent else "=", etype)
    out = []
    # the flags that are set, in this order (read one by one: no getattr and no f-string a flag)
    if cand.source:
        out.append("flag=source")
    if cand.owner:
        out.append("flag=owner")
    if cand.between:
        out.append("flag=between")
    if cand.far:
        out.append("flag=far")
    if cand.launcher:
        out.append("flag=launcher")
    if cand.speaker_party:
        out.append("flag=speaker_party")
    for why in cand.why:
        out.append("why=" + why.split(" (")[0][:40])
    if shared.mentions:
        n = shared.mentions
        rank = shared.rank.get(m.first, -1)
        out.append(f"rank={'only' if n == 1 else 'first' if rank == 0 else 'last' if rank == n - 1 else 'mid'}")
        out.append(f"same={shared.names.get(cand.actor.name, 0)}")
    k = m.cue_first if m.cue_first >= 0 else m.first
    for back in (1, 2):
        j = k - back
        word = tokens[j].text if j >= sentence.first else "<s>"
        out.append(f"p{back}={word}")
    nxt = tokens[m.last + 1].text if m.last + 1 <= sentence.last else "</s>"
    out.append(f"n1={nxt}")
    written = doc.norm.text[tokens[m.first].start:m.start]
    out.append(f"clitic={written[-1:] if written else ''}")
    out.append(f"p1|type={out[-4]}|{etype}")
    out.append(f"name|type={cand.actor.name}|{etype}")
    if dist <= 4:
        lo, hi = (m.last + 1, t_first) if side == "before" else (t_first + 1, m.first)
        for j in range(lo, hi):
            out.append(f"btw={tokens[j].text}")
    return a, b, out


def _token_at(doc, pos: int) -> int:
    return bisect_left(doc._token_starts(), pos)


@dataclass(slots=True)
class RoleModel:
    weights: np.ndarray  # (classes, 2**BITS + 1): the last column is the bias
    classes: tuple[str, ...]
    rows: np.ndarray | None = None  # weights.T, contiguous: one row of class weights per feature
    py_rows: dict[int, tuple[float, ...]] | None = None  # rows read so far, as Python floats (index -> row)

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        return self.probabilities_of([feats])[0]

    def probabilities_of(self, rows: Sequence[Iterable[str]]) -> list[dict[str, float]]:
        """The class probabilities of several mentions (the features of each): the weights of each are
        summed on their own (as ``weights[:, idx].sum(axis=1)``: the same sums), the softmax of all of
        them is one array operation."""
        weights = self.weights
        if self.rows is None:
            self.rows = np.ascontiguousarray(weights.T)
        # rows.take(idx) is (features, classes), C-ordered: summed over axis 0 the weights are added one
        # feature after another, in the order weights[:, idx].sum(axis=1) adds them (its fancy-indexed
        # copy is Fortran-ordered); a C-ordered (classes, features) copy would be summed pairwise instead,
        # which rounds differently
        return self.probabilities_of_indices([indices(feats, BITS) for feats in rows])

    def probabilities_of_indices(self, rows: Sequence[list[int]]) -> list[dict[str, float]]:
        """:meth:`probabilities_of` of mentions already hashed (each its sorted distinct indices, as
        :func:`rasd.learn.linear.indices` gives them)."""
        weights = self.weights
        if self.rows is None:
            self.rows = np.ascontiguousarray(weights.T)
        if len(self.classes) == 3 and weights.dtype == np.float64 and rows and all(rows):
            return self._probabilities_of_three(rows)
        take, add = self.rows.take, np.add.reduce
        z = np.array([add(take(idx, axis=0), axis=0) for idx in rows])
        z += weights[:, -1]
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        p = e / e.sum(axis=1, keepdims=True)
        classes = self.classes
        return [dict(zip(classes, row)) for row in p.tolist()]

    def _probabilities_of_three(self, rows: Sequence[list[int]]) -> list[dict[str, float]]:
        """:meth:`probabilities_of_indices` for three classes, every row with an index, in plain Python floats
        but for ``np.exp``: the same numbers bit for bit. The numpy path adds the rows of the features'
        weights one after another (``add.reduce`` over axis 0 of a C-ordered copy), adds the bias, takes
        away the row's maximum (exact), sums the three exponentials left to right (a reduction of three
        numbers is sequential) and divides: each of those is one IEEE operation on doubles, done here in the
        same order; only the exponentials, which ``math.exp`` does not give bit for bit, stay numpy's (one
        call for the sentence). What it saves is numpy's fixed cost of a take and a reduce a mention."""
        cache = self.py_rows
        if cache is None:
            cache = self.py_rows = {}
        table = self.rows
        b0, b1, b2 = self.weights[:, -1].tolist()
        flat: list[float] = []
        read = cache.__getitem__
        for idx in rows:
            try:
                found = list(map(read, idx))
            except KeyError:  # a feature's weights read for the first time
                for i in idx:
                    if i not in cache:
                        cache[i] = tuple(table[i].tolist())
                found = list(map(read, idx))
            # each class's weights summed left to right in C (in Python 3.11, sum() of floats adds them one
            # after another into a double, as the loop over the features did: the same sums bit for bit; its
            # start, the int 0, gives 0.0 + the first weight, which differs from it at most in a zero's sign)
            z0, z1, z2 = map(sum, zip(*found))
            z0 += b0
            z1 += b1
            z2 += b2
            top = max(z0, z1, z2)
            flat += (z0 - top, z1 - top, z2 - top)
        e = np.exp(flat).tolist()
        c0, c1, c2 = self.classes
        out = []
        for k in range(0, len(e), 3):
            e0, e1, e2 = e[k], e[k + 1], e[k + 2]
            total = e0 + e1 + e2
            out.append({c0: e0 / total, c1: e1 / total, c2: e2 / total})
        return out

    def rescore(self, doc, trigger, sentence, cands) -> None:
        """Add the model's points to the rules' (:data:`WEIGHT` x probability of actor1 to the doer points,
        of actor2 to the points of the one hit) for the mentions no strong cue of the rules decides (see
        :func:`blend`); a sentence with an explicit construction (من قبل، تبنى، بين ... و) is left to the
        rules. Sources stay sources."""
        scored = [c for c in cands if not c.source]
        if not scored:
            return  # nobody but sources: nothing to score
        if any(map(_hard_cand, scored)):  # hard() of their features, read from the flags and reasons
            return  # an explicit cue of the rules (من قبل، تبنى، رتل تابع ل، بين ... و) settles the sentence
        shared = _sentence_context(doc, trigger, sentence, cands)
        rows = [(c, _parts(doc, trigger, sentence, c, cands, shared)) for c in scored]
        # the indices of features(...) of each mention: the fixed groups' looked up by their values
        idx = []
        for _, (a, b, out) in rows:
            own = _fixed_indices(a, b)
            own |= index_set(out, BITS)
            idx.append(sorted(own))
        for (c, _), p in zip(rows, self.probabilities_of_indices(idx)):
            c.rule_target = c.target
            c.agent, c.target = blend(c.agent, c.target, p)
            c.why.append(f"role model: actor1 {p['actor1']:.2f}, actor2 {p['actor2']:.2f}")


# Chosen by cross-validation across outlets on train.jsonl (never the dev sets), together with the tests'
# sentences: the model adds WEIGHT x its probability to the points of mentions the rules leave undecided
# (no cue worth STRONG points or more); a strong cue of the rules keeps its points as they are.
WEIGHT = 3.0
STRONG = 2.5
HARD = ("flag=between", "flag=launcher", "why=claims", "why=after من قبل", "why=accused",
        "why=named as the one behind", "why=the speaker says it did it", "why=the first party of بين",
        "why=the second party of بين", "why=the accuser", "why=its attack was repelled",
        "why=repelled the attack", "why=answered with the event")


_HARD_FLAGS = tuple(h[len("flag="):] for h in HARD if h.startswith("flag="))
_HARD_WHY = tuple(h[len("why="):] for h in HARD if h.startswith("why="))
# the values of those flags of a candidate, read in C (attrgetter of one name gives the value, of several a tuple)
_HARD_FLAG_VALUES = attrgetter(*_HARD_FLAGS) if len(_HARD_FLAGS) > 1 else \
    (lambda c: tuple(getattr(c, flag) for flag in _HARD_FLAGS))


def _hard_cand(cand) -> bool:
    """``hard(features of cand)`` without making the features: its ``flag=`` features are its true flags,
    its ``why=`` features the start of each reason (``why.split(" (")[0][:40]``), and every HARD reason is
    shorter than 40 characters with no " (" in it, so a reason's feature starts with it when the reason does."""
    return any(_HARD_FLAG_VALUES(cand)) or any(map(str.startswith, cand.why, repeat(_HARD_WHY)))


def hard(row: Sequence[str]) -> bool:
    """A mention whose role an explicit construction gives (the rules' reasons in the features)."""
    return any(map(str.startswith, row, repeat(HARD)))  # f.startswith(HARD) for each f, looped in C


def blend(agent: float, target: float, p: dict[str, float]) -> tuple[float, float]:
    """The doer and target points of a mention, the rules' and the model's together."""
    if max(agent, target) >= STRONG:
        return agent, target
    return agent + WEIGHT * p["actor1"], target + WEIGHT * p["actor2"]


@lru_cache(maxsize=1)
def model() -> RoleModel | None:
    """The shipped weights (``rasd/data/models/actor_roles.npy``), or None when absent."""
    path = MODELS / f"{NAME}.npy"
    meta = MODELS / f"{NAME}.json"
    if not path.exists() or not meta.exists():
        return None
    info = json.loads(meta.read_text(encoding="utf-8"))
    weights = np.load(path, allow_pickle=False)
    if info.get("bits") != BITS or weights.shape != (len(info["classes"]), (1 << BITS) + 1):
        return None  # weights of another feature layout: the rules decide alone
    weights = weights.astype(np.float64)
    return RoleModel(weights=weights, classes=tuple(info["classes"]), rows=np.ascontiguousarray(weights.T))


# -- training ---------------------------------------------------------------------------------------------------
def _outlet(source: str) -> str:
    return "saudi-2015" if source in SAUDI else source


def examples(train_path: Path) -> list[dict[str, Any]]:
    """One item per gold event whose event word the rules find: the sentence's scored mentions, their
    features and labels, the gold names and the rules' own pick."""
    from .. import actors, geo, modality, segment, triggers

    out = []
    stages = (segment.segment, triggers.find_triggers, modality.mark_modality, geo.find_places, actors.find_actors)
    for record, doc in documents((r for r in read_records(train_path) if r.get("events")), stages):
        for event in record["events"]:
            item = _example(doc, event, actors, geo)
            if item is not None:
                item["outlet"] = _outlet(str(record.get("source") or "?"))
                out.append(item)
    return out


def _example(doc, event: dict, actors, geo) -> dict | None:
    word = event.get("trigger_ar")
    if not word:
        return None
    evidence = (event.get("evidence") or "").split(" ... ")[0][:60]
    at = doc.text.find(evidence) if evidence else -1
    pos = doc.text.find(word, max(at, 0))
    if pos < 0:
        pos = doc.text.find(word)
    if pos < 0:
        return None
    # the rules' trigger over that word, in normalised offsets
    starts = [doc.original_span(t.start, t.end) for t in doc.triggers]
    trigger = next((t for t, (s, e) in zip(doc.triggers, starts) if s < pos + len(word) and pos < e), None)
    if trigger is None:
        return None
    sentence = doc.sentences[trigger.sentence]
    places = geo.places_for(doc, trigger, sentence)
    country = places[0].place.country if places else doc.country
    cands = actors.candidates(doc, trigger, sentence, country)
    if not cands:
        return None
    gold1, gold2 = event.get("actor1"), event.get("actor2")
    rows, labels, points, civilian = [], [], [], []
    for c in cands:
        if c.source:
            continue
        points.append((c.agent, c.target))
        civilian.append(c.actor.category == "Civilians")
        rows.append(features(doc, trigger, sentence, c, cands))
        labels.append("actor1" if c.actor.name == gold1 else "actor2" if c.actor.name == gold2 else "none")
    if not rows:
        return None
    first = actors._prefer(cands, "agent")
    rest = [c for c in cands if c is not first and (first is None or c.actor.name != first.actor.name)]
    second = actors._prefer(rest, "target")
    names = [c.actor.name for c in cands if not c.source]
    return {"rows": rows, "labels": labels, "names": names, "gold1": gold1, "gold2": gold2, "points": points,
            "civilian": civilian,
            "rule1": first.actor.name if first else None, "rule2": second.actor.name if second else None}


def _fit(items: list[dict], seed: int) -> np.ndarray:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    indptr, cols, y = [0], [], []
    for item in items:
        for row, label in zip(item["rows"], item["labels"]):
            cols.extend(sorted({_index(f) for f in row}))
            indptr.append(len(cols))
            y.append(CLASSES.index(label))
    matrix = csr_matrix((np.ones(len(cols)), np.array(cols, dtype=np.int64), np.array(indptr, dtype=np.int64)),
                        shape=(len(indptr) - 1, 1 << BITS))
    weights = np.zeros((len(CLASSES), (1 << BITS) + 1), dtype=np.float64)
    weights[:, -1] = -30.0  # a class never seen in training is never predicted
    if len(set(y)) < 2:
        weights[y[0], -1] = 0.0 if y else -30.0
        return weights.astype(np.float32)
    clf = LogisticRegression(C=0.5, solver="lbfgs", max_iter=3000, random_state=seed)
    clf.fit(matrix, np.array(y))
    if len(clf.classes_) == 2:  # scikit-learn keeps one row for two classes: split it in two
        low, high = clf.classes_
        weights[high, :-1], weights[high, -1] = clf.coef_[0] / 2, clf.intercept_[0] / 2
        weights[low, :-1], weights[low, -1] = -clf.coef_[0] / 2, -clf.intercept_[0] / 2
    else:
        for row, k in enumerate(clf.classes_):
            weights[k, :-1] = clf.coef_[row]
            weights[k, -1] = clf.intercept_[row]
    return weights.astype(np.float32)


def _picks(weights: np.ndarray, item: dict) -> tuple[str | None, str | None]:
    """actor1 and actor2 as :func:`rasd.actors.roles_for` picks them from the blended points (its ``_prefer``)."""
    m = RoleModel(weights=weights.astype(np.float64), classes=CLASSES)
    if any(hard(row) for row in item["rows"]):
        scored = list(item["points"])
    else:
        scored = [blend(a, t, m.probabilities(row)) for (a, t), row in zip(item["points"], item["rows"])]

    def prefer(indices, role):
        best = None
        for i in indices:
            a, t = scored[i]
            margin, strength = (a - t, a) if role == "agent" else (t - a, t)
            if strength < 1.0 or margin <= 0 or (role == "agent" and item["civilian"][i]):
                continue
            if best is None or (margin, strength) > best[0]:
                best = ((margin, strength), i)
        return best[1] if best else None

    first = prefer(range(len(scored)), "agent")
    pick1 = item["names"][first] if first is not None else None
    second = prefer([i for i in range(len(scored)) if i != first and item["names"][i] != pick1], "target")
    return pick1, item["names"][second] if second is not None else None


def _score(items: list[dict], weights: np.ndarray) -> dict[str, Any]:
    n1 = n2 = m1 = m2 = r1 = r2 = 0
    for item in items:
        pick1, pick2 = _picks(weights, item)
        if item["gold1"] in item["names"]:
            n1 += 1
            m1 += pick1 == item["gold1"]
            r1 += item["rule1"] == item["gold1"]
        if item["gold2"] in item["names"]:
            n2 += 1
            m2 += pick2 == item["gold2"]
            r2 += item["rule2"] == item["gold2"]
    return {"events": len(items), "actor1_events": n1, "actor2_events": n2,
            "model_actor1": round(m1 / n1, 3) if n1 else None, "rules_actor1": round(r1 / n1, 3) if n1 else None,
            "model_actor2": round(m2 / n2, 3) if n2 else None, "rules_actor2": round(r2 / n2, 3) if n2 else None}


def train(train_path: Path, out_dir: Path, seed: int = 0) -> dict:
    """Train on every training article, write the weights into ``out_dir`` and return the cross-validated
    figures by outlet (each outlet held out in turn: trained on the others, tested on it)."""
    items = examples(Path(train_path))
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        by_outlet[item["outlet"]].append(item)
    folds = {}
    for outlet in sorted(by_outlet):
        rest = [i for o, group in sorted(by_outlet.items()) if o != outlet for i in group]
        folds[outlet] = _score(by_outlet[outlet], _fit(rest, seed))
    pooled = {"events": sum(f["events"] for f in folds.values())}
    for key in ("actor1", "actor2"):
        n = sum(f[f"{key}_events"] for f in folds.values())
        pooled[f"{key}_events"] = n
        for who in ("model", "rules"):
            right = sum((f[f"{who}_{key}"] or 0) * f[f"{key}_events"] for f in folds.values())
            pooled[f"{who}_{key}"] = round(right / n, 3) if n else None
    weights = _fit(items, seed)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    np.save(out_dir / f"{NAME}.npy", weights, allow_pickle=False)
    info = {"classes": list(CLASSES), "bits": BITS, "seed": seed, "mentions": sum(len(i["rows"]) for i in items),
            "events": len(items), "cross_validation": {"by_outlet": folds, "pooled": pooled}}
    (out_dir / f"{NAME}.json").write_text(json.dumps(info, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                          encoding="utf-8")
    model.cache_clear()
    return info["cross_validation"]


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="train the actor role model on train.jsonl")
    ap.add_argument("train", type=Path)
    ap.add_argument("--out", type=Path, default=MODELS)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if "dev" in args.train.name:
        ap.error("the dev sets are for evaluation only")
    result = train(args.train, args.out, args.seed)
    print(f"{'outlet':12} {'events':>6} {'a1 n':>5} {'model':>6} {'rules':>6} {'a2 n':>5} {'model':>6} {'rules':>6}")
    for outlet, f in list(result["by_outlet"].items()) + [("pooled", result["pooled"])]:
        print(f"{outlet:12} {f['events']:6d} {f['actor1_events']:5d} {f['model_actor1'] or 0:6.3f} "
              f"{f['rules_actor1'] or 0:6.3f} {f['actor2_events']:5d} {f['model_actor2'] or 0:6.3f} "
              f"{f['rules_actor2'] or 0:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
