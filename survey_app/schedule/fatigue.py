"""Survey fatigue from stored rounds: per round, and the response rate's trend across rounds."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from sqlalchemy import select

from analysis.fatigue import (
    FatigueTrend,
    RoundFatigue,
    fatigue_by_round,
    fatigue_trends,
    round_fatigue,
)
from survey_app.banks import QuestionBanks
from survey_app.extensions import db
from survey_app.models import Round
from survey_app.records import fatigue_records

TREND_MONTHS = 12


def for_round(round_: Round, banks: QuestionBanks, threshold: int) -> RoundFatigue:
    """Invitations, responses, completion, median time, item non-response and straight-lining."""
    rounds, responses = fatigue_records([round_], banks)
    return round_fatigue(rounds[0], responses, threshold)


def trends(
    home_ids: Collection[int], today: date, banks: QuestionBanks, threshold: int
) -> tuple[FatigueTrend, ...]:
    """One response-rate trend per home and audience over the closed rounds of the last year."""
    # Only closed rounds: an open round's rate is still rising and would read as a fall.
    stmt = (
        select(Round)
        .where(Round.home_id.in_(home_ids), Round.closes_on < today)
        .where(Round.opens_on >= today - timedelta(days=31 * TREND_MONTHS))
    )
    rounds, responses = fatigue_records(list(db.session.execute(stmt).scalars()), banks)
    return fatigue_trends(fatigue_by_round(rounds, responses, threshold))
