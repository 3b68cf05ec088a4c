"""How a figure reads in a report: the number, or why it is not shown (never the number)."""

from __future__ import annotations

from collections.abc import Mapping

from analysis.formatting import format_count, format_interval, format_number, format_share
from analysis.results import Result
from analysis.suppression import SECONDARY
from analysis.trend import Trend

NO_ANSWERS = "no answers"
NOT_APPLICABLE = "–"
TREND_WORDS = {
    Trend.UP: "up",
    Trend.DOWN: "down",
    Trend.SAME: "no clear change",
    Trend.NOT_COMPARABLE: "not comparable",
}


def hidden_text(reason: str | None, threshold: int) -> str:
    """The words shown instead of a suppressed figure."""
    if reason == SECONDARY:
        return f"not shown – would reveal a group of fewer than {threshold}"
    return f"fewer than {threshold} – not shown"


def is_hidden(result: Result | None) -> bool:
    """Whether a result is suppressed."""
    return result is not None and result.suppressed is not None


def respondents_text(result: Result | None, threshold: int) -> str:
    """How many responded, or why that is not shown."""
    if result is None:
        return NO_ANSWERS
    if result.figures is None:
        return hidden_text(result.suppressed, threshold)
    return format_number(result.figures.respondents)


def share_text(result: Result | None, threshold: int) -> str:
    """The share positive with its 95% interval, or why it is not shown."""
    if result is None:
        return NO_ANSWERS
    if result.figures is None:
        return hidden_text(result.suppressed, threshold)
    share = result.figures.share_positive
    return format_interval(share) if share else NOT_APPLICABLE


def pooled_text(result: Result | None, threshold: int) -> str:
    """A pooled share with its interval and what it pools, e.g. "69% (59% to 77%), 64 of 93
    answers", so a reader can add up the per-question figures beside it."""
    text = share_text(result, threshold)
    share = result.figures.share_positive if result and result.figures else None
    return f"{text}, {format_count(share.positive, share.n)} answers" if share else text


def mean_text(result: Result | None, threshold: int) -> str:
    """The mean score of a scale question, or why it is not shown."""
    if result is None:
        return NO_ANSWERS
    if result.figures is None:
        return hidden_text(result.suppressed, threshold)
    mean = result.figures.mean
    return format_number(mean, 1) if mean is not None else NOT_APPLICABLE


def distribution_text(result: Result | None, labels: Mapping[str, str], threshold: int) -> str:
    """Each answer's share, lowest first, e.g. "Never 10%, Sometimes 30%, Always 60%"."""
    if result is None:
        return NO_ANSWERS
    if result.figures is None:
        return hidden_text(result.suppressed, threshold)
    parts = (
        f"{labels.get(v.value, v.value)} {format_share(v.share)}"
        for v in result.figures.distribution
    )
    return ", ".join(parts) or NO_ANSWERS


def trend_text(result: Result | None) -> str:
    """Whether the share positive went up or down since the previous period."""
    if result is None or result.figures is None:
        return NOT_APPLICABLE
    return TREND_WORDS[result.trend]


def previous_share_text(result: Result | None, threshold: int) -> str:
    """The previous period's share positive, where it was shown."""
    if result is None or result.figures is None:
        return NOT_APPLICABLE
    share = result.previous.share_positive if result.previous else None
    return format_interval(share) if share else "not available"
