"""Figures are written the British way."""

from datetime import date

from analysis import (
    format_count,
    format_day,
    format_interval,
    format_number,
    format_share,
    proportion,
)


def test_dates_in_words():
    """A date reads "1 March 2026"."""
    assert format_day(date(2026, 3, 1)) == "1 March 2026"


def test_numbers_and_percentages():
    """Thousands get commas; shares become whole percentages unless asked for decimals."""
    assert format_number(1234567) == "1,234,567"
    assert format_number(3.456, decimals=1) == "3.5"
    assert format_share(0.456) == "46%"
    assert format_share(0.4567, decimals=1) == "45.7%"
    assert format_count(12, 1250) == "12 of 1,250"


def test_interval():
    """A share is followed by its interval in words."""
    assert format_interval(proportion(8, 10)) == "80% (49% to 94%)"
