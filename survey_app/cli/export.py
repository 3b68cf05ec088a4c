"""`survey-app export …`: data out as CSV or JSON."""

from __future__ import annotations

import json
import sys

import click
from flask.cli import AppGroup

from analysis import write_jsonl
from survey_app import audit, clock
from survey_app.actions.export import ACTION_COLUMNS, action_rows
from survey_app.banks import get_banks
from survey_app.exports import FORMATS, write_rows
from survey_app.extensions import db
from survey_app.records import RESPONSE_COLUMNS, BankFacts, analysis_records, answer_rows
from survey_app.safeguarding.export import FLAG_COLUMNS, flag_rows
from survey_app.safeguarding.labels import label_rows
from survey_app.schedule.export_rows import (
    ROUND_COLUMNS,
    SCHEDULE_COLUMNS,
    VISIT_COLUMNS,
    round_rows,
    schedule_rows,
    visit_rows,
)


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


def _export(name: str, rows, columns: list[str], fmt: str, out, what: str) -> None:
    """Write the rows, then record the export in the audit log: who took what data out."""
    written = write_rows(rows, columns, fmt, out or sys.stdout)
    audit.record(f"export.{name}", format=fmt, rows=written)
    db.session.commit()
    click.echo(f"{written} {what} exported", err=True)


@export.command("responses")
@format_options
def responses(fmt: str, out) -> None:
    """Every stored answer: round, home, audience, theme, question, value, text, when sent."""
    _export("responses", answer_rows(), RESPONSE_COLUMNS, fmt, out, "answers")


@export.command("audit")
@format_options
def audit_log(fmt: str, out) -> None:
    """The audit log, newest first: when, who, action, target, home, detail."""
    rows = audit.audit_rows(detail_as_text=fmt == "csv")
    _export("audit", rows, audit.AUDIT_COLUMNS, fmt, out, "audit events")


@export.command("actions")
@format_options
def actions(fmt: str, out) -> None:
    """Every action: source, home, owner, status, due, done, escalated, "you said, we did"."""
    _export("actions", action_rows(), ACTION_COLUMNS, fmt, out, "actions")


def jsonl_out(example: str):
    return click.option(
        "--out",
        required=True,
        type=click.File("w", encoding="utf-8"),
        help=f"File to write, e.g. {example} ('-' for standard output).",
    )


def _audited_jsonl(name: str, written: int, what: str) -> None:
    """Both JSON-lines exports hold young people's words, so each is audited like the others."""
    audit.record(f"export.{name}", format="jsonl", rows=written)
    db.session.commit()
    click.echo(f"{written} {what} exported", err=True)


@export.command("analysis")
@jsonl_out("export.jsonl")
def analysis_export(out) -> None:
    """Questions, rounds, responses and answers as JSON lines, for `python -m analysis`."""
    written = write_jsonl(out, analysis_records(BankFacts(get_banks())))
    _audited_jsonl("analysis", written, "records")


@export.command("labels")
@jsonl_out("labels.jsonl")
def labels(out) -> None:
    """Reviewed flags as labelled, anonymised examples for `python -m analysis.train --extra`."""
    written = 0
    for row in label_rows():
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        written += 1
    _audited_jsonl("labels", written, "labelled answers")


@export.command("schedule")
@format_options
def schedule(fmt: str, out) -> None:
    """QA activities on the schedule: activity, home or service, due, done, outcome, exception."""
    _export("schedule", schedule_rows(), SCHEDULE_COLUMNS, fmt, out, "QA activities")


@export.command("visits")
@format_options
def visits(fmt: str, out) -> None:
    """Reg 44 visits: home, date, visitor, report completed and sent, both due dates, findings."""
    _export("visits", visit_rows(clock.today()), VISIT_COLUMNS, fmt, out, "visits")


@export.command("rounds")
@format_options
def rounds(fmt: str, out) -> None:
    """Rounds: home, audience, theme, presentation, opens, closes, visit, invitations, responses."""
    _export("rounds", round_rows(), ROUND_COLUMNS, fmt, out, "rounds")


@export.command("flags")
@format_options
def flags(fmt: str, out) -> None:
    """Safeguarding flags: home, round, audience, categories, created, due, review; no words."""
    _export("flags", flag_rows(), FLAG_COLUMNS, fmt, out, "flags")
