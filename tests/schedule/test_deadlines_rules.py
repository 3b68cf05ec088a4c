"""Working days in England and Wales, and the Reg 44 report deadlines built on them (§7.1)."""

from dataclasses import FrozenInstanceError
from datetime import date, timedelta

import holidays
import pytest

from survey_app.schedule.deadlines import (
    add_working_days,
    is_working_day,
    last_working_day_of_month,
    report_due,
    sent_due,
    visit_deadlines,
    working_day_on_or_after,
    working_day_on_or_before,
    working_days_between,
)

CHRISTMAS_VISIT = date(2026, 12, 15)  # a Tuesday; the 22 working days cross Christmas and New Year


def test_bank_holidays_and_weekends_are_not_working_days():
    """Christmas, Boxing Day (observed), New Year's Day and weekends never count as working days."""
    for day in (date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1), date(2026, 12, 19)):
        assert not is_working_day(day)
    assert is_working_day(date(2026, 12, 24))
    assert is_working_day(date(2026, 12, 29))


def test_wales_has_the_same_bank_holidays_as_england():
    """The English calendar is right for Welsh dates too, as the module's comment claims."""
    for year in range(2024, 2032):
        england = holidays.country_holidays("GB", subdiv="ENG", years=year)
        wales = holidays.country_holidays("GB", subdiv="WLS", years=year)
        assert set(england) == set(wales)


def test_sending_deadline_moves_past_christmas_and_new_year():
    """A visit on 15 December 2026 must be sent by 19 January 2027, three bank holidays later."""
    assert sent_due(CHRISTMAS_VISIT) == date(2027, 1, 19)
    # Counting weekends only would give 14 January: the three bank holidays add three days.
    weekdays = [CHRISTMAS_VISIT + timedelta(days=k) for k in range(1, 40)]
    assert [d for d in weekdays if d.weekday() < 5][21] == date(2027, 1, 14)


def test_report_completion_deadline_is_two_calendar_weeks_even_over_christmas():
    """The report itself is due 14 calendar days after the visit, bank holidays or not."""
    assert report_due(CHRISTMAS_VISIT) == date(2026, 12, 29)


def test_sending_deadline_skips_easter():
    """A visit on 10 March 2027 must be sent by 13 April, after Good Friday and Easter Monday."""
    assert sent_due(date(2027, 3, 10)) == date(2027, 4, 13)


def test_sending_deadline_skips_the_late_may_bank_holiday():
    """A visit on 10 May 2027 must be sent by 10 June, after the 31 May bank holiday."""
    assert sent_due(date(2027, 5, 10)) == date(2027, 6, 10)


def test_adding_working_days_skips_weekends_and_bank_holidays():
    """One working day after Christmas Eve 2026 is 29 December; after a Friday, the Monday."""
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert add_working_days(date(2026, 7, 3), 1) == date(2026, 7, 6)


def test_adding_zero_or_negative_working_days():
    """Zero working days leaves the date alone; a negative count goes back over holidays."""
    assert add_working_days(date(2026, 12, 26), 0) == date(2026, 12, 26)
    assert add_working_days(date(2026, 12, 29), -1) == date(2026, 12, 24)


def test_working_days_between_counts_after_the_first_date_up_to_the_second():
    """From Christmas Eve 2026 to 4 January 2027 is 4 working days: 29, 30, 31 Dec and 4 Jan."""
    assert working_days_between(date(2026, 12, 24), date(2027, 1, 4)) == 4
    assert working_days_between(date(2027, 1, 4), date(2026, 12, 24)) == -4
    assert working_days_between(date(2026, 12, 24), date(2026, 12, 24)) == 0


@pytest.mark.parametrize("n", [1, 5, 22, -3])
def test_counting_and_adding_working_days_agree_every_day_of_two_years(n):
    """Adding n working days and counting them back always gives n, whatever the start date."""
    for k in range(730):
        start = date(2026, 1, 1) + timedelta(days=k)
        assert working_days_between(start, add_working_days(start, n)) == n


def test_working_day_neighbours_of_a_bank_holiday_weekend():
    """Around Christmas 2026 the nearest working days are 24 December and 29 December."""
    assert working_day_on_or_before(date(2026, 12, 28)) == date(2026, 12, 24)
    assert working_day_on_or_after(date(2026, 12, 25)) == date(2026, 12, 29)
    assert working_day_on_or_after(date(2026, 12, 29)) == date(2026, 12, 29)


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2026, 8, date(2026, 8, 28)),  # 31 August is the late summer bank holiday
        (2026, 5, date(2026, 5, 29)),  # 31 May is a Sunday
        (2027, 12, date(2027, 12, 31)),  # a Friday, after the observed Christmas holidays
        (2026, 12, date(2026, 12, 31)),
    ],
)
def test_last_working_day_of_month(year, month, expected):
    """Monthly tasks fall on the month's last working day, never a weekend or bank holiday."""
    assert last_working_day_of_month(year, month) == expected


