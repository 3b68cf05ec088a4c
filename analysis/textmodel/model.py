"""The shipped comment model: one vocabulary, linear heads for every label, plain arrays.

It is fitted by `python -m analysis.train` with scikit-learn and saved as numbers (a NumPy
archive and a JSON file), not as a pickle: loading runs no code from the file, and the model
does not depend on the scikit-learn version that made it. Scoring is the TF-IDF weighting
and the dot products the fitted estimators would compute; a test checks both agree.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

import numpy as np

from analysis.textmodel.features import crossing_runs, inner_runs, parts

MODEL_DIRECTORY = Path(__file__).resolve().parents[1] / "models"
ARRAYS = "comments.npz"
SETTINGS = "comments.json"
CACHE_SIZE = 100_000  # words and word pairs whose vocabulary rows are remembered
_FUNCTION_WORDS = frozenset(
    (
        "the", "and", "but", "for", "not", "are", "was", "were", "has", "have", "had", "you",
        "your", "she", "her", "him", "his", "they", "them", "their", "this", "that", "with",
        "from", "what", "when", "then", "than", "there", "here", "its", "it's", "just", "very",
        "all", "any", "can",
    )
)  # fmt: skip


@dataclass(frozen=True)
class Vector:
    """A comment as the model sees it: TF-IDF weights on vocabulary rows, and its words."""

    rows: list[int]
    values: np.ndarray
    words: tuple[str, ...]  # as written (cleaned), for explanations
    distinct: int  # different words (letters only) in the comment
    seen: int  # of those, how many the vocabulary knows

    @property
    def known(self) -> float:
        return self.seen / self.distinct if self.distinct else 1.0


@dataclass(frozen=True)
class Reading:
    """Probabilities for every label of one comment, before rules and policy are applied."""

    disclosure: float  # calibrated probability that a safeguarding lead must read it
    categories: dict[str, float]
    sentiment: dict[str, float]
    themes: dict[str, float]


class CommentModel:
    """Fitted weights: columns for the disclosure flag, categories, sentiment and themes."""

    def __init__(self, vocabulary: list[str], idf, weights, bias, settings: dict) -> None:
        self.index = {feature: i for i, feature in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.settings = settings
        # A list of [head, labels] pairs: the order of the weight matrix's columns, which a
        # JSON object (written with sorted keys) would not keep.
        self.columns: dict[str, list[str]] = dict(settings["columns"])
        self._slices = _slices(self.columns)
        self._flag = self.weights[:, self._slices["disclosure"].start].copy()
        self._cache: dict[tuple[str, str | None], tuple[int, ...]] = {}

    def vector(self, text: str, audience: str | None = None) -> Vector:
        """The comment as TF-IDF weights over the vocabulary (sublinear tf, l2-normalised)."""
        singles, words = parts(text, audience)
        index, cache = self.index, self._cache
        found = [index.get(feature, -1) for feature in singles]
        for key in zip(words, repeat(None)):
            found += cache[key] if key in cache else self._ids(*key)
        for key in zip(words, words[1:], strict=False):
            found += cache[key] if key in cache else self._ids(*key)
        counts = Counter(found)
        counts.pop(-1, None)
        rows = list(counts)
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(rows))
        values = (1.0 + np.log(tf)) * self.idf[rows]
        norm = float(np.sqrt(values @ values)) if rows else 0.0
        distinct = {f for f in singles if f[0] == "w" and f[2:3].isalpha()}
        seen = sum(f in index for f in distinct)
        return Vector(rows, values / norm if norm else values, tuple(words), len(distinct), seen)

    def decision(self, text: str, audience: str | None = None) -> np.ndarray:
        """Raw scores per output column, as the fitted estimators' decision functions."""
        return self.scores(self.vector(text, audience))

    def scores(self, vector: Vector) -> np.ndarray:
        if not vector.rows:
            return self.bias.copy()
        return vector.values @ self.weights[vector.rows] + self.bias

    def disclosure(self, vector: Vector) -> float:
        """The calibrated probability of a disclosure alone: what a submit needs first."""
        score = float(vector.values @ self._flag[vector.rows]) if vector.rows else 0.0
        score += float(self.bias[self._slices["disclosure"].start])
        calibration = self.settings["disclosure_calibration"]
        return _sigmoid(calibration["slope"] * score + calibration["offset"])

    def categories(self, vector: Vector) -> dict[str, float]:
        """The category probabilities alone: what a flag needs beside its reasons."""
        columns = self._slices["categories"]
        scores = self.bias[columns].copy()
        if vector.rows:
            scores += vector.values @ self.weights[vector.rows, columns]
        return self._named("categories", (1.0 / (1.0 + np.exp(-scores))).tolist())

    def read(self, vector: Vector) -> Reading:
        """Probabilities for every label of one comment."""
        scores = self.scores(vector)
        logistic = (1.0 / (1.0 + np.exp(-np.clip(scores, -50, 50)))).tolist()
        named = self._named
        return Reading(
            disclosure=self.disclosure(vector),
            categories=named("categories", logistic[self._slices["categories"]]),
            sentiment=named("sentiment", _softmax(scores[self._slices["sentiment"]])),
            themes=named("themes", logistic[self._slices["themes"]]),
        )

    def weighed_words(self, vector: Vector, most: int = 4) -> list[str]:
        """The written words that pushed the disclosure score up the most, heaviest first."""
        rows = vector.rows
        contribution = (vector.values * self._flag[rows]).tolist()
        weight = dict(zip(rows, contribution, strict=True))
        by_word: dict[str, float] = {}
        for written in set(vector.words):
            word = written.strip(".,!?;:\"'()")
            if len(word) < 3 or word in _FUNCTION_WORDS:
                continue  # "me" and "and" weigh, but name nothing a reviewer can look for
            share = weight.get(self.index.get(f"w {word}", -1), 0.0)
            share += sum(weight.get(r, 0.0) for r in self._ids(written))
            by_word[word] = max(by_word.get(word, 0.0), share)
        ranked = sorted(by_word.items(), key=lambda item: (-item[1], item[0]))
        return [word for word, share in ranked[:most] if share > 0]

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        vocabulary = sorted(self.index, key=self.index.get)
        np.savez_compressed(
            directory / ARRAYS,
            vocabulary=np.frombuffer("\n".join(vocabulary).encode(), dtype=np.uint8),
            idf=self.idf,
            weights=self.weights.astype(np.float16),
            bias=self.bias,
        )
        text = json.dumps(self.settings, indent=1, ensure_ascii=False, sort_keys=True)
        (directory / SETTINGS).write_text(text + "\n", encoding="utf-8")

    def _ids(self, first: str, second: str | None = None) -> tuple[int, ...]:
        """Vocabulary rows of a word's letter runs (or of a pair's crossing runs), remembered."""
        key = (first, second)
        ids = self._cache.get(key)
        if ids is None:
            runs = inner_runs(first) if second is None else crossing_runs(first, second)
            ids = tuple(row for row in map(self.index.get, runs) if row is not None)
            if len(self._cache) < CACHE_SIZE:
                self._cache[key] = ids
        return ids

    def _named(self, head: str, values: list[float]) -> dict[str, float]:
        return dict(zip(self.columns[head], values, strict=True))


def load_model(directory: Path = MODEL_DIRECTORY) -> CommentModel:
    """Read a saved model; FileNotFoundError names the file when it has not been trained."""
    settings = json.loads((directory / SETTINGS).read_text(encoding="utf-8"))
    with np.load(directory / ARRAYS, allow_pickle=False) as arrays:
        vocabulary = arrays["vocabulary"].tobytes().decode().split("\n")
        return CommentModel(vocabulary, arrays["idf"], arrays["weights"], arrays["bias"], settings)


@cache
def default_model() -> CommentModel:
    """The model shipped in `analysis/models/`, loaded on first use and then kept."""
    return load_model()


def _slices(columns: dict[str, list[str]]) -> dict[str, slice]:
    slices, start = {}, 0
    for name, labels in columns.items():
        slices[name] = slice(start, start + len(labels))
        start += len(labels)
    return slices


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def _softmax(z: np.ndarray) -> list[float]:
    e = np.exp(z - z.max())
    return (e / e.sum()).tolist()
