"""`survey-app export …`: data out as CSV or JSON."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from survey_app import audit
from survey_app.exports import FORMATS, write_rows
from survey_app.extensions import db
from survey_app.records import RESPONSE_COLUMNS, answer_rows
from survey_app.safeguarding.export import FLAG_COLUMNS, flag_rows


# AppGroup: each subcommand runs inside the app context, however the group is invoked.
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
    audit.record("export.responses", format=fmt, rows=written)
    db.session.commit()
    click.echo(f"{written} answers exported", err=True)


@export.command("audit")
@format_options
def audit_log(fmt: str, out) -> None:
    """The audit log, newest first: when, who, action, target, home, detail."""
    rows = audit.audit_rows(detail_as_text=fmt == "csv")
    written = write_rows(rows, audit.AUDIT_COLUMNS, fmt, out or sys.stdout)
    audit.record("export.audit", format=fmt, rows=written)
    db.session.commit()
    click.echo(f"{written} audit events exported", err=True)


@export.command("flags")
@format_options
def flags(fmt: str, out) -> None:
    """Safeguarding flags: home, round, audience, categories, created, due, review; no words."""
    written = write_rows(flag_rows(), FLAG_COLUMNS, fmt, out or sys.stdout)
    audit.record("export.flags", format=fmt, rows=written)
    db.session.commit()
    click.echo(f"{written} flags exported", err=True)
