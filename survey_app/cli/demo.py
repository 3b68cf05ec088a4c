"""`survey-app demo`: seed realistic demo data, once."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from survey_app import clock
from survey_app.actions.demo import seed_demo_actions
from survey_app.banks import get_banks
from survey_app.demo import seed_demo
from survey_app.demo_schedule import seed_demo_schedule
from survey_app.demo_staff import DEMO_PASSWORD, seed_demo_staff
from survey_app.schedule.tick import run_tick


@click.command("demo")
@with_appcontext
def demo() -> None:
    """Seed demo homes, visits, open rounds for every audience and past answers (idempotent)."""
    summary = seed_demo(get_banks(), clock.today())
    if summary.created:
        click.echo(f"Demo data created: {summary.homes} homes, {summary.responses} past responses.")
    else:
        click.echo(f"Demo data already present ({summary.homes} homes); nothing changed.")
    created = seed_demo_staff()
    if created:
        click.echo(
            "Demo staff accounts (one per role), all with the password "
            f"{DEMO_PASSWORD!r}: " + ", ".join(created)
        )
    actions = seed_demo_actions(clock.today())
    if actions:
        click.echo(
            f"Demo actions: {actions}, in every status, with QPAG meetings, a dip sample "
            'and approved "you said, we did" lines for Oak House.'
        )
    if seed_demo_schedule(clock.today()):
        click.echo("Demo schedule created: visits for the demo visitor, recent QA activities.")
    report = run_tick(clock.today())
    click.echo(
        f"Daily schedule run: {len(report.lines) - len(report.problems)} things done, "
        f"{len(report.problems)} problems (`survey-app schedule tick` prints them)."
    )
    click.echo("Start the service with `make run` (or `survey-app run`), then hand out a code:")
    click.echo("  survey-app invite --home OAK --audience young_people --count 3")
    click.echo("Staff pages: /staff/login (for example as oak.manager@demo.example).")
