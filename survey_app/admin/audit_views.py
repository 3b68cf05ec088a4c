"""The audit log for administrators: filter it on screen, or download it."""

from __future__ import annotations

import io

from flask import Response, abort, render_template, request
from flask_login import current_user

from survey_app import audit, clock
from survey_app.admin import service
from survey_app.admin.blueprint import bp
from survey_app.admin.forms import AuditFilterForm, choices
from survey_app.exports import FORMATS, write_rows
from survey_app.extensions import db
from survey_app.headers import content_disposition
from survey_app.ids import MAX_ID
from survey_app.permissions import require

PAGE_SIZE = 100
FILTER_FIELDS = ("action", "actor", "home", "since", "until")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def _filter_form() -> tuple[AuditFilterForm, audit.AuditFilter]:
    form = AuditFilterForm(request.args)
    form.action.choices = choices([("", "any")] + [(a, a) for a in audit.actions()])
    form.home.choices = choices([("", "any")] + [(h.id, h.code) for h in service.homes()])
    if request.args:
        form.validate()  # shows what could not be read; such a field then filters nothing
    criteria = audit.AuditFilter(
        action=form.action.data or "",
        actor=form.actor.data or "",
        home_id=form.home.data,
        since=form.since.data,
        until=form.until.data,
    )
    return form, criteria


@bp.get("/audit")
@require("audit.view")
def audit_log():
    form, criteria = _filter_form()
    page = request.args.get("page", 1, type=int)
    if not 1 <= page <= MAX_ID // PAGE_SIZE:
        abort(404)
    stmt = audit.filtered(criteria).limit(PAGE_SIZE + 1).offset((page - 1) * PAGE_SIZE)
    rows = db.session.execute(stmt).all()
    return render_template(
        "admin/audit.html",
        form=form,
        rows=rows[:PAGE_SIZE],
        page=page,
        more=len(rows) > PAGE_SIZE,
        query=_query_without_page(),
    )


@bp.get("/audit/export")
@require("audit.view")
def audit_export():
    fmt = request.args.get("format", "csv")
    if fmt not in FORMATS:
        abort(400)
    _form, criteria = _filter_form()
    out = io.StringIO()
    written = write_rows(
        audit.audit_rows(criteria, detail_as_text=fmt == "csv"), audit.AUDIT_COLUMNS, fmt, out
    )
    audit.record("export.audit", current_user._get_current_object(), format=fmt, rows=written)
    db.session.commit()
    name = f"audit-{clock.today().isoformat()}.{fmt}"
    return Response(
        out.getvalue(),
        mimetype=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": content_disposition(name)},
    )


def _query_without_page() -> dict:
    """The filter's own fields, for the download and paging links; anything else in the query
    (a `format=`, which those links set themselves) would clash with their own arguments."""
    return {k: v for k, v in request.args.items() if k in FILTER_FIELDS}
