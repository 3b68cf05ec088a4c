"""Fit the comment model from the labelled corpus: `python -m analysis.train`.

One TF-IDF vocabulary over words, word pairs and letter runs; a logistic regression per label:
- disclosure: calibrated (Platt scaling on out-of-fold scores), and its threshold chosen on
  out-of-fold predictions so that the shipped decision, model OR rules, keeps recall at the
  target on data the model was not fitted to;
- categories: one-vs-rest, fitted on disclosures only, to name what a flag is about;
- sentiment: multinomial, three classes;
- themes: one-vs-rest, each with the threshold that gives it the best out-of-fold F1.
The test file (tests/data/comments_test*.jsonl) is never read here.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, StratifiedKFold

from analysis.safeguarding.categories import CATEGORIES
from analysis.text.themes import THEMES
from analysis.textmodel.corpus import SENTIMENTS, Labelled
from analysis.textmodel.features import features
from analysis.textmodel.model import CommentModel

FOLDS = 5
SEED = 20261204
TARGET_RECALL = 0.98  # on out-of-fold predictions: a margin over the 0.97 promised on new text
MIN_DF = 2
FLOORS = (0.0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)


@dataclass(frozen=True)
class Fitted:
    """The model and what was learned about it on out-of-fold predictions."""

    model: CommentModel
    figures: dict
    vectorizer: TfidfVectorizer  # kept (not shipped) so a test can check the model agrees
    disclosure: LogisticRegression


def fit(
    records: Sequence[Labelled],
    rules: Callable[[str, str], bool],
    in_context: Callable[[str], bool],
) -> Fitted:
    """Fit every head on `records`.

    `rules(text, audience)` is the phrase rules' verdict and `in_context(text)` whether the
    text shows a trap's context; the shipped decision combines them with the model.
    """
    records = _deduplicated(records)
    docs = [(r.text, r.audience) for r in records]
    vectorizer = TfidfVectorizer(
        analyzer=_analyse, sublinear_tf=True, min_df=MIN_DF, dtype=np.float32
    )
    x = vectorizer.fit_transform(docs)
    vocabulary = vectorizer.get_feature_names_out().tolist()
    heads = [
        _disclosure(x, records, rules, in_context),
        _categories(x, records),
        _sentiment(x, records),
        _themes(x, records),
    ]
    weights = np.hstack([h.weights for h in heads])
    bias = np.concatenate([h.bias for h in heads])
    settings: dict = {"columns": [], "figures": {}}
    for head in heads:
        settings["columns"].append([head.name, head.labels])
        settings.update(head.settings)
        settings["figures"][head.name] = head.figures
    settings["training"] = {"records": len(records), "features": len(vocabulary)}
    model = CommentModel(vocabulary, vectorizer.idf_, weights, bias, settings)
    return Fitted(model, settings["figures"], vectorizer, heads[0].estimator)


def _analyse(doc: tuple[str, str]) -> list[str]:
    return features(*doc)


@dataclass(frozen=True)
class _Head:
    name: str
    labels: list[str]
    weights: np.ndarray  # features × labels
    bias: np.ndarray
    settings: dict
    figures: dict
    estimator: LogisticRegression | None = None


def _disclosure(x, records: Sequence[Labelled], rules, in_context) -> _Head:
    rows = [i for i, r in enumerate(records) if r.safeguarding is not None]
    y = np.array([records[i].safeguarding for i in rows], dtype=int)
    xs = x[rows]
    estimator = LogisticRegression(C=8.0, class_weight="balanced", max_iter=2000)
    groups = [records[i].source for i in rows]
    scores = _out_of_fold(estimator, xs, y, groups)
    calibration = LogisticRegression(C=1e6).fit(scores.reshape(-1, 1), y)
    slope, offset = float(calibration.coef_[0][0]), float(calibration.intercept_[0])
    probability = 1 / (1 + np.exp(-(slope * scores + offset)))
    by_rules = np.array([rules(records[i].text, records[i].audience) for i in rows])
    context = np.array([in_context(records[i].text) for i in rows])
    floor, threshold, flagged = _decision(probability, by_rules, context, y)
    estimator.fit(xs, y)
    return _Head(
        "disclosure",
        ["disclosure"],
        estimator.coef_.T.astype(np.float32),
        estimator.intercept_.astype(np.float32),
        {
            "disclosure_calibration": {"slope": slope, "offset": offset},
            "disclosure_threshold": threshold,
            "rule_context_floor": floor,
        },
        {
            "examples": len(rows),
            "disclosures": int(y.sum()),
            "held_out_writer_recall": _recall(flagged, y),
            "held_out_writer_precision": _precision(flagged, y),
            "model_alone_recall": _recall(probability >= threshold, y),
            "model_alone_precision": _precision(probability >= threshold, y),
            "rules_alone_recall": _recall(by_rules, y),
            "rules_alone_precision": _precision(by_rules, y),
        },
        estimator,
    )


def _decision(probability, by_rules, context, y) -> tuple[float, float, np.ndarray]:
    """The floor and threshold with the best precision at the target recall.

    Flagged = model at or above the threshold, OR a rule, unless that rule matched in a
    trap's context and the model is below the floor.
    """
    best: tuple[float, float, float, np.ndarray] | None = None
    for floor in FLOORS:
        kept = by_rules & ~(context & (probability < floor))
        threshold = _threshold_for_recall(probability, kept, y, TARGET_RECALL)
        if floor > threshold:
            continue
        flagged = (probability >= threshold) | kept
        precision = _precision(flagged, y)
        if best is None or precision > best[0]:
            best = (precision, floor, threshold, flagged)
    assert best is not None  # floor 0 never exceeds a threshold
    return best[1], best[2], best[3]


def _categories(x, records: Sequence[Labelled]) -> _Head:
    rows = [i for i, r in enumerate(records) if r.safeguarding and r.categories]
    xs = x[rows]
    weights, bias, counts = [], [], {}
    for category in CATEGORIES:
        y = np.array([category in records[i].categories for i in rows], dtype=int)
        counts[category] = int(y.sum())
        w, b = _binary(xs, y, C=4.0)
        weights.append(w)
        bias.append(b)
    return _Head(
        "categories",
        list(CATEGORIES),
        np.array(weights, dtype=np.float32).T,
        np.array(bias, dtype=np.float32),
        {"category_threshold": 0.5},
        {"disclosures_per_category": counts},
    )


def _sentiment(x, records: Sequence[Labelled]) -> _Head:
    rows = [i for i, r in enumerate(records) if r.sentiment is not None]
    y = np.array([SENTIMENTS.index(records[i].sentiment) for i in rows])
    # Balanced: "neutral" is the rarest class and the one writers disagree on most.
    estimator = LogisticRegression(C=8.0, class_weight="balanced", max_iter=3000)
    groups = [records[i].source for i in rows]
    predicted = _out_of_fold_classes(estimator, x[rows], y, groups)
    estimator.fit(x[rows], y)
    return _Head(
        "sentiment",
        list(SENTIMENTS),
        estimator.coef_.T.astype(np.float32),
        estimator.intercept_.astype(np.float32),
        {},
        {"examples": len(rows), "held_out_writer_macro_f1": _macro_f1(predicted, y)},
    )


def _themes(x, records: Sequence[Labelled]) -> _Head:
    rows = [i for i, r in enumerate(records) if r.themes is not None]
    xs = x[rows]
    groups = [records[i].source for i in rows]
    weights, bias, thresholds, figures = [], [], {}, {}
    totals = np.zeros(3)  # true positives, predicted, actual: for the micro-F1
    for theme in THEMES:
        y = np.array([theme in records[i].themes for i in rows], dtype=int)
        estimator = LogisticRegression(C=8.0, class_weight="balanced", max_iter=2000)
        if y.sum() >= FOLDS:
            scores = 1 / (1 + np.exp(-_out_of_fold(estimator, xs, y, groups)))
            thresholds[theme], figures[theme] = _best_f1(scores, y)
            predicted = scores >= thresholds[theme]
            totals += [(predicted & (y == 1)).sum(), predicted.sum(), y.sum()]
        else:
            thresholds[theme], figures[theme] = 0.5, None
        w, b = _binary(xs, y, C=8.0, balanced=True)
        weights.append(w)
        bias.append(b)
    return _Head(
        "themes",
        list(THEMES),
        np.array(weights, dtype=np.float32).T,
        np.array(bias, dtype=np.float32),
        {"theme_thresholds": thresholds},
        {
            "held_out_writer_f1": figures,
            "held_out_writer_micro_f1": round(float(2 * totals[0] / (totals[1] + totals[2])), 4),
        },
    )


def _binary(x, y: np.ndarray, C: float, balanced: bool = False) -> tuple[np.ndarray, float]:
    """Weights and bias for one label; a label never (or always) seen gets a constant."""
    if 0 < y.sum() < len(y):
        weight = "balanced" if balanced else None
        estimator = LogisticRegression(C=C, class_weight=weight, max_iter=2000).fit(x, y)
        return estimator.coef_[0], float(estimator.intercept_[0])
    return np.zeros(x.shape[1]), (10.0 if y.sum() else -10.0)


def _out_of_fold(estimator: LogisticRegression, x, y: np.ndarray, groups=None) -> np.ndarray:
    """Each example's decision score from a model fitted without it."""
    scores = np.zeros(len(y))
    for train, held in _splits(y, groups):
        scores[held] = estimator.fit(x[train], y[train]).decision_function(x[held])
    return scores


