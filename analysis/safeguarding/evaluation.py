"""Measure the detector on a labelled set: recall and precision, overall and per category."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.safeguarding.categories import AUDIENCES, CATEGORIES
from analysis.safeguarding.detector import Assessment

MIN_RECALL = 0.95
MIN_PRECISION = 0.5
Assess = Callable[[str, str], Assessment]


@dataclass(frozen=True)
class Example:
    """One labelled answer; no categories means it discloses nothing."""

    text: str
    audience: str
    categories: tuple[str, ...]


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def recall(self) -> float:
        found = self.true_positives + self.false_negatives
        return self.true_positives / found if found else 1.0

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    def add(self, expected: bool, predicted: bool) -> None:
        self.true_positives += expected and predicted
        self.false_positives += predicted and not expected
        self.false_negatives += expected and not predicted


@dataclass
class Report:
    overall: Score = field(default_factory=Score)
    categories: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    misses: list[tuple[Example, Assessment]] = field(default_factory=list)
    false_alarms: list[tuple[Example, Assessment]] = field(default_factory=list)

    def failures(self, min_recall: float = MIN_RECALL, min_precision: float = MIN_PRECISION):
        """Every target the detector falls short of, in words; empty when all are met."""
        scores = {"overall": self.overall, **self.categories}
        problems = [f"{n} recall {s.recall:.3f} < {min_recall}" for n, s in scores.items()
                    if s.recall < min_recall]  # fmt: skip
        problems += [f"{n} precision {s.precision:.3f} < {min_precision}"
                     for n, s in scores.items() if s.precision < min_precision]  # fmt: skip
        return problems


def load_examples(path: Path | str) -> list[Example]:
    """Read a JSON-lines labelled set; a bad line raises ValueError naming the line."""
    examples = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                examples.append(_example(f"{path}:{number}", line))
    return examples


def _example(where: str, line: str) -> Example:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not JSON: {exc}") from exc
    if not isinstance(data, dict) or set(data) != {"text", "audience", "categories"}:
        raise ValueError(f"{where}: needs exactly text, audience and categories")
    if not isinstance(data["text"], str) or data["audience"] not in AUDIENCES:
        raise ValueError(f"{where}: text must be a string and audience one of {AUDIENCES}")
    categories = data["categories"]
    if not isinstance(categories, list) or not set(categories) <= set(CATEGORIES):
        raise ValueError(f"{where}: categories must be a list of {CATEGORIES}")
    return Example(data["text"], data["audience"], tuple(sorted(set(categories))))


def evaluate(examples: Iterable[Example], assess: Assess) -> Report:
    report = Report()
    for example in examples:
        result = assess(example.text, example.audience)
        report.overall.add(bool(example.categories), result.flagged)
        for category, score in report.categories.items():
            score.add(category in example.categories, category in result.categories)
        if not set(example.categories) <= set(result.categories):
            report.misses.append((example, result))
        elif result.flagged and not example.categories:
            report.false_alarms.append((example, result))
    return report


def format_report(report: Report) -> str:
    lines = [f"{'':24}{'recall':>8}{'precision':>11}{'labelled':>10}{'flagged':>9}"]
    scores = {**report.categories, "OVERALL (flagged)": report.overall}
    for name, score in scores.items():
        labelled = score.true_positives + score.false_negatives
        flagged = score.true_positives + score.false_positives
        lines.append(f"{name:24}{score.recall:8.3f}{score.precision:11.3f}{labelled:10}{flagged:9}")
    lines.append(f"\nMisses ({len(report.misses)}): a labelled category not found")
    for example, result in report.misses:
        missing = sorted(set(example.categories) - set(result.categories))
        lines.append(f"  - [{', '.join(missing)}] {example.text!r} (found: {result.categories})")
    lines.append(f"\nFalse alarms ({len(report.false_alarms)}): flagged, labelled as nothing")
    for example, result in report.false_alarms:
        lines.append(f"  - {example.text!r}")
        lines.extend(f"      {reason}" for reason in result.reasons)
    return "\n".join(lines)
