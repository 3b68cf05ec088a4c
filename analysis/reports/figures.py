"""A report's figures as long rows (section, home, audience, theme, question, measure, value).

CSV and XLSX are written from these rows, so both hold the same figures; a suppressed figure's
value is the words shown in the report, never its number. Every share comes with the counts it
was worked out from (``answers``, ``positive_answers``, ``respondents: <answer>`` ...), so each
figure of the report can be rebuilt from the CSV alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from analysis.records import QuestionRecord
from analysis.reports import cells
from analysis.reports.kpis import NOT_RECORDED
from analysis.reports.model import (
    AUDIENCE_NAMES,
    FatigueSection,
    PrevisitPack,
    QuestionRow,
    VoiceReport,
)
from analysis.reports.qpag import QpagReport
from analysis.results import Result

COLUMNS = ("section", "home", "audience", "theme", "question", "measure", "value", "note")
ALL_HOMES = "all homes"
# The theme column of a home's pooled core answers (the by-home table's pooled column).
CORE_POOLED = "core"
HIDDEN_WHEN_FEW = ("item_nonresponse", "straightlining", "median_seconds")
FATIGUE_MEASURES = (
    "invitations",
    "started",
    "submitted",
    "response_rate",
    "completion_rate",
    "item_nonresponse",
    "straightlining",
    "median_seconds",
)


@dataclass(frozen=True)
class FigureRow:
    """One figure."""

    section: str
    home: str
    audience: str
    theme: str
    question: str
    measure: str
    value: int | float | str
    note: str = ""

    def values(self) -> tuple:
        return tuple(getattr(self, name) for name in COLUMNS)


def figure_rows(report) -> Iterator[FigureRow]:
    """Every figure of a voice report, QPAG report or pre-visit pack."""
    if isinstance(report, VoiceReport):
        yield from _voice(report)
    elif isinstance(report, QpagReport):
        yield from _qpag(report)
    elif isinstance(report, PrevisitPack):
        yield from _previsit(report)
    else:
        raise TypeError(f"not a report: {type(report).__name__}")


def _voice(report: VoiceReport) -> Iterator[FigureRow]:
    scope = report.home or ALL_HOMES
    t = report.threshold
    for s in report.sections:
        name = AUDIENCE_NAMES[s.audience]
        base = (name, scope, s.audience)
        yield from _result(base, "", "", s.respondents, t, only_respondents=True)
        for row in s.core:
            yield from _question(base, row, t)
        for home in s.homes:
            home_base = (name, home.home, s.audience)
            yield from _result(home_base, "", "", home.overall, t, only_respondents=True)
            yield from _result(home_base, CORE_POOLED, "", home.core_pooled, t)
            for row, result in zip(s.core, home.core, strict=True):
                yield from _question(home_base, QuestionRow(row.question, result), t)
        for theme in s.themes:
            yield from _result(base, theme.theme, "", theme.result, t)
            for home in theme.homes:
                yield from _result((name, home.home, s.audience), theme.theme, "", home.result, t)
            for row in theme.questions:
                yield from _question(base, row, t)
        yield from _fatigue(f"{name}: response", s.audience, s.fatigue, t)
        yield from _flags(base, s.flags)


def _question(base: tuple, row: QuestionRow, t: int) -> Iterator[FigureRow]:
    question: QuestionRecord = row.question
    yield from _result(
        base, question.theme, question.question_id, row.result, t, labels=question.labels()
    )


def _result(
    base, theme, question, result: Result | None, t, labels=None, only_respondents=False
) -> Iterator[FigureRow]:
    if result is None:
        return
    if result.figures is None:
        text = cells.hidden_text(result.suppressed, t)
        yield FigureRow(*base, theme, question, "respondents", text, result.suppressed)
        return
    figures = result.figures
    yield FigureRow(*base, theme, question, "respondents", figures.respondents)
    if only_respondents:
        return
    where = (*base, theme, question)
    share = figures.share_positive
    if share is not None:
        yield FigureRow(*where, "answers", share.n)
        yield from _shares(where, "", figures)
        yield FigureRow(*where, "trend", cells.trend_text(result))
        if result.previous is not None and result.previous.share_positive is not None:
            yield FigureRow(*where, "previous_answers", result.previous.share_positive.n)
            yield from _shares(where, "previous_", result.previous)
    if figures.mean is not None:
        yield FigureRow(*where, "mean", round(figures.mean, 2))
    for value in figures.distribution:
        label = (labels or {}).get(value.value, value.value)
        yield FigureRow(*where, f"respondents: {label}", value.respondents)
        yield FigureRow(*where, f"answer: {label}", round(value.share, 4))


def _shares(where: tuple, prefix: str, figures) -> Iterator[FigureRow]:
    """Positive and negative answers: the counts, then each share with its 95% interval."""
    for side in ("positive", "negative"):
        share = getattr(figures, f"share_{side}")
        if share is None:
            continue
        yield FigureRow(*where, f"{prefix}{side}_answers", share.positive)
        yield FigureRow(*where, f"{prefix}share_{side}", round(share.share, 4))
        yield FigureRow(*where, f"{prefix}share_{side}_low", round(share.low, 4))
        yield FigureRow(*where, f"{prefix}share_{side}_high", round(share.high, 4))


def _fatigue(section: str, audience: str, fatigue: FatigueSection, t: int):
    for pooled in (*fatigue.homes, fatigue.overall):
        base = (section, pooled.home or ALL_HOMES, audience, "")
        yield FigureRow(*base, "", "rounds", pooled.rounds)
        yield from _measures(base, pooled, FATIGUE_MEASURES, t)


def _measures(base: tuple, fatigue, measures, t: int) -> Iterator[FigureRow]:
    """Fatigue measures; those drawn from too few answers say so instead of a number."""
    for measure in measures:
        value = getattr(fatigue, measure)
        if value is not None:
            yield FigureRow(*base, "", measure, _rounded(value))
        elif fatigue.suppressed and measure in HIDDEN_WHEN_FEW:
            text = cells.hidden_text(fatigue.suppressed, t)
            yield FigureRow(*base, "", measure, text, fatigue.suppressed)


def _flags(base, flags) -> Iterator[FigureRow]:
    if not flags.recorded:
        yield FigureRow(*base, "", "", "safeguarding flags", NOT_RECORDED)
        return
    yield FigureRow(*base, "", "", "safeguarding flags raised", flags.raised)
    yield FigureRow(*base, "", "", "safeguarding flags reviewed within 24 hours", flags.within_day)


def _qpag(report: QpagReport) -> Iterator[FigureRow]:
    scope = ALL_HOMES if report.scope == "All homes" else report.scope
    for kpi in report.kpis:
        yield FigureRow("KPI review", scope, "", "", "", kpi.name, kpi.value, kpi.detail)
    for row in report.visits_done:
        yield FigureRow(
            "Reg 44 visits", row.home, "", "", "", "visit done", row.visit.done_on.isoformat()
        )
    for row in report.deadlines:
        date = row.visit.visit_date.isoformat()
        yield FigureRow(
            "Report deadlines",
            row.home,
            "",
            "",
            "",
            "report completed",
            row.completed,
            f"visit {date}",
        )
        yield FigureRow(
            "Report deadlines", row.home, "", "", "", "report sent", row.sent, f"visit {date}"
        )
    for audience, section in report.surveys.items():
        if section.overall.rounds:
            yield from _fatigue("Survey response", audience, section, report.threshold)
    if report.voice is not None:
        yield from _voice(report.voice)


def _previsit(pack: PrevisitPack) -> Iterator[FigureRow]:
    for part in pack.audiences:
        if part.round is None:
            continue
        base = (part.title, pack.home, part.audience)
        yield from _result(base, "", "", part.respondents, pack.threshold, only_respondents=True)
        for row in part.questions:
            yield from _question(base, row, pack.threshold)
        response = (f"{part.title}: response", pack.home, part.audience, part.round.theme)
        yield FigureRow(*response, "", "invitations", part.round.invitations)
        if part.counts_hidden:  # a small home: how many answered would narrow down who
            continue
        yield from _measures(response, part.fatigue, FATIGUE_MEASURES[1:], pack.threshold)


def _rounded(value: int | float) -> int | float:
    return value if isinstance(value, int) else round(value, 4)