def test_visit_with_report_done_and_sent_on_time():
    """A report completed and sent within the deadlines shows 'Sent on time' and nothing late."""
    d = visit_deadlines(CHRISTMAS_VISIT, date(2026, 12, 22), date(2027, 1, 12), date(2027, 2, 1))
    assert (d.report_due, d.sent_due) == (date(2026, 12, 29), date(2027, 1, 19))
    assert not d.report_overdue and not d.sent_overdue
    assert (d.report_days_late, d.sent_days_late) == (0, 0)
    assert d.status == "Sent on time"


def test_visit_report_not_yet_due():
    """Before the report deadline, staff see when it is due."""
    d = visit_deadlines(CHRISTMAS_VISIT, None, None, date(2026, 12, 29))
    assert not d.report_overdue
    assert d.status == "Report due by 29 December 2026"


def test_visit_report_overdue_counts_calendar_days():
    """An unwritten report is overdue the day after its due date, by calendar days."""
    d = visit_deadlines(CHRISTMAS_VISIT, None, None, date(2027, 1, 2))
    assert d.report_overdue and d.report_days_late == 4
    assert not d.sent_overdue
    assert d.status == "Report 4 days overdue (was due 29 December 2026)"


def test_visit_report_completed_awaiting_sending():
    """A completed report shows the date it must be sent by."""
    d = visit_deadlines(CHRISTMAS_VISIT, date(2026, 12, 23), None, date(2027, 1, 19))
    assert not d.sent_overdue
    assert d.status == "Report completed; send by 19 January 2027"


def test_visit_not_sent_after_deadline_counts_working_days():
    """A report still unsent two working days after the deadline is 2 working days overdue."""
    d = visit_deadlines(CHRISTMAS_VISIT, date(2026, 12, 23), None, date(2027, 1, 21))
    assert d.sent_overdue and d.sent_days_late == 2
    assert d.status == "Not sent: 2 working days overdue"


def test_visit_done_late_is_overdue_even_after_it_is_sent():
    """A report completed and sent late stays marked late, in days and working days."""
    d = visit_deadlines(CHRISTMAS_VISIT, date(2027, 1, 5), date(2027, 1, 21), date(2027, 3, 1))
    assert d.report_overdue and d.report_days_late == 7
    assert d.sent_overdue and d.sent_days_late == 2
    assert d.status == "Sent 2 working days late"


def test_sending_on_the_weekend_after_a_friday_deadline_is_one_working_day_late():
    """Missing a Friday deadline by a Saturday still counts as late: one working day."""
    visit = date(2027, 3, 1)
    assert sent_due(visit) == date(2027, 4, 2)  # a Friday
    d = visit_deadlines(visit, date(2027, 3, 10), date(2027, 4, 3), date(2027, 4, 5))
    assert d.sent_overdue and d.sent_days_late == 1


def test_sending_on_the_deadline_day_is_on_time():
    """Sent on the due date itself is on time."""
    d = visit_deadlines(CHRISTMAS_VISIT, date(2026, 12, 29), date(2027, 1, 19), date(2027, 1, 19))
    assert not d.report_overdue and not d.sent_overdue


def test_report_sent_without_a_completion_date_is_judged_complete_when_sent():
    """If only the sending date is recorded, the report counts as completed that day."""
    d = visit_deadlines(CHRISTMAS_VISIT, None, date(2027, 1, 4), date(2027, 1, 30))
    assert d.report_overdue and d.report_days_late == 6
    assert not d.sent_overdue
    assert d.report_completed_on is None  # the record is shown as entered, not as inferred


@pytest.mark.parametrize(
    ("completed", "sent", "message"),
    [
        (date(2026, 12, 14), None, "before its visit"),
        (date(2026, 12, 20), date(2026, 12, 18), "before it is completed"),
    ],
)
def test_impossible_report_dates_are_refused(completed, sent, message):
    """Dates in an impossible order are refused with a plain explanation."""
    with pytest.raises(ValueError, match=message):
        visit_deadlines(CHRISTMAS_VISIT, completed, sent, date(2027, 1, 30))


def test_visit_deadlines_cannot_be_changed_after_they_are_worked_out():
    """The result is frozen, so a page cannot alter a deadline by accident."""
    d = visit_deadlines(CHRISTMAS_VISIT, None, None, date(2026, 12, 16))
    with pytest.raises(FrozenInstanceError):
        d.sent_due = date(2030, 1, 1)  # type: ignore[misc]
