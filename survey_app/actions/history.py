"""An action's dated history: every comment and every change goes in, with who and when."""

from __future__ import annotations

from datetime import date, datetime

from survey_app import audit, clock
from survey_app.models import Action, ActionComment, User


def say_date(day: date | None) -> str:
    """A date as people write it ("3 March 2026"), for history lines stored as text."""
    return f"{day.day} {day:%B %Y}" if day else "no date"


def note(
    action: Action,
    kind: str,
    text: str,
    actor: User | None,
    *,
    status: str | None = None,
    at: datetime | None = None,
) -> ActionComment:
    """Add a dated entry to the action's history (the caller's unit of work commits it)."""
    entry = ActionComment(kind=kind, text=text, author=actor, status=status, at=at or clock.now())
    action.history.append(entry)
    return entry


def audited(event: str, action: Action, actor: User | None, **detail) -> None:
    """Record the change in the audit log against the action and its home."""
    audit.record(event, actor, target=("action", action.id), home_id=action.home_id, **detail)


def status_on(entries: list[ActionComment], day: date) -> str | None:
    """The status the history says the action had at the end of `day` (London), if it existed."""
    found = None
    for entry in sorted(entries, key=lambda e: (e.at, e.id or 0)):
        if entry.status is None:
            continue
        if entry.at.astimezone(clock.LONDON).date() > day:
            break
        found = entry.status
    return found
