"""The respondent's unit of work: find the code, start, save each page, submit once."""

from __future__ import annotations

import enum
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, bindparam, delete, insert, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from survey_app.banks import Question
from survey_app.clock import now
from survey_app.database import core_reading, core_writing, writing
from survey_app.extensions import db
from survey_app.models import Answer, Response, answer_choice
from survey_app.ratelimit import counts, record
from survey_app.respond import tickets
from survey_app.respond.codes import normalise
from survey_app.respond.survey import Page, Survey
from survey_app.respond.tickets import InvitationInfo, ResponseInfo
from survey_app.safeguarding import flags
from survey_app.safeguarding.detection import Given
from survey_app.safeguarding.notify import notify_response

GUESS_WINDOW = timedelta(minutes=15)

# The respondent's statements are Core, built once here: every page sent runs them, and
# through the ORM each cost several times what SQLite takes to run it.
_response, _answer = Response.__table__, Answer.__table__
# Every write to a response starts with an UPDATE of its row guarded by `submitted_at IS
# NULL`, its row count checked: once the final submit has committed, nothing else changes
# the response. The UPDATE also locks the row (PostgreSQL) or runs under the write lock
# (SQLite), so a page save and the submit racing for one response take turns.
# (An UPDATE's own bind names may not be column names, hence the "new_" prefix.)
_MARK_SENT = (
    update(_response)
    .where(_response.c.id == bindparam("response"), _response.c.submitted_at.is_(None))
    .values(
        submitted_at=bindparam("new_at"),
        updated_at=bindparam("new_at"),
        language=bindparam("new_language"),
        wants_contact=bindparam("new_wants_contact"),
        contact_name=bindparam("new_contact_name"),
    )
)
_SAVE_PAGE = (
    update(_response)
    .where(_response.c.id == bindparam("response"), _response.c.submitted_at.is_(None))
    .values(
        pages_done=bindparam("new_pages_done"),
        language=bindparam("new_language"),
        updated_at=bindparam("new_at"),
    )
)
_CLEAR_ANSWERS = delete(_answer).where(
    _answer.c.response_id == bindparam("id"),
    _answer.c.question_id.in_(bindparam("questions", expanding=True)),
)
# Answers this page no longer gives (a choice undone, a question now skipped); the rest are
# upserted on their key, so a page sent twice at once is stored once (ON CONFLICT).
_CLEAR_OTHER_ANSWERS = _CLEAR_ANSWERS.where(
    tuple_(_answer.c.question_id, _answer.c.choice).not_in(bindparam("keys", expanding=True))
)
_KEY = ["response_id", "question_id", "choice"]


def _upsert(dialect):
    statement = dialect.insert(_answer)
    changed = {name: statement.excluded[name] for name in ("value", "score", "text")}
    return statement.on_conflict_do_update(index_elements=_KEY, set_=changed)


_UPSERT_ANSWERS = {"postgresql": _upsert(postgresql), "sqlite": _upsert(sqlite)}
_PAGE_ANSWERS = (
    select(_answer.c.question_id, _answer.c.value, _answer.c.text)
    .where(
        _answer.c.response_id == bindparam("id"),
        _answer.c.question_id.in_(bindparam("questions", expanding=True)),
    )
    .order_by(_answer.c.id)
)


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


def find(code: str) -> tuple[InvitationInfo, ResponseInfo | None] | None:
    """The invitation for a code as typed, and its response so far (no guessing limits)."""
    normalised = normalise(code)
    if normalised is None:
        return None
    with core_reading() as connection:
        return tickets.by_code(connection, normalised)


