"""Attach the actions pages to the app and fill the dashboard's "Actions" section."""

from __future__ import annotations

from flask import Flask

from survey_app.actions import (  # noqa: F401 (each attaches its routes to bp)
    dip_views,
    escalation_views,
    propose_views,
    qpag_views,
)
from survey_app.actions.dashboard import load as dashboard_context
from survey_app.actions.views import bp
from survey_app.staff.sections import register_section


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    register_section(app, "actions", "actions/_dashboard.html", dashboard_context)
