"""Services, the homes they run, and the Regulation 44 visits to each home."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.clock import now
from survey_app.models.base import Base, UTCDateTime

if TYPE_CHECKING:
    from survey_app.models.staff import User

OFSTED_RATINGS = ("outstanding", "good", "requires_improvement", "inadequate")


class Service(Base):
    __tablename__ = "service"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)

    homes: Mapped[list[Home]] = relationship(back_populates="service", order_by="Home.code")


class Home(Base):
    __tablename__ = "home"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"), index=True)
    ofsted_rating: Mapped[str | None] = mapped_column(String(30))
    ofsted_inspected_on: Mapped[date | None]
    # Post-Ofsted monitoring reviews stop once the inspection's actions are complete (§7.1).
    ofsted_actions_completed_on: Mapped[date | None]
    registered_manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id"), index=True
    )

    service: Mapped[Service] = relationship(back_populates="homes")
    registered_manager: Mapped[User | None] = relationship()


class Visit(Base):
    """A Regulation 44 independent visit: planned, then done, then reported on."""

    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    home_id: Mapped[int] = mapped_column(ForeignKey("home.id"), index=True)
    visit_date: Mapped[date]
    # The visitor's account, which puts the visit on their dashboard and calendar; the name is
    # kept as well, for display and for visits recorded before accounts existed.
    visitor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"), index=True)
    visitor_name: Mapped[str | None] = mapped_column(String(120))
    done_on: Mapped[date | None]
    report_completed_on: Mapped[date | None]
    report_sent_on: Mapped[date | None]
    notes: Mapped[str | None] = mapped_column(Text)

    home: Mapped[Home] = relationship()
    visitor: Mapped[User | None] = relationship()
    findings: Mapped[list[VisitFinding]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitFinding.id"
    )


FINDING_KINDS = ("good", "adverse")


class VisitFinding(Base):
    """A particularly good or adverse finding recorded at a Reg 44 visit (§8.2)."""

    __tablename__ = "visit_finding"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    visit: Mapped[Visit] = relationship(back_populates="findings")
