"""The one place that knows what time it is, in UTC and on the council's calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """Today's date in England, which decides whether a round is open."""
    return datetime.now(LONDON).date()
