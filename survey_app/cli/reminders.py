"""`survey-app reminders send`: tell home managers a round is closing soon."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from survey_app import clock
from survey_app.mail import MailError, mail_enabled
from survey_app.reminders import send_closing_reminders


# AppGroup: each subcommand runs inside the app context, however the group is invoked.
@click.group(cls=AppGroup)
def reminders() -> None:
    """Reminder emails (needs SMTP_URL)."""


@reminders.command("send")
@click.option(
    "--days",
    default=3,
    show_default=True,
    type=click.IntRange(0, 30),
    help="Remind about rounds closing this many days from today.",
)
def send(days: int) -> None:
    """Email each home's managers about its rounds closing in --days days; run it daily."""
    if not mail_enabled():
        raise click.ClickException("SMTP_URL is not set, so no mail can be sent")
    try:
        sent = send_closing_reminders(clock.today(), days)
    except MailError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{sent} reminder emails sent.")
