"""Safeguarding: flags raised with the answers, a 24-hour review, escalation, monitoring.

What makes a flag is decided in detection.py; flags.py raises them inside the respondent's
unit of work; notify.py mails reviewers after the answers are stored; escalation.py and
summary.py serve the hourly and weekly commands; views.py the staff pages.
"""

from __future__ import annotations

from flask import Flask

from survey_app.safeguarding.dashboard import dashboard_section
from survey_app.safeguarding.views import bp
from survey_app.staff.sections import register_section


def init_app(app: Flask) -> None:
    """The staff pages, and the dashboard's safeguarding section."""
    app.register_blueprint(bp)
    register_section(app, "safeguarding", "safeguarding/_dashboard.html", dashboard_section)


__all__ = ["bp", "init_app"]
