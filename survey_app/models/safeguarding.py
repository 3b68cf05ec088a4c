"""Safeguarding flags on responses, and the service's named safeguarding leads."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Boolean, Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.clock import now
from survey_app.models.base import Base, UTCDateTime
from survey_app.models.homes import Home
from survey_app.models.responses import Response
from survey_app.models.staff import User
from survey_app.models.surveys import Round

# Why a response was flagged. The first three are urgent; every young person's free text that
# is not already urgent is still read by a person ("routine_read"), because rules miss things.
FLAG_SOURCES = {
    "free_text": "A free-text answer that may disclose harm",
    "alert_answer": "The lowest answer to a safety question",
    "asked_to_talk": "Asked for someone to talk to them",
    "routine_read": "Routine read of a young person's free text",
    "not_understood": "Free text in a language the detector cannot read",
}
FLAG_OUTCOMES = {
    "no_further_action": "No further action",
    "need_to_know": "Need to Know notification",
    "lado_referral": "LADO referral",
    "strategy_discussion": "Strategy discussion",
    "other": "Other",
}
URGENT_REVIEW = timedelta(hours=24)  # §7.1: Need to Know / LADO within 24 hours
ROUTINE_REVIEW = timedelta(days=7)

# A service's safeguarding leads: reviewers of every flag at the service's homes.
safeguarding_lead = Table(
    "safeguarding_lead",
    Base.metadata,
    Column("user_id", ForeignKey("staff_user.id"), primary_key=True),
    Column("service_id", ForeignKey("service.id"), primary_key=True, index=True),
)


class Flag(Base):
    """A response that a named person must review: urgently (24 hours) or routinely (7 days).

    `reasons` quotes the answer's words, so it is free text: only reviewers see it, and it
    never goes into mails or exports.
    """

    __tablename__ = "safeguarding_flag"
    # One flag per response and source: a resent form or a re-saved page adds nothing.
    __table_args__ = (UniqueConstraint("response_id", "source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id"))
    home_id: Mapped[int] = mapped_column(ForeignKey("home.id"), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id"), index=True)
    audience: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20))
    urgent: Mapped[bool] = mapped_column(Boolean)
    categories: Mapped[str] = mapped_column(String(400), default="")  # comma-joined ids
    reasons: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    status: Mapped[str] = mapped_column(String(10), default="new", index=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    outcome: Mapped[str | None] = mapped_column(String(30))
    notes: Mapped[str | None] = mapped_column(Text)
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A reviewer found a disclosure the detector did not flag as urgent: counted weekly and
    # exported as a labelled example, so the model learns from it.
    missed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    missed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    response: Mapped[Response] = relationship()
    home: Mapped[Home] = relationship()
    round: Mapped[Round] = relationship()
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c for c in self.categories.split(",") if c)

    def overdue(self, at: datetime) -> bool:
        """Not reviewed by its due time: red on every dashboard, escalated."""
        return self.status == "new" and self.due_at < at
