"""Flags not reviewed in time go to the service manager; mails that failed are tried again.

Run hourly (`survey-app safeguarding escalate`). Overdue flags are red on dashboards as soon as
they are due, whether or not this has run; this records the escalation and mails it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from survey_app import audit, mail
from survey_app.extensions import db
from survey_app.models import Flag
from survey_app.safeguarding.notify import (
    escalation_mail,
    send_new_flag_mails,
    service_managers_of,
)


def escalate_overdue_flags(at: datetime) -> int:
    """Escalate every unreviewed flag past its due time, once; returns how many.

    With SMTP set, the service managers are mailed first and a flag is marked escalated only
    when that worked, so the next run tries again; without SMTP it is marked at once.
    """
    overdue = _overdue(at)
    if not overdue:
        return 0
    if mail.mail_enabled():
        messages = _messages(overdue)
        if messages:
            mail.send(messages)  # a MailError propagates: nothing is marked, the next run retries
    else:
        current_app.logger.info("SMTP_URL is not set: escalations are on dashboards only")
    ids = [flag.id for flag in overdue]
    db.session.execute(update(Flag).where(Flag.id.in_(ids)).values(escalated_at=at))
    for flag in overdue:
        audit.record(
            "safeguarding.flag_escalated", target=("flag", flag.id), home_id=flag.home_id
        )
    db.session.commit()
    return len(overdue)


def retry_unsent_mails() -> int:
    """Mail reviewers about urgent flags whose first mail failed (or came before SMTP was set)."""
    stmt = select(Flag).where(Flag.urgent, Flag.status == "new", Flag.notified_at.is_(None))
    return send_new_flag_mails(list(db.session.execute(stmt).scalars()))


def _overdue(at: datetime) -> list[Flag]:
    stmt = (
        select(Flag)
        .options(joinedload(Flag.home))
        .where(Flag.status == "new", Flag.due_at < at, Flag.escalated_at.is_(None))
        .order_by(Flag.home_id, Flag.due_at)
    )
    return list(db.session.execute(stmt).scalars())


def _messages(flags: list[Flag]) -> list:
    by_service: dict[int, list[Flag]] = defaultdict(list)
    for flag in flags:
        by_service[flag.home.service_id].append(flag)
    messages = []
    for service_id, service_flags in by_service.items():
        managers = service_managers_of(service_id)
        if not managers:
            current_app.logger.warning("service %s has no service manager to mail", service_id)
        messages.extend(escalation_mail(user, service_flags) for user in managers)
    return messages
