"""The dashboard's "Actions" section: what is overdue, escalated or waiting, for this person."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from survey_app import clock
from survey_app.actions import escalation
from survey_app.extensions import db
from survey_app.models import OPEN_STATUSES, Action, User
from survey_app.permissions import can, visible_actions_stmt

LISTED = 8  # the rest are a click away on the tracker


def load(user: User, homes: list) -> dict[str, Any]:
    """The section's context: lists a little long, counts where a list would be too long."""
    today, grace = clock.today(), escalation.grace_days()
    visible = visible_actions_stmt(user)
    open_ = visible.where(Action.status.in_(OPEN_STATUSES))
    context: dict[str, Any] = {
        "today": today,
        "grace": grace,
        "overdue": _listed(open_.where(Action.due_on < today).order_by(Action.due_on)),
        "overdue_count": _count(open_.where(Action.due_on < today)),
        "escalated": _listed(escalation.escalated(visible).order_by(Action.escalated_on)),
        "mine": _listed(open_.where(Action.owner_id == user.id).order_by(Action.due_on)),
        "awaiting_approval": None,
        "returned": None,
        "new_flags": None,
    }
    if can(user, "actions.approve"):
        context["awaiting_approval"] = _count(visible.where(Action.status == "proposed"))
    if can(user, "actions.propose"):
        context["returned"] = _count(visible.where(Action.status == "returned"))
    if can(user, "escalation.view"):
        since = today - timedelta(days=1)
        fresh = escalation.candidates(visible, today, grace).where(
            Action.flagged_for_escalation_on >= since
        )
        context["new_flags"] = _listed(fresh.order_by(Action.due_on))
        context["candidates_count"] = _count(escalation.candidates(visible, today, grace))
    return context


def _listed(stmt) -> list[Action]:
    return list(db.session.execute(stmt.limit(LISTED)).scalars())


def _count(stmt) -> int:
    counted = select(func.count()).select_from(stmt.order_by(None).subquery())
    return db.session.execute(counted).scalar() or 0
