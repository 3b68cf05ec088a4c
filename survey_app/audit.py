"""Writing to and reading from the append-only audit log."""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from flask import has_request_context, request
from sqlalchemy import Select, select

from survey_app.clock import LONDON
from survey_app.extensions import db
from survey_app.models import AuditEvent, Home, User

AUDIT_COLUMNS = [
    "id",
    "at",
    "actor_email",
    "origin",
    "action",
    "target_type",
    "target_id",
    "home",
    "detail",
]


def record(
    action: str,
    actor: User | None = None,
    *,
    target: tuple[str, Any] | None = None,
    home_id: int | None = None,
    **detail: Any,
) -> AuditEvent:
    """Add an event to the session; the caller's unit of work commits it with the change."""
    origin = "web" if has_request_context() else "cli"
    if origin == "web":
        detail.setdefault("client", request.remote_addr or "unknown")
    else:
        detail.setdefault("os_user", _os_user())
    event = AuditEvent(
        action=action,
        actor_id=actor.id if actor else None,
        actor_email=detail.pop("actor_email", None) or (actor.email if actor else None),
        origin=origin,
        target_type=target[0] if target else None,
        target_id=str(target[1]) if target else None,
        home_id=home_id,
        detail=detail,
    )
    db.session.add(event)
    return event


@dataclass(frozen=True)
class AuditFilter:
    """What an administrator narrowed the log to; empty fields match everything."""

    action: str = ""
    actor: str = ""
    home_id: int | None = None
    since: date | None = None
    until: date | None = None


def filtered(criteria: AuditFilter) -> Select:
    stmt = select(AuditEvent, Home.code).outerjoin(Home, AuditEvent.home_id == Home.id)
    if criteria.action:
        stmt = stmt.where(AuditEvent.action.startswith(criteria.action))
    if criteria.actor:
        stmt = stmt.where(AuditEvent.actor_email.contains(criteria.actor.strip().lower()))
    if criteria.home_id:
        stmt = stmt.where(AuditEvent.home_id == criteria.home_id)
    if criteria.since:
        stmt = stmt.where(AuditEvent.at >= _london_midnight(criteria.since))
    # The last day there is (9999-12-31) has no next day to stop before: it means no end.
    if criteria.until and criteria.until < date.max:
        stmt = stmt.where(AuditEvent.at < _london_midnight(criteria.until + timedelta(days=1)))
    return stmt.order_by(AuditEvent.id.desc())


def audit_rows(
    criteria: AuditFilter | None = None, *, detail_as_text: bool = False
) -> Iterator[dict[str, Any]]:
    """The log as plain rows, newest first, for exports (CSV wants the detail as JSON text)."""
    stmt = filtered(criteria or AuditFilter()).execution_options(yield_per=1000)
    for event, home_code in db.session.execute(stmt):
        yield {
            "id": event.id,
            "at": event.at,
            "actor_email": event.actor_email,
            "origin": event.origin,
            "action": event.action,
            "target_type": event.target_type,
            "target_id": event.target_id,
            "home": home_code,
            "detail": json.dumps(event.detail, sort_keys=True) if detail_as_text else event.detail,
        }


def actions() -> list[str]:
    """Every action seen so far, for the filter's choices."""
    stmt = select(AuditEvent.action).distinct().order_by(AuditEvent.action)
    return list(db.session.execute(stmt).scalars())


def _london_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=LONDON)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, as in some containers
        return "unknown"
