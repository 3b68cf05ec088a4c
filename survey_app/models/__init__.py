"""Typed SQLAlchemy 2 models; importing this package registers every table."""

from survey_app.models.actions import (
    LINKED_SOURCES,
    OPEN_STATUSES,
    SOURCE_KINDS,
    STATUS_NAMES,
    STATUSES,
    Action,
    ActionComment,
    ActionLine,
    DipSample,
    QpagMeeting,
    qpag_meeting_action,
)
from survey_app.models.audit import AuditEvent, AuditLogIsAppendOnly
from survey_app.models.base import Base
from survey_app.models.homes import (
    FINDING_KINDS,
    OFSTED_RATINGS,
    Home,
    Service,
    Visit,
    VisitFinding,
)
from survey_app.models.ratelimit import RateCounter
from survey_app.models.responses import Answer, Response, answer_choice
from survey_app.models.safeguarding import (
    FLAG_OUTCOMES,
    FLAG_SOURCES,
    ROUTINE_REVIEW,
    URGENT_REVIEW,
    Flag,
    safeguarding_lead,
)
from survey_app.models.schedule import CalendarToken, QaOccurrence, ThemePin, ThemeSetting
from survey_app.models.settings import Setting
from survey_app.models.staff import ROLE_NAMES, ROLES, User, user_home
from survey_app.models.surveys import AUDIENCES, Invitation, Round

__all__ = [
    "AUDIENCES",
    "LINKED_SOURCES",
    "OPEN_STATUSES",
    "SOURCE_KINDS",
    "STATUSES",
    "STATUS_NAMES",
    "Action",
    "ActionComment",
    "ActionLine",
    "DipSample",
    "QpagMeeting",
    "FINDING_KINDS",
    "FLAG_OUTCOMES",
    "FLAG_SOURCES",
    "OFSTED_RATINGS",
    "ROLES",
    "ROLE_NAMES",
    "ROUTINE_REVIEW",
    "URGENT_REVIEW",
    "Answer",
    "AuditEvent",
    "AuditLogIsAppendOnly",
    "Base",
    "CalendarToken",
    "Flag",
    "Home",
    "Invitation",
    "QaOccurrence",
    "RateCounter",
    "Response",
    "Round",
    "Service",
    "Setting",
    "ThemePin",
    "ThemeSetting",
    "User",
    "Visit",
    "VisitFinding",
    "answer_choice",
    "qpag_meeting_action",
    "safeguarding_lead",
    "user_home",
]
