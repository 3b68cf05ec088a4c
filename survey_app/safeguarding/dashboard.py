"""The dashboard's safeguarding section: open flags in scope, overdue ones first and red."""

from __future__ import annotations

from typing import Any

from survey_app import audit, clock
from survey_app.extensions import db
from survey_app.permissions import can, home_ids_for
from survey_app.safeguarding.flags import counts_in, flags_in

SHOWN = 10


def dashboard_section(user, homes: list) -> dict[str, Any]:  # noqa: ARG001 (the loader's shape)
    """Counts and the first open flags, for those who may see flags; listing them is audited."""
    if not can(user, "flags.view"):
        return {"allowed": False}
    home_ids, at = home_ids_for(user, "flags.view"), clock.now()
    open_flags = flags_in(home_ids, "open", limit=SHOWN)
    if open_flags:
        audit.record(
            "safeguarding.flags_listed", user, show="dashboard", flags=[f.id for f in open_flags]
        )
        db.session.commit()
    return {
        "allowed": True,
        "counts": counts_in(home_ids, at),
        "flags": open_flags,
        "now": at,
        "summary": can(user, "flags.summary"),
    }
