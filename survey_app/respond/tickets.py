"""What a respondent's request needs to know about its code, read with one statement.

Every respondent request starts here, and the final submit is the busiest request the service
has. Reading the invitation, its round, its home and its response as three ORM objects cost
more than the database work did, so they are read by one Core statement (compiled once and
cached by SQLAlchemy) into small frozen records. See benchmarks/submit_throughput.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, bindparam, select

from survey_app.models import Home, Invitation, Response, Round

_invitation, _round, _home, _response = (
    Invitation.__table__,
    Round.__table__,
    Home.__table__,
    Response.__table__,
)

_BY_CODE = (
    select(
        _invitation.c.id,
        _invitation.c.code,
        _round.c.id,
        _round.c.home_id,
        _home.c.name,
        _round.c.audience,
        _round.c.theme_id,
        _round.c.presentation,
        _round.c.opens_on,
        _round.c.closes_on,
        _response.c.id,
        _response.c.pages_done,
        _response.c.submitted_at,
        _response.c.wants_contact,
        _response.c.contact_name,
    )
    .select_from(
        _invitation.join(_round, _round.c.id == _invitation.c.round_id)
        .join(_home, _home.c.id == _round.c.home_id)
        .outerjoin(_response, _response.c.invitation_id == _invitation.c.id)
    )
    .where(_invitation.c.code == bindparam("code"))
)


@dataclass(frozen=True, slots=True)
class RoundInfo:
    id: int
    home_id: int
    home_name: str
    audience: str
    theme_id: str
    presentation: str
    opens_on: date
    closes_on: date


@dataclass(frozen=True, slots=True)
class InvitationInfo:
    id: int
    code: str
    round: RoundInfo


@dataclass(frozen=True, slots=True)
class ResponseInfo:
    id: int
    pages_done: int
    submitted_at: datetime | None
    wants_contact: bool
    contact_name: str | None


def by_code(
    connection: Connection, code: str
) -> tuple[InvitationInfo, ResponseInfo | None] | None:
    """The invitation with this (normalised) code and its response so far; None if unknown."""
    row = connection.execute(_BY_CODE, {"code": code}).first()
    if row is None:
        return None
    invitation = InvitationInfo(row[0], row[1], RoundInfo(*row[2:10]))
    response = ResponseInfo(*row[10:15]) if row[10] is not None else None
    return invitation, response
