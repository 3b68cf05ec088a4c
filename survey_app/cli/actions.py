"""`survey-app actions tick`: the actions' daily step (escalation flags, dip-sample requests)."""

from __future__ import annotations

from datetime import datetime

import click
from flask.cli import AppGroup

from survey_app import clock
from survey_app.actions import tick_actions


# AppGroup: each subcommand runs inside the app context, however the group is invoked.
@click.group(cls=AppGroup)
def actions() -> None:
    """The action tracker: escalation flags and dip-sample requests."""


@actions.command("tick")
@click.option(
    "--today",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Run as if it were this date (YYYY-MM-DD); default: today in England.",
)
def tick(day: datetime | None) -> None:
    """Flag actions newly due for escalation; every other month, request a dip sample."""
    today = day.date() if day else clock.today()
    done = tick_actions(today)
    for line in done:
        click.echo(line)
    click.echo(f"Actions tick for {today.isoformat()}: {len(done)} change(s).")
