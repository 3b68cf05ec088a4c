"""Actions as plain rows, for `survey-app export actions` and anything else that reads them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from survey_app import clock
from survey_app.actions.lines import ORIGINAL
from survey_app.actions.sources import source_words
from survey_app.extensions import db
from survey_app.models import Action, Home

ACTION_COLUMNS = [
    "id",
    "title",
    "source",
    "raised_by",
    "home",
    "service",
    "owner",
    "status",
    "due",
    "done",
    "exception",
    "escalated_at",
    "escalation_note",
    "you_said",
    "we_did",
    "lines_approved_on",
    "translated_into",
]


def action_rows(stmt: Select | None = None) -> Iterator[dict[str, Any]]:
    """One row per action, oldest first; `stmt` narrows it (e.g. to the homes a role covers)."""
    stmt = (stmt if stmt is not None else select(Action)).options(
        selectinload(Action.home).selectinload(Home.service),
        selectinload(Action.service),
        selectinload(Action.owner),
        selectinload(Action.lines),
        selectinload(Action.source_visit),
        selectinload(Action.source_finding),
        selectinload(Action.source_round),
        selectinload(Action.source_meeting),
        selectinload(Action.source_dip_sample),
    )
    for action in db.session.execute(stmt.order_by(Action.id)).scalars():
        yield _row(action)


def _row(action: Action) -> dict[str, Any]:
    original = next((x for x in action.lines if x.language == ORIGINAL), None)
    approved = action.lines_approved_at
    return {
        "id": action.id,
        "title": action.title,
        "source": action.source_kind,
        "raised_by": source_words(action),
        "home": action.home.code if action.home else None,
        "service": _service_name(action),
        "owner": action.owner.name,
        "status": action.status,
        "due": action.due_on,
        "done": action.done_on,
        "exception": action.exception_note,
        "escalated_at": action.escalated_on,
        "escalation_note": action.escalation_note,
        "you_said": original.you_said if original else None,
        "we_did": original.we_did if original else None,
        "lines_approved_on": approved.astimezone(clock.LONDON).date() if approved else None,
        "translated_into": ", ".join(x.language for x in action.lines if x is not original),
    }


def _service_name(action: Action) -> str | None:
    """A home's action is in its home's service now (it keeps no copy that could go stale)."""
    service = action.home.service if action.home else action.service
    return service.name if service else None
