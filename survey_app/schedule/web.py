"""Attaches the schedule's pages, its calendar feed and its dashboard section to the app."""

from __future__ import annotations

from flask import Flask

from survey_app.schedule import (  # noqa: F401 (importing them attaches their routes)
    calendar_views,
    qa_views,
    theme_views,
    views,
)
from survey_app.schedule.blueprint import bp, feed_bp
from survey_app.schedule.dashboard import load_section
from survey_app.staff.sections import register_section


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.register_blueprint(feed_bp)
    register_section(app, "schedule", "schedule/_dashboard.html", load_section)
