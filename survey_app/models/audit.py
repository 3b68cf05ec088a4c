"""The audit log: one row per thing that happened, appended and never changed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from survey_app.clock import now
from survey_app.models.base import Base, UTCDateTime


class AuditEvent(Base):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"), index=True)
    # Kept as text too: the row must still say who it was if the account is renamed.
    actor_email: Mapped[str | None] = mapped_column(String(254))
    origin: Mapped[str] = mapped_column(String(10), default="web")
    action: Mapped[str] = mapped_column(String(60), index=True)
    target_type: Mapped[str | None] = mapped_column(String(30))
    target_id: Mapped[str | None] = mapped_column(String(60))
    home_id: Mapped[int | None] = mapped_column(ForeignKey("home.id"), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class AuditLogIsAppendOnly(RuntimeError):
    """Raised when code tries to change or delete an audit row."""


@event.listens_for(Session, "before_flush")
def _refuse_audit_changes(session: Session, flush_context, instances) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEvent):
            raise AuditLogIsAppendOnly("audit events are appended, never changed or deleted")
