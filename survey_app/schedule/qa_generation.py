"""Putting the §7.1 activities on the schedule ahead of time, as the daily schedule does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import Home, QaOccurrence, Service
from survey_app.schedule.activities import (
    Activity,
    Frequency,
    Scope,
    default_activities,
    occurrences,
)
from survey_app.schedule.qa import (
    PLANNED_ELSEWHERE,
    Place,
    new_occurrence,
    place_name,
    scope_key,
    withdrawable,
)
from survey_app.schedule.wording import long_date

GENERATED = (
    Frequency.MONTHLY,
    Frequency.EVERY_OTHER_MONTH,
    Frequency.WEEKLY,
    Frequency.POST_OFSTED,
)


def generate(today: date, horizon_days: int) -> tuple[list[str], list[str]]:
    """Add every due date up to the horizon that is missing, withdraw generated ones no longer due.

    Returns what was done, one line per activity and place, and the problems met.
    """
    return generate_between(today, today + timedelta(days=horizon_days))


def generate_between(start: date, end: date) -> tuple[list[str], list[str]]:
    """Make the generated due dates from start to end match the rules, in one commit."""
    homes = list(db.session.execute(select(Home).order_by(Home.code)).scalars())
    services = list(db.session.execute(select(Service).order_by(Service.name)).scalars())
    lines: list[str] = []
    problems: list[str] = []
    for activity in default_activities():
        if activity.frequency not in GENERATED or activity.id in PLANNED_ELSEWHERE:
            continue
        for place in homes if activity.scope is Scope.HOME else services:
            try:
                expected = _expected(activity, place, start, end)
            except ValueError as error:
                problems.append(f"{activity.name} at {place_name(place)}: {error}")
                continue
            lines.extend(_sync(activity, place, expected, start, end))
    db.session.commit()
    return lines, problems


def _expected(activity: Activity, place: Place, start: date, end: date) -> list[date]:
    if not isinstance(place, Home):
        return occurrences(activity, start, end)
    return occurrences(
        activity,
        start,
        end,
        ofsted_rating=place.ofsted_rating,
        ofsted_inspected_on=place.ofsted_inspected_on,
        actions_complete_on=place.ofsted_actions_completed_on,
    )


def _sync(
    activity: Activity, place: Place, expected: list[date], start: date, end: date
) -> Iterator[str]:
    """Make the stored dates in [start, end] match the expected ones; yields what changed."""
    key = scope_key(place)
    stmt = select(QaOccurrence).where(
        QaOccurrence.activity_id == activity.id,
        QaOccurrence.scope_key == key,
        QaOccurrence.due_on.between(start, end),
    )
    stored = list(db.session.execute(stmt).scalars())
    have = {o.due_on for o in stored}
    added = [day for day in expected if day not in have]
    for day in added:
        db.session.add(new_occurrence(activity, place, day))
    # Only generated, undone ones are withdrawn: a date added by hand or already done stays.
    stale = [o for o in stored if o.due_on not in expected and withdrawable(o)]
    for found in stale:
        db.session.delete(found)
    where = f"{activity.name} at {place_name(place)}"
    if added:
        yield f"Scheduled {where}: due {_dates(added)}."
    if stale:
        yield f"Withdrew {where} due {_dates([o.due_on for o in stale])}: no longer due."


def _dates(days: list[date]) -> str:
    return ", ".join(long_date(day) for day in sorted(days))
