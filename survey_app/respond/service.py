"""The respondent's unit of work: find the code, start, save each page, submit once."""

from __future__ import annotations

import enum
from datetime import date, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from survey_app.banks import Question
from survey_app.clock import now
from survey_app.database import reading, writing
from survey_app.extensions import db
from survey_app.models import Answer, Invitation, Response
from survey_app.ratelimit import counts, record
from survey_app.respond.codes import normalise
from survey_app.safeguarding import flags
from survey_app.safeguarding.notify import notify_response

GUESS_WINDOW = timedelta(minutes=15)


class Access(enum.Enum):
    """Why a code can or cannot be used today; each has its own kind page and status."""

    OK = 200
    UNKNOWN = 404
    NOT_OPEN = 403
    CLOSED = 410
    USED = 409
    TOO_MANY_TRIES = 429


def guessing_blocked(client: str, per_client: int, overall: int) -> bool:
    found = counts([f"code:{client}", "code:*"], GUESS_WINDOW)
    return found.get(f"code:{client}", 0) >= per_client or found.get("code:*", 0) >= overall


def find_invitation(
    typed: str, client: str, limits: tuple[int, int]
) -> tuple[Access, Invitation | None]:
    """Look a typed or linked code up; unknown codes count against the guessing limits."""
    if guessing_blocked(client, *limits):
        return Access.TOO_MANY_TRIES, None
    code = normalise(typed)
    invitation = None
    if code is not None:
        stmt = (
            select(Invitation).options(joinedload(Invitation.round)).where(Invitation.code == code)
        )
        invitation = db.session.execute(stmt).scalar_one_or_none()
    if invitation is None:
        with writing():
            record(f"code:{client}", GUESS_WINDOW)
            record("code:*", GUESS_WINDOW)
            db.session.commit()
        return Access.UNKNOWN, None
    return Access.OK, invitation


def access_for(invitation: Invitation, response: Response | None, today: date) -> Access:
    if response is not None and response.submitted_at is not None:
        return Access.USED
    if today < invitation.round.opens_on:
        return Access.NOT_OPEN
    if today > invitation.round.closes_on:
        return Access.CLOSED
    return Access.OK


def response_for(invitation: Invitation) -> Response | None:
    stmt = select(Response).where(Response.invitation_id == invitation.id)
    return db.session.execute(stmt).scalar_one_or_none()


def start(invitation: Invitation, language: str) -> Response:
    """Begin (or find) the one response this code allows."""
    existing = response_for(invitation)
    if existing is not None:
        return existing
    response = Response(
        invitation_id=invitation.id, round_id=invitation.round_id, language=language
    )
    try:
        with writing():
            db.session.add(response)
            db.session.commit()
    except IntegrityError:
        # Two taps on "Start" at once: the other request made it; use that one.
        db.session.rollback()
        return response_for(invitation)
    return response


def save_page(
    response: Response,
    questions: tuple[Question, ...],
    data: dict,
    page: int,
    language: str,
    finished: bool = True,
) -> None:
    """Replace this page's answers with what was sent; one commit per page, flags included.

    `finished=False` keeps answers without counting the page as done (a language switch).
    """
    with reading():  # read and judge the words without holding the write lock
        concerns = flags.page_concerns(response, questions, data)
    with writing():
        _write_answers(response, questions, data)
        done = max(response.pages_done, page) if finished else response.pages_done
        db.session.execute(
            update(Response)
            .where(Response.id == response.id)
            .values(pages_done=done, language=language, updated_at=now())
        )
        # "I don't feel safe at all" is flagged now, even if the survey is never finished.
        urgent = flags.add_flags(response, concerns)
        db.session.commit()
    if urgent:
        notify_response(response.id)  # after the commit: a mail failure never loses an answer


def submit(
    response: Response, questions: tuple[Question, ...], data: dict, extras: dict, language: str
) -> bool:
    """Store the last page and mark the response submitted; False if it already was."""
    asked = bool(extras.get("wants_contact") or extras.get("contact_name"))
    with reading():  # read and judge the words without holding the write lock
        concerns = flags.submission_concerns(response, questions, data, asked_to_talk=asked)
    with writing():
        done = _submit(response, questions, data, extras, language, concerns)
    if done:
        notify_response(response.id)  # after the commit: a mail failure never loses an answer
    return done


def _submit(response, questions, data, extras, language, concerns) -> bool:
    marked = db.session.execute(
        update(Response)
        .where(Response.id == response.id, Response.submitted_at.is_(None))
        .values(submitted_at=now(), updated_at=now(), language=language, **extras)
    )
    if marked.rowcount == 0:
        # A double tap or a resent form: the first submit already stored everything.
        db.session.rollback()
        return False
    _write_answers(response, questions, data)
    flags.add_flags(response, concerns)  # in the same transaction as the answers
    db.session.commit()
    return True


def ask_to_talk(response: Response, name: str | None) -> None:
    """After sending: the young person would like someone to talk to them, perhaps by name."""
    values = {"wants_contact": True, "updated_at": now()}
    if name:
        values["contact_name"] = name
    with writing():
        db.session.execute(update(Response).where(Response.id == response.id).values(**values))
        flags.flag_asked_to_talk(response)
        db.session.commit()
    notify_response(response.id)


def stored_answers(response: Response | None, questions: tuple[Question, ...]) -> dict:
    """This page's answers so far, in the shape its form expects (a list only for multiple)."""
    if response is None:
        return {}
    kinds = {q.id: q.kind for q in questions}
    found: dict[str, list[str] | str] = {}
    for answer in response.answers:
        kind = kinds.get(answer.question_id)
        if kind == "text":
            found[answer.question_id] = answer.text or ""
        elif kind == "multiple":
            found.setdefault(answer.question_id, []).append(answer.value)
        elif kind is not None:
            found[answer.question_id] = answer.value
    return found


def _write_answers(response: Response, questions: tuple[Question, ...], data: dict) -> None:
    ids = [q.id for q in questions]
    db.session.execute(
        delete(Answer).where(Answer.response_id == response.id, Answer.question_id.in_(ids))
    )
    rows = [
        {"response_id": response.id, "value": None, "score": None, "text": None, **row}
        for question in questions
        for row in _rows(question, data.get(question.id))
    ]
    if rows:
        db.session.execute(insert(Answer), rows)
    db.session.expire(response, ["answers"])


def _rows(question: Question, raw) -> list[dict]:
    if question.kind == "text":
        text = (raw or "").strip()
        return [{"question_id": question.id, "text": text}] if text else []
    values = raw if isinstance(raw, list) else [raw] if raw else []
    return [
        {"question_id": question.id, "value": v, "score": question.score(v)}
        for v in values
        if question.option(v) is not None
    ]
