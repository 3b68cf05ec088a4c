"""Reg 44 visits: planning them, recording what happened, and where each report stands (§7.1)."""

from __future__ import annotations

import calendar
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from survey_app import audit
from survey_app.extensions import db
from survey_app.models import FINDING_KINDS, Home, Round, User, Visit, VisitFinding, user_home
from survey_app.schedule.deadlines import VisitDeadlines, visit_deadlines
from survey_app.schedule.wording import long_date

MAX_SERIES = 12  # a year of monthly visits planned at once
FINDING_MAX_LENGTH = 300


class VisitError(ValueError):
    """Why a visit cannot be planned or recorded, in words for the person trying."""


@dataclass(frozen=True)
class VisitRow:
    """A visit with where its report stands today (no deadlines before the visit has happened)."""

    visit: Visit
    deadlines: VisitDeadlines | None

    @property
    def overdue(self) -> bool:
        d = self.deadlines
        return d is not None and d.report_sent_on is None and (d.report_overdue or d.sent_overdue)

    @property
    def status(self) -> str:
        if self.deadlines is None:
            return "Planned"
        if self.visit.done_on is None and self.deadlines.report_completed_on is None:
            return "Not yet recorded as done. " + self.deadlines.status
        return self.deadlines.status


def row(visit: Visit, today: date) -> VisitRow:
    """The visit and its deadlines as of today."""
    if visit.visit_date > today and visit.done_on is None:
        return VisitRow(visit, None)
    # The report's clock starts on the day the visit happened, which may differ from the plan.
    happened = visit.done_on or visit.visit_date
    return VisitRow(
        visit,
        visit_deadlines(happened, visit.report_completed_on, visit.report_sent_on, today),
    )


def visitors_for(home: Home) -> list[User]:
    """Active Reg 44 visitor accounts assigned to the home, by name."""
    stmt = (
        select(User)
        .join(user_home, user_home.c.user_id == User.id)
        .where(user_home.c.home_id == home.id, User.role == "reg44_visitor", User.active)
        .order_by(User.name)
    )
    return list(db.session.execute(stmt).scalars())


def visits_of(home_ids: Collection[int], since: date | None = None) -> list[Visit]:
    """Visits at these homes, newest first (from `since`, if given)."""
    stmt = select(Visit).where(Visit.home_id.in_(home_ids)).order_by(Visit.visit_date.desc())
    if since is not None:
        stmt = stmt.where(Visit.visit_date >= since)
    return list(db.session.execute(stmt).scalars())


def upcoming(home_ids: Collection[int], today: date, limit: int = 10) -> list[Visit]:
    """The next visits at these homes, soonest first."""
    stmt = (
        select(Visit)
        .where(Visit.home_id.in_(home_ids), Visit.visit_date >= today, Visit.done_on.is_(None))
        .order_by(Visit.visit_date, Visit.home_id)
        .limit(limit)
    )
    return list(db.session.execute(stmt).scalars())


def overdue(home_ids: Collection[int], today: date) -> list[VisitRow]:
    """Visits whose report is late being completed or sent, oldest first."""
    stmt = (
        select(Visit)
        .where(Visit.home_id.in_(home_ids), Visit.visit_date <= today)
        .where(Visit.report_sent_on.is_(None))
        .order_by(Visit.visit_date, Visit.home_id)
    )
    rows = (row(visit, today) for visit in db.session.execute(stmt).scalars())
    return [found for found in rows if found.overdue]


def plan(
    home: Home, first: date, visitor_id: int | None, count: int, actor: User, today: date
) -> list[Visit]:
    """Plan `count` monthly visits from `first`, on the same day of each month where it can be."""
    if not 1 <= count <= MAX_SERIES:
        raise VisitError(f"Plan between 1 and {MAX_SERIES} visits at a time.")
    if first < today - timedelta(days=366):
        raise VisitError("That date is more than a year ago; check the year.")
    visitor = _visitor(home, visitor_id)
    days = [_months_after(first, n) for n in range(count)]
    taken = _taken_days(home, days)
    if taken:
        raise VisitError(f"{home.name} already has a visit on {long_date(taken[0])}.")
    visits = [_new_visit(home, day, visitor) for day in days]
    db.session.flush()
    audit.record(
        "visit.planned",
        actor,
        target=("visit", visits[0].id),
        home_id=home.id,
        dates=[day.isoformat() for day in days],
        visitor=visitor.email if visitor else None,
    )
    db.session.commit()
    return visits


def change_plan(visit: Visit, day: date, visitor_id: int | None, actor: User) -> None:
    """Move a planned visit or change its visitor; its date is fixed once its rounds have opened."""
    if visit.done_on is not None:
        raise VisitError("This visit is recorded as done; its plan can no longer change.")
    if day != visit.visit_date and _has_rounds(visit):
        raise VisitError(
            "Survey rounds have already opened before this visit, closing the day before "
            f"{long_date(visit.visit_date)}; keep the date, or plan a new visit."
        )
    if day != visit.visit_date and _taken_days(visit.home, [day]):
        raise VisitError(f"{visit.home.name} already has a visit on {long_date(day)}.")
    visitor = _visitor(visit.home, visitor_id)
    before = {"date": visit.visit_date.isoformat(), "visitor": visit.visitor_name}
    visit.visit_date, visit.visitor = day, visitor
    visit.visitor_name = visitor.name if visitor else None
    audit.record(
        "visit.replanned",
        actor,
        target=("visit", visit.id),
        home_id=visit.home_id,
        before=before,
        after={"date": day.isoformat(), "visitor": visit.visitor_name},
    )
    db.session.commit()


