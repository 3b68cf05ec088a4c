"""What respondents said: one response per invitation, one row per answer given."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.clock import now
from survey_app.models.base import Base, UTCDateTime
from survey_app.models.surveys import Invitation, Round


class Response(Base):
    __tablename__ = "response"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Unique: one code gives one response, however often the final button is pressed.
    invitation_id: Mapped[int] = mapped_column(ForeignKey("invitation.id"), unique=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    pages_done: Mapped[int] = mapped_column(Integer, default=0)
    language: Mapped[str] = mapped_column(String(10), default="en-GB")
    wants_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_name: Mapped[str | None] = mapped_column(String(120))

    invitation: Mapped[Invitation] = relationship()
    round: Mapped[Round] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", order_by="Answer.id"
    )


class Answer(Base):
    """One answer; a multiple-choice question gives one row per option chosen."""

    __tablename__ = "answer"
    # A page sent twice at once (a double tap) must not store its answers twice: the key
    # makes the second write an update of the first (an upsert), on every database.
    __table_args__ = (UniqueConstraint("response_id", "question_id", "choice"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(60), index=True)
    # The option a multiple-choice row is for, "" for every other kind (one row per question).
    # Not NULL, because a unique key treats NULLs as all different.
    choice: Mapped[str] = mapped_column(String(60), default="", server_default="")
    value: Mapped[str | None] = mapped_column(String(60))
    # Scale answers keep their number too, so means are computed in the database.
    score: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(Text)

    response: Mapped[Response] = relationship(back_populates="answers")


def answer_choice(kind: str, value: str | None) -> str:
    """The key's last part for a row of a question of this kind (see Answer.choice)."""
    return (value or "") if kind == "multiple" else ""
