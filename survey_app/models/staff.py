"""Staff accounts: who signs in, in which role, and which homes or service they cover."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.clock import now
from survey_app.models.base import Base, UTCDateTime
from survey_app.models.homes import Home, Service

ROLES = ("admin", "qa_team", "service_manager", "home_manager", "reg44_visitor", "qpag_chair")
ROLE_NAMES = {
    "admin": "Administrator",
    "qa_team": "QA team",
    "service_manager": "Service manager",
    "home_manager": "Registered (home) manager",
    "reg44_visitor": "Reg 44 independent visitor",
    "qpag_chair": "QPAG chair",
}

user_home = Table(
    "user_home",
    Base.metadata,
    Column("user_id", ForeignKey("staff_user.id"), primary_key=True),
    Column("home_id", ForeignKey("home.id"), primary_key=True, index=True),
)


def new_session_nonce() -> str:
    return secrets.token_urlsafe(16)


class User(Base):
    """A member of staff; never deleted, only disabled, so the audit log keeps its meaning."""

    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(30))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), index=True)
    # Part of the id kept in the session cookie: changing it ends every session of the user.
    session_nonce: Mapped[str] = mapped_column(String(32), default=new_session_nonce)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    service: Mapped[Service | None] = relationship()
    homes: Mapped[list[Home]] = relationship(secondary=user_home, order_by="Home.code")

    # Flask-Login's interface, written out so no mixin decides anything for us.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_nonce}"

    @property
    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)
