"""Mount the report pages for staff: a guard per report (role and homes covered), and a page
of forms to choose a report.

views.py builds and sends reports and knows nothing of accounts; what a role may build is
decided here, from survey_app/permissions.py.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import timedelta
from functools import wraps

from flask import Flask, abort, current_app, g, make_response, render_template, request
from flask_login import current_user, login_required
from sqlalchemy import select

from analysis.periods import half_year_bounds, last_complete_half_year
from analysis.reports import Period
from survey_app import clock
from survey_app.extensions import db
from survey_app.models import Home, Service, User
from survey_app.permissions import SCOPE, can, require, require_home, visible_homes
from survey_app.reports.views import create_blueprint

ALL_HOMES_ONLY = (
    "The all-homes voice report is for the QA team and the QPAG chair; "
    "choose one of your homes on the Reports page."
)
NO_SERVICE = (
    "Your account is not linked to a service yet, so there are no homes for a QPAG report; "
    "an administrator can link it (Admin → Users)."
)


def init_app(app: Flask) -> None:
    bp = create_blueprint(
        {
            "voice": guarded("reports.voice", _voice_scope),
            "qpag": guarded("reports.qpag", _qpag_scope),
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


def _qpag_scope(user: User) -> None:
    """Council-wide or any one service for all-homes roles; a service manager's own service
    (another service's name answers 404, as another home's code does)."""
    asked = " ".join(request.args.get("service", "").split())
    if covers_all(user):
        g.report_service = asked or None
        return
    own = db.session.get(Service, user.service_id) if user.service_id else None
    if own is None:
        _refuse(NO_SERVICE)
    if asked and asked.casefold() != own.name.casefold():
        abort(404)
    g.report_service = own.name


def _refuse(message: str, code: int = 403):
    abort(make_response(render_template("staff_error.html", message=message), code))


@login_required
def index():
    """The reports this role may build, each a form that asks for its period, home and format."""
    user = current_user._get_current_object()
    if not any(can(user, f"reports.{kind}") for kind in ("voice", "qpag", "previsit")):
        abort(403)
    today = clock.today()
    start, end = half_year_bounds(last_complete_half_year(today))
    compared = Period(start, end).previous()
    return render_template(
        "reports/index.html",
        voice=can(user, "reports.voice"),
        qpag=can(user, "reports.qpag"),
        services=_services(user),
        voice_months=" and ".join(
            calendar.month_name[m] for m in current_app.config["VOICE_REPORT_MONTHS"]
        )
        or "no month",
        previsit=can(user, "reports.previsit"),
        all_homes=covers_all(user),
        homes=visible_homes(user),
        start=start,
        end=end,
        compared=compared,
        month=(today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m"),
    )


def _services(user: User) -> list[Service]:
    """The services a QPAG report may cover for the user: all of them, or their own."""
    stmt = select(Service).order_by(Service.name)
    if not covers_all(user):
        stmt = stmt.where(Service.id == user.service_id)
    return list(db.session.execute(stmt).scalars())
