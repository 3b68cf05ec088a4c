"""`survey-app users create|list|disable|reset-link`: staff accounts from the command line."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from survey_app import accounts
from survey_app.accounts import AccountDetails, AccountError
from survey_app.auth.service import find_user
from survey_app.extensions import db
from survey_app.models import ROLES, Service
from survey_app.rounds import home_by_code


# AppGroup: each subcommand runs inside the app context, however the group is invoked.
@click.group(cls=AppGroup)
def users() -> None:
    """Staff accounts: create, list, disable, reset links."""


@users.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--home", "home_codes", multiple=True, help="A home's code; repeat for several.")
@click.option("--service", "service_name", default=None, help="The service (service managers).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create(
    email: str,
    name: str,
    role: str,
    home_codes: tuple[str, ...],
    service_name: str | None,
    password_stdin: bool,
) -> None:
    """Create an account; the password (12+ characters) is prompted for unless --password-stdin."""
    details = AccountDetails(email, name, role, _home_ids(home_codes), _service_id(service_name))
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = accounts.create_user(details, password, actor=None)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created {user.email} ({user.role_name}).")


@users.command("list")
def list_users() -> None:
    """One account per line: email, role, status, homes or service."""
    for user in accounts.all_users():
        covers = ",".join(h.code for h in user.homes) or (
            user.service.name if user.service else "all"
        )
        status = "active" if user.active else "disabled"
        click.echo(f"{user.email}\t{user.role}\t{status}\t{covers}\t{user.name}")


@users.command("disable")
@click.option("--email", required=True)
def disable(email: str) -> None:
    """Disable an account: it can no longer sign in and its sessions end at once."""
    accounts.set_active(_user(email), False, actor=None)
    click.echo(f"Disabled {email.strip().lower()}.")


@users.command("reset-link")
@click.option("--email", required=True)
def reset_link(email: str) -> None:
    """Print a single-use link with which the person sets a new password."""
    try:
        click.echo(accounts.reset_link(_user(email), actor=None))
    except AccountError as error:
        raise click.ClickException(str(error)) from error


def _user(email: str):
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"no account has the email {email!r}; `survey-app users list`")
    return user


def _home_ids(codes: tuple[str, ...]) -> list[int]:
    ids = []
    for code in codes:
        home = home_by_code(code)
        if home is None:
            raise click.ClickException(
                f"no home has the code {code!r}; `survey-app homes` lists them"
            )
        ids.append(home.id)
    return ids


def _service_id(name: str | None) -> int | None:
    if name is None:
        return None
    service = db.session.execute(select(Service).where(Service.name == name)).scalar()
    if service is None:
        raise click.ClickException(f"no service is called {name!r}")
    return service.id
