"""Rounds and their responses as analysis.fatigue takes them (schedule pages: fatigue)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import func, select

from analysis import ResponseRecord, RoundRecord
from survey_app.banks import OPEN_QUESTION_ID, QuestionBanks
from survey_app.extensions import db
from survey_app.models import Answer, Home, Invitation, Response, Round


def fatigue_records(
    rounds: Sequence[Round], banks: QuestionBanks
) -> tuple[list[RoundRecord], list[ResponseRecord]]:
    """The rounds, with their invitation counts, and every response to them, as plain records."""
    if not rounds:
        return [], []
    ids = [r.id for r in rounds]
    invited = dict(
        db.session.execute(
            select(Invitation.round_id, func.count(Invitation.id))
            .where(Invitation.round_id.in_(ids))
            .group_by(Invitation.round_id)
        ).all()
    )
    round_records = [_round_record(r, invited.get(r.id, 0), banks) for r in rounds]
    asked = {r.id: _questions_asked(r, banks) for r in rounds}
    return round_records, list(_response_records(ids, asked))


def _round_record(round_: Round, invitations: int, banks: QuestionBanks) -> RoundRecord:
    theme = banks.theme(round_.audience, round_.theme_id)
    return RoundRecord(
        round_id=str(round_.id),
        home=round_.home.code,
        home_name=round_.home.name,
        audience=round_.audience,
        theme=round_.theme_id,
        theme_title=str(theme.title) if theme else round_.theme_id,
        presentation=round_.presentation,
        opens=round_.opens_on,
        closes=round_.closes_on,
        invitations=invitations,
    )


def _questions_asked(round_: Round, banks: QuestionBanks) -> int:
    """The closed questions a respondent was shown; the optional open question is not counted."""
    theme = banks.theme(round_.audience, round_.theme_id)
    questions = (*banks.core(round_.audience).questions, *(theme.questions if theme else ()))
    return sum(q.kind != "text" for q in questions)


# Straight-lining: every scale answer the same, over at least this many scale questions.
STRAIGHTLINE_MIN = 3


def _response_records(round_ids: list[int], asked: dict[int, int]) -> Iterator[ResponseRecord]:
    per_response = (
        select(
            Answer.response_id,
            func.count(func.distinct(Answer.question_id)).label("answered"),
            func.count(Answer.score).label("scored"),
            func.count(func.distinct(Answer.score)).label("score_values"),
        )
        .where(Answer.question_id != OPEN_QUESTION_ID)
        .group_by(Answer.response_id)
        .subquery()
    )
    stmt = (
        select(Response, Home.code, Round.audience, per_response)
        .join(Round, Response.round_id == Round.id)
        .join(Home, Round.home_id == Home.id)
        .outerjoin(per_response, per_response.c.response_id == Response.id)
        .where(Response.round_id.in_(round_ids))
        .order_by(Response.id)
    )
    for response, code, audience, *_, answered, scored, values in db.session.execute(stmt):
        seconds = None
        if response.submitted_at is not None:
            seconds = (response.submitted_at - response.started_at).total_seconds()
        yield ResponseRecord(
            response_id=str(response.id),
            round_id=str(response.round_id),
            home=code,
            audience=audience,
            started_at=response.started_at,
            submitted_at=response.submitted_at,
            seconds=seconds,
            answered=answered or 0,
            asked=asked[response.round_id],
            straightlined=(scored or 0) >= STRAIGHTLINE_MIN and values == 1,
            language=response.language,
        )
