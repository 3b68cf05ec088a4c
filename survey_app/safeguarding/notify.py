"""Who reviews a home's flags, and the mails that tell them: never the words, only a link.

A mail names the home, what the flag may be about and when it is due. It never holds the
answer's text or the reasons (which quote it): mail is copied, forwarded and kept.
"""

from __future__ import annotations

from email.message import EmailMessage

from flask import current_app
from sqlalchemy import select, update

from analysis.safeguarding import CATEGORY_LABELS
from survey_app import mail
from survey_app.clock import now
from survey_app.database import writing
from survey_app.extensions import db
from survey_app.formatting import shortdatetime
from survey_app.models import FLAG_SOURCES, Flag, Home, User, safeguarding_lead


def reviewers_of(home: Home) -> list[User]:
    """The registered manager and the service's safeguarding leads; failing both, its managers."""
    leads = select(safeguarding_lead.c.user_id).where(
        safeguarding_lead.c.service_id == home.service_id
    )
    found = {u.id: u for u in db.session.execute(select(User).where(User.id.in_(leads))).scalars()}
    if home.registered_manager is not None:
        found[home.registered_manager.id] = home.registered_manager
    people = [u for u in found.values() if u.active and u.role != "admin"]
    return sorted(people or service_managers_of(home.service_id), key=lambda u: u.email)


def service_managers_of(service_id: int) -> list[User]:
    stmt = select(User).where(
        User.active, User.role == "service_manager", User.service_id == service_id
    )
    return list(db.session.execute(stmt.order_by(User.email)).scalars())


def what_about(flag: Flag) -> str:
    """Category labels, or why it was raised when no category applies; never the words."""
    labels = [CATEGORY_LABELS.get(c, c) for c in flag.category_ids]
    if labels:
        return "; ".join(labels)
    if flag.source == "free_text":
        return "no category matched, but the answer reads as worrying (safety net)"
    return FLAG_SOURCES.get(flag.source, flag.source)


def flag_url(flag: Flag) -> str:
    return f"{current_app.config['BASE_URL']}/staff/safeguarding/flags/{flag.id}"


def notify_response(response_id: int) -> int:
    """After the answers are stored: mail the reviewers of the response's new urgent flags."""
    stmt = select(Flag).where(
        Flag.response_id == response_id, Flag.urgent, Flag.notified_at.is_(None)
    )
    return send_new_flag_mails(list(db.session.execute(stmt).scalars()))


def send_new_flag_mails(flags: list[Flag]) -> int:
    """Mail each flag's reviewers and mark it told; a mail failure is logged, never raised."""
    if not flags:
        return 0
    log = current_app.logger
    if not mail.mail_enabled():
        log.info("SMTP_URL is not set: flags %s are on dashboards only", [f.id for f in flags])
        return 0
    messages = [_new_flag_mail(user, flag) for flag in flags for user in reviewers_of(flag.home)]
    if not messages:
        log.warning("nobody to mail about flags %s: name a registered manager or a safeguarding "
                    "lead", [f.id for f in flags])  # fmt: skip
    try:
        sent = mail.send(messages) if messages else 0
    except mail.MailError as error:
        log.warning("safeguarding mail for flags %s not sent: %s", [f.id for f in flags], error)
        return 0
    with writing():
        ids = [flag.id for flag in flags]
        db.session.execute(update(Flag).where(Flag.id.in_(ids)).values(notified_at=now()))
        db.session.commit()
    return sent


def _new_flag_mail(user: User, flag: Flag) -> EmailMessage:
    due = shortdatetime(flag.due_at)
    audience = flag.audience.replace("_", " ")
    about = f"What it may be about: {what_about(flag)}\n" if flag.source == "free_text" else ""
    body = (
        f"Hello {user.name},\n\n"
        f"An answer to the {audience} survey at {flag.home.name} may need a safeguarding "
        f"review.\n\n"
        f"{about}"
        f"Raised because: {FLAG_SOURCES.get(flag.source, flag.source)}\n"
        f"Review by: {due}\n\n"
        f"Open the flag (you will be asked to sign in):\n{flag_url(flag)}\n\n"
        "This email never contains what was written; the flag's page shows it.\n"
    )
    return mail.message(user.email, f"Safeguarding flag at {flag.home.name}: review by {due}", body)


def escalation_mail(user: User, flags: list[Flag]) -> EmailMessage:
    lines = [
        f"- {f.home.name}: {what_about(f)}; due {shortdatetime(f.due_at)}\n  {flag_url(f)}"
        for f in flags
    ]
    body = (
        f"Hello {user.name},\n\n"
        f"{len(flags)} safeguarding flag(s) at your service's homes were not reviewed by their "
        "due time, so they are escalated to you as service manager:\n\n"
        + "\n".join(lines)
        + "\n\nThis email never contains what was written; each flag's page shows it.\n"
    )
    subject = f"Escalated: {len(flags)} safeguarding flag(s) not reviewed in time"
    return mail.message(user.email, subject, body)
