"""A linear model over named features, stored as a compressed ``.npz``: what the trained layer runs on.

Training uses scikit-learn (``parley train``); running needs only numpy: a score is the sum of the weight rows
of the features present, plus a bias, through the logistic function.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from parley import errors


@dataclass(frozen=True)
class Linear:
    features: dict[str, int]
    weights: np.ndarray  # (n_features, n_labels), float32
    bias: np.ndarray  # (n_labels,)
    labels: tuple[str, ...]

    def logits(self, feats: Iterable[str]) -> np.ndarray:
        rows = [self.features[f] for f in feats if f in self.features]
        z = self.bias.astype(np.float64)
        if rows:
            z = z + self.weights[rows].sum(axis=0, dtype=np.float64)
        return z

    def proba(self, feats: Iterable[str]) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(feats)))

    def weight(self, feature: str, label: int = 0) -> float:
        i = self.features.get(feature)
        return float(self.weights[i, label]) if i is not None else 0.0

    def save(self, path: Path) -> None:
        names = sorted(self.features, key=self.features.__getitem__)
        np.savez_compressed(path, names=np.array(names, dtype=np.str_), weights=self.weights.astype(np.float16),
                            bias=self.bias.astype(np.float32), labels=np.array(self.labels, dtype=np.str_))

    @classmethod
    def load(cls, path: Path) -> Linear:
        try:
            with np.load(path, allow_pickle=False) as data:
                names = data["names"].tolist()
                return cls({n: i for i, n in enumerate(names)}, data["weights"].astype(np.float32),
                           data["bias"].astype(np.float32), tuple(data["labels"].tolist()))
        except (OSError, KeyError, ValueError) as exc:
            raise errors.ConfigError(f"cannot read the trained model {path}: {exc}") from None

    @classmethod
    def from_coefficients(cls, vocabulary: Sequence[str], coef: np.ndarray, intercept: np.ndarray,
                          labels: Sequence[str], min_weight: float = 1e-3) -> Linear:
        """Keep only features whose weight matters for some label (small models, same scores to 3 decimals)."""
        coef = np.asarray(coef, dtype=np.float32).reshape(len(labels), -1).T  # (n_features, n_labels)
        keep = np.where(np.abs(coef).max(axis=1) >= min_weight)[0]
        names = [vocabulary[i] for i in keep]
        return cls({n: i for i, n in enumerate(names)}, coef[keep], np.asarray(intercept, dtype=np.float32).reshape(-1),
                   tuple(labels))
