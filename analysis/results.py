"""What aggregation returns: frozen results a report can render without further arithmetic."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from analysis.stats import Proportion
from analysis.trend import Trend

QUESTION = "question"
THEME = "theme"
HOME = "home"
LEVELS = (HOME, THEME, QUESTION)


@dataclass(frozen=True)
class ValueShare:
    """One answer value of a question: how many respondents gave it and their share."""

    value: str
    respondents: int
    share: float
    score: int | None


@dataclass(frozen=True)
class Figures:
    """The numbers for one group in one period.

    For a question, ``share_positive`` counts respondents; for a theme or a home it pools
    answers (respondent-question pairs), so its interval treats answers as independent.
    ``share_negative`` has the same denominator; positive and negative answers are those the
    question banks declare for each scale, and an answer in neither counts only in the total.
    """

    respondents: int
    share_positive: Proportion | None
    mean: float | None
    distribution: tuple[ValueShare, ...]
    share_negative: Proportion | None = None


@dataclass(frozen=True)
class Result:
    """One group (a question, a theme or a home; ``home`` None means all homes).

    When ``suppressed`` gives a reason, ``figures`` and ``previous`` are None: no number at all.
    """

    level: str
    audience: str
    home: str | None
    theme: str | None
    question_id: str | None
    kind: str | None
    figures: Figures | None
    previous: Figures | None
    trend: Trend
    suppressed: str | None


@dataclass(frozen=True)
class Summary:
    """Every result for one period, compared with the period before."""

    period: str
    previous_period: str
    threshold: int
    results: tuple[Result, ...]

    def select(self, level: str, audience: str, **keys: str | None) -> tuple[Result, ...]:
        """Results at a level for an audience, filtered by home, theme or question_id."""
        return tuple(
            result
            for result in self.results
            if result.level == level
            and result.audience == audience
            and all(getattr(result, name) == value for name, value in keys.items())
        )

    def get(self, level: str, audience: str, **keys: str | None) -> Result | None:
        """The one result matching level, audience and keys (home None = all homes)."""
        keys.setdefault("home", None)
        if set(keys) == _KEYS[level]:
            return self._index.get(_key(level, audience, keys))
        found = self.select(level, audience, **keys)
        return found[0] if len(found) == 1 else None

    @cached_property
    def _index(self) -> dict[tuple, Result]:
        """Results by their full key, so a report's many look-ups stay cheap."""
        return {_key(r.level, r.audience, vars(r)): r for r in self.results}


_KEYS = {
    HOME: {"home"},
    THEME: {"home", "theme"},
    QUESTION: {"home", "theme", "question_id"},
}


def _key(level: str, audience: str, keys) -> tuple:
    return (level, audience, keys.get("home"), keys.get("theme"), keys.get("question_id"))
