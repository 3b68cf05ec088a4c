"""The core QA schedule (§7.1) as stored occurrences: generated ahead, done, added by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select

from survey_app import audit
from survey_app.extensions import db
from survey_app.models import Home, QaOccurrence, Service, User
from survey_app.schedule.activities import (
    Activity,
    Scope,
    default_activities,
    get_activity,
)
from survey_app.schedule.wording import long_date

# Planned in their own right rather than as QA items: Reg 44 visits as visits with their report
# deadlines, and the feedback before each visit as the survey rounds the tick opens.
PLANNED_ELSEWHERE = ("reg44_visit", "young_peoples_feedback", "professional_feedback")
TEXT_MAX = 2000
STATUSES = ("open", "overdue", "due", "done")


class QaError(ValueError):
    """Why a QA item cannot be added or marked done, in words for the person trying."""


Place = Home | Service


def scope_key(place: Place) -> str:
    return f"home:{place.id}" if isinstance(place, Home) else f"service:{place.id}"


def place_label(occurrence: QaOccurrence) -> str:
    if occurrence.home is not None:
        return f"{occurrence.home.name} ({occurrence.home.code})"
    return f"{occurrence.service.name} (service-wide)" if occurrence.service else "service-wide"


def activity_of(occurrence: QaOccurrence) -> Activity | None:
    """The occurrence's activity, or None if the activities file no longer has it."""
    try:
        return get_activity(occurrence.activity_id)
    except KeyError:
        return None


def status_of(occurrence: QaOccurrence, today: date) -> str:
    if occurrence.done_on is not None:
        return "done"
    return "overdue" if occurrence.due_on < today else "due"


def addable_activities() -> list[Activity]:
    """Activities that can be added by hand: the ad hoc ones, and extra dates of the others."""
    return [a for a in default_activities() if a.id not in PLANNED_ELSEWHERE]


def withdrawable(found: QaOccurrence) -> bool:
    """Generated and not done: a date the schedule may take back if it is no longer due."""
    return found.added_by_id is None and found.done_on is None


def new_occurrence(activity: Activity, place: Place, day: date, **extra) -> QaOccurrence:
    return QaOccurrence(
        activity_id=activity.id,
        home_id=place.id if isinstance(place, Home) else None,
        service_id=place.id if isinstance(place, Service) else None,
        scope_key=scope_key(place),
        due_on=day,
        **extra,
    )


def place_name(place: Place) -> str:
    return f"{place.name} ({place.code})" if isinstance(place, Home) else f"{place.name} service"


# --- Lists --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    """What a list of occurrences is narrowed to; None matches everything in scope."""

    home_id: int | None = None
    service_id: int | None = None
    status: str = "open"
    until: date | None = None


def listed(home_ids: set[int], service_ids: set[int], criteria: Filter, today: date):
    """Occurrences in scope matching the filter, soonest first (done ones newest first)."""
    in_scope = or_(QaOccurrence.home_id.in_(home_ids), QaOccurrence.service_id.in_(service_ids))
    stmt = select(QaOccurrence).where(in_scope)
    if criteria.home_id is not None:
        stmt = stmt.where(QaOccurrence.home_id == criteria.home_id)
    if criteria.service_id is not None:
        of_service = select(Home.id).where(Home.service_id == criteria.service_id)
        stmt = stmt.where(
            or_(
                QaOccurrence.service_id == criteria.service_id, QaOccurrence.home_id.in_(of_service)
            )
        )
    stmt = _status_clause(stmt, criteria.status, today)
    if criteria.until is not None:
        stmt = stmt.where(QaOccurrence.due_on <= criteria.until)
    return list(db.session.execute(stmt).scalars())


def _status_clause(stmt, status: str, today: date):
    undone = QaOccurrence.done_on.is_(None)
    if status == "done":
        recent = QaOccurrence.done_on >= today - timedelta(days=366)
        return stmt.where(QaOccurrence.done_on.is_not(None), recent).order_by(
            QaOccurrence.done_on.desc(), QaOccurrence.id
        )
    if status == "overdue":
        stmt = stmt.where(undone, QaOccurrence.due_on < today)
    elif status == "due":
        stmt = stmt.where(undone, QaOccurrence.due_on >= today)
    else:
        stmt = stmt.where(undone)
    return stmt.order_by(QaOccurrence.due_on, QaOccurrence.activity_id, QaOccurrence.id)


