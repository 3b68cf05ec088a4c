"""Raising flags inside the respondent's unit of work; listing, counting and reviewing them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import joinedload

from survey_app import audit
from survey_app.banks import Question
from survey_app.clock import now
from survey_app.extensions import db
from survey_app.models import (
    FLAG_OUTCOMES,
    ROUTINE_REVIEW,
    URGENT_REVIEW,
    Answer,
    Flag,
    User,
)
from survey_app.safeguarding.detection import Concern, Given, concerns_for

SAFETY_PAGE_SOURCES = ("free_text", "alert_answer")


class ReviewError(ValueError):
    """A review that cannot be recorded, in words for the reviewer."""


def page_concerns(audience: str, questions: tuple[Question, ...], data: dict) -> list:
    """A page's alert answers and worrying words, so a survey left unsent is still seen.

    Worked out before the write lock is taken: reading text is the slow part, and holding
    the lock for it would make every other young person's submit wait.
    """
    given = [g for q in questions for g in _given(q, data.get(q.id))]
    return concerns_for(given, {q.id: q for q in questions}, audience, final=False)


def earlier_answers(
    connection: Connection, response_id: int, questions: tuple[Question, ...]
) -> list[Given]:
    """The answers stored on the response's other pages, as the policy reads them."""
    stored = connection.execute(
        _STORED_ELSEWHERE, {"id": response_id, "sent_here": [q.id for q in questions]}
    )
    return [Given(*row) for row in stored]


def submission_concerns(
    earlier: list[Given],
    every_question: dict[str, Question],
    audience: str,
    questions: tuple[Question, ...],
    data: dict,
    asked_to_talk: bool,
) -> list:
    """The whole response as it will be submitted: the pages stored so far plus this one.

    Worked out before the write lock is taken, like page_concerns.
    """
    given = [*earlier, *(g for q in questions for g in _given(q, data.get(q.id)))]
    return concerns_for(given, every_question, audience, asked_to_talk=asked_to_talk)


def add_flags(connection: Connection, response_id: int, round_, concerns: list[Concern]) -> bool:
    """Insert the flags in the caller's transaction, with the answers; True if any is urgent.

    One flag per source, so a page sent again adds nothing. `round_` is a Round or RoundInfo.
    """
    if not concerns:
        return False
    at = now()
    rows = [_row(response_id, round_, concern, at) for concern in concerns]
    connection.execute(_INSERT_FLAG[connection.dialect.name], rows)
    return any(concern.urgent for concern in concerns)


def flag_asked_to_talk(connection: Connection, response_id: int, round_) -> bool:
    """The young person asked, after sending, for someone to talk to them."""
    concerns = concerns_for([], {}, "", asked_to_talk=True, final=False)
    return add_flags(connection, response_id, round_, concerns)


def shows_safety_page(audience: str, concerns: list[Concern]) -> bool:
    """A young person whose words or answers raised an urgent flag sees who can help next."""
    return audience == "young_people" and any(
        c.urgent and c.source in SAFETY_PAGE_SOURCES for c in concerns
    )


# Core statements built once: they run on every page a respondent sends.
_flag, _answer = Flag.__table__, Answer.__table__
_STORED_ELSEWHERE = select(_answer.c.question_id, _answer.c.value, _answer.c.text).where(
    _answer.c.response_id == bindparam("id"),
    _answer.c.question_id.not_in(bindparam("sent_here", expanding=True)),
)
_UNIQUE = ["response_id", "source"]
_INSERT_FLAG = {
    "postgresql": postgresql.insert(_flag).on_conflict_do_nothing(index_elements=_UNIQUE),
    "sqlite": sqlite.insert(_flag).on_conflict_do_nothing(index_elements=_UNIQUE),
}


def _row(response_id: int, round_, concern: Concern, at: datetime) -> dict:
    return {
        "response_id": response_id,
        "home_id": round_.home_id,
        "round_id": round_.id,
        "audience": round_.audience,
        "source": concern.source,
        "urgent": concern.urgent,
        "categories": ",".join(concern.categories),
        "reasons": "\n".join(concern.reasons) or None,
        "created_at": at,
        "due_at": at + (URGENT_REVIEW if concern.urgent else ROUTINE_REVIEW),
        "status": "new",
    }


