"""Which stored answers a report counts: submitted ones, bucketed by period or by round."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, case, literal

from analysis.reports import Period
from survey_app.clock import LONDON
from survey_app.models import Response


@dataclass(frozen=True)
class Buckets:
    """A SQL label for each answer's bucket, and the filter that keeps only bucketed answers."""

    label: ColumnElement
    where: ColumnElement


def by_period(current: Period, previous: Period) -> Buckets:
    """Answers submitted in the period or the one before it (London days), labelled by key."""
    now_start, now_end = _bounds(current)
    before_start, before_end = _bounds(previous)
    submitted = Response.submitted_at
    label = case(
        (and_(submitted >= now_start, submitted < now_end), literal(current.key)),
        (and_(submitted >= before_start, submitted < before_end), literal(previous.key)),
    )
    earliest, latest = min(now_start, before_start), max(now_end, before_end)
    return Buckets(label, and_(submitted >= earliest, submitted < latest))


def by_round(latest: Collection[int], before: Collection[int]) -> Buckets:
    """Answers to the latest rounds ("latest") and to the rounds before them ("before")."""
    label = case(
        (Response.round_id.in_(list(latest)), literal("latest")),
        (Response.round_id.in_(list(before)), literal("before")),
    )
    return Buckets(label, Response.round_id.in_([*latest, *before]))


def submitted_in(period: Period) -> ColumnElement:
    """Responses submitted on the period's London days."""
    start, end = _bounds(period)
    return and_(Response.submitted_at >= start, Response.submitted_at < end)


def london_midnight(day: date) -> datetime:
    """The moment a London day starts, as an aware datetime."""
    return datetime.combine(day, time(0), tzinfo=LONDON)


def _bounds(period: Period) -> tuple[datetime, datetime]:
    return london_midnight(period.start), london_midnight(period.end + timedelta(days=1))
