"""What a report is built from, besides counts: periods, homes, visits and provider records.

Findings, actions, "you said, we did", safeguarding flags, thematic reviews, dip samples and
the QA schedule are kept by other parts of the service.  Each arrives as a ``Source``: either
the records the service holds, or ``not_recorded()`` where the service does not keep that
kind of record yet, which a report states plainly instead of showing an empty table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar

from analysis.formatting import format_day
from analysis.periods import previous_span

T = TypeVar("T")


@dataclass(frozen=True)
class Period:
    """A run of whole days, first and last included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"a period cannot end ({self.end}) before it starts ({self.start})")

    @property
    def key(self) -> str:
        """The label counts carry for this period, e.g. "2026-01-01..2026-06-30"."""
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """The period in words, e.g. "1 January 2026 to 30 June 2026"."""
        return f"{format_day(self.start)} to {format_day(self.end)}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period just before this one: as many whole months before, else as many days."""
        return Period(*previous_span(self.start, self.end))

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def month_period(year: int, month: int) -> Period:
    """A calendar month."""
    first = date(year, month, 1)
    next_first = date(year + month // 12, month % 12 + 1, 1)
    return Period(first, next_first - timedelta(days=1))


@dataclass(frozen=True)
class Source(Generic[T]):
    """Records from another part of the service; ``recorded`` False: it keeps none yet."""

    items: tuple[T, ...] = ()
    recorded: bool = True


def not_recorded() -> Source:
    """A source the service does not keep yet; the report says so instead of showing none."""
    return Source((), recorded=False)


@dataclass(frozen=True)
class HomeRecord:
    """A home as reports name it."""

    code: str
    name: str
    service: str = ""


@dataclass(frozen=True)
class VisitRecord:
    """A Regulation 44 visit and its report dates, with the deadlines the framework sets (§7.1)."""

    home: str
    visit_date: date
    done_on: date | None
    report_completed_on: date | None
    report_sent_on: date | None
    report_due: date
    sent_due: date
    # Days late by the schedule's rules (calendar days to complete, working days to send);
    # None where the app could not judge, and the report falls back to comparing dates.
    report_days_late: int | None = None
    sent_days_late: int | None = None


@dataclass(frozen=True)
class Finding:
    """A particularly good or adverse finding of a Reg 44 visit (§8.2)."""

    home: str
    visit_date: date
    kind: str  # "good" or "adverse"
    summary: str


@dataclass(frozen=True)
class ActionItem:
    """An action on the QPAG tracker (§8.7–8.8)."""

    reference: str
    home: str | None
    title: str
    due: date | None
    completed_on: date | None
    escalated: bool


@dataclass(frozen=True)
class YouSaidWeDid:
    """What an audience said and what was done about it (Regulation 7)."""

    home: str | None
    audience: str
    you_said: str
    we_did: str
    done_on: date | None


@dataclass(frozen=True)
class FlagRecord:
    """A possible safeguarding disclosure: only when it was raised and reviewed, no content."""

    home: str
    audience: str
    raised_at: datetime
    reviewed_at: datetime | None


@dataclass(frozen=True)
class ThematicReview:
    """A thematic review completed in the month (§7.1, §8.2)."""

    title: str
    completed_on: date
    summary: str


@dataclass(frozen=True)
class DipSample:
    """A dip sample requested or reported on (§8.5)."""

    area: str
    requested_on: date
    reported_on: date | None
    summary: str


@dataclass(frozen=True)
class ScheduledCheck:
    """One occurrence of a QA activity on the schedule: when it was due and when it was done."""

    activity: str
    home: str | None
    due: date
    done_on: date | None
