"""Survey rounds and the single-use invitations that open them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.clock import now
from survey_app.models.base import Base, UTCDateTime
from survey_app.models.homes import Home, Visit

AUDIENCES = ("young_people", "professionals", "families", "staff")


class Round(Base):
    """One audience's survey at one home, open for a few days before a visit."""

    __tablename__ = "survey_round"
    # One round per audience before each visit, however often the daily schedule runs.
    __table_args__ = (UniqueConstraint("visit_id", "audience"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    home_id: Mapped[int] = mapped_column(ForeignKey("home.id"), index=True)
    audience: Mapped[str] = mapped_column(String(20))
    theme_id: Mapped[str] = mapped_column(String(60))
    theme_version: Mapped[int]
    presentation: Mapped[str] = mapped_column(String(30))
    opens_on: Mapped[date]
    closes_on: Mapped[date]
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"), index=True)
    rotation_reason: Mapped[str | None] = mapped_column(Text)
    # The day the daily schedule noted the round had closed; answers stop after closes_on anyway.
    closed_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    home: Mapped[Home] = relationship()
    visit: Mapped[Visit | None] = relationship()

    def is_open_on(self, day: date) -> bool:
        return self.opens_on <= day <= self.closes_on


class Invitation(Base):
    """A single-use code; for young people it is handed out, never tied to a named child."""

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id"), index=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    round: Mapped[Round] = relationship()
