"""The seam: the one place stored rows become plain records, for exports and for `analysis`."""

from survey_app.records.answers import RESPONSE_COLUMNS, answer_rows
from survey_app.records.comments import comment_records
from survey_app.records.counts import count_records
from survey_app.records.export import analysis_records, answer_records
from survey_app.records.fatigue import fatigue_records
from survey_app.records.names import known_names
from survey_app.records.questions import BankFacts, question_records
from survey_app.records.rounds import home_records, response_records, round_records, visit_records
from survey_app.records.scope import Buckets, by_period, by_round, london_midnight, submitted_in

__all__ = [
    "RESPONSE_COLUMNS",
    "BankFacts",
    "Buckets",
    "analysis_records",
    "answer_records",
    "answer_rows",
    "by_period",
    "by_round",
    "comment_records",
    "count_records",
    "fatigue_records",
    "home_records",
    "known_names",
    "london_midnight",
    "question_records",
    "response_records",
    "round_records",
    "submitted_in",
    "visit_records",
]
