"""Free text is kept only for the retention period the administrator set."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from survey_app import audit
from survey_app import settings as app_settings
from survey_app.extensions import db
from survey_app.models import Answer, Flag, Response


def remove_old_free_text(at: datetime) -> int:
    """Clear free text from responses started before the retention period; returns how many."""
    cutoff = at - timedelta(days=app_settings.get("free_text_retention_days"))
    old = select(Response.id).where(Response.started_at < cutoff)
    has_text = (Answer.response_id.in_(old), Answer.text.is_not(None))
    # An answer that was only text goes entirely; one with a chosen value keeps the value.
    removed = db.session.execute(delete(Answer).where(*has_text, Answer.value.is_(None))).rowcount
    cleared = db.session.execute(update(Answer).where(*has_text).values(text=None)).rowcount
    # A flag's reasons quote the answer, so they go with it; the review record stays.
    db.session.execute(update(Flag).where(Flag.response_id.in_(old)).values(reasons=None))
    audit.record(
        "retention.free_text_removed", before=cutoff.isoformat(), answers=removed + cleared
    )
    db.session.commit()
    return removed + cleared
