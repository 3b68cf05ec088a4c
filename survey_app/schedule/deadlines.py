"""Working days in England and Wales, and the Regulation 44 visit report deadlines (§7.1)."""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

import holidays

from survey_app.schedule.wording import long_date, plural

# §7.1 counts working days "in England and Wales". The two nations share one set of bank
# holidays (Scotland and Northern Ireland are the ones that differ), and the holidays package
# lists Wales's days identically to England's, so the English calendar stands for both.
_BANK_HOLIDAY_REGION = "ENG"

REPORT_COMPLETION_DAYS = 14  # "report to be completed within 2 weeks": calendar days
SENT_WORKING_DAYS = 22  # "checked and sent to senior managers within 22 working days"

_ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    """Bank holidays in England and Wales in one year."""
    # Frozen per year: the package's own calendar grows as it is queried, which concurrent
    # requests should not share.
    return frozenset(holidays.country_holidays("GB", subdiv=_BANK_HOLIDAY_REGION, years=year))


def is_working_day(day: date) -> bool:
    """Whether the day is Monday to Friday and not a bank holiday in England and Wales."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, n: int) -> date:
    """The date n working days after start (before it if n < 0); start itself is not counted."""
    step = _ONE_DAY if n >= 0 else -_ONE_DAY
    day, remaining = start, abs(n)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(a: date, b: date) -> int:
    """Working days after a up to and including b; negative, from b to a's eve, if b < a."""
    # Counted as steps, like add_working_days, so working_days_between(a, add_working_days(a, n))
    # is n in both directions.
    if b < a:
        return -sum(is_working_day(b + timedelta(days=k)) for k in range((a - b).days))
    return sum(is_working_day(a + timedelta(days=k)) for k in range(1, (b - a).days + 1))


def working_day_on_or_before(day: date) -> date:
    """The day itself if it is a working day, else the last working day before it."""
    while not is_working_day(day):
        day -= _ONE_DAY
    return day


def working_day_on_or_after(day: date) -> date:
    """The day itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += _ONE_DAY
    return day


def last_working_day_of_month(year: int, month: int) -> date:
    """The last working day of the month."""
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return working_day_on_or_before(first_of_next - _ONE_DAY)


def report_due(visit: date) -> date:
    """The date a Reg 44 visit report must be completed by: two weeks after the visit."""
    # §7.1 gives this one in weeks, so it is calendar time, unlike the working-day send deadline.
    return visit + timedelta(days=REPORT_COMPLETION_DAYS)


def sent_due(visit: date) -> date:
    """The date a Reg 44 report must be checked and sent to senior managers by."""
    return add_working_days(visit, SENT_WORKING_DAYS)


@dataclass(frozen=True)
class VisitDeadlines:
    """Where one Reg 44 visit's report stands against its two §7.1 deadlines."""

    visit_date: date
    report_completed_on: date | None
    report_sent_on: date | None
    report_due: date
    sent_due: date
    report_overdue: bool
    sent_overdue: bool
    report_days_late: int  # calendar days, as the completion deadline is in weeks
    sent_days_late: int  # working days, as the send deadline is in working days
    status: str


def visit_deadlines(
    visit_date: date, report_completed_on: date | None, report_sent_on: date | None, today: date
) -> VisitDeadlines:
    """Both deadlines of a Reg 44 visit, whether each is missed, by how much, and a status."""
    report_late, sent_late = _lateness(visit_date, report_completed_on, report_sent_on, today)
    deadlines = VisitDeadlines(
        visit_date=visit_date,
        report_completed_on=report_completed_on,
        report_sent_on=report_sent_on,
        report_due=report_due(visit_date),
        sent_due=sent_due(visit_date),
        report_overdue=report_late > 0,
        sent_overdue=sent_late > 0,
        report_days_late=report_late,
        sent_days_late=sent_late,
        status="",
    )
    return replace(deadlines, status=_status(deadlines))


def _lateness(
    visit: date, completed: date | None, sent: date | None, today: date
) -> tuple[int, int]:
    """Calendar days the report is late, and working days the sending is late (0 if on time)."""
    completed = _effective_completion(visit, completed, sent)
    report_late = max(0, ((completed or today) - report_due(visit)).days)
    # A send on a weekend or bank holiday counts as the next working day, so any day past the
    # deadline is at least one working day late.
    sent_or_now = working_day_on_or_after(sent or today)
    return report_late, max(0, working_days_between(sent_due(visit), sent_or_now))


def _effective_completion(visit: date, completed: date | None, sent: date | None) -> date | None:
    """The completion date to judge lateness by, refusing dates in an impossible order."""
    if completed is not None and completed < visit:
        raise ValueError(f"A report cannot be completed ({completed}) before its visit ({visit}).")
    if completed is not None and sent is not None and sent < completed:
        raise ValueError(f"A report cannot be sent ({sent}) before it is completed ({completed}).")
    # A report sent with no completion date recorded was complete by the day it was sent at latest.
    return completed if completed is not None else sent


def _status(d: VisitDeadlines) -> str:
    """A short plain status for staff, the most pressing fact first."""
    sent_late = plural(d.sent_days_late, "working day")
    if d.report_sent_on is not None:
        return f"Sent {sent_late} late" if d.sent_overdue else "Sent on time"
    if d.sent_overdue:
        return f"Not sent: {sent_late} overdue"
    if d.report_completed_on is not None:
        return f"Report completed; send by {long_date(d.sent_due)}"
    if d.report_overdue:
        late = plural(d.report_days_late, "day")
        return f"Report {late} overdue (was due {long_date(d.report_due)})"
    return f"Report due by {long_date(d.report_due)}"
