"""Rounds and their responses as analysis.fatigue takes them (schedule pages: fatigue)."""

from __future__ import annotations

from collections.abc import Sequence

from analysis import ResponseRecord, RoundRecord
from survey_app.banks import QuestionBanks
from survey_app.models import Round
from survey_app.records.questions import BankFacts
from survey_app.records.rounds import response_records, round_records


def fatigue_records(
    rounds: Sequence[Round], banks: QuestionBanks
) -> tuple[list[RoundRecord], list[ResponseRecord]]:
    """The rounds, with their invitation counts, and every response to them, as plain records."""
    if not rounds:
        return [], []
    facts, where = BankFacts(banks), Round.id.in_([r.id for r in rounds])
    return list(round_records(facts, where)), list(response_records(facts, where))
