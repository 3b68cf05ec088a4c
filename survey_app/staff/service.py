"""What staff pages show: rounds and counts per home, aggregates above the threshold, free text."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select

from survey_app import audit
from survey_app.extensions import db
from survey_app.models import Answer, Home, Invitation, Response, Round, User, Visit

UPCOMING_DAYS = 60


@dataclass(frozen=True)
class Counts:
    issued: int = 0
    started: int = 0
    submitted: int = 0


@dataclass
class HomeSummary:
    home: Home
    open_rounds: list[Round] = field(default_factory=list)
    upcoming_rounds: list[Round] = field(default_factory=list)
    next_visit: Visit | None = None


def counts_for(round_ids: list[int]) -> dict[int, Counts]:
    """Invitations issued, responses started and submitted, per round, in two queries."""
    if not round_ids:
        return {}
    issued = dict(
        db.session.execute(
            select(Invitation.round_id, func.count(Invitation.id))
            .where(Invitation.round_id.in_(round_ids))
            .group_by(Invitation.round_id)
        ).all()
    )
    answered = db.session.execute(
        select(Response.round_id, func.count(Response.id), func.count(Response.submitted_at))
        .where(Response.round_id.in_(round_ids))
        .group_by(Response.round_id)
    ).all()
    started = {rid: (total, submitted) for rid, total, submitted in answered}
    return {rid: Counts(issued.get(rid, 0), *started.get(rid, (0, 0))) for rid in round_ids}


def home_summaries(homes: list[Home], today: date) -> list[HomeSummary]:
    """Each home's open and upcoming rounds and its next Reg 44 visit."""
    summaries = {home.id: HomeSummary(home) for home in homes}
    stmt = (
        select(Round)
        .where(Round.home_id.in_(summaries), Round.closes_on >= today)
        .where(Round.opens_on <= today + timedelta(days=UPCOMING_DAYS))
        .order_by(Round.opens_on, Round.audience)
    )
    for round_ in db.session.execute(stmt).scalars():
        summary = summaries[round_.home_id]
        target = summary.open_rounds if round_.opens_on <= today else summary.upcoming_rounds
        target.append(round_)
    for visit in next_visits(list(summaries), today):
        summaries[visit.home_id].next_visit = visit
    return list(summaries.values())


def next_visits(home_ids: list[int], today: date) -> list[Visit]:
    first = (
        select(Visit.home_id, func.min(Visit.visit_date).label("day"))
        .where(Visit.home_id.in_(home_ids), Visit.visit_date >= today)
        .group_by(Visit.home_id)
        .subquery()
    )
    stmt = select(Visit).join(
        first, (Visit.home_id == first.c.home_id) & (Visit.visit_date == first.c.day)
    )
    return list({v.home_id: v for v in db.session.execute(stmt).scalars()}.values())


def rounds_of(home: Home) -> list[Round]:
    stmt = (
        select(Round)
        .where(Round.home_id == home.id)
        .order_by(Round.opens_on.desc(), Round.audience)
    )
    return list(db.session.execute(stmt).scalars())


def visits_of(home: Home) -> list[Visit]:
    stmt = select(Visit).where(Visit.home_id == home.id).order_by(Visit.visit_date.desc())
    return list(db.session.execute(stmt).scalars())


def unused_invitations(round_: Round) -> list[Invitation]:
    """Codes no one has started with yet: the ones still worth handing out."""
    used = select(Response.invitation_id)
    stmt = (
        select(Invitation)
        .where(Invitation.round_id == round_.id, Invitation.id.not_in(used))
        .order_by(Invitation.id)
    )
    return list(db.session.execute(stmt).scalars())


def submitted(round_: Round):
    return select(Response.id).where(
        Response.round_id == round_.id, Response.submitted_at.is_not(None)
    )


def option_counts(round_: Round) -> dict[str, dict[str, int]]:
    """How many submitted responses chose each value, per question."""
    stmt = (
        select(Answer.question_id, Answer.value, func.count(func.distinct(Answer.response_id)))
        .where(Answer.response_id.in_(submitted(round_)), Answer.value.is_not(None))
        .group_by(Answer.question_id, Answer.value)
    )
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for question_id, value, n in db.session.execute(stmt):
        found[question_id][value] = n
    return found


def answered_counts(round_: Round) -> dict[str, int]:
    """How many submitted responses answered each question at all."""
    stmt = (
        select(Answer.question_id, func.count(func.distinct(Answer.response_id)))
        .where(Answer.response_id.in_(submitted(round_)))
        .where(Answer.value.is_not(None) | Answer.text.is_not(None))
        .group_by(Answer.question_id)
    )
    return dict(db.session.execute(stmt).all())


def free_text(round_: Round) -> list[str]:
    """Free-text answers of submitted responses, without anything that says whose they are."""
    stmt = (
        select(Answer.text)
        .where(Answer.response_id.in_(submitted(round_)))
        .where(Answer.text.is_not(None), Answer.text != "")
        .order_by(Answer.id)
    )
    return list(db.session.execute(stmt).scalars())


def read_free_text(reader: User, round_: Round) -> list[str]:
    """The round's free text for someone allowed to read it; the reading is audited."""
    return _seen("free_text.viewed", reader, round_, free_text(round_), "count")


def code_sheet(reader: User, round_: Round) -> list[Invitation]:
    """The unused codes, to print; who printed them, and how many, is audited."""
    return _seen("round.code_sheet_viewed", reader, round_, unused_invitations(round_), "codes")


def _seen(event: str, reader: User, round_: Round, found: list, counted_as: str) -> list:
    """Record that `reader` was shown `found` for the round (how many, never what)."""
    audit.record(
        event, reader, target=("round", round_.id), home_id=round_.home_id,
        **{counted_as: len(found)},
    )  # fmt: skip
    db.session.commit()
    return found
