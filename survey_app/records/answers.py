"""Stored answers as flat rows, for the responses export."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import Answer, Home, Response, Round

RESPONSE_COLUMNS = [
    "response_id",
    "round_id",
    "home",
    "audience",
    "theme",
    "question_id",
    "value",
    "free_text",
    "language",
    "started_at",
    "submitted_at",
]


def answer_rows(home_ids: Collection[int] | None = None) -> Iterator[dict[str, Any]]:
    """Every stored answer (of these homes, if given), oldest first, streamed in batches."""
    stmt = (
        select(
            Answer.response_id,
            Response.round_id,
            Home.code.label("home"),
            Round.audience,
            Round.theme_id.label("theme"),
            Answer.question_id,
            Answer.value,
            Answer.text.label("free_text"),
            Response.language,
            Response.started_at,
            Response.submitted_at,
        )
        .join(Response, Answer.response_id == Response.id)
        .join(Round, Response.round_id == Round.id)
        .join(Home, Round.home_id == Home.id)
        .order_by(Answer.id)
        .execution_options(yield_per=1000)
    )
    if home_ids is not None:
        stmt = stmt.where(Home.id.in_(home_ids))
    for row in db.session.execute(stmt):
        yield row._asdict()
