"""The monthly QPAG report (§8.2): visits and their findings, thematic reviews, KPIs; every six
months also the voice sections (§8.3–8.4)."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from analysis.periods import SIX_MONTHLY_MONTHS
from analysis.records import ResponseRecord, RoundRecord
from analysis.reports.fatigue import fatigue_sections
from analysis.reports.inputs import (
    ActionItem,
    DipSample,
    Finding,
    FlagRecord,
    HomeRecord,
    Period,
    ScheduledCheck,
    Source,
    ThematicReview,
    VisitRecord,
    not_recorded,
)
from analysis.reports.kpis import Kpi, deadline_status, kpis
from analysis.reports.model import FatigueSection, VoiceReport
from analysis.suppression import DEFAULT_THRESHOLD

ALL_HOMES = "All homes"


@dataclass(frozen=True)
class QpagInputs:
    """What the monthly report is built from; sources not kept yet stay ``not_recorded()``."""

    month: Period
    homes: tuple[HomeRecord, ...]
    visits: tuple[VisitRecord, ...]
    rounds: tuple[RoundRecord, ...]
    responses: Iterable[ResponseRecord]
    findings: Source[Finding] = field(default_factory=not_recorded)
    thematic_reviews: Source[ThematicReview] = field(default_factory=not_recorded)
    actions: Source[ActionItem] = field(default_factory=not_recorded)
    dip_samples: Source[DipSample] = field(default_factory=not_recorded)
    schedule: Source[ScheduledCheck] = field(default_factory=not_recorded)
    flags: Source[FlagRecord] = field(default_factory=not_recorded)
    threshold: int = DEFAULT_THRESHOLD
    generated_on: date | None = None
    scope: str = ALL_HOMES
    # The six-monthly voice sections, in the months they are due (``voice_months``).
    voice: VoiceReport | None = None
    voice_months: tuple[int, ...] = SIX_MONTHLY_MONTHS


@dataclass(frozen=True)
class VisitRow:
    """A visit with where its report stands against the §7.1 deadlines."""

    home: str
    name: str
    visit: VisitRecord
    completed: str
    sent: str


@dataclass(frozen=True)
class QpagReport:
    """The monthly report to the Quality of Practice and Action Group."""

    title: str
    month_label: str
    generated_on: date
    threshold: int
    visits_done: tuple[VisitRow, ...]
    deadlines: tuple[VisitRow, ...]
    findings: Source[Finding]
    thematic_reviews: Source[ThematicReview]
    actions: Source[ActionItem]
    dip_samples: Source[DipSample]
    kpis: tuple[Kpi, ...]
    surveys: dict[str, FatigueSection]
    homes: dict[str, str]
    scope: str = "All homes"
    voice: VoiceReport | None = None
    voice_note: str = ""

    @property
    def label(self) -> str:
        """The month, and the service when the report covers one: "March 2026"."""
        return self.month_label if self.scope == ALL_HOMES else f"{self.month_label}, {self.scope}"


def build_qpag_report(inputs: QpagInputs) -> QpagReport:
    """The §8.2 report for one month."""
    today = inputs.generated_on or date.today()
    names = {h.code: h.name for h in inputs.homes}
    month = inputs.month
    rows = [_row(v, names, today) for v in sorted(inputs.visits, key=_visit_order)]
    done = tuple(r for r in rows if r.visit.done_on and r.visit.done_on in month)
    due = tuple(r for r in rows if _due_in(r.visit, month))
    surveys = fatigue_sections(inputs.rounds, inputs.responses, names, None, inputs.threshold)
    in_month = _within(inputs.findings, lambda f: f.visit_date in month)
    return QpagReport(
        title="Monthly QPAG report",
        month_label=month.start.strftime("%B %Y"),
        generated_on=today,
        threshold=inputs.threshold,
        visits_done=done,
        deadlines=due,
        findings=in_month,
        thematic_reviews=_within(inputs.thematic_reviews, lambda r: r.completed_on in month),
        actions=inputs.actions,
        dip_samples=_within(
            inputs.dip_samples,
            lambda d: d.requested_on in month or (d.reported_on and d.reported_on in month),
        ),
        kpis=kpis(inputs, done, due, surveys, today),
        surveys=surveys,
        homes=names,
        scope=inputs.scope,
        voice=inputs.voice,
        voice_note=voice_note(month, inputs.voice, inputs.voice_months),
    )


def voice_note(month: Period, voice: VoiceReport | None, months: tuple[int, ...]) -> str:
    """What the first page says about the six-monthly voice sections: here, or when next."""
    if voice is not None:
        return (
            "This month the report includes the six-monthly voice sections (QA Framework "
            f"§8.3–8.4): what young people and professionals told us from {voice.period_label}, "
            f"compared with {voice.previous_label}. They follow the monthly sections."
        )
    if not months:
        return "The six-monthly voice sections are not set to be included in any month."
    named = " and ".join(calendar.month_name[m] for m in sorted(months))
    return (
        f"The six-monthly voice sections (QA Framework §8.3–8.4) are included in {named}; "
        f"the next is {_next_due(month.start, months):%B %Y}."
    )


def _next_due(start: date, months: tuple[int, ...]) -> date:
    for ahead in range(1, 13):
        index = start.year * 12 + start.month - 1 + ahead
        if index % 12 + 1 in months:
            return date(index // 12, index % 12 + 1, 1)
    return start


def _visit_order(visit: VisitRecord) -> tuple:
    return (visit.visit_date, visit.home)


def _within(source: Source, keep) -> Source:
    return source if not source.recorded else Source(tuple(i for i in source.items if keep(i)))


def _due_in(visit: VisitRecord, month: Period) -> bool:
    return visit.done_on is not None and (visit.report_due in month or visit.sent_due in month)


def _row(visit: VisitRecord, names: dict[str, str], today: date) -> VisitRow:
    return VisitRow(
        home=visit.home,
        name=names.get(visit.home, visit.home),
        visit=visit,
        completed=deadline_status(
            visit.report_due, visit.report_completed_on, today, visit.report_days_late
        ),
        sent=deadline_status(visit.sent_due, visit.report_sent_on, today, visit.sent_days_late),
    )
