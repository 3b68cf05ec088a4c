"""`survey-app export …`: data out as CSV or JSON."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from analysis import write_jsonl
from survey_app.banks import get_banks
from survey_app.exports import FORMATS, write_rows
from survey_app.records import RESPONSE_COLUMNS, BankFacts, analysis_records, answer_rows


@click.group(cls=AppGroup)
def export() -> None:
    """Export data as CSV or JSON."""


def format_options(command):
    command = click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True
    )(command)
    return click.option(
        "--out",
        type=click.File("w", encoding="utf-8"),
        default=None,
        help="File to write (default: standard output).",
    )(command)


@export.command("responses")
@format_options
def responses(fmt: str, out) -> None:
    """Every stored answer: round, home, audience, theme, question, value, text, when sent."""
    written = write_rows(answer_rows(), RESPONSE_COLUMNS, fmt, out or sys.stdout)
    click.echo(f"{written} answers exported", err=True)


@export.command("analysis")
@click.option(
    "--out",
    required=True,
    type=click.File("w", encoding="utf-8"),
    help="File to write, e.g. export.jsonl ('-' for standard output).",
)
def analysis_export(out) -> None:
    """Questions, rounds, responses and answers as JSON lines, for `python -m analysis`."""
    written = write_jsonl(out, analysis_records(BankFacts(get_banks())))
    click.echo(f"{written} records exported", err=True)
