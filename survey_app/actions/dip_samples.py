"""Dip samples (§8.5): requested every other month, assigned to an area, findings to QPAG."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from survey_app import audit
from survey_app.actions.errors import ActionError, NotAllowed
from survey_app.actions.history import say_date
from survey_app.extensions import db
from survey_app.models import DipSample, Service, User
from survey_app.permissions import can, may_record_dip_findings
from survey_app.schedule.activities import get_activity, occurrences

# §7.1 names a service manager or a Reg 44 visitor; the QA team may take one on itself.
ASSIGNABLE_ROLES = ("service_manager", "reg44_visitor", "qa_team")
TEXT_MAX = 10_000


def request_for_month(today: date) -> DipSample | None:
    """This month's dip-sample request, if it is a dip-sample month and none exists yet.

    The months come from the schedule's "every other month" rule, so the tracker and the QA
    schedule agree; the caller commits.
    """
    first = today.replace(day=1)
    last = first.replace(day=calendar.monthrange(today.year, today.month)[1])
    due = occurrences(get_activity("dip_sample"), first, last)
    if not due:
        return None
    exists = db.session.execute(select(DipSample.id).where(DipSample.month == first)).scalar()
    if exists is not None:
        return None
    sample = DipSample(month=first, requested_on=today, due_on=due[0])
    db.session.add(sample)
    db.session.flush()
    audit.record(
        "dip_sample.requested",
        target=("dip_sample", sample.id),
        month=first.isoformat(),
        due=sample.due_on.isoformat(),
    )
    return sample


@dataclass(frozen=True)
class Assignment:
    area: str
    assigned_to_id: int | None
    service_id: int | None
    due_on: date | None


def assign(sample: DipSample, details: Assignment, actor: User) -> None:
    """The QA team names the area to sample, who does it and by when."""
    if not can(actor, "dip_samples.manage"):
        raise NotAllowed("Only the QA team assigns dip samples.")
    area = details.area.strip()
    if not area or len(area) > 200:
        raise ActionError("Name the area to sample, in under 200 characters.")
    if details.due_on is None:
        raise ActionError("Give the date the findings are due.")
    person = db.session.get(User, details.assigned_to_id or 0)
    if person is None or not person.active or person.role not in ASSIGNABLE_ROLES:
        raise ActionError("Choose a service manager, Reg 44 visitor or QA team member.")
    service = db.session.get(Service, details.service_id) if details.service_id else None
    if details.service_id and service is None:
        raise ActionError("That service does not exist.")
    sample.area, sample.assigned_to, sample.due_on = area, person, details.due_on
    sample.service = service or person.service
    audit.record(
        "dip_sample.assigned",
        actor,
        target=("dip_sample", sample.id),
        area=area,
        assigned_to=person.email,
        due=details.due_on.isoformat(),
    )
    db.session.commit()


def record_findings(
    sample: DipSample, findings: str, completed_on: date | None, actor: User, today: date
) -> None:
    """What the dip sample found; it goes to the next QPAG meeting."""
    if not may_record_dip_findings(actor, sample):
        raise NotAllowed("Only the person it is assigned to, or the QA team, records findings.")
    if not sample.area:
        raise ActionError("Assign the dip sample to an area before recording findings.")
    findings = (findings or "").strip()
    if not findings or len(findings) > TEXT_MAX:
        raise ActionError(f"Write the findings, in under {TEXT_MAX} characters.")
    if completed_on is None or completed_on > today:
        raise ActionError("Give the date it was completed: today or earlier.")
    if completed_on < sample.requested_on:
        raise ActionError(
            f"It was requested on {say_date(sample.requested_on)}; "
            "it cannot have been completed before that."
        )
    sample.findings, sample.completed_on = findings, completed_on
    audit.record(
        "dip_sample.findings_recorded",
        actor,
        target=("dip_sample", sample.id),
        completed_on=completed_on.isoformat(),
    )
    db.session.commit()


def assignable_people() -> list[tuple[int, str]]:
    stmt = (
        select(User)
        .where(User.active.is_(True), User.role.in_(ASSIGNABLE_ROLES))
        .order_by(User.name)
    )
    return [(u.id, f"{u.name} ({u.role_name})") for u in db.session.execute(stmt).scalars()]


def dip_sample_rows(start: date, end: date) -> list[dict[str, Any]]:
    """Dip samples completed from start to end inclusive, as plain rows for the QPAG report."""
    stmt = (
        select(DipSample)
        .where(DipSample.completed_on >= start, DipSample.completed_on <= end)
        .order_by(DipSample.completed_on, DipSample.id)
    )
    return [
        {
            "id": s.id,
            "requested_on": s.requested_on,
            "area": s.area,
            "service": s.service.name if s.service else None,
            "assigned_to": s.assigned_to.name if s.assigned_to else None,
            "completed_on": s.completed_on,
            "findings": s.findings,
        }
        for s in db.session.execute(stmt).scalars()
    ]
