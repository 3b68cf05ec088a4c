"""Typed SQLAlchemy 2 models; importing this package registers every table."""

from survey_app.models.base import Base
from survey_app.models.homes import OFSTED_RATINGS, Home, Service, Visit
from survey_app.models.ratelimit import RateCounter
from survey_app.models.responses import Answer, Response
from survey_app.models.surveys import AUDIENCES, Invitation, Round

__all__ = [
    "AUDIENCES",
    "OFSTED_RATINGS",
    "Answer",
    "Base",
    "Home",
    "Invitation",
    "RateCounter",
    "Response",
    "Round",
    "Service",
    "Visit",
]
