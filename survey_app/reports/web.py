"""Mount the report pages for staff: a guard per report (role and homes covered), and a page
of forms to choose a report.

views.py builds and sends reports and knows nothing of accounts; what a role may build is
decided here, from survey_app/permissions.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps

from flask import Flask, abort, make_response, render_template, request
from flask_login import current_user, login_required
from sqlalchemy import select

from analysis.periods import half_year_bounds, last_complete_half_year
from analysis.reports import Period
from survey_app import clock
from survey_app.extensions import db
from survey_app.models import Home, User
from survey_app.permissions import SCOPE, can, require, require_home, visible_homes
from survey_app.reports.views import create_blueprint

ALL_HOMES_ONLY = (
    "The all-homes voice report is for the QA team and the QPAG chair; "
    "choose one of your homes on the Reports page."
)
COUNCIL_WIDE = (
    "The QPAG report covers every home in the council, so the QA team and the QPAG chair build it."
)


def init_app(app: Flask) -> None:
    bp = create_blueprint(
        {
            "voice": guarded("reports.voice", _voice_scope),
            "qpag": guarded("reports.voice", _council_wide),
            "previsit": guarded("reports.previsit", _requested_home),
        }
    )
    bp.add_url_rule("", view_func=index, methods=["GET"])
    app.register_blueprint(bp)


def guarded(capability: str, check_scope: Callable[[User], object]) -> Callable:
    """A guard: signed in with the capability (else 403), then the report's scope checked."""

    def decorate(view: Callable) -> Callable:
        @require(capability)
        @wraps(view)
        def scoped(*args, **kwargs):
            check_scope(current_user._get_current_object())
            return view(*args, **kwargs)

        return scoped

    return decorate


def covers_all(user: User) -> bool:
    return SCOPE.get(user.role) == "all"


def _requested_home(user: User) -> Home | None:
    """The home asked for, if the user's role covers it (else 404, so others stay unseen)."""
    code = request.args.get("home", "").strip().upper()
    if not code:
        return None
    home = db.session.execute(select(Home).where(Home.code == code)).scalar()
    if home is None:
        if covers_all(user):
            return None  # the report says which codes there are; every home is theirs to see
        abort(404)
    return require_home(user, home.id)


def _voice_scope(user: User) -> None:
    if not request.args.get("home", "").strip() and not covers_all(user):
        _refuse(ALL_HOMES_ONLY)
    _requested_home(user)


def _council_wide(user: User) -> None:
    if not covers_all(user):
        _refuse(COUNCIL_WIDE)


def _refuse(message: str, code: int = 403):
    abort(make_response(render_template("staff_error.html", message=message), code))


@login_required
def index():
    """The reports this role may build, each a form that asks for its period, home and format."""
    user = current_user._get_current_object()
    if not (can(user, "reports.voice") or can(user, "reports.previsit")):
        abort(403)
    today = clock.today()
    start, end = half_year_bounds(last_complete_half_year(today))
    compared = Period(start, end).previous()
    return render_template(
        "reports/index.html",
        voice=can(user, "reports.voice"),
        qpag=can(user, "reports.voice") and covers_all(user),
        previsit=can(user, "reports.previsit"),
        all_homes=covers_all(user),
        homes=visible_homes(user),
        start=start,
        end=end,
        compared=compared,
        month=(today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m"),
    )

