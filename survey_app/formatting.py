"""Jinja filters for dates and numbers, formatted by Babel in the reader's locale."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel.numbers import format_decimal
from flask import Flask
from flask_babel import format_date, format_datetime, get_locale


def longdate(value: date | None) -> str:
    """The locale's long date: "5 March 2025" in en-GB, "5 tháng 3, 2025" in Vietnamese."""
    return format_date(value, "long") if value else ""


def shortdatetime(value: datetime | None) -> str:
    return format_datetime(value, "d MMM y, HH:mm") if value else ""


def number(value: int | float | None) -> str:
    """A number with the locale's separators: 1,234 in en-GB, 1.234 in Vietnamese."""
    return _decimal(value, str(get_locale())) if value is not None else ""


# Cached: a question page formats the same few numbers for every respondent, and Babel took a
# seventh of the page's time doing it again each time.
@lru_cache(maxsize=4096)
def _decimal(value: int | float, locale: str) -> str:
    return format_decimal(value, locale=locale)


def register_filters(app: Flask) -> None:
    app.add_template_filter(longdate)
    app.add_template_filter(shortdatetime)
    app.add_template_filter(number)
