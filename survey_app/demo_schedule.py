"""Demo schedule: visits given to the demo visitor, and six weeks of QA activities, mostly done."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import Home, QaOccurrence, User, Visit, user_home
from survey_app.schedule.qa_generation import generate_between

PAST_WEEKS = 6
# Left undone, so the demo's dashboards have overdue QA activities to show.
LEFT_OVERDUE = {("fire_safety", "OAK"), ("qa_monitoring_review", "BEE")}
EXCEPTIONS = {
    (
        "health_and_safety_audit",
        "WIL",
    ): "Window restrictor repair on the first floor still awaited.",
}


def seed_demo_schedule(today: date) -> bool:
    """Give visits to the demo visitor and fill the recent QA schedule, once."""
    if db.session.execute(select(func.count(QaOccurrence.id))).scalar():
        return False
    _assign_visitor()
    generate_between(today - timedelta(weeks=PAST_WEEKS), today - timedelta(days=1))
    latest: dict[tuple[str, str], QaOccurrence] = {}
    stmt = select(QaOccurrence).order_by(QaOccurrence.due_on)
    for occurrence in db.session.execute(stmt).scalars():
        code = occurrence.home.code if occurrence.home else ""
        occurrence.done_on = occurrence.due_on
        occurrence.outcome = "Completed; findings reported as usual."
        occurrence.exception = EXCEPTIONS.get((occurrence.activity_id, code))
        latest[(occurrence.activity_id, code)] = occurrence
    for key in LEFT_OVERDUE:
        if key in latest:
            latest[key].done_on = latest[key].outcome = latest[key].exception = None
    db.session.commit()
    return True


def _assign_visitor() -> None:
    """The demo Reg 44 visitor's account visits the homes assigned to it."""
    visitor = db.session.execute(select(User).where(User.role == "reg44_visitor")).scalars().first()
    if visitor is None:
        return
    assigned = select(user_home.c.home_id).where(user_home.c.user_id == visitor.id)
    stmt = select(Visit).join(Home).where(Home.id.in_(assigned))
    for visit in db.session.execute(stmt).scalars():
        visit.visitor, visit.visitor_name = visitor, visitor.name
