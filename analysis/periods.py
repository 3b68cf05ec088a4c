"""Reporting periods: the six-monthly voice report covers a half year, labelled "2026-H1".

Reports default to the last complete half year and compare it with the half year before, as
the framework's six-monthly cycle does (§8.3–8.4).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_HALF = re.compile(r"^(\d{4})-H([12])$")
# The QPAG report carries the six-monthly voice sections (§8.3–8.4) in the month after each
# half year ends: January (for July to December) and July (for January to June).
SIX_MONTHLY_MONTHS = (1, 7)


def half_year(moment: date | datetime) -> str:
    """The half year a date falls in, e.g. "2026-H1" for January to June 2026."""
    return f"{moment.year}-H{1 if moment.month <= 6 else 2}"


def previous_half_year(period: str) -> str:
    """The half year before ``period``: "2026-H1" -> "2025-H2"."""
    year, half = _parse(period)
    return f"{year}-H1" if half == 2 else f"{year - 1}-H2"


def last_complete_half_year(today: date) -> str:
    """The latest half year that has ended by ``today``: on 4 December 2026, "2026-H1"."""
    return previous_half_year(half_year(today))


def previous_span(start: date, end: date) -> tuple[date, date]:
    """The span just before ``start``..``end``, of the same shape.

    Whole calendar months are compared with as many whole months before (a half year with the
    half year before it, a month with the month before); any other span with as many days.
    """
    before_end = start - timedelta(days=1)
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return before_end - (end - start), before_end
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    first = start.year * 12 + start.month - 1 - months
    return date(first // 12, first % 12 + 1, 1), before_end


def half_year_bounds(period: str) -> tuple[date, date]:
    """First and last day of a half year."""
    year, half = _parse(period)
    if half == 1:
        return date(year, 1, 1), date(year, 6, 30)
    return date(year, 7, 1), date(year, 12, 31)


def _parse(period: str) -> tuple[int, int]:
    match = _HALF.match(period)
    if match is None:
        raise ValueError(f"not a half-year period like '2026-H1': {period!r}")
    return int(match.group(1)), int(match.group(2))
