"""Score `analyse_comment` on a labelled file: every figure the model card reports.

Safeguarding recall and precision overall, per category, per audience and per kind of trap
(false alarms); sentiment macro-F1 per class; theme micro-F1 per theme; comments the model
could not read. `failures()` lists each target missed, in words.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from analysis.safeguarding.categories import AUDIENCES, CATEGORIES
from analysis.text.comments import CommentAnalysis, analyse_comment
from analysis.text.themes import THEMES
from analysis.textmodel.corpus import SENTIMENTS, Labelled

TARGETS = {
    "recall": 0.97,
    "precision": 0.60,
    "category_recall": 0.90,
    "sentiment_macro_f1": 0.80,
    "theme_micro_f1": 0.80,
}
Analyse = Callable[[str, str], CommentAnalysis]


@dataclass
class Tally:
    """True positives, false positives and false negatives of one label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        self.tp += predicted and actual
        self.fp += predicted and not actual
        self.fn += actual and not predicted

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def f1(self) -> float:
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else 1.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class Report:
    """The figures for one labelled set, with the misses and false alarms for reading."""

    size: int = 0
    flag: Tally = field(default_factory=Tally)
    categories: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    audiences: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    traps: int = 0
    trap_alarms: int = 0
    sentiment: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    themes: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    not_understood: int = 0
    misses: list[Labelled] = field(default_factory=list)
    alarms: list[Labelled] = field(default_factory=list)

    @property
    def sentiment_macro_f1(self) -> float:
        return sum(self.sentiment[s].f1 for s in SENTIMENTS) / len(SENTIMENTS)

    @property
    def theme_micro_f1(self) -> float:
        total = Tally()
        for tally in self.themes.values():
            total.tp += tally.tp
            total.fp += tally.fp
            total.fn += tally.fn
        return total.f1

    def failures(self) -> list[str]:
        """Each target missed, in words; empty when every target is met."""
        found = []
        if self.flag.recall < TARGETS["recall"]:
            found.append(f"disclosure recall {self.flag.recall:.3f} < {TARGETS['recall']}")
        if self.flag.precision < TARGETS["precision"]:
            found.append(f"precision {self.flag.precision:.3f} < {TARGETS['precision']}")
        for category, tally in sorted(self.categories.items()):
            if tally.support and tally.recall < TARGETS["category_recall"]:
                found.append(f"{category} recall {tally.recall:.3f} < 0.90")
        if self.sentiment_macro_f1 < TARGETS["sentiment_macro_f1"]:
            found.append(f"sentiment macro-F1 {self.sentiment_macro_f1:.3f} < 0.80")
        if self.theme_micro_f1 < TARGETS["theme_micro_f1"]:
            found.append(f"theme micro-F1 {self.theme_micro_f1:.3f} < 0.80")
        return found


def evaluate(records: Sequence[Labelled], analyse: Analyse = analyse_comment) -> Report:
    """Run `analyse` over every record and tally it against the labels."""
    report = Report(size=len(records))
    for record in records:
        _tally(report, record, analyse(record.text, record.audience))
    return report


def _tally(report: Report, record: Labelled, result: CommentAnalysis) -> None:
    report.not_understood += not result.understood
    if record.safeguarding is not None:
        report.flag.add(result.safeguarding, record.safeguarding)
        report.audiences[record.audience].add(result.safeguarding, record.safeguarding)
        for category in record.categories:
            report.categories[category].add(result.safeguarding, True)
        if record.safeguarding and not result.safeguarding:
            report.misses.append(record)
        if result.safeguarding and not record.safeguarding:
            report.alarms.append(record)
        report.traps += record.kind == "trap"
        report.trap_alarms += record.kind == "trap" and result.safeguarding
    if record.sentiment is not None:
        for label in SENTIMENTS:
            report.sentiment[label].add(result.sentiment == label, record.sentiment == label)
    if record.themes is not None:
        for theme in THEMES:
            report.themes[theme].add(theme in result.themes, theme in record.themes)


def describe(report: Report) -> str:
    """Every figure as plain-text tables."""
    f = report.flag
    lines = [
        f"comments: {report.size}; disclosures: {f.support}; traps: {report.traps}",
        f"disclosure recall {f.recall:.3f}, precision {f.precision:.3f} "
        f"({f.tp} found, {f.fn} missed, {f.fp} false alarms; "
        f"{report.trap_alarms} of {report.traps} traps flagged)",
        f"not understood (sent to a person to read): {report.not_understood}",
        "",
        _header("category", "recall", "found", "n"),
    ]
    for category in CATEGORIES:
        t = report.categories.get(category)
        if t and t.support:
            lines.append(f"{category:<24}{t.recall:>8.3f}{t.tp:>8}{t.support:>6}")
    lines += ["", _header("audience", "recall", "precision", "n")]
    for audience in AUDIENCES:
        t = report.audiences.get(audience)
        if t:
            lines.append(f"{audience:<24}{t.recall:>8.3f}{t.precision:>8.3f}{t.support:>6}")
    lines += ["", f"sentiment macro-F1 {report.sentiment_macro_f1:.3f}"]
    lines += [_header("sentiment", "precision", "recall", "F1", "n")]
    lines += [_row(s, report.sentiment[s]) for s in SENTIMENTS]
    lines += ["", f"theme micro-F1 {report.theme_micro_f1:.3f}"]
    lines += [_header("theme", "precision", "recall", "F1", "n")]
    lines += [_row(t, report.themes[t]) for t in THEMES if t in report.themes]
    return "\n".join(lines)


def kinds_of(records: Iterable[Labelled]) -> Counter:
    """How many records of each note kind ("trap: hyperbole") a list holds."""
    return Counter(r.note.split(",")[0].strip() or "(no note)" for r in records)


def _header(*names: str) -> str:
    return f"{names[0]:<24}" + "".join(f"{n:>8}" for n in names[1:-1]) + f"{names[-1]:>6}"


def _row(name: str, t: Tally) -> str:
    return f"{name:<24}{t.precision:>8.3f}{t.recall:>8.3f}{t.f1:>8.3f}{t.support:>6}"
