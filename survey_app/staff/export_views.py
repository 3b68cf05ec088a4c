"""Answers out as CSV or JSON for the roles allowed them, limited to the homes they cover."""

from __future__ import annotations

import io

from flask import Response, abort, request
from flask_login import current_user

from survey_app import audit, clock
from survey_app.exports import FORMATS, write_rows
from survey_app.extensions import db
from survey_app.headers import content_disposition
from survey_app.permissions import require, visible_home_ids
from survey_app.records import RESPONSE_COLUMNS, answer_rows
from survey_app.staff.views import bp

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@bp.get("/export/responses")
@require("responses.export")
def export_responses():
    fmt = request.args.get("format", "csv")
    if fmt not in FORMATS:
        abort(400)
    user = current_user._get_current_object()
    home_ids = visible_home_ids(user)
    out = io.StringIO()
    written = write_rows(answer_rows(home_ids), RESPONSE_COLUMNS, fmt, out)
    audit.record("export.responses", user, format=fmt, rows=written, homes=len(home_ids))
    db.session.commit()
    name = f"responses-{clock.today().isoformat()}.{fmt}"
    return Response(
        out.getvalue(),
        mimetype=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": content_disposition(name)},
    )