def find_invitation(
    connection: Connection,
    typed: str,
    client: str,
    limits: tuple[int, int],
    opened: Collection[int] = (),
) -> tuple[Access, InvitationInfo | None, ResponseInfo | None]:
    """Look a typed or linked code up; unknown codes count against the guessing limits.

    `opened` holds the invitations this browser has already opened (kept in its signed
    session): using one of those again is not a guess, so only other lookups pay for the
    guessing check. A blocked client is refused before it can learn whether a code exists.
    """
    code = normalise(typed)
    found = tickets.by_code(connection, code) if code is not None else None
    if (found is None or found[0].id not in opened) and guessing_blocked(client, *limits):
        return Access.TOO_MANY_TRIES, None, None
    if found is None:
        with writing():
            record(f"code:{client}", GUESS_WINDOW)
            record("code:*", GUESS_WINDOW)
            db.session.commit()
        return Access.UNKNOWN, None, None
    return Access.OK, *found


def access_for(invitation: InvitationInfo, response: ResponseInfo | None, today: date) -> Access:
    if response is not None and response.submitted_at is not None:
        return Access.USED
    if today < invitation.round.opens_on:
        return Access.NOT_OPEN
    if today > invitation.round.closes_on:
        return Access.CLOSED
    return Access.OK


def start(
    invitation: InvitationInfo, response: ResponseInfo | None, language: str
) -> ResponseInfo:
    """Begin the one response this code allows, or carry on with the one begun."""
    if response is not None:
        return response
    try:
        with core_writing() as connection:
            connection.execute(
                insert(_response).values(
                    invitation_id=invitation.id, round_id=invitation.round.id, language=language
                )
            )
    except IntegrityError:
        pass  # Two taps on "Start" at once: the other request made it; use that one.
    with core_reading() as connection:
        return tickets.by_code(connection, invitation.code)[1]


def save_page(
    invitation: InvitationInfo,
    response: ResponseInfo,
    questions: tuple[Question, ...],
    data: dict,
    page: int,
    language: str,
    finished: bool = True,
) -> bool:
    """Replace this page's answers with what was sent; one commit per page, flags included.

    `finished=False` keeps answers without counting the page as done (a language switch).
    False, and nothing written, when the response was sent meanwhile (another tab, a race).
    """
    round_ = invitation.round
    # Judged before the write lock is taken: reading text is the slow part.
    concerns = flags.page_concerns(round_.audience, questions, data)
    done = max(response.pages_done, page) if finished else response.pages_done
    with core_writing() as connection:
        saved = connection.execute(
            _SAVE_PAGE,
            {
                "response": response.id,
                "new_pages_done": done,
                "new_language": language,
                "new_at": now(),
            },
        )
        if saved.rowcount != 1:
            connection.rollback()
            return False
        _write_answers(connection, response.id, questions, data)
        # "I don't feel safe at all" is flagged now, even if the survey is never finished.
        urgent = flags.add_flags(connection, response.id, round_, concerns)
    if urgent:
        notify_response(response.id)  # after the commit: a mail failure never loses an answer
    return True


@dataclass(frozen=True)
class Sent:
    stored: bool  # False when an earlier submit of the same response already stored it
    show_safety_page: bool  # a young person whose answers raised an urgent flag


def submit(
    invitation: InvitationInfo,
    response: ResponseInfo,
    survey: Survey,
    questions: tuple[Question, ...],
    data: dict,
    extras: dict,
    language: str,
    earlier: list[Given] | None = None,
) -> Sent:
    """Store the last page and mark the response submitted, once however often it is sent.

    The whole response (`earlier`, the other pages' answers from on_record(), and this page)
    is judged for safeguarding before the write lock is taken: reading words is the slow part.
    The flags go in the same transaction as the answers.
    """
    round_ = invitation.round
    if earlier is None:
        with core_reading() as connection:
            earlier = flags.earlier_answers(connection, response.id, questions)
    asked = bool(extras.get("wants_contact") or extras.get("contact_name"))
    concerns = flags.submission_concerns(
        earlier, survey.by_id, round_.audience, questions, data, asked_to_talk=asked
    )
    with core_writing() as connection:
        marked = connection.execute(
            _MARK_SENT,
            {"response": response.id, "new_at": now(), "new_language": language, **_new(extras)},
        )
        stored = marked.rowcount == 1
        if stored:
            _write_answers(connection, response.id, questions, data)
            flags.add_flags(connection, response.id, round_, concerns)
        else:
            # A double tap or a resent form: the first submit already stored everything.
            connection.rollback()
    if stored and any(concern.urgent for concern in concerns):
        notify_response(response.id)  # after the commit: a mail failure never loses an answer
    return Sent(stored, flags.shows_safety_page(round_.audience, concerns))


