"""`survey-app safeguarding …`: escalate overdue flags (hourly), the weekly summary, leads."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from survey_app import audit, clock
from survey_app.extensions import db
from survey_app.mail import MailError
from survey_app.models import Home, Service, User
from survey_app.safeguarding import leads as lead_service
from survey_app.safeguarding.escalation import escalate_overdue_flags, retry_unsent_mails
from survey_app.safeguarding.summary import as_text, parse_week, previous_week, week_summary


# AppGroup: each subcommand runs inside the app context, however the group is invoked.
@click.group(cls=AppGroup)
def safeguarding() -> None:
    """Safeguarding flags: escalation, weekly monitoring, safeguarding leads."""


@safeguarding.command("escalate")
def escalate() -> None:
    """Escalate flags past their due time to the service manager, retry failed mails; hourly."""
    try:
        escalated = escalate_overdue_flags(clock.now())
    except MailError as error:
        raise click.ClickException(f"{error} Nothing was marked escalated; run again.") from error
    resent = retry_unsent_mails()
    click.echo(f"{escalated} flags escalated; {resent} reviewer emails sent again.")


@safeguarding.command("week")
@click.option("--week", "week", default="", help="ISO week, e.g. 2026-W48 (default: last week).")
def week(week: str) -> None:
    """The weekly monitoring summary for every home: counts, review times, outcomes; no words."""
    try:
        monday = parse_week(week) if week else previous_week(clock.today())
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--week") from error
    home_ids = set(db.session.execute(select(Home.id)).scalars())
    summary = week_summary(home_ids, monday, clock.now())
    audit.record("safeguarding.summary_viewed", week=summary.week, homes=len(home_ids))
    db.session.commit()
    click.echo(as_text(summary))


@safeguarding.group("leads")
def leads() -> None:
    """Who leads safeguarding for each service (they review every flag at its homes)."""


@leads.command("list")
def list_leads() -> None:
    """Each service and its safeguarding leads."""
    for service, people in lead_service.leads_by_service():
        names = ", ".join(f"{p.name} <{p.email}>" for p in people) or "none"
        click.echo(f"{service.name}: {names}")


@leads.command("add")
@click.option("--service", "service_name", required=True, help="The service's name.")
@click.option("--email", required=True, help="The lead's account email.")
def add(service_name: str, email: str) -> None:
    """Make an account a safeguarding lead of a service."""
    _change(lead_service.add_lead, service_name, email)
    click.echo(f"{email} now leads safeguarding for {service_name}.")


@leads.command("remove")
@click.option("--service", "service_name", required=True, help="The service's name.")
@click.option("--email", required=True, help="The lead's account email.")
def remove(service_name: str, email: str) -> None:
    """Stop an account being a safeguarding lead of a service."""
    _change(lead_service.remove_lead, service_name, email)
    click.echo(f"{email} no longer leads safeguarding for {service_name}.")


def _change(action, service_name: str, email: str) -> None:
    service = db.session.execute(select(Service).filter_by(name=service_name)).scalar()
    user = db.session.execute(select(User).filter_by(email=email.strip().lower())).scalar()
    if service is None:
        raise click.BadParameter(f"no service is called {service_name!r}", param_hint="--service")
    if user is None:
        raise click.BadParameter(f"no account has the email {email!r}", param_hint="--email")
    try:
        action(service, user, None)
    except lead_service.LeadError as error:
        raise click.ClickException(str(error)) from error
