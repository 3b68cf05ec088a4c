"""The actions' step of the daily schedule tick: flag escalation candidates, request dip samples."""

from __future__ import annotations

from datetime import date

from survey_app.actions import dip_samples, escalation
from survey_app.actions.history import say_date
from survey_app.extensions import db


def tick_actions(today: date) -> list[str]:
    """Run once a day (running it again the same day changes nothing); returns what it did."""
    grace = escalation.grace_days()
    done = []
    for action in escalation.flag_new(today, grace):
        where = action.home.code if action.home else "service-wide"
        reason = escalation.why(action, today, grace)
        done.append(
            f"Flagged for escalation: action {action.id} “{action.title}” ({where}), {reason}."
        )
    sample = dip_samples.request_for_month(today)
    if sample is not None:
        done.append(
            f"Dip sample requested for {sample.month:%B %Y}, due "
            f"{say_date(sample.due_on)}; the QA team assigns it to an area."
        )
    db.session.commit()
    return done
