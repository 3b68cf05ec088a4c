"""Counts for analysis, computed by the database with GROUP BY: never one object per answer."""

from __future__ import annotations

from sqlalchemy import case, distinct, func, select

from analysis import CountRecord, Counts, QuestionTotal, RespondentTotal
from survey_app.extensions import db
from survey_app.models import Answer, Home, Response, Round
from survey_app.records.questions import BankFacts
from survey_app.records.scope import Buckets


def count_records(facts: BankFacts, buckets: Buckets, home: str | None = None) -> Counts:
    """Value counts, question totals and respondent totals of submitted closed answers."""
    answers = _answers(facts, buckets, home)
    return Counts(
        values=tuple(_values(facts, answers)),
        questions=tuple(_questions(facts, answers)),
        respondents=(*_respondents(answers, by_theme=True), *_respondents(answers, False)),
    )


def _answers(facts: BankFacts, buckets: Buckets, home: str | None):
    """One row per submitted closed answer in a bucket, as a subquery to group."""
    stmt = (
        select(
            buckets.label.label("period"),
            Home.code.label("home"),
            Round.audience.label("audience"),
            facts.theme_column().label("theme"),
            Answer.question_id.label("question_id"),
            Answer.value.label("value"),
            Answer.score.label("score"),
            facts.positive_column().label("positive"),
            Answer.response_id.label("response_id"),
        )
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Round, Response.round_id == Round.id)
        .join(Home, Round.home_id == Home.id)
        .where(Response.submitted_at.is_not(None), Answer.value.is_not(None), buckets.where)
    )
    if home is not None:
        stmt = stmt.where(Home.code == home)
    return stmt.subquery("answers")


def _values(facts: BankFacts, a):
    keys = (
        a.c.period,
        a.c.home,
        a.c.audience,
        a.c.theme,
        a.c.question_id,
        a.c.value,
        a.c.score,
        a.c.positive,
    )
    stmt = select(*keys, func.count(distinct(a.c.response_id))).where(a.c.period.is_not(None))
    for row in db.session.execute(stmt.group_by(*keys)):
        period, home, audience, theme, question, value, score, positive, n = row
        yield CountRecord(
            period,
            home,
            audience,
            theme,
            question,
            facts.kind(audience, question),
            value,
            score,
            facts.positive(audience, question, positive),
            n,
        )


def _questions(facts: BankFacts, a):
    keys = (a.c.period, a.c.home, a.c.audience, a.c.theme, a.c.question_id)
    positive = func.count(distinct(case((a.c.positive, a.c.response_id))))
    stmt = select(*keys, func.count(distinct(a.c.response_id)), positive)
    for row in db.session.execute(stmt.where(a.c.period.is_not(None)).group_by(*keys)):
        period, home, audience, theme, question, n, n_positive = row
        kind = facts.kind(audience, question)
        yield QuestionTotal(period, home, audience, theme, question, kind, n, n_positive or 0)


def _respondents(a, by_theme: bool):
    keys = (a.c.period, a.c.home, a.c.audience, *((a.c.theme,) if by_theme else ()))
    stmt = select(*keys, func.count(distinct(a.c.response_id)))
    for row in db.session.execute(stmt.where(a.c.period.is_not(None)).group_by(*keys)):
        if by_theme:
            yield RespondentTotal(*row)
        else:
            period, home, audience, n = row
            yield RespondentTotal(period, home, audience, None, n)
