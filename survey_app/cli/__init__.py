"""`survey-app`: the Flask CLI group (run, db, banks, homes, invite, demo, export, report …)."""

from __future__ import annotations

from flask import Flask
from flask.cli import FlaskGroup

from survey_app import create_app


def register_commands(app: Flask) -> None:
    from survey_app.cli import (
        actions,
        banks,
        demo,
        export,
        homes,
        reminders,
        report,
        retention,
        safeguarding,
        schedule,
        translate,
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
    app.cli.add_command(translate.translate)
    app.cli.add_command(actions.actions)
    app.cli.add_command(report.report)
    app.cli.add_command(schedule.schedule)
    app.cli.add_command(safeguarding.safeguarding)


cli = FlaskGroup(
    create_app=lambda: create_app(),
    load_dotenv=False,
    help="The voice survey service for children's homes.",
)
