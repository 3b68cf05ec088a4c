"""`survey-app banks check`: validate every question bank file."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from survey_app.banks import BankError, load_banks, missing_translations
from survey_app.respond.language import DEFAULT, SUPPORTED


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
    report_missing_translations(loaded)


def report_missing_translations(loaded) -> None:
    """Warn about each text lacking a shipped language; respondents see English in its place."""
    languages = [tag for tag in SUPPORTED if tag != DEFAULT]
    missing = missing_translations(loaded, languages)
    for gap in missing:
        click.echo(f"warning  {gap.where}: no {', '.join(gap.languages)} ({gap.english!r})")
    counts = {tag: sum(tag in gap.languages for gap in missing) for tag in languages}
    click.echo(
        "texts without a translation (shown in English): "
        + ", ".join(f"{tag} {count}" for tag, count in counts.items())
    )
