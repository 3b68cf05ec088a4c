"""The respondent journey: code → welcome → pages → open question → (safety) → thank you."""

from survey_app.respond import safety  # noqa: F401 (attaches its routes to bp)
from survey_app.respond.views import bp

__all__ = ["bp"]
