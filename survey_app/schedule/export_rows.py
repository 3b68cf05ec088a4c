"""The schedule as plain rows for `survey-app export schedule|visits|rounds`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import QaOccurrence, Round, Visit, VisitFinding
from survey_app.schedule import qa, visits
from survey_app.staff.service import counts_for

SCHEDULE_COLUMNS = [
    "activity",
    "activity_name",
    "home",
    "service",
    "responsible",
    "due",
    "done",
    "outcome",
    "exception",
    "added_by_hand",
]
VISIT_COLUMNS = [
    "home",
    "visit_date",
    "visitor",
    "done",
    "report_completed",
    "report_sent",
    "report_due",
    "sent_due",
    "status",
    "good_findings",
    "adverse_findings",
]
ROUND_COLUMNS = [
    "home",
    "audience",
    "theme",
    "presentation",
    "opens",
    "closes",
    "visit",
    "invitations",
    "responses",
    "rotation_reason",
]


def schedule_rows() -> Iterator[dict[str, Any]]:
    """Every QA occurrence, by due date."""
    stmt = select(QaOccurrence).order_by(QaOccurrence.due_on, QaOccurrence.activity_id)
    for found in db.session.execute(stmt).scalars():
        activity = qa.activity_of(found)
        yield {
            "activity": found.activity_id,
            "activity_name": activity.name if activity else None,
            "home": found.home.code if found.home else None,
            "service": found.service.name if found.service else found.home.service.name,
            "responsible": activity.responsible if activity else None,
            "due": found.due_on,
            "done": found.done_on,
            "outcome": found.outcome,
            "exception": found.exception,
            "added_by_hand": found.added_by_id is not None,
        }


def visit_rows(today: date) -> Iterator[dict[str, Any]]:
    """Every Reg 44 visit with its report dates, both deadlines and its findings counted."""
    findings = _finding_counts()
    stmt = select(Visit).order_by(Visit.visit_date, Visit.home_id)
    for visit in db.session.execute(stmt).scalars():
        state = visits.row(visit, today)
        d = state.deadlines
        yield {
            "home": visit.home.code,
            "visit_date": visit.visit_date,
            "visitor": visit.visitor.name if visit.visitor else visit.visitor_name,
            "done": visit.done_on,
            "report_completed": visit.report_completed_on,
            "report_sent": visit.report_sent_on,
            "report_due": d.report_due if d else None,
            "sent_due": d.sent_due if d else None,
            "status": state.status,
            "good_findings": findings.get((visit.id, "good"), 0),
            "adverse_findings": findings.get((visit.id, "adverse"), 0),
        }


def round_rows() -> Iterator[dict[str, Any]]:
    """Every round: where, for whom, which theme and look, when, and how many answered."""
    rounds = list(
        db.session.execute(
            select(Round).order_by(Round.opens_on, Round.home_id, Round.audience)
        ).scalars()
    )
    counts = counts_for([r.id for r in rounds])
    for round_ in rounds:
        yield {
            "home": round_.home.code,
            "audience": round_.audience,
            "theme": round_.theme_id,
            "presentation": round_.presentation,
            "opens": round_.opens_on,
            "closes": round_.closes_on,
            "visit": round_.visit.visit_date if round_.visit else None,
            "invitations": counts[round_.id].issued,
            "responses": counts[round_.id].submitted,
            "rotation_reason": round_.rotation_reason,
        }


def _finding_counts() -> dict[tuple[int, str], int]:
    stmt = select(VisitFinding.visit_id, VisitFinding.kind, func.count(VisitFinding.id)).group_by(
        VisitFinding.visit_id, VisitFinding.kind
    )
    return {(visit_id, kind): n for visit_id, kind, n in db.session.execute(stmt)}