# --- Changes by staff ---------------------------------------------------------------------------


def complete(
    found: QaOccurrence, done: date, outcome: str, exception: str | None, actor: User, today: date
) -> None:
    """Mark an occurrence done on a day, with its outcome and any exception (or correct them)."""
    if done > today:
        raise QaError(f"It cannot be done on a day still to come ({long_date(done)}).")
    if done < found.due_on - timedelta(days=366):
        raise QaError("That date is more than a year before it was due; check the year.")
    outcome, exception = _text(outcome, "the outcome", required=True), _text(exception, "")
    before = {"done_on": found.done_on.isoformat() if found.done_on else None}
    found.done_on, found.outcome, found.exception, found.done_by = done, outcome, exception, actor
    audit.record(
        "qa.done",
        actor,
        target=("qa_occurrence", found.id),
        home_id=found.home_id,
        activity=found.activity_id,
        due=found.due_on.isoformat(),
        done=done.isoformat(),
        exception=bool(exception),
        before=before,
    )
    db.session.commit()


def add(activity_id: str, place: Place, due: date, note: str | None, actor: User, today: date):
    """Add an occurrence by hand: an ad hoc activity, or an extra date of a regular one."""
    activity = next((a for a in addable_activities() if a.id == activity_id), None)
    if activity is None:
        raise QaError("Choose an activity from the list.")
    if (activity.scope is Scope.HOME) != isinstance(place, Home):
        where = "a home" if activity.scope is Scope.HOME else "a whole service"
        raise QaError(f"{activity.name} is done for {where}; choose one.")
    if not today - timedelta(days=366) <= due <= today + timedelta(days=731):
        raise QaError("Choose a due date within a year before or two years after today.")
    if _exists(activity.id, scope_key(place), due):
        raise QaError(f"{activity.name} at {place_name(place)} is already due on {long_date(due)}.")
    found = new_occurrence(activity, place, due, added_by=actor, note=_text(note, ""))
    db.session.add(found)
    db.session.flush()
    audit.record(
        "qa.added",
        actor,
        target=("qa_occurrence", found.id),
        home_id=found.home_id,
        activity=activity.id,
        due=due.isoformat(),
    )
    db.session.commit()
    return found


def set_ofsted_actions_completed(home: Home, day: date | None, actor: User, today: date) -> int:
    """Record when the Ofsted actions were completed; reviews due from then are withdrawn now."""
    if day is not None and day > today:
        raise QaError(
            f"Actions cannot be recorded as complete on a day still to come ({long_date(day)})."
        )
    if day is not None and home.ofsted_inspected_on and day < home.ofsted_inspected_on:
        raise QaError("The actions cannot be complete before the inspection that set them.")
    before = home.ofsted_actions_completed_on
    home.ofsted_actions_completed_on = day
    audit.record(
        "home.ofsted_actions_completed",
        actor,
        target=("home", home.id),
        home_id=home.id,
        before=before.isoformat() if before else None,
        after=day.isoformat() if day else None,
    )
    withdrawn = _withdraw_reviews_from(home, day)
    db.session.commit()
    return withdrawn


def _withdraw_reviews_from(home: Home, day: date | None) -> int:
    """Withdraw the home's generated, undone monitoring reviews due on or after `day`."""
    if day is None:
        return 0  # cleared: the next daily run schedules reviews again
    stmt = select(QaOccurrence).where(
        QaOccurrence.activity_id == "qa_monitoring_review",
        QaOccurrence.scope_key == scope_key(home),
        QaOccurrence.due_on >= day,
    )
    stale = [o for o in db.session.execute(stmt).scalars() if withdrawable(o)]
    for found in stale:
        db.session.delete(found)
    return len(stale)


def _exists(activity_id: str, key: str, due: date) -> bool:
    stmt = select(QaOccurrence.id).where(
        QaOccurrence.activity_id == activity_id,
        QaOccurrence.scope_key == key,
        QaOccurrence.due_on == due,
    )
    return db.session.execute(stmt).first() is not None


def _text(value: str | None, what: str, required: bool = False) -> str | None:
    value = (value or "").strip()
    if required and not value:
        raise QaError(f"Write {what}.")
    if len(value) > TEXT_MAX:
        raise QaError(f"Keep it under {TEXT_MAX} characters.")
    return value or None
