"""The schedule's blueprints: staff pages under /staff/schedule, and the calendar feeds."""

from flask import Blueprint
from flask_login import current_user

bp = Blueprint("schedule", __name__, url_prefix="/staff/schedule", template_folder="templates")
# The feed is fetched by calendar programs, which cannot sign in: its secret link is the key.
feed_bp = Blueprint("calendar", __name__, url_prefix="/calendar")


def me():
    """The signed-in user object itself, not Flask-Login's proxy."""
    return current_user._get_current_object()
