"""The daily schedule: a list of named steps, each idempotent, run by cron and from the staff pages.

A step takes the day to run for and returns what it did, one line per action; a `Problem` line
says what it could not do. Adding a feature's daily work is one more entry in STEPS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from survey_app import audit
from survey_app.actions.tick import tick_actions
from survey_app.banks import get_banks
from survey_app.clock import now
from survey_app.extensions import db
from survey_app.models import AUDIENCES, Round, User, Visit
from survey_app.rounds import add_round
from survey_app.safeguarding.escalation import escalate_overdue_flags
from survey_app.schedule import qa_generation, themes
from survey_app.schedule.rotation import RotationError
from survey_app.schedule.windows import RoundWindow, round_window
from survey_app.schedule.wording import long_date
from survey_app.staff.service import counts_for

MAX_AUDITED_LINES = 200


class Problem(str):
    """A line saying what the schedule could not do; the command exits 1 when there is one."""

    __slots__ = ()


Step = Callable[[date], Iterable[str]]


@dataclass
class TickReport:
    """What one run did, step by step, and what it could not do."""

    today: date
    lines: list[tuple[str, str]] = field(default_factory=list)  # (step, line)

    @property
    def problems(self) -> list[str]:
        return [line for _, line in self.lines if isinstance(line, Problem)]

    @property
    def changed(self) -> bool:
        return any(not isinstance(line, Problem) for _, line in self.lines)


def close_finished_rounds(today: date) -> list[str]:
    """Note each round whose last day has passed, with how many answered."""
    stmt = (
        select(Round)
        .where(Round.closes_on < today, Round.closed_on.is_(None))
        .order_by(Round.closes_on, Round.home_id, Round.audience)
    )
    closing = list(db.session.execute(stmt).scalars())
    counts = counts_for([r.id for r in closing])
    lines = []
    for round_ in closing:
        round_.closed_on = today
        c = counts[round_.id]
        audit.record(
            "round.closed",
            target=("round", round_.id),
            home_id=round_.home_id,
            submitted=c.submitted,
            issued=c.issued,
        )
        lines.append(
            f"Closed {_round_words(round_)} (last day {long_date(round_.closes_on)}): "
            f"{c.submitted} answered of {c.issued} invited."
        )
    db.session.commit()
    return lines


def open_rounds_before_visits(today: date) -> list[str]:
    """Open each audience's round for every planned visit whose window holds today."""
    lead = current_app.config["ROUND_LEAD_DAYS"]
    lines: list[str] = []
    for visit, window in _visits_due_rounds(today, lead):
        lines.extend(_open_for_visit(visit, window, today))
    return lines


def schedule_qa_activities(today: date) -> list[str]:
    """Put the §7.1 activities on the schedule up to the horizon."""
    done, problems = qa_generation.generate(today, current_app.config["QA_HORIZON_DAYS"])
    return [*done, *(Problem(p) for p in problems)]


def escalate_flags(today: date) -> list[str]:
    """Backstop for the hourly `safeguarding escalate`: overdue flags go to the service manager."""
    escalated = escalate_overdue_flags(now())
    return (
        [f"{escalated} safeguarding flag(s) past their review time escalated"] if escalated else []
    )


STEPS: list[tuple[str, Step]] = [
    ("close rounds", close_finished_rounds),
    ("open rounds", open_rounds_before_visits),
    ("QA schedule", schedule_qa_activities),
    # Actions past due plus the grace go on the escalation list; every other month, a dip sample.
    ("actions", tick_actions),
    ("safeguarding", escalate_flags),
]


def run_tick(today: date, actor: User | None = None) -> TickReport:
    """Run every step for `today`; running it again the same day changes nothing."""
    report = TickReport(today)
    for name, step in STEPS:
        try:
            report.lines.extend((name, line) for line in step(today))
        except Exception as error:  # one failing step must not stop the others
            db.session.rollback()
            current_app.logger.exception("schedule step %s failed", name)
            report.lines.append((name, Problem(f"The {name} step failed: {error}")))
    if report.lines:
        _audit(report, actor)
    return report


def _audit(report: TickReport, actor: User | None) -> None:
    lines = [f"{step}: {line}" for step, line in report.lines[:MAX_AUDITED_LINES]]
    audit.record(
        "schedule.tick",
        actor,
        today=report.today.isoformat(),
        actions=len(report.lines) - len(report.problems),
        problems=len(report.problems),
        lines=lines,
    )
    db.session.commit()


def _visits_due_rounds(today: date, lead: int) -> list[tuple[Visit, RoundWindow]]:
    """Planned visits whose rounds should be open today, soonest first."""
    stmt = (
        select(Visit)
        .where(Visit.visit_date > today, Visit.done_on.is_(None))
        .order_by(Visit.visit_date, Visit.home_id)
    )
    found = []
    for visit in db.session.execute(stmt).scalars():
        window = round_window(visit.visit_date, lead, _previous_visit_day(visit))
        if window.holds(today):
            found.append((visit, window))
    return found


def _previous_visit_day(visit: Visit) -> date | None:
    stmt = select(Visit.visit_date).where(
        Visit.home_id == visit.home_id, Visit.visit_date < visit.visit_date
    )
    return max(db.session.execute(stmt).scalars(), default=None)


def _open_for_visit(visit: Visit, window: RoundWindow, today: date) -> list[str]:
    """One unit of work: the visit's missing rounds, each theme chosen by the rotation."""
    stmt = select(Round.audience).where(Round.visit_id == visit.id)
    have = set(db.session.execute(stmt).scalars())
    lines = [_open_one(visit, a, window, today) for a in AUDIENCES if a not in have]
    try:
        db.session.commit()
    except IntegrityError:
        # Another run (the cron job and the staff button at once) opened them first.
        db.session.rollback()
        return []
    return lines


def _open_one(visit: Visit, audience: str, window: RoundWindow, today: date) -> str:
    """Add one audience's round, or say why its theme could not be chosen."""
    banks = get_banks()
    pin = themes.pending_pin(visit.home_id, audience)
    pinned = pin.theme_id if pin else None
    try:
        choice = themes.choose(banks, visit.home_id, audience, today, pinned=pinned)
    except RotationError as error:
        # The other audiences' rounds still open; this one is retried at the next run.
        audience_words = audience.replace("_", " ")
        return Problem(f"No {audience_words} round before {_visit_words(visit)}: {error}")
    theme = banks.theme(audience, choice.theme_id)
    round_ = add_round(
        visit.home, theme, today, window.closes, visit, choice.reason, choice.presentation
    )
    if pin is not None:
        pin.round = round_
    return (
        f"Opened {_round_words(round_)} until {long_date(window.closes)}, before the visit "
        f"on {long_date(visit.visit_date)}: {theme.id} ({choice.presentation}). {choice.reason}"
    )


def _round_words(round_: Round) -> str:
    audience = round_.audience.replace("_", " ")
    return f"the {audience} round at {round_.home.name} ({round_.home.code})"


def _visit_words(visit: Visit) -> str:
    home = visit.home
    return f"the Reg 44 visit to {home.name} ({home.code}) on {long_date(visit.visit_date)}"
