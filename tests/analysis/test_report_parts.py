"""Report building blocks: periods, deadlines, and figures that never leak a hidden number."""

from datetime import date

import pytest

from analysis.reports import Period, month_period
from analysis.reports.kpis import deadline_status


def test_the_previous_period_is_just_before_and_of_the_same_shape():
    """A half-year is compared with the half-year before it, a month with the month before,
    and any other span with as many days just before it."""
    period = Period(date(2026, 1, 1), date(2026, 6, 30))
    assert period.previous() == Period(date(2025, 7, 1), date(2025, 12, 31))
    assert period.label == "1 January 2026 to 30 June 2026"
    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert march.previous() == Period(date(2026, 2, 1), date(2026, 2, 28))
    week = Period(date(2026, 1, 5), date(2026, 1, 11))
    assert week.previous() == Period(date(2025, 12, 29), date(2026, 1, 4))


def test_a_month_is_its_calendar_days():
    """February 2028 has 29 days; December ends on the 31st."""
    assert month_period(2028, 2).end == date(2028, 2, 29)
    assert month_period(2026, 12) == Period(date(2026, 12, 1), date(2026, 12, 31))


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="cannot end"):
        Period(date(2026, 2, 1), date(2026, 1, 1))


@pytest.mark.parametrize(
    ("done", "today", "late", "status"),
    [
        (date(2026, 3, 20), date(2026, 4, 1), None, "on time"),
        (date(2026, 4, 2), date(2026, 4, 5), None, "late"),
        (None, date(2026, 4, 5), None, "overdue"),
        (None, date(2026, 3, 25), None, "not yet due"),
        (date(2026, 4, 4), date(2026, 4, 5), 0, "on time"),  # the schedule's own count wins
    ],
)
def test_deadline_status(done, today, late, status):
    """A report due on 1 April, judged on the day and, where known, by the schedule's count."""
    assert deadline_status(date(2026, 4, 1), done, today, late) == status
