"""The dashboard's Schedule section: next visits, overdue visit reports, overdue QA activities."""

from __future__ import annotations

from typing import Any

from survey_app import clock
from survey_app import settings as app_settings
from survey_app.banks import get_banks
from survey_app.permissions import can, visible_service_ids
from survey_app.schedule import fatigue, qa, visits

SHOWN = 10


def load_section(user, homes: list) -> dict[str, Any]:
    """What the user should see first, in the homes and services their role covers."""
    today = clock.today()
    home_ids = {home.id for home in homes}
    overdue_qa = qa.listed(home_ids, visible_service_ids(user), qa.Filter(status="overdue"), today)
    return {
        "today": today,
        "next_visits": visits.upcoming(home_ids, today, SHOWN),
        "overdue_visits": visits.overdue(home_ids, today),
        "overdue_qa": overdue_qa[:SHOWN],
        "overdue_qa_count": len(overdue_qa),
        "activity_of": qa.activity_of,
        "place_label": qa.place_label,
        "falling": _falling(user, home_ids, today),
    }


def _falling(user, home_ids: set[int], today) -> list:
    """Home and audience series whose response rate is falling, for the QA team."""
    if not can(user, "fatigue.view"):
        return []
    threshold = app_settings.get("suppression_threshold")
    return [t for t in fatigue.trends(home_ids, today, get_banks(), threshold) if t.falling]
