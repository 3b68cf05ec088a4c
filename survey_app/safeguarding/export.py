"""Flags as plain rows for exports: when, where, what kind, how reviewed; never the words."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import Flag, Home, Round

# Deliberately without reasons (they quote the answer) and notes (they may): see the README.
FLAG_COLUMNS = [
    "id",
    "home",
    "round",
    "round_opens_on",
    "audience",
    "source",
    "urgent",
    "categories",
    "created",
    "due",
    "status",
    "reviewed_at",
    "outcome",
    "escalated_at",
]


def flag_rows(home_ids: set[int] | None = None) -> Iterator[dict[str, Any]]:
    """Every flag (or those at `home_ids`), oldest first."""
    stmt = (
        select(Flag, Home.code, Round.opens_on)
        .join(Home, Flag.home_id == Home.id)
        .join(Round, Flag.round_id == Round.id)
        .order_by(Flag.id)
    )
    if home_ids is not None:
        stmt = stmt.where(Flag.home_id.in_(home_ids))
    for flag, home, opens_on in db.session.execute(stmt.execution_options(yield_per=1000)):
        yield {
            "id": flag.id,
            "home": home,
            "round": flag.round_id,
            "round_opens_on": opens_on,
            "audience": flag.audience,
            "source": flag.source,
            "urgent": flag.urgent,
            "categories": " ".join(flag.category_ids),
            "created": flag.created_at,
            "due": flag.due_at,
            "status": flag.status,
            "reviewed_at": flag.reviewed_at,
            "outcome": flag.outcome,
            "escalated_at": flag.escalated_at,
        }
