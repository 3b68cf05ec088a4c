"""The schedule's own rows: retired themes, pinned themes, QA occurrences and calendar feeds."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.clock import now
from survey_app.models.base import Base, UTCDateTime
from survey_app.models.homes import Home, Service
from survey_app.models.staff import User
from survey_app.models.surveys import Round


class ThemeSetting(Base):
    """A theme the QA team has retired from rotation (or brought back), per audience."""

    __tablename__ = "theme_setting"
    __table_args__ = (UniqueConstraint("audience", "theme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audience: Mapped[str] = mapped_column(String(20))
    theme_id: Mapped[str] = mapped_column(String(60))
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    changed_by: Mapped[User | None] = relationship()


class ThemePin(Base):
    """The QA team's choice of theme for a home's next round for one audience.

    The daily schedule uses it when it opens that round and records which round it went to, so
    a pin is used once; until then it can be changed or removed.
    """

    __tablename__ = "theme_pin"

    id: Mapped[int] = mapped_column(primary_key=True)
    home_id: Mapped[int] = mapped_column(ForeignKey("home.id"), index=True)
    audience: Mapped[str] = mapped_column(String(20))
    theme_id: Mapped[str] = mapped_column(String(60))
    pinned_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    pinned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    round_id: Mapped[int | None] = mapped_column(ForeignKey("survey_round.id"))

    home: Mapped[Home] = relationship()
    pinned_by: Mapped[User | None] = relationship()
    round: Mapped[Round | None] = relationship()


class QaOccurrence(Base):
    """One due date of a §7.1 activity, for one home or (service-wide) for one service."""

    __tablename__ = "qa_occurrence"
    # scope_key is "home:<id>" or "service:<id>": a NULL in a unique constraint never clashes,
    # so the key, not the two nullable ids, keeps generation from adding a date twice.
    __table_args__ = (UniqueConstraint("activity_id", "scope_key", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[str] = mapped_column(String(60), index=True)
    home_id: Mapped[int | None] = mapped_column(ForeignKey("home.id"), index=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), index=True)
    scope_key: Mapped[str] = mapped_column(String(30))
    due_on: Mapped[date] = mapped_column(index=True)
    done_on: Mapped[date | None]
    outcome: Mapped[str | None] = mapped_column(Text)
    exception: Mapped[str | None] = mapped_column(Text)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    # Set for an occurrence added by hand (ad hoc); generated ones have none.
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    home: Mapped[Home | None] = relationship()
    service: Mapped[Service | None] = relationship()
    done_by: Mapped[User | None] = relationship(foreign_keys=[done_by_id])
    added_by: Mapped[User | None] = relationship(foreign_keys=[added_by_id])


class CalendarToken(Base):
    """A user's calendar feed link; only its hash is kept, and revoking it ends the feed."""

    __tablename__ = "calendar_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
