"""The weekly safeguarding monitoring summary (§7.1): counts, review times, outcomes; no words."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from statistics import median

from sqlalchemy import func, select

from analysis.safeguarding import CATEGORY_LABELS
from survey_app import audit
from survey_app.clock import LONDON
from survey_app.extensions import db
from survey_app.models import FLAG_OUTCOMES, FLAG_SOURCES, Flag, Home, User

WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")


def parse_week(text: str) -> date:
    """The Monday of an ISO week written like 2026-W48; ValueError in words otherwise."""
    found = WEEK.match((text or "").strip().upper())
    if not found:
        raise ValueError("Write the week as year, W and week number, for example 2026-W48.")
    try:
        return date.fromisocalendar(int(found[1]), int(found[2]), 1)
    except ValueError:
        raise ValueError(f"{text.strip()} is not a week of that year.") from None


def week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def previous_week(today: date) -> date:
    """The Monday of the last full week: what a weekly monitoring meeting looks back on."""
    return today - timedelta(days=today.weekday() + 7)


@dataclass(frozen=True)
class ReviewTimes:
    reviewed: int
    late: int
    median_hours: float | None
    longest_hours: float | None


@dataclass(frozen=True)
class WeekSummary:
    week: str
    starts: date
    raised: int
    urgent: int
    routine: int
    by_category: list[tuple[str, int]]
    by_source: list[tuple[str, int]]
    by_home: list[tuple[str, int, int]]  # home, urgent, routine
    urgent_times: ReviewTimes
    routine_times: ReviewTimes
    still_open: int
    overdue_now: int
    outcomes: list[tuple[str, int]]
    missed: int = 0  # answers reviewers marked this week as ones the detector should have flagged


@dataclass(frozen=True)
class FlagFacts:
    """What the summary needs of one flag: never its reasons or the answer's words."""

    home: str
    urgent: bool
    source: str
    categories: tuple[str, ...]
    created_at: datetime
    due_at: datetime
    reviewed_at: datetime | None
    outcome: str | None


def week_summary(home_ids: set[int], monday: date, at: datetime) -> WeekSummary:
    """Flags raised at these homes in the week starting `monday` (London time)."""
    starts = datetime.combine(monday, time(0), tzinfo=LONDON)
    ends = datetime.combine(monday + timedelta(days=7), time(0), tzinfo=LONDON)
    stmt = (
        select(
            Home.name, Flag.urgent, Flag.source, Flag.categories, Flag.created_at, Flag.due_at,
            Flag.reviewed_at, Flag.outcome,
        )  # fmt: skip
        .join(Home, Flag.home_id == Home.id)
        .where(Flag.home_id.in_(home_ids), Flag.created_at >= starts, Flag.created_at < ends)
    )
    facts = [
        FlagFacts(home, urgent, source, tuple(c for c in categories.split(",") if c), *times)
        for home, urgent, source, categories, *times in db.session.execute(stmt)
    ]
    missed = db.session.execute(
        select(func.count(Flag.id)).where(
            Flag.home_id.in_(home_ids), Flag.missed_at >= starts, Flag.missed_at < ends
        )
    ).scalar_one()
    return replace(summarise(facts, monday, at), missed=missed)


def summary_for(reader: User, home_ids: set[int], monday: date, at: datetime) -> WeekSummary:
    """week_summary() for the weekly monitoring page; each viewing is audited."""
    summary = week_summary(home_ids, monday, at)
    audit.record("safeguarding.summary_viewed", reader, week=summary.week, homes=len(home_ids))
    db.session.commit()
    return summary


def summarise(facts: list[FlagFacts], monday: date, at: datetime) -> WeekSummary:
    homes = sorted({f.home for f in facts})
    categories = Counter(c for f in facts for c in f.categories)
    return WeekSummary(
        week=week_label(monday),
        starts=monday,
        raised=len(facts),
        urgent=sum(f.urgent for f in facts),
        routine=sum(not f.urgent for f in facts),
        by_category=[(CATEGORY_LABELS[c], categories[c]) for c in CATEGORY_LABELS if categories[c]],
        by_source=_labelled(Counter(f.source for f in facts), FLAG_SOURCES),
        by_home=[
            (h, sum(f.urgent for f in facts if f.home == h),
             sum(not f.urgent for f in facts if f.home == h))
            for h in homes
        ],  # fmt: skip
        urgent_times=_times([f for f in facts if f.urgent]),
        routine_times=_times([f for f in facts if not f.urgent]),
        still_open=sum(f.reviewed_at is None for f in facts),
        overdue_now=sum(f.reviewed_at is None and f.due_at < at for f in facts),
        outcomes=_labelled(Counter(f.outcome for f in facts if f.outcome), FLAG_OUTCOMES),
    )


def _labelled(counts: Counter, labels: dict[str, str]) -> list[tuple[str, int]]:
    return [(label, counts[key]) for key, label in labels.items() if counts[key]]


def _times(facts: list[FlagFacts]) -> ReviewTimes:
    done = [f for f in facts if f.reviewed_at is not None]
    hours = [(f.reviewed_at - f.created_at).total_seconds() / 3600 for f in done]
    return ReviewTimes(
        reviewed=len(done),
        late=sum(f.reviewed_at > f.due_at for f in done),
        median_hours=round(median(hours), 1) if hours else None,
        longest_hours=round(max(hours), 1) if hours else None,
    )


def as_text(summary: WeekSummary) -> str:
    """The summary as plain lines, for the command line."""
    lines = [
        f"Safeguarding monitoring, week {summary.week} (from {summary.starts.isoformat()})",
        f"Flags raised: {summary.raised} "
        f"({summary.urgent} urgent, {summary.routine} routine reads)",
        f"Still open: {summary.still_open}; past their due time now: {summary.overdue_now}",
        f"Marked by reviewers as should have been flagged: {summary.missed}",
    ]
    for name, times in (("Urgent", summary.urgent_times), ("Routine", summary.routine_times)):
        lines.append(f"{name} reviews: {_times_text(times)}")
    for title, rows in (
        ("By category", summary.by_category),
        ("By source", summary.by_source),
        ("Outcomes", summary.outcomes),
    ):
        lines.append(f"{title}:")
        lines.extend(f"  {label}: {count}" for label, count in rows)
        lines.extend(["  none"] if not rows else [])
    lines.append("By home (urgent, routine):")
    lines.extend(f"  {home}: {urgent}, {routine}" for home, urgent, routine in summary.by_home)
    lines.extend(["  none"] if not summary.by_home else [])
    return "\n".join(lines)


def _times_text(times: ReviewTimes) -> str:
    if not times.reviewed:
        return "none reviewed yet"
    return (
        f"{times.reviewed} reviewed, {times.late} late; median {times.median_hours} h, "
        f"longest {times.longest_hours} h"
    )
