"""The KPI review of the monthly QPAG report: visits, surveys, schedule, actions, flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from analysis.formatting import format_count, format_number, format_share
from analysis.reports.model import AUDIENCE_NAMES

NOT_RECORDED = "not yet recorded in the service"


@dataclass(frozen=True)
class Kpi:
    """One key performance indicator: its name, its value in words, and what it counts."""

    name: str
    value: str
    detail: str


def deadline_status(due: date, done: date | None, today: date, late: int | None = None) -> str:
    """ "on time", "late", "overdue" (not done, past due) or "not yet due".

    ``late`` is the days late as the schedule counts them, where known.
    """
    is_late = (late > 0) if late is not None else (done or today) > due
    if done is not None:
        return "late" if is_late else "on time"
    return "overdue" if is_late else "not yet due"


def share_or_none(part: int, whole: int, nothing: str = "none due") -> str:
    """ "3 of 4 (75%)", or ``nothing`` when there is nothing to count."""
    if not whole:
        return nothing
    return f"{format_count(part, whole)} ({format_share(part / whole)})"


def kpis(inputs, done, due, surveys, today: date) -> tuple[Kpi, ...]:
    """Every KPI of the month, each saying plainly when its data is not kept yet."""
    month = inputs.month
    completion = [r for r in due if r.visit.report_due in month]
    sending = [r for r in due if r.visit.sent_due in month]
    return (
        Kpi(
            "Reg 44 visits done",
            format_number(len(done)),
            f"{format_number(len({r.home for r in done}))} of "
            f"{format_number(len(inputs.homes))} homes visited this month",
        ),
        Kpi(
            "Visit reports completed within 2 weeks",
            share_or_none(sum(r.completed == "on time" for r in completion), len(completion)),
            "visits whose report was due this month",
        ),
        Kpi(
            "Visit reports sent within 22 working days",
            share_or_none(sum(r.sent == "on time" for r in sending), len(sending)),
            "visits whose report was due to be sent this month",
        ),
        *_survey_kpis(surveys),
        _schedule_kpi(inputs.schedule, month, today),
        *_action_kpis(inputs.actions, today),
        _flag_kpi(inputs.flags, month),
    )


def _survey_kpis(surveys) -> list[Kpi]:
    found = []
    for audience, section in surveys.items():
        pooled = section.overall
        if not pooled.rounds:
            continue
        found.append(
            Kpi(
                f"Survey response: {AUDIENCE_NAMES[audience].lower()}",
                share_or_none(pooled.submitted, pooled.invitations, "no invitations"),
                f"{format_number(pooled.rounds)} rounds closing this month; "
                f"{share_or_none(pooled.submitted, pooled.started, 'none started')} "
                "of those who started finished",
            )
        )
    return found or [Kpi("Survey response", "no rounds closed this month", "")]


def _schedule_kpi(schedule, month, today: date) -> Kpi:
    name = "QA schedule compliance"
    if not schedule.recorded:
        return Kpi(name, NOT_RECORDED, "the QA schedule's occurrences (§7.1)")
    due = [c for c in schedule.items if c.due in month]
    on_time = sum(c.done_on is not None and c.done_on <= c.due for c in due)
    return Kpi(name, share_or_none(on_time, len(due)), "checks due this month done by their date")


def _action_kpis(actions, today: date) -> list[Kpi]:
    if not actions.recorded:
        return [Kpi("QPAG actions", NOT_RECORDED, "open, overdue and escalated actions (§8.7–8.8)")]
    open_ = [a for a in actions.items if a.completed_on is None]
    overdue = [a for a in open_ if a.due is not None and a.due < today]
    escalated = [a for a in open_ if a.escalated]
    return [
        Kpi("QPAG actions open", format_number(len(open_)), "not completed yet"),
        Kpi("QPAG actions overdue", format_number(len(overdue)), "open and past their due date"),
        Kpi(
            "QPAG actions escalated",
            format_number(len(escalated)),
            "escalated to the Children's Services Leadership Team",
        ),
    ]


def _flag_kpi(flags, month) -> Kpi:
    name = "Safeguarding flags reviewed within 24 hours"
    if not flags.recorded:
        return Kpi(name, NOT_RECORDED, "possible disclosures in survey answers")
    raised = [f for f in flags.items if f.raised_at.date() in month]
    quick = sum(
        f.reviewed_at is not None and (f.reviewed_at - f.raised_at).total_seconds() <= 86400
        for f in raised
    )
    return Kpi(name, share_or_none(quick, len(raised), "none raised"), "flags raised this month")
