"""Reporting periods: the six-monthly voice report covers a half year, labelled "2026-H1"."""

from __future__ import annotations

import re
from datetime import date, datetime

_HALF = re.compile(r"^(\d{4})-H([12])$")


def half_year(moment: date | datetime) -> str:
    """The half year a date falls in, e.g. "2026-H1" for January to June 2026."""
    return f"{moment.year}-H{1 if moment.month <= 6 else 2}"


def previous_half_year(period: str) -> str:
    """The half year before ``period``: "2026-H1" -> "2025-H2"."""
    year, half = _parse(period)
    return f"{year}-H1" if half == 2 else f"{year - 1}-H2"


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