def cancel(visit: Visit, actor: User) -> None:
    """Remove a planned visit that has not happened and has no rounds."""
    if visit.done_on is not None or visit.findings:
        raise VisitError("This visit is recorded as done, so it cannot be cancelled.")
    if _has_rounds(visit):
        raise VisitError(
            "Survey rounds have already opened before this visit; it cannot be "
            "cancelled, but its date can stay and its report be recorded."
        )
    audit.record(
        "visit.cancelled",
        actor,
        target=("visit", visit.id),
        home_id=visit.home_id,
        date=visit.visit_date.isoformat(),
    )
    db.session.delete(visit)
    db.session.commit()


def record_outcome(
    visit: Visit,
    done: date | None,
    completed: date | None,
    sent: date | None,
    actor: User,
    today: date,
) -> None:
    """Record the day the visit was done, and the days its report was completed and sent."""
    _check_order(visit, done, completed, sent, today)
    before = _outcome_facts(visit)
    visit.done_on, visit.report_completed_on, visit.report_sent_on = done, completed, sent
    audit.record(
        "visit.recorded",
        actor,
        target=("visit", visit.id),
        home_id=visit.home_id,
        before=before,
        after=_outcome_facts(visit),
    )
    db.session.commit()


def add_finding(visit: Visit, kind: str, text: str, actor: User, today: date) -> VisitFinding:
    """A particularly good or adverse finding, once the visit has happened."""
    text = " ".join(text.split())
    if kind not in FINDING_KINDS:
        raise VisitError("Choose whether the finding is good or adverse.")
    if not text or len(text) > FINDING_MAX_LENGTH:
        raise VisitError(f"Write the finding in 1 to {FINDING_MAX_LENGTH} characters.")
    if visit.visit_date > today:
        raise VisitError("Findings can be added once the visit has happened.")
    finding = VisitFinding(visit=visit, kind=kind, text=text, recorded_by_id=actor.id)
    db.session.add(finding)
    db.session.flush()
    audit.record(
        "visit.finding_added",
        actor,
        target=("visit", visit.id),
        home_id=visit.home_id,
        finding=finding.id,
        kind=kind,
    )
    db.session.commit()
    return finding


def _check_order(
    visit: Visit, done: date | None, completed: date | None, sent: date | None, today: date
) -> None:
    """Refuse dates in the future or in an impossible order, naming the one that is wrong."""
    named = (("The visit", done), ("The report's completion", completed), ("Sending", sent))
    for what, day in named:
        if day is not None and day > today:
            raise VisitError(
                f"{what} cannot be recorded for a day still to come ({long_date(day)})."
            )
        if day is not None and day < visit.visit_date:
            raise VisitError(
                f"{what} cannot be before the visit's planned date ({long_date(visit.visit_date)})."
            )
    if completed is not None and done is None:
        raise VisitError("Record the day of the visit before its report.")
    if completed is not None and done is not None and completed < done:
        raise VisitError("A report cannot be completed before the visit was done.")
    if sent is not None and (completed is None or sent < completed):
        raise VisitError("A report is sent after it is completed: record its completion date too.")


def _outcome_facts(visit: Visit) -> dict:
    return {
        key: value.isoformat() if value else None
        for key, value in (
            ("done_on", visit.done_on),
            ("report_completed_on", visit.report_completed_on),
            ("report_sent_on", visit.report_sent_on),
        )
    }


def _visitor(home: Home, visitor_id: int | None) -> User | None:
    if not visitor_id:
        return None
    found = next((u for u in visitors_for(home) if u.id == visitor_id), None)
    if found is None:
        raise VisitError(f"Choose a Reg 44 visitor who covers {home.name}.")
    return found


def _new_visit(home: Home, day: date, visitor: User | None) -> Visit:
    visit = Visit(
        home=home, visit_date=day, visitor=visitor, visitor_name=visitor.name if visitor else None
    )
    db.session.add(visit)
    return visit


def _taken_days(home: Home, days: list[date]) -> list[date]:
    stmt = select(Visit.visit_date).where(Visit.home_id == home.id, Visit.visit_date.in_(days))
    return sorted(db.session.execute(stmt).scalars())


def _has_rounds(visit: Visit) -> bool:
    stmt = select(func.count(Round.id)).where(Round.visit_id == visit.id)
    return bool(db.session.execute(stmt).scalar())


def _months_after(first: date, months: int) -> date:
    """The same day `months` later, or that month's last day when it is shorter."""
    year, month0 = divmod(first.month - 1 + months, 12)
    year += first.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(first.day, last))
