"""Hashed-feature linear models: the shape every learned decision of rasd takes.

A decision is described by a bag of string features (``"cue=غارة"``, ``"w=مقتل"``, ``"doubt=plan"``); each is
hashed (CRC-32, stable across processes and machines) into one of ``2**bits`` weights. Training uses
scikit-learn (``rasd train``); deciding needs nothing but the weights: a sum over the features present and
one logistic a class, normalised, on top: a few microseconds a decision. Only the weights of features seen
in training are stored (float16), loaded once per process.
"""
from __future__ import annotations

import io
import json
import math
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterable, Sequence

import numpy as np

DEFAULT_BITS = 18


def feature_index(feature: str, bits: int = DEFAULT_BITS) -> int:
    return zlib.crc32(feature.encode("utf-8", "surrogatepass")) & ((1 << bits) - 1)


def indices(features: Iterable[str], bits: int = DEFAULT_BITS) -> list[int]:
    """The distinct weight indices of a bag of features (a feature present twice counts once), sorted:
    the order in which a model adds up their weights."""
    return sorted(index_set(features, bits))


def index_set(features: Iterable[str], bits: int = DEFAULT_BITS) -> set[int]:
    """The set of weight indices of a bag of features (:func:`indices` unsorted: the sets of bags that
    share features can be merged, then sorted once)."""
    cache = _HASHES.get(bits)
    if cache is None:
        cache = _HASHES[bits] = {}
    if not isinstance(features, (list, tuple)):
        features = list(features)
    try:  # features repeat across decisions: most bags are all in the cache, read at C speed
        return set(map(cache.__getitem__, features))
    except KeyError:
        pass
    mask = (1 << bits) - 1
    out = set()
    for f in features:
        h = cache.get(f)
        if h is None:
            h = zlib.crc32(f.encode("utf-8", "surrogatepass")) & mask
            if len(cache) < 500_000:  # a bounded cache
                cache[f] = h
        out.add(h)
    return out


_HASHES: dict[int, dict[str, int]] = {}


def index_array(idx: Collection[int]) -> np.ndarray:
    """``sorted(idx)`` of distinct indices (a set, as :func:`index_set` gives) as the index array that
    :meth:`LinearModel.scores_of` takes: the same indices in the same order, so the same sums bit for bit.
    Made in C (``np.fromiter`` over the set, numpy's sort) instead of a sorted list that ``take`` would then
    convert element by element: a decision's ~110 indices cost a third as many instructions."""
    out = np.fromiter(idx, dtype=np.intp, count=len(idx))
    out.sort()
    return out


