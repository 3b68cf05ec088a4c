"""Rounds, responses, homes and visits as plain records, for fatigue and for reports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import ColumnElement, case, distinct, func, select

from analysis import ResponseRecord, RoundRecord
from analysis.reports import HomeRecord, VisitRecord
from survey_app.banks import OPEN_QUESTION_ID
from survey_app.extensions import db
from survey_app.models import Answer, Home, Invitation, Response, Round, Service, Visit
from survey_app.records.questions import BankFacts
from survey_app.schedule.deadlines import report_due, sent_due, visit_deadlines

ROLE_QUESTION = "respondent_role"  # professionals say which role they answer in
STRAIGHTLINE_MIN = 3


def home_records() -> tuple[HomeRecord, ...]:
    """Every home, by code."""
    stmt = select(Home.code, Home.name, Service.name).join(Service).order_by(Home.code)
    return tuple(HomeRecord(*row) for row in db.session.execute(stmt))


def round_records(facts: BankFacts, where: ColumnElement) -> tuple[RoundRecord, ...]:
    """The rounds matching ``where``, with how many invitations each gave out."""
    invited = (
        select(Invitation.round_id, func.count(Invitation.id).label("n"))
        .group_by(Invitation.round_id)
        .subquery()
    )
    stmt = (
        select(Round, Home.code, Home.name, func.coalesce(invited.c.n, 0))
        .join(Home, Round.home_id == Home.id)
        .outerjoin(invited, invited.c.round_id == Round.id)
        .where(where)
        .order_by(Round.closes_on, Home.code, Round.audience, Round.id)
    )
    return tuple(
        RoundRecord(
            str(round_.id),
            code,
            name,
            round_.audience,
            round_.theme_id,
            facts.theme_title(round_.audience, round_.theme_id),
            round_.presentation,
            round_.opens_on,
            round_.closes_on,
            invitations,
        )
        for round_, code, name, invitations in db.session.execute(stmt)
    )


def response_records(facts: BankFacts, where: ColumnElement) -> Iterator[ResponseRecord]:
    """One record per response to the rounds matching ``where``, summed up by the database."""
    closed = Answer.question_id != OPEN_QUESTION_ID
    stmt = (
        select(
            Response.id,
            Response.round_id,
            Home.code,
            Round.audience,
            Round.theme_id,
            Response.started_at,
            Response.submitted_at,
            Response.language,
            func.count(distinct(case((closed, Answer.question_id)))),
            func.count(Answer.score),
            func.min(Answer.score),
            func.max(Answer.score),
            func.max(case((Answer.question_id == ROLE_QUESTION, Answer.value))),
        )
        .join(Round, Response.round_id == Round.id)
        .join(Home, Round.home_id == Home.id)
        .outerjoin(Answer, Answer.response_id == Response.id)
        .where(where)
        .group_by(
            Response.id,
            Response.round_id,
            Home.code,
            Round.audience,
            Round.theme_id,
            Response.started_at,
            Response.submitted_at,
            Response.language,
        )
        .execution_options(yield_per=2000)
    )
    for row in db.session.execute(stmt):
        yield _response(facts, *row)


def _response(
    facts,
    id_,
    round_id,
    home,
    audience,
    theme,
    started,
    submitted,
    language,
    answered,
    scored,
    lowest,
    highest,
    role,
) -> ResponseRecord:
    seconds = (submitted - started).total_seconds() if submitted else None
    return ResponseRecord(
        response_id=str(id_),
        round_id=str(round_id),
        home=home,
        audience=audience,
        started_at=started,
        submitted_at=submitted,
        seconds=seconds,
        answered=answered,
        asked=facts.asked(audience, theme),
        straightlined=scored >= STRAIGHTLINE_MIN and lowest == highest,
        language=language,
        respondent_role=role,
    )


def visit_records(where: ColumnElement, today: date) -> tuple[VisitRecord, ...]:
    """Reg 44 visits matching ``where``, with where their reports stand on ``today`` (§7.1)."""
    stmt = (
        select(Visit, Home.code)
        .join(Home, Visit.home_id == Home.id)
        .where(where)
        .order_by(Visit.visit_date, Home.code)
    )
    return tuple(_visit(visit, code, today) for visit, code in db.session.execute(stmt))


def _visit(visit: Visit, code: str, today: date) -> VisitRecord:
    completed, sent = visit.report_completed_on, visit.report_sent_on
    try:
        deadlines = visit_deadlines(visit.visit_date, completed, sent, today)
        lateness = (deadlines.report_days_late, deadlines.sent_days_late)
    except ValueError:
        lateness = (None, None)  # dates in an impossible order: judged on the dates alone
    return VisitRecord(
        home=code,
        visit_date=visit.visit_date,
        done_on=visit.done_on,
        report_completed_on=completed or sent,  # a sent report was complete by then
        report_sent_on=sent,
        report_due=report_due(visit.visit_date),
        sent_due=sent_due(visit.visit_date),
        report_days_late=lateness[0],
        sent_days_late=lateness[1],
    )
