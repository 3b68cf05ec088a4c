"""Free text, and names, are kept only for the retention period the administrator set."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from survey_app import audit
from survey_app import settings as app_settings
from survey_app.extensions import db
from survey_app.models import Answer, Flag, Response


def remove_old_free_text(at: datetime) -> int:
    """Clear free text and names from responses started before the retention period.

    Returns how many answers lost their text. The name a young person gave when asking to
    be talked to is identifying free text too: it goes with the words, the request stays.
    """
    cutoff = at - timedelta(days=app_settings.get("free_text_retention_days"))
    old = select(Response.id).where(Response.started_at < cutoff)
    has_text = (Answer.response_id.in_(old), Answer.text.is_not(None))
    # An answer that was only text goes entirely; one with a chosen value keeps the value.
    removed = db.session.execute(delete(Answer).where(*has_text, Answer.value.is_(None))).rowcount
    cleared = db.session.execute(update(Answer).where(*has_text).values(text=None)).rowcount
    # A flag's reasons quote the answer, so they go with it; the review record stays.
    db.session.execute(update(Flag).where(Flag.response_id.in_(old)).values(reasons=None))
    named = (Response.started_at < cutoff, Response.contact_name.is_not(None))
    names = db.session.execute(update(Response).where(*named).values(contact_name=None)).rowcount
    audit.record(
        "retention.free_text_removed",
        before=cutoff.isoformat(),
        answers=removed + cleared,
        names=names,
    )
    db.session.commit()
    return removed + cleared
