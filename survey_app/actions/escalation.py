"""Escalation to the Children's Services Leadership Team (§8.8).

An open action is a candidate when it is past its due date by more than the grace
(ESCALATION_GRACE_DAYS, default 14), when the QPAG chair marked it as an exception, or when the
daily tick flagged it so. Nothing is escalated automatically: the chair escalates, with a date
and a note. The tick only flags new candidates, once each, so dashboards can say what is new.
"""

from __future__ import annotations

from datetime import date, timedelta

from flask import current_app
from sqlalchemy import Select, or_, select

from survey_app.actions.errors import ActionError, NotAllowed, WrongState
from survey_app.actions.history import audited, note, say_date
from survey_app.extensions import db
from survey_app.models import OPEN_STATUSES, Action, User
from survey_app.permissions import can

NOTE_MAX = 5000


def grace_days() -> int:
    return int(current_app.config.get("ESCALATION_GRACE_DAYS", 14))


def overdue_beyond_grace(today: date, grace: int):
    """The SQL condition for "past its due date by more than the grace"."""
    return Action.due_on < today - timedelta(days=grace)


def candidates(stmt: Select, today: date, grace: int) -> Select:
    """Narrow an actions query to open, not yet escalated escalation candidates."""
    return stmt.where(
        Action.status.in_(OPEN_STATUSES),
        Action.escalated_on.is_(None),
        or_(
            overdue_beyond_grace(today, grace),
            Action.exception_note.is_not(None),
            Action.flagged_for_escalation_on.is_not(None),
        ),
    )


def escalated(stmt: Select) -> Select:
    return stmt.where(Action.escalated_on.is_not(None), Action.status.in_(OPEN_STATUSES))


def why(action: Action, today: date, grace: int) -> str:
    """Why the action is on the list, in words."""
    reasons = []
    late = (today - action.due_on).days
    if late > grace:
        reasons.append(f"{late} days past its due date")
    if action.exception_note:
        reasons.append(f"marked as an exception: {action.exception_note}")
    if not reasons and action.flagged_for_escalation_on:
        reasons.append(f"flagged on {say_date(action.flagged_for_escalation_on)}")
    return "; ".join(reasons)


def flag_new(today: date, grace: int) -> list[Action]:
    """Flag candidates not flagged before (the daily tick); the caller commits."""
    stmt = candidates(select(Action), today, grace).where(
        Action.flagged_for_escalation_on.is_(None)
    )
    flagged = list(db.session.execute(stmt.order_by(Action.id)).scalars())
    for action in flagged:
        action.flagged_for_escalation_on = today
        reason = why(action, today, grace)
        note(action, "flagged", f"On the escalation list: {reason}.", None)
        audited("action.flagged_for_escalation", action, None, reason=reason)
    return flagged


def mark_exception(action: Action, words: str, actor: User, today: date) -> None:
    """The QPAG chair marks an open action as an exception (or, with no words, clears it)."""
    _check_chair(actor, action)
    words = (words or "").strip()
    if len(words) > NOTE_MAX:
        raise ActionError(f"Keep the note under {NOTE_MAX} characters.")
    if not words and action.exception_note is None:
        raise ActionError("Say why this action is an exception.")
    if words:
        action.exception_note, action.exception_marked_on = words, today
        note(action, "exception", f"Marked as an exception: {words}", actor)
        audited("action.exception_marked", action, actor, note=words)
    else:
        action.exception_note, action.exception_marked_on = None, None
        action.flagged_for_escalation_on = None  # the tick flags it again if it is still late
        note(action, "exception", "No longer marked as an exception.", actor)
        audited("action.exception_cleared", action, actor)
    db.session.commit()


def escalate(action: Action, on: date | None, words: str, actor: User, today: date) -> None:
    """Record that the chair escalated the action to the CSLT, on which date and why."""
    _check_chair(actor, action)
    if action.escalated_on is not None:
        raise WrongState(f"This action was already escalated on {say_date(action.escalated_on)}.")
    words = (words or "").strip()
    if on is None:
        raise ActionError("Give the date it was escalated.")
    if on > today:
        raise ActionError("The escalation date cannot be in the future.")
    if not words:
        raise ActionError("Add a note for the Leadership Team: what is stuck, and what is asked.")
    if len(words) > NOTE_MAX:
        raise ActionError(f"Keep the note under {NOTE_MAX} characters.")
    action.escalated_on, action.escalation_note, action.escalated_by = on, words, actor
    note(action, "escalated", f"Escalated to the CSLT on {say_date(on)}: {words}", actor)
    audited("action.escalated", action, actor, on=on.isoformat(), note=words)
    db.session.commit()


def _check_chair(actor: User, action: Action) -> None:
    if not can(actor, "actions.escalate"):
        raise NotAllowed("Only the QPAG chair marks exceptions and escalates actions.")
    if not action.is_open:
        raise WrongState(f"This action is {action.status_name}; only open actions are escalated.")
