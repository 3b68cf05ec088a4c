"""A respondent's display choices (language, bigger text), kept in their session.

Plain links (`?lang=ar`, `?text=big`) set them on any page. On a question page the same
choices are buttons inside the answer form, so the answers on the page travel with them.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import session
from flask_babel import refresh

from survey_app.respond.language import SUPPORTED

TEXT_SIZES = ("big", "normal")
LANGUAGE_BUTTON = "choose_lang"
TEXT_BUTTON = "choose_text"


def remember(language: str | None, text_size: str | None) -> bool:
    """Keep whichever of the two is a real choice; True if anything was chosen."""
    chosen = False
    if language in SUPPORTED:
        session["lang"] = language
        chosen = True
    if text_size in TEXT_SIZES:
        session["big_text"] = text_size == "big"
        chosen = True
    if chosen:
        refresh()  # this request's page is drawn in the new language already
    return chosen


def remember_from_query(args: Mapping[str, str]) -> None:
    remember(args.get("lang"), args.get("text"))


def chosen_in_form(form: Mapping[str, str]) -> bool:
    """True when the answer form was sent by a language or text-size button."""
    return remember(form.get(LANGUAGE_BUTTON), form.get(TEXT_BUTTON))


def big_text() -> bool:
    return bool(session.get("big_text"))
