"""Numbers, percentages and dates as a British reader expects them (Babel, en-GB)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal, format_percent

from analysis.stats import Proportion

LOCALE = "en_GB"


def format_day(day: date) -> str:
    """A date in words, e.g. "1 March 2026"."""
    return _babel_date(day, format="d MMMM y", locale=LOCALE)


def format_number(value: float, decimals: int = 0) -> str:
    """A number with thousands separators, e.g. "1,234" or "3.5"."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def format_share(share: float, decimals: int = 0) -> str:
    """A share 0..1 as a percentage, e.g. 0.456 -> "46%"."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return format_percent(share, format=pattern, locale=LOCALE)


def format_interval(value: Proportion) -> str:
    """A share with its interval, e.g. "46% (38% to 54%)"."""
    low, high = format_share(value.low), format_share(value.high)
    return f"{format_share(value.share)} ({low} to {high})"


def format_count(positive: int, n: int) -> str:
    """A count out of a total, e.g. "12 of 1,250"."""
    return f"{format_number(positive)} of {format_number(n)}"
