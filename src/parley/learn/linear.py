"""A linear model over named features, stored as a compressed ``.npz``: what the trained layer runs on.

Training uses scikit-learn (``parley train``); running needs only numpy: a score is the sum of the weight rows
of the features present, plus a bias, through the logistic function.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from parley import errors


@dataclass(frozen=True)
class Linear:
    features: dict[str, int]
    weights: np.ndarray  # (n_features, n_labels), float32
    bias: np.ndarray  # (n_labels,)
    labels: tuple[str, ...]
    dense: np.ndarray | None = None  # (n_dense, n_labels): weights of a dense vector given beside the names
    softmax: bool = False  # one label out of many (softmax) instead of independent labels (logistic)
    _bias64: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_bias64", self.bias.astype(np.float64))  # converted once, not on every call

    def logits(self, feats: Iterable[str], vector: np.ndarray | None = None) -> np.ndarray:
        rows = [self.features[f] for f in feats if f in self.features]
        z = self.bias.astype(np.float64)
        if rows:
            z = z + self.weights[rows].sum(axis=0, dtype=np.float64)
        if self.dense is not None and vector is not None:
            z = z + vector.astype(np.float64) @ self.dense
        return z

    def proba(self, feats: Iterable[str], vector: np.ndarray | None = None) -> np.ndarray:
        z = self.logits(feats, vector)
        if self.softmax:
            e = np.exp(z - z.max())
            return e / e.sum()
        return 1.0 / (1.0 + np.exp(-z))

    def proba_many(self, many: Sequence[Iterable[str]], vectors: Sequence[np.ndarray] | None = None) -> np.ndarray:
        """:meth:`proba` of each feature list (with the vector of the same rank), one row each: the same figures,
        bit for bit, at a fraction of the cost of one call each (the weight rows of all lists are summed with
        one ``reduceat``, in the same order as ``proba`` sums them)."""
        get = self.features.get
        rows: list[int] = []
        starts: list[int] = []  # where each list with a known feature starts in ``rows``
        full: list[int] = []  # and which lists those are (reduceat wants no empty one)
        for k, feats in enumerate(many):
            found = [r for r in map(get, feats) if r is not None]
            if found:
                full.append(k)
                starts.append(len(rows))
                rows += found
        n = len(many)
        z = np.empty((n, len(self.bias)))
        z[:] = self._bias64
        if full:
            # each list's sum depends only on its own rows: one call for many sentences gives the same figures
            sums = np.add.reduceat(self.weights.take(rows, axis=0), starts, axis=0, dtype=np.float64)
            if len(full) == n:
                z += sums
            else:
                z[full] += sums
        if self.dense is not None and vectors is not None and n:
            # one (1 x d) by (d x labels) product per row, as proba computes it: the same figures to the bit
            z += np.matmul(np.array(vectors, dtype=np.float64)[:, None, :], self.dense)[:, 0, :]
        if self.softmax:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)
        return 1.0 / (1.0 + np.exp(-z))

    def save(self, path: Path) -> None:
        names = sorted(self.features, key=self.features.__getitem__)
        extra = {} if self.dense is None else {"dense": self.dense.astype(np.float32)}
        np.savez_compressed(path, names=np.array(names, dtype=np.str_), weights=self.weights.astype(np.float16),
                            bias=self.bias.astype(np.float32), labels=np.array(self.labels, dtype=np.str_),
                            softmax=np.array(self.softmax), **extra)

    @classmethod
    def load(cls, path: Path) -> Linear:
        try:
            with np.load(path, allow_pickle=False) as data:
                names = data["names"].tolist()
                dense = data["dense"].astype(np.float64) if "dense" in data.files else None
                return cls({n: i for i, n in enumerate(names)}, data["weights"].astype(np.float32),
                           data["bias"].astype(np.float32), tuple(data["labels"].tolist()), dense,
                           bool(data["softmax"]) if "softmax" in data.files else False)
        except (OSError, KeyError, ValueError) as exc:
            raise errors.ConfigError(f"cannot read the trained model {path}: {exc}") from None

    @classmethod
    def from_coefficients(cls, vocabulary: Sequence[str], coef: np.ndarray, intercept: np.ndarray,
                          labels: Sequence[str], min_weight: float = 1e-3, n_dense: int = 0,
                          softmax: bool = False) -> Linear:
        """Keep only features whose weight matters for some label (small models, same scores to 3 decimals).
        The last ``n_dense`` columns of ``coef`` are the weights of the dense vector."""
        coef = np.asarray(coef, dtype=np.float32).reshape(len(labels), -1).T  # (n_features + n_dense, n_labels)
        sparse, dense = coef[: coef.shape[0] - n_dense], coef[coef.shape[0] - n_dense:]
        keep = np.where(np.abs(sparse).max(axis=1) >= min_weight)[0]
        names = [vocabulary[i] for i in keep]
        return cls({n: i for i, n in enumerate(names)}, sparse[keep], np.asarray(intercept, dtype=np.float32).reshape(-1),
                   tuple(labels), dense.astype(np.float64) if n_dense else None, softmax)
