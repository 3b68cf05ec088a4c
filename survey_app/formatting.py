"""Jinja filters for dates and numbers, formatted by Babel in the reader's locale."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from flask_babel import format_date, format_datetime


def longdate(value: date | None) -> str:
    return format_date(value, "d MMMM y") if value else ""


def shortdatetime(value: datetime | None) -> str:
    return format_datetime(value, "d MMM y, HH:mm") if value else ""


def register_filters(app: Flask) -> None:
    app.add_template_filter(longdate)
    app.add_template_filter(shortdatetime)
