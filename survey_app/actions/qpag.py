"""QPAG meetings (§8.7): who came, which reports were received, which actions were agreed.

The tracker shows each agreed action's status at every later meeting. That is read from the
action's dated history (the status after its last change on or before the meeting day), so
nothing is copied into snapshots that could disagree with the history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from survey_app.actions.errors import ActionError, NotAllowed, WrongState
from survey_app.actions.history import audited, note, say_date, status_on
from survey_app.audit import record
from survey_app.extensions import db
from survey_app.models import STATUS_NAMES, Action, DipSample, QpagMeeting, User
from survey_app.permissions import can

TEXT_MAX = 5000
AGREEABLE = ("proposed", "approved", "in_progress")


@dataclass(frozen=True)
class MeetingDetails:
    held_on: date | None
    attendees: str
    reports_received: str
    action_ids: tuple[int, ...] = ()


def record_meeting(details: MeetingDetails, actor: User, today: date) -> QpagMeeting:
    """A meeting that has been held, and the existing actions it agreed."""
    if not can(actor, "qpag.record"):
        raise NotAllowed("Only the QPAG chair or the QA team record QPAG meetings.")
    if details.held_on is None:
        raise ActionError("Give the date the meeting was held.")
    if details.held_on > today:
        raise ActionError("Record a meeting once it has been held: choose today or earlier.")
    if not details.attendees.strip():
        raise ActionError("List who attended.")
    if max(len(details.attendees), len(details.reports_received)) > TEXT_MAX:
        raise ActionError(f"Keep each box under {TEXT_MAX} characters.")
    meeting = QpagMeeting(
        held_on=details.held_on,
        attendees=details.attendees.strip(),
        reports_received=details.reports_received.strip(),
        created_by_id=actor.id,
    )
    db.session.add(meeting)
    db.session.flush()
    record(
        "qpag.meeting_recorded",
        actor,
        target=("qpag_meeting", meeting.id),
        held_on=meeting.held_on.isoformat(),
    )
    _agree(meeting, details.action_ids, actor)
    db.session.commit()
    return meeting


def agree(meeting: QpagMeeting, action_ids: tuple[int, ...], actor: User) -> int:
    """Add existing actions to what a meeting agreed; returns how many were added."""
    if not can(actor, "qpag.record"):
        raise NotAllowed("Only the QPAG chair or the QA team record what QPAG agreed.")
    if not action_ids:
        raise ActionError("Choose at least one action.")
    added = _agree(meeting, action_ids, actor)
    db.session.commit()
    return added


def _agree(meeting: QpagMeeting, action_ids: tuple[int, ...], actor: User) -> int:
    actions = [db.session.get(Action, i) if i else None for i in dict.fromkeys(action_ids)]
    if None in actions:
        raise ActionError("One of the chosen actions does not exist.")
    added = 0
    for action in actions:
        if action.status not in AGREEABLE:
            raise WrongState(f"“{action.title}” is {action.status_name}; it cannot be agreed.")
        if meeting in action.meetings:
            continue
        action.meetings.append(meeting)
        words = f"Agreed at the QPAG meeting on {say_date(meeting.held_on)}."
        if action.status == "proposed":  # QPAG's agreement is its approval
            action.status = "approved"
            note(action, "status", f"Approved. {words}", actor, status="approved")
        else:
            note(action, "agreed", words, actor)
        audited("action.agreed", action, actor, meeting=meeting.id)
        added += 1
    return added


def meetings() -> list[QpagMeeting]:
    stmt = select(QpagMeeting).order_by(QpagMeeting.held_on.desc(), QpagMeeting.id.desc())
    return list(db.session.execute(stmt).scalars())


@dataclass(frozen=True)
class TrackerRow:
    action: Action
    agreed_on: date
    # (meeting, status name at that meeting, or "" for meetings before the action was agreed)
    cells: list[tuple[QpagMeeting, str]]


def tracker(since: date | None = None) -> tuple[list[QpagMeeting], list[TrackerRow]]:
    """Every meeting (oldest first) and every agreed action's status at each one from its own."""
    held = list(reversed(meetings()))
    if since is not None:
        held = [m for m in held if m.held_on >= since]
    stmt = (
        select(Action)
        .where(Action.meetings.any())
        .options(selectinload(Action.history), selectinload(Action.meetings))
        .order_by(Action.id)
    )
    rows = []
    for action in db.session.execute(stmt).scalars():
        first = min(m.held_on for m in action.meetings)
        cells = [(m, _status_at(action, m.held_on) if m.held_on >= first else "") for m in held]
        rows.append(TrackerRow(action, first, cells))
    return held, rows


def _status_at(action: Action, day: date) -> str:
    status = status_on(action.history, day)
    return STATUS_NAMES.get(status, status) if status else "not yet raised"


def later_statuses(meeting: QpagMeeting) -> tuple[list[QpagMeeting], dict[int, list[str]]]:
    """The meetings from this one on, and each of its agreed actions' status at each of them."""
    later = [m for m in reversed(meetings()) if m.held_on >= meeting.held_on]
    return later, {a.id: [_status_at(a, m.held_on) for m in later] for a in meeting.actions}


def dip_samples_for(meeting: QpagMeeting) -> list[DipSample]:
    """Dip samples completed after the previous meeting, up to this one: this meeting's to hear."""
    previous = db.session.execute(
        select(QpagMeeting.held_on)
        .where(QpagMeeting.held_on < meeting.held_on)
        .order_by(QpagMeeting.held_on.desc())
        .limit(1)
    ).scalar()
    stmt = select(DipSample).where(
        DipSample.completed_on.is_not(None), DipSample.completed_on <= meeting.held_on
    )
    if previous is not None:
        stmt = stmt.where(DipSample.completed_on > previous)
    return list(db.session.execute(stmt.order_by(DipSample.completed_on)).scalars())
