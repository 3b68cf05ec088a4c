"""`survey-app retention apply`: remove free text older than the retention period."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from survey_app import clock
from survey_app.retention import remove_old_free_text


# AppGroup: each subcommand runs inside the app context, however the group is invoked.
@click.group(cls=AppGroup)
def retention() -> None:
    """Keep personal data only as long as the settings allow."""


@retention.command("apply")
def apply() -> None:
    """Remove free-text answers older than the retention period (Admin → Settings); run it daily."""
    count = remove_old_free_text(clock.now())
    click.echo(f"{count} free-text answers removed.")
