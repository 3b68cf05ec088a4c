"""Demo actions: every status, some overdue, an escalation, QPAG meetings, a dip sample, and
approved "you said, we did" lines for Oak House, so a newcomer sees the loop closing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from survey_app.actions.demo_data import FINDINGS, SOURCES, DemoAction, demo_actions
from survey_app.actions.tick import tick_actions
from survey_app.clock import LONDON
from survey_app.extensions import db
from survey_app.models import (
    Action,
    ActionComment,
    ActionLine,
    DipSample,
    Home,
    QpagMeeting,
    User,
    Visit,
    VisitFinding,
)


def seed_demo_actions(today: date) -> int:
    """Add the demo actions once, when the demo homes and staff exist; returns how many."""
    if db.session.execute(select(func.count(Action.id))).scalar():
        return 0
    people = {u.email.split("@")[0]: u for u in db.session.execute(select(User)).scalars()}
    homes = {h.code: h for h in db.session.execute(select(Home)).scalars()}
    needed = {"oak.manager", "service.manager", "qa", "qpag.chair", "visitor"}
    if not needed <= set(people) or not {"OAK", "WIL", "HAR", "BEE"} <= set(homes):
        return 0
    visit = _oak_visit(homes["OAK"], today, people["visitor"])
    meetings = _meetings(today)
    sample = _dip_sample(today, people["service.manager"])
    made = [_make(d, homes, people, today) for d in demo_actions(today, visit, meetings, sample)]
    meetings[0].actions += [made[5], made[7]]
    meetings[1].actions += [made[6]]
    meetings[2].actions += [made[0], made[9]]
    db.session.commit()
    tick_actions(today)  # flags the escalation candidates, as the daily tick would
    return len(made)


def _at(today: date, days_ago: int) -> datetime:
    return datetime.combine(today - timedelta(days=days_ago), time(10, 30), tzinfo=LONDON)


def _oak_visit(home: Home, today: date, visitor: User) -> Visit:
    """Oak House's latest visit that has happened, with its findings."""
    stmt = select(Visit).where(Visit.home_id == home.id, Visit.visit_date < today)
    visit = db.session.execute(stmt.order_by(Visit.visit_date.desc())).scalars().first()
    for kind, text in FINDINGS:
        visit.findings.append(VisitFinding(kind=kind, text=text, recorded_by_id=visitor.id))
    db.session.flush()
    return visit


def _meetings(today: date) -> list[QpagMeeting]:
    attendees = "Chris Chair (chair); Quinn QA; Sam Service; Head of Service"
    found = []
    for days_ago, reports in (
        (75, "Monthly QPAG report"),
        (45, "Monthly QPAG report"),
        (14, "Monthly QPAG report; dip sample: missing-from-home"),
    ):
        meeting = QpagMeeting(
            held_on=today - timedelta(days=days_ago),
            attendees=attendees,
            reports_received=reports,
            created_at=_at(today, days_ago),
        )
        db.session.add(meeting)
        found.append(meeting)
    db.session.flush()
    return found


def _dip_sample(today: date, assignee: User) -> DipSample:
    requested = today - timedelta(days=50)
    sample = DipSample(
        requested_on=requested,
        due_on=requested + timedelta(days=30),
        area="Missing-from-home episodes: return interviews",
        service_id=assignee.service_id,
        assigned_to=assignee,
        completed_on=today - timedelta(days=20),
        findings="Return interviews offered in 9 of 10 episodes sampled; one "
        "record lacked the young person's own words.",
    )
    db.session.add(sample)
    db.session.flush()
    return sample


def _make(demo: DemoAction, homes: dict, people: dict, today: date) -> Action:
    home = homes.get(demo.home) if demo.home else None
    owner = people[demo.owner]
    action = Action(
        title=demo.title,
        description=demo.title + ".",
        source_kind=SOURCES[demo.source],
        home=home,
        service_id=None if home else owner.service_id,  # a home's action follows its home
        owner=owner,
        due_on=today + timedelta(days=demo.due_in),
        created_by=people[demo.steps[0].who],
        created_at=_at(today, demo.steps[0].days_ago),
        status=[s.status for s in demo.steps if s.status][-1],
        **demo.extra,
    )
    for step in demo.steps:
        kind = "created" if step is demo.steps[0] else ("status" if step.status else step.kind)
        action.history.append(
            ActionComment(
                at=_at(today, step.days_ago),
                kind=kind,
                author=people[step.who],
                status=step.status,
                text=step.text,
            )
        )
    for language, (you_said, we_did) in demo.lines.items():
        action.lines.append(ActionLine(language=language, you_said=you_said, we_did=we_did))
    if demo.lines:
        action.lines_approved_at = _at(today, 8)
        action.lines_approved_by = people["service.manager"]
    db.session.add(action)
    return action
