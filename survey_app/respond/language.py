"""Which language a respondent reads in: their choice, else their browser's, else en-GB."""

from __future__ import annotations

from typing import NamedTuple

from flask import has_request_context, request, session
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from survey_app.banks import LocalText

DEFAULT = "en-GB"


class Language(NamedTuple):
    name: str  # in the language itself, so a reader finds their own
    direction: str  # "ltr" or "rtl"


# Languages every respondent page is offered in. Arabic, Dari and Vietnamese are among the
# languages most spoken by unaccompanied children arriving in England.
SUPPORTED = {
    "en-GB": Language("English", "ltr"),
    "ar": Language("العربية", "rtl"),
    "fa-AF": Language("دری", "rtl"),
    "vi": Language("Tiếng Việt", "ltr"),
}

# A hidden field of every answer form: the language the page was shown in.
SHOWN_IN = "_lang"
# Dari's own ISO 639-3 code, which some browsers send.
ALIASES = {"prs": "fa-AF"}


def current_language() -> str:
    """`?lang=` on this request, else the choice kept in the session, else the language the
    page being sent was shown in (the session may have been lost), else the browser's."""
    if not has_request_context():
        return DEFAULT
    for candidate in (request.args.get("lang"), session.get("lang"), _shown_in()):
        if candidate in SUPPORTED:
            return candidate
    return browser_language()


def _shown_in() -> str | None:
    if request.method != "POST":
        return None
    try:
        return request.form.get(SHOWN_IN)
    except HTTPException:
        # A body too big (413) cannot be read, and the page saying so is drawn in a language
        # too: without this it would fail again inside the error page, and answer 500.
        return None


def browser_language() -> str:
    """The first language the browser asks for that we have, matched on its main part."""
    for tag, _quality in request.accept_languages:
        primary = ALIASES.get(tag.lower(), tag).split("-")[0].lower()
        for supported in SUPPORTED:
            if supported.split("-")[0].lower() == primary:
                return supported
    return DEFAULT


def direction(language: str) -> str:
    return SUPPORTED.get(language, SUPPORTED[DEFAULT]).direction


# Blueprints whose pages a respondent reads; None covers the app's own error pages.
RESPONDENT_BLUEPRINTS = (None, "respond")


def babel_locale() -> str:
    """Flask-Babel's locale selector: "en-GB" → "en_GB", "fa-AF" → "fa_AF".

    Only respondents' pages follow the chosen language; staff pages stay in English even
    when the same browser has just tried the survey in Arabic.
    """
    if has_request_context() and request.blueprint not in RESPONDENT_BLUEPRINTS:
        return DEFAULT.replace("-", "_")
    return current_language().replace("-", "_")


def same_language(one: str, other: str) -> bool:
    return one.split("-")[0] == other.split("-")[0]


def local(text: LocalText) -> Markup:
    """A bank text in the reader's language; English in its place is marked lang="en"."""
    language = current_language()
    shown, used = text.get(language)
    if same_language(used, language):
        return escape(shown)
    return Markup('<span lang="en" dir="ltr">{}</span>').format(shown)
