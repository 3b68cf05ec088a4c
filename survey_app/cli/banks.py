"""`survey-app banks check`: validate every question bank file."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from survey_app.banks import BankError, load_banks


@click.group(cls=AppGroup)
def banks() -> None:
    """Question banks: themes and core questions per audience."""


@banks.command("check")
def check() -> None:
    """Validate every file in question_banks/; a bad file is named with its key and problem."""
    directory = current_app.config["QUESTION_BANKS_DIR"]
    try:
        loaded = load_banks(directory)
    except BankError as error:
        raise click.ClickException(str(error)) from error
    for theme in sorted(loaded.all_files(), key=lambda t: (t.audience, t.kind != "core", t.id)):
        click.echo(
            f"ok  {theme.audience:<14} {theme.id:<28} v{theme.version}  "
            f"{theme.presentation:<15} {len(theme.questions)} questions"
        )
    click.echo(f"{len(loaded.all_files())} files valid in {directory}")
