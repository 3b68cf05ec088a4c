"""`survey-app homes` and `survey-app invite`."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from survey_app import clock
from survey_app.extensions import db
from survey_app.models import AUDIENCES, Home
from survey_app.rounds import (
    RoundError,
    home_by_code,
    issue_invitations,
    open_round_for,
    respondent_url,
)


@click.command("homes")
@with_appcontext
def homes() -> None:
    """List homes, one per line, code first."""
    for home in db.session.execute(select(Home).order_by(Home.code)).scalars():
        rating = (home.ofsted_rating or "not rated").replace("_", " ")
        click.echo(f"{home.code}\t{home.name}\t{home.service.name}\t{rating}")


@click.command("invite")
@with_appcontext
@click.option(
    "--home", "home_code", required=True, help="The home's code (see `survey-app homes`)."
)
@click.option("--audience", required=True, type=click.Choice(AUDIENCES))
@click.option("--count", default=1, show_default=True, type=click.IntRange(1, 500))
def invite(home_code: str, audience: str, count: int) -> None:
    """Create invitations for the home's open round and print one respondent URL per line."""
    home = home_by_code(home_code)
    if home is None:
        raise click.ClickException(
            f"no home has the code {home_code!r}; `survey-app homes` lists them"
        )
    round_ = open_round_for(home, audience, clock.today())
    if round_ is None:
        raise click.ClickException(
            f"{home.name} ({home.code}) has no {audience} round open today; "
            "rounds open before each Reg 44 visit (`survey-app schedule tick`); "
            "for a try-out, run `survey-app demo`"
        )
    try:
        invitations = issue_invitations(round_, count)
    except RoundError as error:
        raise click.ClickException(str(error)) from error
    for invitation in invitations:
        click.echo(respondent_url(invitation))
