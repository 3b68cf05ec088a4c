"""The whole store as analysis records, for `survey-app export analysis` (JSON lines)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select, true

from analysis import AnswerRecord
from survey_app.extensions import db
from survey_app.models import Answer, Home, Response, Round
from survey_app.records.questions import BankFacts, question_records
from survey_app.records.rounds import response_records, round_records


def analysis_records(facts: BankFacts) -> Iterator:
    """Questions, rounds, responses, then every answer of a submitted response, streamed."""
    yield from question_records(facts.banks)
    yield from round_records(facts, true())
    yield from response_records(facts, true())
    yield from answer_records(facts)


def answer_records(facts: BankFacts) -> Iterator[AnswerRecord]:
    """Every answer of a submitted response, its theme, whether it is positive and negative."""
    stmt = (
        select(
            Answer.response_id,
            Response.round_id,
            Home.code,
            Round.audience,
            facts.theme_column(),
            Answer.question_id,
            Answer.value,
            Answer.text,
            facts.positive_column(),
            facts.negative_column(),
            Answer.score,
            Response.submitted_at,
            Response.language,
        )
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Round, Response.round_id == Round.id)
        .join(Home, Round.home_id == Home.id)
        .where(Response.submitted_at.is_not(None))
        .order_by(Answer.id)
        .execution_options(yield_per=5000)
    )
    for row in db.session.execute(stmt):
        response, round_, home, audience, theme, question, value, text, good, bad, *rest = row
        rated = value is not None
        yield AnswerRecord(
            str(response),
            str(round_),
            home,
            audience,
            theme,
            question,
            facts.kind(audience, question),
            value,
            text,
            facts.positive(audience, question, good) if rated else None,
            *rest,
            negative=facts.positive(audience, question, bad) if rated else None,
        )
