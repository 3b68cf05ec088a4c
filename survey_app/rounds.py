"""Rounds and invitations: open a round at a home, hand out codes for it."""

from __future__ import annotations

from datetime import date

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from survey_app import audit
from survey_app.banks import Theme
from survey_app.extensions import db
from survey_app.models import Home, Invitation, Round, Visit
from survey_app.respond.codes import new_code

MAX_INVITATIONS = 500


class RoundError(ValueError):
    """Why a round or its invitations cannot be made, in words for the person asking."""


def open_round(
    home: Home,
    theme: Theme,
    opens: date,
    closes: date,
    visit: Visit | None = None,
    reason: str | None = None,
    presentation: str | None = None,
) -> Round:
    """Open a round at the home, audited, in its own commit."""
    round_ = add_round(home, theme, opens, closes, visit, reason, presentation)
    db.session.commit()
    return round_


def add_round(
    home: Home,
    theme: Theme,
    opens: date,
    closes: date,
    visit: Visit | None = None,
    reason: str | None = None,
    presentation: str | None = None,
) -> Round:
    """Add a round and its audit event to the session, for a caller whose unit of work commits."""
    if closes < opens:
        raise RoundError(f"a round cannot close ({closes}) before it opens ({opens})")
    round_ = Round(
        home=home,
        audience=theme.audience,
        theme_id=theme.id,
        theme_version=theme.version,
        presentation=presentation or theme.presentation,
        opens_on=opens,
        closes_on=closes,
        visit=visit,
        rotation_reason=reason,
    )
    db.session.add(round_)
    db.session.flush()
    audit.record("round.opened", target=("round", round_.id), home_id=home.id,
                 audience=round_.audience, theme=round_.theme_id, opens=opens.isoformat(),
                 closes=closes.isoformat())
    return round_


def open_round_for(home: Home, audience: str, day: date) -> Round | None:
    """The home's round for this audience that is open on `day` (the latest, if several)."""
    stmt = (
        select(Round)
        .where(Round.home_id == home.id, Round.audience == audience)
        .where(Round.opens_on <= day, Round.closes_on >= day)
        .order_by(Round.opens_on.desc(), Round.id.desc())
    )
    return db.session.execute(stmt).scalars().first()


def issue_invitations(round_: Round, count: int) -> list[Invitation]:
    """Create `count` single-use codes for the round, in one commit."""
    if not 1 <= count <= MAX_INVITATIONS:
        raise RoundError(f"ask for between 1 and {MAX_INVITATIONS} invitations at a time")
    for _attempt in range(3):
        invitations = [Invitation(round=round_, code=new_code()) for _ in range(count)]
        db.session.add_all(invitations)
        try:
            db.session.commit()
            return invitations
        except IntegrityError:
            # A code collided with an existing one (astronomically rare): draw them all again.
            db.session.rollback()
    raise RoundError("could not draw unique codes; please try again")


def respondent_url(invitation: Invitation) -> str:
    return f"{current_app.config['BASE_URL']}/r/{invitation.code}"


def home_by_code(code: str) -> Home | None:
    return db.session.execute(select(Home).where(Home.code == code.upper())).scalar_one_or_none()
