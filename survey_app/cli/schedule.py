"""`survey-app schedule tick|show`: the daily schedule, and one home's coming items."""

from __future__ import annotations

import sys
from datetime import date

import click
from flask import current_app
from flask.cli import AppGroup

from survey_app import clock
from survey_app.banks import get_banks
from survey_app.rounds import home_by_code
from survey_app.schedule import qa
from survey_app.schedule.outlook import HomeOutlook, outlook
from survey_app.schedule.tick import run_tick
from survey_app.schedule.wording import long_date


def parse_day(ctx, param, value: str | None) -> date:
    """An ISO date (YYYY-MM-DD), or today in England when none is given."""
    if value is None:
        return clock.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02."
        ) from None


today_option = click.option(
    "--today",
    callback=parse_day,
    metavar="YYYY-MM-DD",
    help="Act as if it were this day (default: today); for testing and catching up.",
)


# AppGroup: each subcommand runs inside the app context, however the group is invoked.
@click.group(cls=AppGroup)
def schedule() -> None:
    """The daily schedule: rounds before each Reg 44 visit, and the QA activities."""


@schedule.command("tick")
@today_option
def tick(today: date) -> None:
    """Open and close rounds around each visit and schedule QA activities; run it daily (cron)."""
    report = run_tick(today)
    for step, line in report.lines:
        click.echo(f"{step}: {line}")
    if not report.lines:
        click.echo(f"Nothing to do on {long_date(today)}: the schedule is up to date.")
    if report.problems:
        click.echo(f"{len(report.problems)} problem(s); see the lines above.", err=True)
        sys.exit(1)


@schedule.command("show")
@click.option(
    "--home", "home_code", required=True, help="The home's code (see `survey-app homes`)."
)
@today_option
def show(home_code: str, today: date) -> None:
    """Print the home's coming visits, rounds, QA activities, and why each theme was chosen."""
    home = home_by_code(home_code)
    if home is None:
        click.echo(f"No home has the code {home_code!r}; `survey-app homes` lists them.", err=True)
        sys.exit(1)
    config = current_app.config
    found = outlook(home, today, config["ROUND_LEAD_DAYS"], config["QA_HORIZON_DAYS"], get_banks())
    for line in describe(found, today):
        click.echo(line)


def describe(found: HomeOutlook, today: date) -> list[str]:
    """The outlook as lines of text."""
    home = found.home
    rating = (home.ofsted_rating or "not rated").replace("_", " ")
    lines = [
        f"{home.name} ({home.code}), {home.service.name}. Ofsted: {rating}.",
        "",
        "Reg 44 visits:",
    ]
    for state in sorted(found.visits, key=lambda s: s.visit.visit_date):
        visit = state.visit
        who = visit.visitor.name if visit.visitor else (visit.visitor_name or "visitor not chosen")
        mark = "OVERDUE " if state.overdue else ""
        lines.append(f"  {long_date(visit.visit_date)}, {who}: {mark}{state.status}")
    lines += ["", "Rounds:"]
    for round_ in found.rounds:
        lines.append(
            f"  {_audience(round_.audience)}: {round_.theme_id} ({round_.presentation}), "
            f"{long_date(round_.opens_on)} to {long_date(round_.closes_on)}. "
            f"{round_.rotation_reason or ''}".rstrip()
        )
    lines += ["", "Next rounds, as the rotation stands today:"]
    for nxt in found.next_rounds:
        head = f"  {_audience(nxt.audience)}, opening {long_date(max(nxt.window.opens, today))}"
        lines.append(
            f"{head}: {nxt.problem}"
            if nxt.choice is None
            else f"{head}: {nxt.choice.theme_id} ({nxt.choice.presentation}). {nxt.choice.reason}"
        )
    lines += ["", "QA activities due:"]
    for occurrence in found.occurrences:
        activity = qa.activity_of(occurrence)
        name = activity.name if activity else occurrence.activity_id
        state = qa.status_of(occurrence, today)
        lines.append(f"  {long_date(occurrence.due_on)}: {name} ({state})")
    return _say_none(lines)


def _say_none(lines: list[str]) -> list[str]:
    """'  none' under any heading with nothing below it."""
    shown: list[str] = []
    for index, line in enumerate(lines):
        shown.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.endswith(":") and not following.startswith("  "):
            shown.append("  none")
    return shown


def _audience(audience: str) -> str:
    return audience.replace("_", " ").capitalize()