def _out_of_fold_classes(estimator: LogisticRegression, x, y: np.ndarray, groups) -> np.ndarray:
    """Each example's predicted class from a model fitted without it."""
    predicted = np.zeros(len(y), dtype=int)
    for train, held in _splits(y, groups):
        predicted[held] = estimator.fit(x[train], y[train]).predict(x[held])
    return predicted


def _splits(y: np.ndarray, groups):
    """Folds that hold out whole writers' files where there are enough of them.

    Then the out-of-fold figures say how the model does on a voice it has never read: the
    situation the shipped threshold must hold in. A corpus of few files is split by example.
    """
    if groups is not None and len(set(groups)) >= FOLDS:
        return GroupKFold(FOLDS).split(np.zeros(len(y)), y, groups)
    return StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y)


def _macro_f1(predicted: np.ndarray, y: np.ndarray) -> float:
    return round(float(f1_score(y, predicted, average="macro")), 4)


def _threshold_for_recall(probability, by_rules, y, target: float) -> float:
    """The highest threshold at which model OR rules still reaches the target recall."""
    positives = y == 1
    missed_by_rules = np.sort(probability[positives & ~by_rules])[::-1]
    allowed = int(np.floor((1 - target) * positives.sum()))
    if len(missed_by_rules) <= allowed:
        return 0.5
    return float(min(0.5, missed_by_rules[len(missed_by_rules) - allowed - 1]))


def _best_f1(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    best = (0.5, 0.0)
    for threshold in np.arange(0.15, 0.8, 0.025):
        predicted = scores >= threshold
        tp = float((predicted & (y == 1)).sum())
        f1 = 2 * tp / (predicted.sum() + y.sum()) if tp else 0.0
        if f1 > best[1]:
            best = (round(float(threshold), 3), round(f1, 3))
    return best


def _recall(flagged, y) -> float:
    return round(float((flagged & (y == 1)).sum() / max(1, (y == 1).sum())), 4)


def _precision(flagged, y) -> float:
    return round(float((flagged & (y == 1)).sum() / max(1, flagged.sum())), 4)


def _deduplicated(records: Sequence[Labelled]) -> list[Labelled]:
    """One record per text and audience (the first wins), in a fixed shuffled order."""
    seen: dict[tuple[str, str], Labelled] = {}
    for record in records:
        seen.setdefault((record.text.strip().lower(), record.audience), record)
    unique = list(seen.values())
    random.Random(SEED).shuffle(unique)  # noqa: S311  (a fixed order, not a secret)
    return unique


def corpus_paths(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.jsonl"))
