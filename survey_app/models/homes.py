"""Services, the homes they run, and the Regulation 44 visits to each home."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.models.base import Base

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

    service: Mapped[Service] = relationship(back_populates="homes")


class Visit(Base):
    """A Regulation 44 independent visit: planned, then done, then reported on."""

    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    home_id: Mapped[int] = mapped_column(ForeignKey("home.id"), index=True)
    visit_date: Mapped[date]
    visitor_name: Mapped[str | None] = mapped_column(String(120))
    done_on: Mapped[date | None]
    report_completed_on: Mapped[date | None]
    report_sent_on: Mapped[date | None]
    notes: Mapped[str | None] = mapped_column(Text)

    home: Mapped[Home] = relationship()
