"""Counts for analysis, computed by the database with GROUP BY: never one object per answer.

The database groups by round (a small integer) rather than by home, audience and theme, which
keeps its sort small; each round's home, audience and theme are then looked up here, and the
few rows summed.  Every response belongs to one round, so the sums are exact.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import case, distinct, func, or_, select

from analysis import CountRecord, Counts, QuestionTotal, RespondentTotal
from survey_app.extensions import db
from survey_app.models import Answer, Home, Response, Round
from survey_app.records.questions import CORE, BankFacts
from survey_app.records.scope import Buckets


def count_records(facts: BankFacts, buckets: Buckets, home: str | None = None) -> Counts:
    """Value counts, question totals and respondent totals of submitted closed answers."""
    rounds = _rounds(home)
    values = _values(facts, buckets, rounds)
    return Counts(
        values=tuple(
            CountRecord(*key[:-1], n, negative=key[-1])
            for key, n in sorted(values.items(), key=_order)
        ),
        questions=_question_totals(facts, buckets, rounds, values),
        respondents=_respondents(facts, buckets, rounds),
    )


def _rounds(home: str | None) -> dict[int, tuple[str, str, str]]:
    """Each round's home code, audience and theme."""
    stmt = select(Round.id, Home.code, Round.audience, Round.theme_id).join(Home)
    if home is not None:
        stmt = stmt.where(Home.code == home)
    return {id_: (code, audience, theme) for id_, code, audience, theme in db.session.execute(stmt)}


def _answers(buckets: Buckets, *columns):
    """Submitted closed answers in a bucket: the columns asked for, the bucket first."""
    return (
        select(buckets.label.label("period"), Response.round_id, *columns)
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .where(Response.submitted_at.is_not(None), Answer.value.is_not(None), buckets.where)
    )


def _values(facts: BankFacts, buckets: Buckets, rounds: dict) -> Counter:
    """Respondents per value, keyed as a CountRecord is (less its count)."""
    stmt = _answers(
        buckets,
        Answer.question_id,
        Answer.value,
        func.max(Answer.score),
        func.count(distinct(Answer.response_id)),
    ).group_by("period", Response.round_id, Answer.question_id, Answer.value)
    found: Counter = Counter()
    for period, round_id, question, value, score, n in db.session.execute(stmt):
        if period is None or round_id not in rounds:
            continue
        home, audience, theme = _where(facts, rounds[round_id], question)
        kind = facts.kind(audience, question)
        sides = facts.sides(audience, question, value)
        found[(period, home, audience, theme, question, kind, value, score, *sides)] += n
    return found


def _question_totals(facts, buckets, rounds, values: Counter) -> tuple[QuestionTotal, ...]:
    """Respondents, positive and negative respondents per question.

    One answer per respondent for every kind but "multiple", so those are sums of the value
    counts; a multiple-choice question's respondents are counted distinctly by the database.
    """
    totals: Counter = Counter()
    for (period, home, audience, theme, question, kind, _, _, *sides), n in values.items():
        if kind != "multiple":
            key = (period, home, audience, theme, question, kind)
            totals[(*key, "n")] += n
            totals[(*key, "positive")] += n * bool(sides[0])
            totals[(*key, "negative")] += n * bool(sides[1])
    totals.update(_multiple_totals(facts, buckets, rounds))
    keys = sorted({key[:-1] for key in totals})
    return tuple(
        QuestionTotal(*key, *(totals[(*key, part)] for part in ("n", "positive", "negative")))
        for key in keys
    )


def _multiple_totals(facts: BankFacts, buckets: Buckets, rounds: dict) -> Counter:
    ids = sorted({question for (_, question), kind in facts.kinds.items() if kind == "multiple"})
    if not ids:
        return Counter()
    good, bad = facts.positive_column(), facts.negative_column()
    stmt = (
        _answers(
            buckets,
            Answer.question_id,
            func.count(distinct(Answer.response_id)),
            func.count(distinct(case((good, Answer.response_id)))),
            func.count(distinct(case((bad, Answer.response_id)))),
        )
        .join(Round, Response.round_id == Round.id)
        .where(Answer.question_id.in_(ids))
        .group_by("period", Response.round_id, Answer.question_id)
    )
    found: Counter = Counter()
    for period, round_id, question, n, positive, negative in db.session.execute(stmt):
        if period is None or round_id not in rounds:
            continue
        home, audience, theme = _where(facts, rounds[round_id], question)
        found[(period, home, audience, theme, question, "multiple", "n")] += n
        found[(period, home, audience, theme, question, "multiple", "positive")] += positive
        found[(period, home, audience, theme, question, "multiple", "negative")] += negative
    return found


def _respondents(facts: BankFacts, buckets: Buckets, rounds: dict) -> tuple[RespondentTotal, ...]:
    """Distinct respondents per theme (core, or the round's theme) and per home overall.

    One row per response is read by the database, each asking only whether a closed answer
    to a core question, and one to a themed question, exists: no sort of every answer.
    """
    closed = select(Answer.id).where(Answer.response_id == Response.id, Answer.value.is_not(None))
    core = closed.where(facts.core_column()).exists()
    themed = closed.where(~facts.core_column()).exists()
    stmt = (
        select(
            buckets.label.label("period"),
            Response.round_id,
            func.sum(case((core, 1), else_=0)),
            func.sum(case((themed, 1), else_=0)),
            func.sum(case((or_(core, themed), 1), else_=0)),
        )
        .join(Round, Response.round_id == Round.id)
        .where(Response.submitted_at.is_not(None), buckets.where)
        .group_by("period", Response.round_id)
    )
    found: Counter = Counter()
    for period, round_id, n_core, n_themed, n_any in db.session.execute(stmt):
        if period is not None and round_id in rounds:
            home, audience, theme = rounds[round_id]
            found[(period, home, audience, CORE)] += n_core
            found[(period, home, audience, theme)] += n_themed
            found[(period, home, audience, None)] += n_any
    rows = [(key, n) for key, n in found.items() if n]
    return tuple(RespondentTotal(*key, n) for key, n in sorted(rows, key=_order))


def _where(facts: BankFacts, round_: tuple[str, str, str], question: str) -> tuple[str, str, str]:
    """An answer's home, audience and theme: "core" for a core question, else the round's."""
    home, audience, theme = round_
    return home, audience, CORE if (audience, question) in facts.core_set else theme


def _order(item: tuple) -> tuple:
    return tuple("" if v is None else str(v) for v in item[0])