@dataclass(slots=True)
class LinearModel:
    """``weights``: (classes, 2**bits) float32; ``bias``: (classes,). One class: a logistic decision."""

    weights: np.ndarray
    bias: np.ndarray
    classes: list[str]
    bits: int
    meta: dict
    rows: np.ndarray | None = None

    def scores(self, features: Iterable[str]) -> list[float]:
        return self.scores_of(indices(features, self.bits))

    def scores_of(self, idx: Sequence[int] | np.ndarray) -> list[float]:
        """The class scores of a bag already hashed: its distinct weight indices, sorted (:func:`indices`,
        or :func:`index_array` of a set; a caller whose bags share many features can hash the shared ones
        once and merge the sets)."""
        if not len(idx):
            return [float(b) for b in self.bias]
        if self.rows is None:  # one row of class weights per feature: a decision reads contiguous memory
            self.rows = np.ascontiguousarray(self.weights.T)
        # take + np.add.reduce: what rows[idx].sum(axis=0) computes (the same float32 sums, in the same
        # order), without fancy indexing's and ndarray.sum's overhead
        return (np.add.reduce(self.rows.take(idx, axis=0), axis=0) + self.bias).tolist()

    def distribution(self, features: Iterable[str]) -> dict[str, float]:
        """Class probabilities of a one-vs-rest model: each class's logistic, normalised to sum 1."""
        return self.distribution_of(indices(features, self.bits))

    def distribution_of(self, idx: Sequence[int] | np.ndarray) -> dict[str, float]:
        """:meth:`distribution` of a bag already hashed (see :meth:`scores_of`)."""
        exp = math.exp
        e = [1.0 / (1.0 + exp(-(30.0 if v > 30.0 else -30.0 if v < -30.0 else v))) for v in self.scores_of(idx)]
        total = sum(e) or 1.0
        return {c: v / total for c, v in zip(self.classes, e)}

    # -- storage -------------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Only the weights of features seen in training (the others are zero), as float16; bytes that
        depend only on the weights (no time stamps), so the same training gives the same file."""
        columns = np.flatnonzero(np.any(self.weights != 0, axis=0)).astype(np.int32)
        buffer = io.BytesIO()
        for array in (columns, self.weights[:, columns].astype(np.float16), self.bias.astype(np.float32)):
            np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
        header = json.dumps({"classes": self.classes, "bits": self.bits, "meta": self.meta},
                            ensure_ascii=False, sort_keys=True).encode("utf-8")
        path.write_bytes(len(header).to_bytes(4, "little") + header + buffer.getvalue())

    @classmethod
    def load(cls, path: Path) -> "LinearModel":
        data = path.read_bytes()
        size = int.from_bytes(data[:4], "little")
        header = json.loads(data[4:4 + size].decode("utf-8"))
        buffer = io.BytesIO(data[4 + size:])
        columns = np.load(buffer, allow_pickle=False)
        packed = np.load(buffer, allow_pickle=False)
        bias = np.load(buffer, allow_pickle=False)
        rows = np.zeros((1 << header["bits"], len(header["classes"])), dtype=np.float32)
        rows[columns] = np.ascontiguousarray(packed.T, dtype=np.float32)  # whole rows copied: 6x faster than .T
        return cls(weights=rows.T, bias=bias, classes=header["classes"], bits=header["bits"], meta=header["meta"],
                   rows=rows)


def fit_logistic(rows: Sequence[Sequence[str]], labels: Sequence[str], *, bits: int = DEFAULT_BITS,
                 c: float = 1.0, seed: int = 0, meta: dict | None = None) -> LinearModel:
    """Train a one-vs-rest logistic regression (scikit-learn, liblinear) over hashed features. Only the
    weights of features seen in ``rows`` are fitted (the columns are packed before fitting, then put back
    in place). Deterministic for the same rows, labels and seed."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    matrix, columns = design_matrix(rows, bits)
    model = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=1000)
    wrapped = OneVsRestClassifier(model).fit(matrix, np.array(list(labels)))
    classes = [str(k) for k in wrapped.classes_]
    weights = np.zeros((len(classes), 1 << bits), dtype=np.float32)
    weights[:, columns] = np.vstack([e.coef_ for e in wrapped.estimators_])
    bias = np.array([e.intercept_[0] for e in wrapped.estimators_], dtype=np.float32)
    return LinearModel(weights=weights, bias=bias, classes=classes, bits=bits, meta=dict(meta or {}))


def design_matrix(rows: Sequence[Sequence[str]], bits: int = DEFAULT_BITS):
    """The rows as a sparse 0/1 matrix over the hashed features they use, and which hashed index each
    column stands for."""
    from scipy.sparse import csr_matrix

    hashed = [indices(row, bits) for row in rows]
    columns = np.array(sorted({i for row in hashed for i in row}), dtype=np.int64)
    where = {int(h): k for k, h in enumerate(columns)}
    indptr, cols = [0], []
    for row in hashed:
        cols.extend(where[i] for i in row)
        indptr.append(len(cols))
    data = np.ones(len(cols), dtype=np.float64)
    matrix = csr_matrix((data, np.array(cols, dtype=np.int64), np.array(indptr, dtype=np.int64)),
                        shape=(len(rows), len(columns)))
    return matrix, columns
