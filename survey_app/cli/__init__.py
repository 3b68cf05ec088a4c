"""`survey-app`: the Flask CLI group (run, db, banks, homes, invite, demo, export …)."""

from __future__ import annotations

from flask import Flask
from flask.cli import FlaskGroup

from survey_app import create_app


def register_commands(app: Flask) -> None:
    from survey_app.cli import (
        banks,
        demo,
        export,
        homes,
        reminders,
        retention,
        safeguarding,
        users,
    )

    app.cli.add_command(banks.banks)
    app.cli.add_command(homes.homes)
    app.cli.add_command(homes.invite)
    app.cli.add_command(demo.demo)
    app.cli.add_command(export.export)
    app.cli.add_command(users.users)
    app.cli.add_command(retention.retention)
    app.cli.add_command(reminders.reminders)
    app.cli.add_command(safeguarding.safeguarding)


cli = FlaskGroup(
    create_app=lambda: create_app(),
    load_dotenv=False,
    help="The voice survey service for children's homes.",
)
