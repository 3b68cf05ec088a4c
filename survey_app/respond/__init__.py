"""The respondent journey: code → welcome → pages → open question → thank you."""

from survey_app.respond.views import bp

__all__ = ["bp"]