def _given(question: Question, raw) -> list[Given]:
    values = [v for v in (raw if isinstance(raw, list) else [raw]) if isinstance(v, str) and v]
    if question.kind == "text":
        return [Given(question.id, None, v.strip()) for v in values if v.strip()]
    return [Given(question.id, v, None) for v in values]


@dataclass(frozen=True)
class FlagCounts:
    urgent_open: int = 0
    routine_open: int = 0
    overdue: int = 0


def flags_in(home_ids: set[int], show: str, limit: int = 500) -> list[Flag]:
    """Flags at these homes: open ones by due time, or reviewed ones newest first."""
    stmt = (
        select(Flag)
        .options(joinedload(Flag.home), joinedload(Flag.round))
        .where(Flag.home_id.in_(home_ids))
    )
    if show == "open":
        stmt = stmt.where(Flag.status == "new").order_by(Flag.urgent.desc(), Flag.due_at)
    elif show == "reviewed":
        stmt = stmt.where(Flag.status == "reviewed").order_by(Flag.reviewed_at.desc())
    else:
        stmt = stmt.order_by(Flag.created_at.desc())
    return list(db.session.execute(stmt.limit(limit)).scalars())


def counts_in(home_ids: set[int], at: datetime) -> FlagCounts:
    """Open flags at these homes, urgent and routine, and how many are past their due time."""
    rows = db.session.execute(
        select(Flag.urgent, Flag.due_at).where(Flag.home_id.in_(home_ids), Flag.status == "new")
    ).all()
    return FlagCounts(
        urgent_open=sum(1 for urgent, _ in rows if urgent),
        routine_open=sum(1 for urgent, _ in rows if not urgent),
        overdue=sum(1 for _, due in rows if due < at),
    )


def list_for(reader: User, home_ids: set[int], show: str) -> list[Flag]:
    """flags_in() for a staff page; which flags were listed, and to whom, is audited."""
    found = flags_in(home_ids, show)
    audit.record("safeguarding.flags_listed", reader, show=show, flags=[f.id for f in found])
    db.session.commit()
    return found


def open_flag(reader: User, flag: Flag, words_shown: bool) -> list[str]:
    """Record that `reader` opened the flag; the young person's words only if shown to them."""
    audit.record(
        "safeguarding.flag_viewed",
        reader,
        target=("flag", flag.id),
        home_id=flag.home_id,
        words_shown=words_shown,
    )
    db.session.commit()
    return free_text_of(flag) if words_shown else []


def free_text_of(flag: Flag) -> list[str]:
    """What the young person wrote in the flagged response (reviewers only)."""
    stmt = (
        select(Answer.text)
        .where(Answer.response_id == flag.response_id, Answer.text.is_not(None))
        .order_by(Answer.id)
    )
    return list(db.session.execute(stmt).scalars())


def review(flag: Flag, reviewer: User, outcome: str, notes: str, at: datetime) -> None:
    """Record the review once; a second review of the same flag is refused."""
    if outcome not in FLAG_OUTCOMES:
        raise ReviewError("Choose one of the outcomes listed.")
    done = db.session.execute(
        update(Flag)
        .where(Flag.id == flag.id, Flag.status == "new")
        .values(
            status="reviewed",
            reviewed_at=at,
            reviewed_by_id=reviewer.id,
            outcome=outcome,
            notes=notes,
        )
    )
    if done.rowcount == 0:
        db.session.rollback()
        raise ReviewError("This flag has already been reviewed; the first review stands.")
    audit.record(
        "safeguarding.flag_reviewed",
        reviewer,
        target=("flag", flag.id),
        home_id=flag.home_id,
        outcome=outcome,
        late=at > flag.due_at,
    )
    db.session.commit()
    db.session.refresh(flag)


def mark_missed(flag: Flag, reviewer: User, at: datetime) -> None:
    """Record that this response should have been flagged as urgent by the detector."""
    if flag.source == "free_text":
        raise ReviewError("The detector already flagged this answer; nothing was missed.")
    done = db.session.execute(
        update(Flag)
        .where(Flag.id == flag.id, Flag.missed_at.is_(None))
        .values(missed_at=at, missed_by_id=reviewer.id)
    )
    if done.rowcount == 0:
        db.session.rollback()
        raise ReviewError("This answer is already marked as one that should have been flagged.")
    audit.record(
        "safeguarding.flag_missed", reviewer, target=("flag", flag.id), home_id=flag.home_id
    )
    db.session.commit()
    db.session.refresh(flag)
