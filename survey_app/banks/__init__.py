"""Question banks: loading, validation and the app's cached copy."""

from __future__ import annotations

from flask import current_app

from survey_app.banks.coverage import MissingText, missing_translations
from survey_app.banks.errors import BankError
from survey_app.banks.loader import load_banks
from survey_app.banks.model import (
    OPEN_QUESTION_ID,
    LocalText,
    Option,
    Question,
    QuestionBanks,
    Theme,
)

__all__ = [
    "OPEN_QUESTION_ID",
    "BankError",
    "LocalText",
    "MissingText",
    "Option",
    "Question",
    "QuestionBanks",
    "Theme",
    "get_banks",
    "load_banks",
    "missing_translations",
]


def get_banks() -> QuestionBanks:
    """The banks for this app, loaded once per process (they change only with a deploy)."""
    banks = current_app.extensions.get("question_banks")
    if banks is None:
        banks = load_banks(current_app.config["QUESTION_BANKS_DIR"])
        current_app.extensions["question_banks"] = banks
    return banks