def ask_to_talk(invitation: InvitationInfo, response: ResponseInfo, name: str | None) -> None:
    """After sending: the young person would like someone to talk to them, perhaps by name."""
    values = {"wants_contact": True, "updated_at": now()}
    if name:
        values["contact_name"] = name
    with core_writing() as connection:
        connection.execute(update(_response).where(_response.c.id == response.id).values(values))
        flags.flag_asked_to_talk(connection, response.id, invitation.round)
    notify_response(response.id)


def on_record(
    connection: Connection, response: ResponseInfo | None, page: Page | None, showing: bool
) -> dict | list[Given] | None:
    """What a page request needs from the stored answers, read with the code.

    Showing a page: its own answers so far, shaped for its form. Sending the last page: every
    other page's answers, so the whole response is judged with it. Otherwise nothing.
    """
    if response is None or page is None:
        return None
    if showing:
        return stored_answers(connection, response, page.questions)
    if page.is_final:
        return flags.earlier_answers(connection, response.id, page.questions)
    return None


def stored_answers(
    connection: Connection, response: ResponseInfo | None, questions: tuple[Question, ...]
) -> dict:
    """This page's answers so far, in the shape its form expects (a list only for multiple)."""
    if response is None:
        return {}
    kinds = {q.id: q.kind for q in questions}
    rows = connection.execute(
        _PAGE_ANSWERS, {"id": response.id, "questions": list(kinds)}
    )
    found: dict[str, list[str] | str] = {}
    for question_id, value, text in rows:
        kind = kinds[question_id]
        if kind == "text":
            found[question_id] = text or ""
        elif kind == "multiple":
            found.setdefault(question_id, []).append(value)
        else:
            found[question_id] = value
    return found


def _new(extras: dict) -> dict:
    """Every column the final page may set, so one cached statement serves every audience."""
    given = {"wants_contact": False, "contact_name": None, **extras}
    return {f"new_{name}": value for name, value in given.items()}


def _write_answers(
    connection: Connection, response_id: int, questions: tuple[Question, ...], data: dict
) -> None:
    """Make the stored answers to these questions exactly what was sent (called guarded)."""
    rows = [
        {"response_id": response_id, "value": None, "score": None, "text": None, **row}
        for question in questions
        for row in _rows(question, data.get(question.id))
    ]
    page = {"id": response_id, "questions": [q.id for q in questions]}
    if not rows:
        connection.execute(_CLEAR_ANSWERS, page)
        return
    keys = [(row["question_id"], row["choice"]) for row in rows]
    connection.execute(_CLEAR_OTHER_ANSWERS, {**page, "keys": keys})
    connection.execute(_UPSERT_ANSWERS[connection.dialect.name], rows)


def _rows(question: Question, raw) -> list[dict]:
    if question.kind == "text":
        text = (raw or "").strip()
        return [{"question_id": question.id, "choice": "", "text": text}] if text else []
    values = raw if isinstance(raw, list) else [raw] if raw else []
    # dict.fromkeys: an option sent twice in one form is one answer, not a key clash.
    return [
        {
            "question_id": question.id,
            "choice": answer_choice(question.kind, v),
            "value": v,
            "score": question.score(v),
        }
        for v in dict.fromkeys(values)
        if question.option(v) is not None
    ]
