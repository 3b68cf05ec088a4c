"""Reminder emails to a home's managers when a round is about to close: counts, never answers."""

from __future__ import annotations

from datetime import date, timedelta

from flask import current_app
from sqlalchemy import select

from survey_app import audit, mail
from survey_app.extensions import db
from survey_app.formatting import longdate
from survey_app.models import Round, User, user_home
from survey_app.staff.service import counts_for


def rounds_closing_on(day: date) -> list[Round]:
    stmt = select(Round).where(Round.closes_on == day).order_by(Round.home_id, Round.audience)
    return list(db.session.execute(stmt).scalars())


def managers_of(round_: Round) -> list[User]:
    """Active home managers assigned to the round's home, and its registered manager."""
    assigned = select(user_home.c.user_id).where(user_home.c.home_id == round_.home_id)
    stmt = select(User).where(User.active, User.role == "home_manager", User.id.in_(assigned))
    found = {u.id: u for u in db.session.execute(stmt).scalars()}
    registered = round_.home.registered_manager
    if registered is not None and registered.active:
        found[registered.id] = registered
    return sorted(found.values(), key=lambda u: u.email)


def send_closing_reminders(today: date, days_ahead: int) -> int:
    """Email each round's managers `days_ahead` days before it closes; returns emails sent."""
    rounds = rounds_closing_on(today + timedelta(days=days_ahead))
    counts = counts_for([r.id for r in rounds])
    messages = [
        _reminder(user, round_, counts[round_.id])
        for round_ in rounds
        for user in managers_of(round_)
    ]
    sent = mail.send(messages) if messages else 0
    audit.record("mail.reminders_sent", rounds=len(rounds), emails=sent)
    db.session.commit()
    return sent


def _reminder(user: User, round_: Round, counts):
    audience = round_.audience.replace("_", " ")
    link = f"{current_app.config['BASE_URL']}/staff/rounds/{round_.id}"
    body = (
        f"Hello {user.name},\n\nThe {audience} survey at {round_.home.name} closes on "
        f"{longdate(round_.closes_on)}. So far {counts.submitted} of {counts.issued} people "
        f"invited have answered.\n\nCodes to print and links to share:\n{link}\n"
    )
    return mail.message(user.email, f"{round_.home.name}: {audience} survey closes soon", body)
