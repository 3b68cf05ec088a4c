"""Whether a share went up or down since the previous period, judged by its interval."""

from __future__ import annotations

from enum import StrEnum

from analysis.stats import Proportion, difference_interval


class Trend(StrEnum):
    """Direction of change in a share positive between two periods."""

    UP = "up"
    DOWN = "down"
    SAME = "same"
    NOT_COMPARABLE = "not comparable"


def compare(now: Proportion | None, before: Proportion | None) -> Trend:
    """Up or down only when the 95% interval of the difference excludes zero."""
    if now is None or before is None:
        return Trend.NOT_COMPARABLE
    low, high = difference_interval(now, before)
    if low > 0:
        return Trend.UP
    if high < 0:
        return Trend.DOWN
    return Trend.SAME
