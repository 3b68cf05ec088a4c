"""Free-text answers to the open question, streamed, for quotes and comment themes."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import ColumnElement, select

from analysis import CommentRecord
from survey_app.banks import OPEN_QUESTION_ID
from survey_app.extensions import db
from survey_app.models import Answer, Home, Response, Round


def comment_records(where: ColumnElement) -> Iterator[CommentRecord]:
    """Open comments of submitted responses matching ``where``, by audience, a batch at a time."""
    stmt = (
        select(
            Response.round_id,
            Home.code,
            Round.audience,
            Round.theme_id,
            Answer.text,
            Response.submitted_at,
        )
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Round, Response.round_id == Round.id)
        .join(Home, Round.home_id == Home.id)
        .where(
            Answer.question_id == OPEN_QUESTION_ID,
            Answer.text.is_not(None),
            Response.submitted_at.is_not(None),
            where,
        )
        .order_by(Round.audience, Answer.id)
        .execution_options(yield_per=2000)
    )
    for round_id, home, audience, theme, text, submitted_at in db.session.execute(stmt):
        yield CommentRecord(str(round_id), home, audience, theme, text, submitted_at)
