"""The demo's actions, as data: what each is, where, whose, and its dated history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select

from survey_app.actions.history import say_date
from survey_app.extensions import db
from survey_app.models import DipSample, Round, Visit

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


def demo_actions(today: date, visit: Visit, meetings: list, sample: DipSample) -> list[DemoAction]:
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
                # Arabic is a language the respondent pages ship in, so the demo shows it.
                "ar": (
                    "قلتم إن الطعام مملّ.",
                    "نحن الآن نخطط قائمة الطعام معكم كل يوم أحد.",
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
