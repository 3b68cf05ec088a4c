"""Demo actions: every status, some overdue, an escalation, QPAG meetings, a dip sample, and
approved "you said, we did" lines for Oak House, so a newcomer sees the loop closing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from survey_app.actions.history import say_date
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
    Round,
    User,
    Visit,
    VisitFinding,
)

FINDINGS = (
    ("good", "Young people spoke warmly about their key workers and feel listened to."),
    ("adverse", "Young people said meals are repetitive and they are not asked what they like."),
    ("adverse", "Fire drill records for the last two months are incomplete."),
)


@dataclass
class Step:
    """One dated history entry: days before today, who, the status after it (if changed)."""

    days_ago: int
    who: str
    text: str
    status: str | None = None
    kind: str = "comment"  # for entries that change no status


@dataclass
class DemoAction:
    title: str
    home: str | None
    owner: str
    due_in: int
    source: str
    steps: list[Step]
    lines: dict[str, tuple[str, str]] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


def seed_demo_actions(today: date) -> int:
    """Add the demo actions once, when the demo homes and staff exist; returns how many."""
    if db.session.execute(select(func.count(Action.id))).scalar():
        return 0
    people = {u.email.split("@")[0]: u for u in db.session.execute(select(User)).scalars()}
    homes = {h.code: h for h in db.session.execute(select(Home)).scalars()}
    if not {"oak.manager", "service.manager", "qa", "qpag.chair"} <= set(people) or not homes:
        return 0
    visit = _oak_visit(homes["OAK"], today, people["visitor"])
    meetings = _meetings(today)
    sample = _dip_sample(today, people["service.manager"])
    made = [_make(d, homes, people, today) for d in _actions(today, visit, meetings, sample)]
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


def _actions(today: date, visit: Visit, meetings: list, sample: DipSample) -> list[DemoAction]:
    _, food, fire = (f.id for f in visit.findings[-3:])
    oak_round = (
        db.session.execute(
            select(Round)
            .where(
                Round.home_id == visit.home_id,
                Round.audience == "young_people",
                Round.closes_on < today,
            )
            .order_by(Round.closes_on.desc())
        )
        .scalars()
        .first()
    )
    agreed = f"Agreed at the QPAG meeting on {say_date(meetings[0].held_on)}."
    return [
        DemoAction(
            "Plan the week's menus with young people",
            "OAK",
            "oak.manager",
            -8,
            "visit",
            [
                Step(19, "oak.manager", "Proposed.", "proposed"),
                Step(17, "service.manager", "Approved.", "approved"),
                Step(12, "oak.manager", "Marked in progress.", "in_progress"),
                Step(
                    9,
                    "oak.manager",
                    "Marked done. Sunday menu meetings held since; minutes in the house folder.",
                    "done",
                ),
            ],
            {
                "en-GB": (
                    "You said the food was boring.",
                    "We now plan menus with you every Sunday.",
                ),
                "pl": (
                    "Mówiliście, że jedzenie jest nudne.",
                    "Teraz co niedzielę planujemy z wami jadłospis.",
                ),
            },
            {
                "source_visit_id": visit.id,
                "source_finding_id": food,
                "evidence": "Sunday menu meetings held since; minutes in the house folder.",
                "done_on": today - timedelta(days=9),
            },
        ),
        DemoAction(
            "Bring the fire drill records up to date",
            "OAK",
            "oak.manager",
            12,
            "visit",
            [
                Step(19, "oak.manager", "Proposed.", "proposed"),
                Step(17, "service.manager", "Approved.", "approved"),
                Step(6, "oak.manager", "Marked in progress. Two drills booked.", "in_progress"),
            ],
            extra={"source_visit_id": visit.id, "source_finding_id": fire},
        ),
        DemoAction(
            "Faster wi-fi in the evenings",
            "OAK",
            "oak.manager",
            20,
            "round",
            [
                Step(40, "oak.manager", "Proposed.", "proposed"),
                Step(38, "service.manager", "Approved.", "approved"),
                Step(20, "oak.manager", "Marked in progress.", "in_progress"),
            ],
            {
                "en-GB": (
                    "You said the wi-fi was slow in the evenings.",
                    "We have ordered a faster line and a booster for upstairs.",
                )
            },
            {"source_round_id": oak_round.id if oak_round else None},
        ),
        DemoAction(
            "A weekly house meeting run with young people",
            "OAK",
            "oak.manager",
            30,
            "visit",
            [Step(2, "oak.manager", "Proposed.", "proposed")],
            extra={"source_visit_id": visit.id},
        ),
        DemoAction(
            "Review bedtime routines with young people",
            "WIL",
            "service.manager",
            25,
            "practice_review",
            [
                Step(8, "service.manager", "Proposed.", "proposed"),
                Step(
                    5,
                    "service.manager",
                    "Returned. Please say how young people will be "
                    "involved, and give a date within the month.",
                    "returned",
                ),
            ],
            extra={"source_reference": "Practice review, Willow Lodge"},
        ),
        DemoAction(
            "Recruit two permanent night staff",
            "WIL",
            "service.manager",
            -40,
            "meeting",
            [
                Step(75, "qpag.chair", agreed, "approved"),
                Step(50, "service.manager", "Marked in progress. Advert out.", "in_progress"),
            ],
            extra={"source_meeting_id": meetings[0].id},
        ),
        DemoAction(
            "Complete the Ofsted requirement on care plans",
            "BEE",
            "qa",
            -20,
            "ofsted",
            [
                Step(60, "qa", "Proposed.", "proposed"),
                Step(58, "qpag.chair", "Approved.", "approved"),
                Step(30, "qa", "Marked in progress.", "in_progress"),
                Step(
                    5,
                    "qpag.chair",
                    "Escalated to the CSLT: care plans still not "
                    "updated; a decision on agency cover is needed.",
                    kind="escalated",
                ),
            ],
            extra={
                "source_reference": "Inspection report, Beech Cottage",
                "escalated_on": today - timedelta(days=5),
                "escalation_note": "Care plans still not updated; a decision on "
                "agency cover is needed.",
            },
        ),
        DemoAction(
            "Restorative practice training for all staff",
            None,
            "service.manager",
            -3,
            "thematic",
            [Step(75, "qpag.chair", agreed, "approved")],
            extra={"source_reference": "Thematic review: managing conflict"},
        ),
        DemoAction(
            "Audit of key-worker session notes",
            "HAR",
            "qa",
            15,
            "audit",
            [
                Step(30, "qa", "Proposed.", "proposed"),
                Step(
                    28,
                    "qpag.chair",
                    "Cancelled. Covered by the restorative practice training action.",
                    "cancelled",
                ),
            ],
            extra={
                "source_reference": "Full audit, Harbour View",
                "cancel_reason": "Covered by the restorative practice training.",
            },
        ),
        DemoAction(
            "Record young people's own words in return interviews",
            "HAR",
            "qa",
            20,
            "dip",
            [
                Step(
                    14,
                    "qpag.chair",
                    f"Agreed at the QPAG meeting on {say_date(meetings[2].held_on)}.",
                    "approved",
                ),
                Step(
                    13,
                    "qpag.chair",
                    "Marked as an exception: depends on the "
                    "recruitment freeze; needs a CSLT decision.",
                    kind="exception",
                ),
            ],
            extra={
                "source_dip_sample_id": sample.id,
                "exception_note": "Depends on the recruitment freeze; needs a CSLT decision.",
                "exception_marked_on": today - timedelta(days=13),
            },
        ),
    ]


SOURCES = {
    "visit": "reg44_visit",
    "round": "survey_round",
    "meeting": "qpag_meeting",
    "dip": "dip_sample",
    "ofsted": "ofsted_inspection",
    "thematic": "thematic_review",
    "audit": "audit",
    "practice_review": "practice_review",
}


def _make(demo: DemoAction, homes: dict, people: dict, today: date) -> Action:
    home = homes.get(demo.home) if demo.home else None
    owner = people[demo.owner]
    action = Action(
        title=demo.title,
        description=demo.title + ".",
        source_kind=SOURCES[demo.source],
        home=home,
        service_id=home.service_id if home else owner.service_id,
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
