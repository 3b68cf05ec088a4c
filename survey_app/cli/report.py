"""`survey-app report voice|qpag|previsit`: build a report as HTML, PDF, XLSX or CSV."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click
from flask.cli import AppGroup

from analysis.reports import FORMATS, Period, month_period, write_report
from survey_app import clock
from survey_app.reports.providers import record_report_generated
from survey_app.reports.service import ReportError, previsit_pack, qpag_report, voice_report

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class DateType(click.ParamType):
    """A day written YYYY-MM-DD."""

    name = "DATE"

    def convert(self, value, param, ctx) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date written YYYY-MM-DD, e.g. 2026-01-31", param, ctx)


class MonthType(click.ParamType):
    """A calendar month written YYYY-MM."""

    name = "YYYY-MM"

    def convert(self, value, param, ctx) -> Period:
        match = _MONTH.match(value.strip())
        if match is None or not 1 <= int(match.group(2)) <= 12:
            self.fail(f"{value!r} is not a month written YYYY-MM, e.g. 2026-03", param, ctx)
        return month_period(int(match.group(1)), int(match.group(2)))


def output_options(command):
    """--format and --out, shared by every report."""
    command = click.option(
        "--out",
        required=True,
        type=click.Path(dir_okay=False, writable=True, path_type=Path),
        help="The file to write.",
    )(command)
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True
    )(command)


@click.group("report", cls=AppGroup)
def report() -> None:
    """Build reports: the six-monthly voice report, the monthly QPAG report, a pre-visit pack."""


@report.command("voice")
@click.option("--from", "start", required=True, type=DateType(), help="First day, YYYY-MM-DD.")
@click.option("--to", "end", required=True, type=DateType(), help="Last day, YYYY-MM-DD.")
@click.option("--home", "home_code", default=None, help="One home's code (default: all homes).")
@output_options
def voice(start: date, end: date, home_code: str | None, fmt: str, out: Path) -> None:
    """The six-monthly voice report (§8.3, §8.4): young people, professionals, families, staff."""
    if end < start:
        raise click.BadParameter(f"--to ({end}) is before --from ({start})", param_hint="--to")
    built = _build(lambda: voice_report(Period(start, end), home_code, clock.today()))
    _write(built, fmt, out, "voice", built.scope, built.home)


@report.command("qpag")
@click.option("--month", required=True, type=MonthType(), help="The month, YYYY-MM.")
@click.option("--service", default=None, help="One service's homes (default: every home).")
@output_options
def qpag(month: Period, service: str | None, fmt: str, out: Path) -> None:
    """The monthly QPAG report (§8.2): visits, findings, thematic reviews, KPIs; in the months
    of VOICE_REPORT_MONTHS also the voice sections (§8.3–8.4)."""
    built = _build(lambda: qpag_report(month, clock.today(), service))
    _write(built, fmt, out, "qpag", built.label)


@report.command("previsit")
@click.option("--home", "home_code", required=True, help="The home's code.")
@click.option(
    "--visit-date",
    type=DateType(),
    default=None,
    help="The visit, YYYY-MM-DD (default: the home's next planned visit).",
)
@output_options
def previsit(home_code: str, visit_date: date | None, fmt: str, out: Path) -> None:
    """A home's pre-visit evidence pack for a Reg 44 visit."""
    built = _build(lambda: previsit_pack(home_code, visit_date, clock.today()))
    _write(built, fmt, out, "previsit", f"{built.home_name} ({built.home})", built.home)


def _build(make):
    try:
        return make()
    except ReportError as error:
        raise click.ClickException(str(error)) from error


def _write(built, fmt: str, out: Path, kind: str, scope: str, home: str | None = None) -> None:
    try:
        size = write_report(built, fmt, out)
    except OSError as error:
        raise click.ClickException(f"cannot write {out}: {error.strerror}") from error
    record_report_generated(kind, fmt, scope, "command line", home)
    click.echo(
        f"Wrote the {built.title.lower()} ({scope}) as {fmt.upper()} to {out} ({size:,} bytes)."
    )
