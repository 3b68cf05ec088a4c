"""Mail through the SMTP server named by SMTP_URL; without it, the service sends nothing."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from flask import current_app

from survey_app.headers import one_line

TIMEOUT_S = 20


class MailError(RuntimeError):
    """Mail could not be sent, in words for the person who asked; `sent` went out before it."""

    def __init__(self, message: str, sent: int = 0) -> None:
        super().__init__(message)
        self.sent = sent


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    tls: bool
    starttls: bool
    username: str | None
    password: str | None


def parse_smtp_url(url: str) -> SmtpSettings:
    """smtp://user:pass@host:port (STARTTLS with ?starttls=1 or on port 587), smtps:// for TLS."""
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise MailError("SMTP_URL must look like smtp://user:password@host:port or smtps://…")
    tls = parts.scheme == "smtps"
    port = parts.port or (465 if tls else 25)
    wants_starttls = parse_qs(parts.query).get("starttls", ["0"])[0] in ("1", "true", "yes")
    return SmtpSettings(
        host=parts.hostname,
        port=port,
        tls=tls,
        starttls=not tls and (wants_starttls or port == 587),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def mail_enabled() -> bool:
    return bool(current_app.config.get("SMTP_URL"))


def message(to: str, subject: str, body: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = current_app.config["MAIL_FROM"]
    mail["To"] = to
    mail["Subject"] = one_line(subject)  # a home's name may carry a line break
    mail.set_content(body)
    return mail


def send(messages: list[EmailMessage]) -> int:
    """Send the messages over one connection; returns how many the server accepted."""
    if not mail_enabled():
        raise MailError("Email is not set up for this service (SMTP_URL is not set).")
    settings = parse_smtp_url(current_app.config["SMTP_URL"])
    sent = 0
    try:
        with _connect(settings) as smtp:
            for mail in messages:
                smtp.send_message(mail)
                sent += 1
    except (OSError, smtplib.SMTPException) as error:
        current_app.logger.warning("mail failed after %d of %d: %s", sent, len(messages), error)
        raise MailError(
            f"The mail server refused or could not be reached; {sent} of "
            f"{len(messages)} emails were sent.",
            sent,
        ) from error
    return sent


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if settings.tls:
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=TIMEOUT_S, context=context
        )
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_S)
    try:
        if settings.starttls:
            smtp.starttls(context=context)
        if settings.username:
            smtp.login(settings.username, settings.password or "")
    except (OSError, smtplib.SMTPException):
        smtp.close()
        raise
    return smtp
