"""Measure comment analysis against hand-labelled answers: accuracy, macro-F1, theme P/R."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.text.comments import analyse_comment
from analysis.text.sentiment import NEGATIVE, NEUTRAL, POSITIVE
from analysis.text.themes import THEMES

LABELS = (POSITIVE, NEUTRAL, NEGATIVE)


@dataclass(frozen=True)
class LabelledComment:
    """An answer with the sentiment and themes a person gave it."""

    text: str
    audience: str
    sentiment: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one label or theme, with its support."""

    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Evaluation:
    """Figures for a labelled set, and the answers that were read wrongly."""

    size: int
    sentiment_accuracy: float
    sentiment_macro_f1: float
    sentiment: dict[str, Scores]
    themes: dict[str, Scores]
    mistakes: tuple[dict, ...]

    def describe(self) -> str:
        """The figures as a plain-text table."""
        lines = [
            f"answers: {self.size}",
            f"sentiment accuracy: {self.sentiment_accuracy:.3f}",
            f"sentiment macro-F1: {self.sentiment_macro_f1:.3f}",
            "",
            f"{'label':<22}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>5}",
        ]
        lines += [_row(name, s) for name, s in self.sentiment.items()]
        lines += ["", f"{'theme':<22}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>5}"]
        lines += [_row(name, s) for name, s in self.themes.items()]
        return "\n".join(lines)


def load_labelled(path: Path) -> tuple[LabelledComment, ...]:
    """Read a JSON-lines file of {text, audience, sentiment, themes}."""
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return tuple(
        LabelledComment(r["text"], r["audience"], r["sentiment"], tuple(r["themes"])) for r in rows
    )


def evaluate(items: Sequence[LabelledComment]) -> Evaluation:
    """Run ``analyse_comment`` over every item and score it against the labels."""
    results = [analyse_comment(item.text, item.audience) for item in items]
    pairs = [(i.sentiment, r.sentiment) for i, r in zip(items, results, strict=True)]
    sentiment = {label: _scores(pairs, label) for label in LABELS}
    themes = {theme: _theme_scores(items, results, theme) for theme in THEMES}
    correct = sum(gold == guess for gold, guess in pairs)
    return Evaluation(
        size=len(items),
        sentiment_accuracy=correct / len(items) if items else 0.0,
        sentiment_macro_f1=sum(s.f1 for s in sentiment.values()) / len(LABELS),
        sentiment=sentiment,
        themes=themes,
        mistakes=tuple(_mistakes(items, results)),
    )


def _scores(pairs: Iterable[tuple[bool | str, bool | str]], label: object) -> Scores:
    pairs = list(pairs)
    true_pos = sum(gold == label and guess == label for gold, guess in pairs)
    guessed = sum(guess == label for _, guess in pairs)
    support = sum(gold == label for gold, _ in pairs)
    precision = true_pos / guessed if guessed else 0.0
    recall = true_pos / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, support)


def _theme_scores(items, results, theme: str) -> Scores:
    pairs = [(theme in i.themes, theme in r.themes) for i, r in zip(items, results, strict=True)]
    return _scores(pairs, True)


def _mistakes(items, results):
    for item, result in zip(items, results, strict=True):
        wrong_themes = set(item.themes) ^ set(result.themes)
        if item.sentiment != result.sentiment or wrong_themes:
            yield {
                "text": item.text,
                "sentiment": [item.sentiment, result.sentiment, result.polarity],
                "missed": sorted(set(item.themes) - set(result.themes)),
                "extra": sorted(set(result.themes) - set(item.themes)),
            }


def _row(name: str, s: Scores) -> str:
    return f"{name:<22}{s.precision:>10.2f}{s.recall:>8.2f}{s.f1:>7.2f}{s.support:>5}"
