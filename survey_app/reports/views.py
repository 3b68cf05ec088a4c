"""Reports over HTTP: the same service as `survey-app report`, behind guards the caller gives.

The app mounts these in survey_app/reports/web.py, with a guard per route that checks the role
and the homes it covers; there is deliberately no unguarded default.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from flask import Blueprint, Response, abort, g, make_response, render_template, request

from analysis.reports import FORMATS, MEDIA_TYPES, Period, month_period, report_bytes
from survey_app import clock
from survey_app.headers import content_disposition
from survey_app.reports.providers import record_report_generated
from survey_app.reports.service import (
    NothingToReport,
    ReportError,
    previsit_pack,
    qpag_report,
    voice_report,
)

# A report page runs no script and fetches nothing; its CSS and SVG are inline.
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)

Guard = Callable[[Callable], Callable]
ROUTES = {"voice": "/voice", "qpag": "/qpag", "previsit": "/previsit"}


def create_blueprint(guards: Guard | Mapping[str, Guard]) -> Blueprint:
    """The report routes, each wrapped in its guard (a view decorator checking the role).

    ``guards`` is one guard for every route, or one per route name (voice, qpag, previsit);
    a route without a guard is a mistake, so a missing name raises KeyError.
    """
    if not isinstance(guards, Mapping):
        guards = dict.fromkeys(ROUTES, guards)
    bp = Blueprint("reports", __name__, url_prefix="/staff/reports", template_folder="templates")
    views = {"voice": voice, "qpag": qpag, "previsit": previsit}
    for name, rule in ROUTES.items():
        bp.add_url_rule(rule, view_func=guards[name](views[name]), methods=["GET"])
    return bp


def voice() -> Response:
    """?from=YYYY-MM-DD&to=YYYY-MM-DD[&home=CODE][&format=html|pdf|xlsx|csv]"""
    start, end = _day("from"), _day("to")
    if end < start:
        _refuse(f"The end date ({end}) is before the start date ({start}).")
    report = _built(lambda: voice_report(Period(start, end), _home(), clock.today()))
    return _send(report, "voice", report.scope, f"voice-report-{start}-{end}", report.home)


def qpag() -> Response:
    """?month=YYYY-MM[&service=NAME][&format=…]; the guard settles the service (g.report_service:
    a name, or None for every home)."""
    raw = request.args.get("month", "")
    try:
        year, month = (int(part) for part in raw.split("-"))
        period = month_period(year, month)
    except ValueError:
        _refuse(f"Give the month as YYYY-MM, e.g. 2026-03 (not {raw!r}).")
    service = g.get("report_service")
    report = _built(lambda: qpag_report(period, clock.today(), service))
    return _send(report, "qpag", report.label, f"qpag-report-{raw}")


def previsit() -> Response:
    """?home=CODE[&visit_date=YYYY-MM-DD][&format=…]"""
    home = _home()
    if home is None:
        _refuse("Say which home the pack is for (home=CODE).")
    visit = _day("visit_date") if request.args.get("visit_date") else None
    report = _built(lambda: previsit_pack(home, visit, clock.today()))
    scope = f"{report.home_name} ({report.home})"
    name = f"previsit-{report.home}-{report.visit_date}"
    return _send(report, "previsit", scope, name, report.home)


def _day(name: str) -> date:
    raw = request.args.get(name, "")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        _refuse(f"Give {name} as a date written YYYY-MM-DD (not {raw!r}).")


def _home() -> str | None:
    return request.args.get("home", "").strip() or None


def _format() -> str:
    fmt = request.args.get("format", "html")
    if fmt not in FORMATS:
        _refuse(f"Choose a format of {', '.join(FORMATS)} (not {fmt!r}).")
    return fmt


def _built(make):
    try:
        return make()
    except NothingToReport as error:
        _refuse(str(error), 422)
    except ReportError as error:
        _refuse(str(error), 404)


def _send(report, kind: str, scope: str, name: str, home: str | None = None) -> Response:
    fmt = _format()
    response = make_response(report_bytes(report, fmt))
    response.headers["Content-Type"] = MEDIA_TYPES[fmt]
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = REPORT_CSP
    if fmt != "html":
        response.headers["Content-Disposition"] = content_disposition(f"{name}.{fmt}")
    record_report_generated(kind, fmt, scope, "staff pages", home)
    return response


def _refuse(message: str, code: int = 400):
    abort(make_response(render_template("error.html", code=code, message=message), code))
