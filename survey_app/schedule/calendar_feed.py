"""Each user's calendar feed of what is due for them: a secret link, stored hashed, revocable."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, timedelta
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import select

from survey_app import audit
from survey_app.clock import now
from survey_app.extensions import db
from survey_app.models import CalendarToken, QaOccurrence, User, Visit
from survey_app.permissions import responsible_role, visible_home_ids, visible_service_ids
from survey_app.schedule import qa
from survey_app.schedule.deadlines import report_due, sent_due
from survey_app.schedule.ical import CalendarEvent, calendar_text
from survey_app.schedule.wording import long_date

PAST_DAYS = 90  # overdue items stay in the calendar this long
AHEAD_DAYS = 366


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def active_token(user: User) -> CalendarToken | None:
    stmt = select(CalendarToken).where(
        CalendarToken.user_id == user.id, CalendarToken.revoked_at.is_(None)
    )
    return db.session.execute(stmt).scalars().first()


def issue(user: User) -> str:
    """A new feed link's secret part; any earlier link stops working. Shown once, never stored."""
    _revoke_all(user)
    token = secrets.token_urlsafe(32)
    db.session.add(CalendarToken(user=user, token_hash=_digest(token)))
    audit.record("calendar.issued", user, target=("user", user.id))
    db.session.commit()
    return token


def revoke(user: User) -> bool:
    """End the user's feed link; returns whether there was one."""
    ended = _revoke_all(user)
    if ended:
        audit.record("calendar.revoked", user, target=("user", user.id))
        db.session.commit()
    return ended


def user_for_token(token: str) -> User | None:
    """The active user whose live feed link this is, or None."""
    stmt = select(CalendarToken).where(
        CalendarToken.token_hash == _digest(token), CalendarToken.revoked_at.is_(None)
    )
    found = db.session.execute(stmt).scalars().first()
    return found.user if found is not None and found.user.active else None


def feed(user: User, today: date) -> str:
    """The user's calendar as iCalendar text: places, activities and dates; never answers."""
    events = [*_visit_events(user, today), *_qa_events(user, today)]
    events.sort(key=lambda e: (e.day, e.uid))
    return calendar_text(events, f"Your voice: what is due for {user.name}", now())


def _revoke_all(user: User) -> bool:
    stmt = select(CalendarToken).where(
        CalendarToken.user_id == user.id, CalendarToken.revoked_at.is_(None)
    )
    found = list(db.session.execute(stmt).scalars())
    for token in found:
        token.revoked_at = now()
    return bool(found)


def _uid(kind: str, key: object) -> str:
    host = urlsplit(current_app.config["BASE_URL"]).hostname or "localhost"
    return f"{kind}-{key}@{host}"


def _visit_events(user: User, today: date) -> list[CalendarEvent]:
    """A visitor's own visits, and the report deadlines of those not yet sent."""
    if user.role != "reg44_visitor":
        return []
    stmt = select(Visit).where(
        Visit.visitor_id == user.id,
        Visit.visit_date >= today - timedelta(days=PAST_DAYS),
        Visit.visit_date <= today + timedelta(days=AHEAD_DAYS),
        Visit.report_sent_on.is_(None),
    )
    events = []
    for visit in db.session.execute(stmt).scalars():
        where = f"{visit.home.name} ({visit.home.code})"
        happened = visit.done_on or visit.visit_date
        if visit.done_on is None and visit.visit_date >= today:
            events.append(
                CalendarEvent(_uid("visit", visit.id), visit.visit_date, f"Reg 44 visit: {where}")
            )
        if visit.report_completed_on is None:
            events.append(
                CalendarEvent(
                    _uid("visit-report", visit.id),
                    report_due(happened),
                    f"Reg 44 report to complete: {where}",
                    f"For the visit on {long_date(happened)}; due within 2 weeks of the visit.",
                )
            )
        events.append(
            CalendarEvent(
                _uid("visit-sent", visit.id),
                sent_due(happened),
                f"Reg 44 report to check and send: {where}",
                f"For the visit on {long_date(happened)}; due within 22 working days of the visit.",
            )
        )
    return events


def _qa_events(user: User, today: date) -> list[CalendarEvent]:
    """Undone QA activities that are the user's role's job, in the homes and services it covers."""
    found = qa.listed(
        visible_home_ids(user),
        visible_service_ids(user),
        qa.Filter(until=today + timedelta(days=AHEAD_DAYS)),
        today,
    )
    events = []
    for occurrence in found:
        if occurrence.due_on < today - timedelta(days=PAST_DAYS) or not _theirs(user, occurrence):
            continue
        activity = qa.activity_of(occurrence)
        name = activity.name if activity else occurrence.activity_id
        events.append(
            CalendarEvent(
                _uid("qa", occurrence.id),
                occurrence.due_on,
                f"{name}: {qa.place_label(occurrence)}",
                activity.frequency_note if activity else "",
            )
        )
    return events


def _theirs(user: User, occurrence: QaOccurrence) -> bool:
    return responsible_role(occurrence.activity_id) == user.role
