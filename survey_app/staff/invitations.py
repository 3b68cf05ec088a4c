"""Handing out a round's invitations: codes to print, links to copy, links sent by email."""

from __future__ import annotations

import re
from datetime import date

from survey_app import audit, mail
from survey_app.extensions import db
from survey_app.formatting import longdate
from survey_app.models import Invitation, Round, User
from survey_app.rounds import RoundError, issue_invitations, respondent_url

MAX_ADDRESSES = 100
ADDRESS = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
SEPARATORS = re.compile(r"[\s,;]+")
WHO = {
    "professionals": "a professional who works with",
    "families": "family of a young person at",
    "staff": "a member of staff at",
    "young_people": "a young person at",
}


def issue(
    round_: Round, count: int, actor: User, today: date, via: str = "page"
) -> list[Invitation]:
    """New codes for a round that has not closed; audited with how many and how they went out."""
    if round_.closes_on < today:
        raise RoundError(
            f"This round closed on {longdate(round_.closes_on)}; no more codes can be issued."
        )
    invitations = issue_invitations(round_, count)
    audit.record(
        "round.invitations_issued",
        actor,
        target=("round", round_.id),
        home_id=round_.home_id,
        count=count,
        via=via,
    )
    db.session.commit()
    return invitations


def parse_addresses(text: str) -> tuple[list[str], list[str]]:
    """Addresses one per line (or separated by commas): the good ones, and the ones that are not."""
    seen: dict[str, None] = {}
    bad = []
    for item in SEPARATORS.split(text or ""):
        if not item:
            continue
        if ADDRESS.match(item):
            seen.setdefault(item.lower(), None)
        else:
            bad.append(item)
    return list(seen), bad


def email_links(round_: Round, addresses: list[str], actor: User, today: date) -> int:
    """One new personal link per address, each in its own email; addresses are not stored."""
    if not mail.mail_enabled():
        raise mail.MailError("Email is not set up for this service; copy the links instead.")
    if not 1 <= len(addresses) <= MAX_ADDRESSES:
        raise RoundError(f"Give between 1 and {MAX_ADDRESSES} email addresses.")
    invitations = issue(round_, len(addresses), actor, today, via="email")
    messages = [
        invitation_email(to, round_, inv) for to, inv in zip(addresses, invitations, strict=True)
    ]
    try:
        sent = mail.send(messages)
    except mail.MailError as error:
        _audit_emailed(round_, actor, error.sent, failed=len(messages) - error.sent)
        raise
    _audit_emailed(round_, actor, sent, failed=0)
    return sent


def _audit_emailed(round_: Round, actor: User, sent: int, failed: int) -> None:
    audit.record(
        "round.links_emailed",
        actor,
        target=("round", round_.id),
        home_id=round_.home_id,
        sent=sent,
        failed=failed,
    )
    db.session.commit()


def invitation_email(to: str, round_: Round, invitation: Invitation):
    home = round_.home.name
    body = (
        f"Hello,\n\nYou are invited, as {WHO[round_.audience]} {home}, to say how things are "
        f"before the home's next independent (Regulation 44) visit.\n\n"
        f"Your personal link:\n{respondent_url(invitation)}\n\n"
        f"It takes about five minutes and is open until {longdate(round_.closes_on)}. "
        "Giving your name is optional. The link works once; please do not forward it.\n"
    )
    return mail.message(to, f"Your views about {home}", body)
