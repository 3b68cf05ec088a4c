"""A home's schedule at a glance: its visits, rounds, the rotation's next choices and QA items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from survey_app.banks import QuestionBanks
from survey_app.extensions import db
from survey_app.models import AUDIENCES, Home, QaOccurrence, Round, Visit
from survey_app.schedule import qa, themes, visits
from survey_app.schedule.rotation import PastRound, RotationChoice, RotationError
from survey_app.schedule.windows import RoundWindow, round_window

PREVIEW_VISITS = 3
RECENT_VISITS = 6


@dataclass(frozen=True)
class NextRound:
    """A round the daily schedule will open, and the theme the rotation would give it today."""

    visit: Visit
    audience: str
    window: RoundWindow
    choice: RotationChoice | None
    problem: str | None = None


@dataclass(frozen=True)
class HomeOutlook:
    home: Home
    visits: list[visits.VisitRow]
    rounds: list[Round]
    next_rounds: list[NextRound]
    occurrences: list[QaOccurrence]


def outlook(home: Home, today: date, lead_days: int, horizon_days: int, banks: QuestionBanks):
    """What is coming at the home, and the last few visits and rounds for context."""
    planned = _planned(home, today)
    recent = visits.visits_of([home.id], since=today - timedelta(days=31 * RECENT_VISITS))
    due = qa.listed({home.id}, set(), qa.Filter(until=today + timedelta(days=horizon_days)), today)
    return HomeOutlook(
        home=home,
        visits=[visits.row(v, today) for v in recent],
        rounds=_recent_rounds(home, today),
        next_rounds=next_rounds(home, planned, today, lead_days, banks),
        occurrences=due,
    )


def next_rounds(
    home: Home, planned: list[Visit], today: date, lead_days: int, banks: QuestionBanks
) -> list[NextRound]:
    """The rounds still to open before the next planned visits, each theme as chosen today."""
    opened = _audiences_opened([v.id for v in planned])
    past = {audience: themes.history(home.id, audience) for audience in AUDIENCES}
    pins = {a: themes.pending_pin(home.id, a) for a in AUDIENCES}
    found: list[NextRound] = []
    previous = _visit_before(home, planned[0].visit_date) if planned else None
    for visit in planned[:PREVIEW_VISITS]:
        window = round_window(visit.visit_date, lead_days, previous)
        previous = visit.visit_date
        for audience in AUDIENCES:
            if (visit.id, audience) in opened:
                continue
            pin = pins.pop(audience, None)
            found.append(_preview(banks, home, visit, audience, window, today, past[audience], pin))
    return found


def _preview(banks, home, visit, audience, window, today, past: list[PastRound], pin) -> NextRound:
    """Choose as the tick would, then add the choice to the simulated history for the next one."""
    opens = max(window.opens, today)
    try:
        choice = themes.choose(
            banks, home.id, audience, opens, past=past, pinned=pin.theme_id if pin else None
        )
    except RotationError as error:
        return NextRound(visit, audience, window, None, str(error))
    past.append((opens, choice.theme_id, choice.presentation))
    return NextRound(visit, audience, window, choice)


def _planned(home: Home, today: date) -> list[Visit]:
    stmt = (
        select(Visit)
        .where(Visit.home_id == home.id, Visit.visit_date > today, Visit.done_on.is_(None))
        .order_by(Visit.visit_date)
    )
    return list(db.session.execute(stmt).scalars())


def _visit_before(home: Home, day: date) -> date | None:
    stmt = select(Visit.visit_date).where(Visit.home_id == home.id, Visit.visit_date < day)
    return max(db.session.execute(stmt).scalars(), default=None)


def _audiences_opened(visit_ids: list[int]) -> set[tuple[int, str]]:
    stmt = select(Round.visit_id, Round.audience).where(Round.visit_id.in_(visit_ids))
    return {(visit_id, audience) for visit_id, audience in db.session.execute(stmt)}


def _recent_rounds(home: Home, today: date) -> list[Round]:
    stmt = (
        select(Round)
        .where(Round.home_id == home.id, Round.closes_on >= today - timedelta(days=62))
        .order_by(Round.opens_on.desc(), Round.audience)
    )
    return list(db.session.execute(stmt).scalars())
