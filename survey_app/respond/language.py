"""Which language a respondent reads in; en-GB until they choose another."""

from __future__ import annotations

from flask import request, session

DEFAULT = "en-GB"
# Languages the respondent pages are offered in, with their own names and direction.
SUPPORTED = {"en-GB": ("English", "ltr")}


def current_language() -> str:
    for candidate in (request.args.get("lang"), session.get("lang")):
        if candidate in SUPPORTED:
            return candidate
    return DEFAULT


def direction(language: str) -> str:
    return SUPPORTED.get(language, SUPPORTED[DEFAULT])[1]
