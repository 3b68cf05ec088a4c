"""Actions and their dated history, QPAG meetings, dip samples, and "you said, we did" lines."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.clock import now
from survey_app.models.base import Base, UTCDateTime
from survey_app.models.homes import Home, Service, Visit, VisitFinding
from survey_app.models.surveys import Round

if TYPE_CHECKING:
    from survey_app.models.staff import User

# What raised an action (§7.1, §8.5, §8.7), in the words staff use.
SOURCE_KINDS = {
    "qpag_meeting": "QPAG meeting",
    "reg44_visit": "Reg 44 visit",
    "survey_round": "Survey round",
    "thematic_review": "Thematic review",
    "dip_sample": "Dip sample",
    "audit": "Audit",
    "practice_review": "Practice review",
    "ofsted_inspection": "Ofsted inspection",
    "safeguarding_review": "Safeguarding review",
}
# Sources that are records here are linked by their own foreign key; the others by a reference.
LINKED_SOURCES = {
    "qpag_meeting": "source_meeting_id",
    "reg44_visit": "source_visit_id",
    "survey_round": "source_round_id",
    "dip_sample": "source_dip_sample_id",
}
STATUS_NAMES = {
    "proposed": "proposed",
    "returned": "returned for changes",
    "approved": "approved",
    "in_progress": "in progress",
    "done": "done",
    "cancelled": "cancelled",
}
STATUSES = tuple(STATUS_NAMES)
OPEN_STATUSES = ("proposed", "returned", "approved", "in_progress")

qpag_meeting_action = Table(
    "qpag_meeting_action",
    Base.metadata,
    Column("meeting_id", ForeignKey("qpag_meeting.id"), primary_key=True),
    Column("action_id", ForeignKey("action.id"), primary_key=True, index=True),
)


class QpagMeeting(Base):
    """A monthly meeting of the Quality of Practice and Action Group (§8.1, §8.7)."""

    __tablename__ = "qpag_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date] = mapped_column(index=True)
    attendees: Mapped[str] = mapped_column(Text, default="")
    reports_received: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    actions: Mapped[list[Action]] = relationship(
        secondary=qpag_meeting_action, back_populates="meetings", order_by="Action.id"
    )


class DipSample(Base):
    """A dip-sample request (§8.5): made every other month, assigned to an area, then reported."""

    __tablename__ = "dip_sample"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The first day of the month the regular request is for; unique, so the tick makes one.
    month: Mapped[date | None] = mapped_column(unique=True)
    requested_on: Mapped[date]
    due_on: Mapped[date]
    area: Mapped[str | None] = mapped_column(String(200))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"))
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"), index=True)
    findings: Mapped[str | None] = mapped_column(Text)
    completed_on: Mapped[date | None]

    service: Mapped[Service | None] = relationship()
    assigned_to: Mapped[User | None] = relationship()


class Action(Base):
    """Something to be done, from the finding that raised it to the evidence it was done."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    source_kind: Mapped[str] = mapped_column(String(30))
    source_visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"), index=True)
    source_finding_id: Mapped[int | None] = mapped_column(ForeignKey("visit_finding.id"))
    source_round_id: Mapped[int | None] = mapped_column(ForeignKey("survey_round.id"))
    source_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("qpag_meeting.id"))
    source_dip_sample_id: Mapped[int | None] = mapped_column(ForeignKey("dip_sample.id"))
    source_reference: Mapped[str | None] = mapped_column(String(200))
    # A home's action has only its home: its service is the home's, whatever that is now (a
    # copy went stale when a home moved service). A service-wide one has only the service; one
    # for every home has neither.
    home_id: Mapped[int | None] = mapped_column(ForeignKey("home.id"), index=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"), index=True)
    due_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(20), default="proposed", index=True)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)
    done_on: Mapped[date | None]
    exception_note: Mapped[str | None] = mapped_column(Text)
    exception_marked_on: Mapped[date | None]
    flagged_for_escalation_on: Mapped[date | None]
    escalated_on: Mapped[date | None]
    escalation_note: Mapped[str | None] = mapped_column(Text)
    escalated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    lines_approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lines_approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    home: Mapped[Home | None] = relationship()
    service: Mapped[Service | None] = relationship()
    owner: Mapped[User] = relationship(foreign_keys=[owner_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    escalated_by: Mapped[User | None] = relationship(foreign_keys=[escalated_by_id])
    lines_approved_by: Mapped[User | None] = relationship(foreign_keys=[lines_approved_by_id])
    source_visit: Mapped[Visit | None] = relationship()
    source_finding: Mapped[VisitFinding | None] = relationship()
    source_round: Mapped[Round | None] = relationship()
    source_meeting: Mapped[QpagMeeting | None] = relationship(foreign_keys=[source_meeting_id])
    source_dip_sample: Mapped[DipSample | None] = relationship()
    history: Mapped[list[ActionComment]] = relationship(
        back_populates="action",
        cascade="all, delete-orphan",
        order_by="[ActionComment.at, ActionComment.id]",
    )
    lines: Mapped[list[ActionLine]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="ActionLine.language"
    )
    meetings: Mapped[list[QpagMeeting]] = relationship(
        secondary=qpag_meeting_action, back_populates="actions", order_by="QpagMeeting.held_on"
    )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status, self.status)

    @property
    def source_name(self) -> str:
        return SOURCE_KINDS.get(self.source_kind, self.source_kind)


class ActionComment(Base):
    """One dated entry of an action's history: a comment, or a change with its reason."""

    __tablename__ = "action_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    kind: Mapped[str] = mapped_column(String(20))
    # The status the action had after this entry, on entries that changed it.
    status: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")

    action: Mapped[Action] = relationship(back_populates="history")
    author: Mapped[User | None] = relationship()


class ActionLine(Base):
    """A "you said, we did" pair in one language; en-GB is the original."""

    __tablename__ = "action_line"
    __table_args__ = (UniqueConstraint("action_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id"))
    language: Mapped[str] = mapped_column(String(20))
    you_said: Mapped[str] = mapped_column(String(300))
    we_did: Mapped[str] = mapped_column(String(300))

    action: Mapped[Action] = relationship(back_populates="lines")
