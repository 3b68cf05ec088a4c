"""One audience's section of the voice report: core indicators, themes, quotes, fatigue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.charts import share_chart
from analysis.records import QuestionRecord, RoundRecord
from analysis.reports.highlights import highlights
from analysis.reports.inputs import FlagRecord, HomeRecord, Period, Source, YouSaidWeDid
from analysis.reports.model import (
    AUDIENCE_NAMES,
    AUDIENCE_REFERENCES,
    AUDIENCE_TITLES,
    AudienceSection,
    FatigueSection,
    FlagSummary,
    HomeResult,
    HomeRow,
    QuestionRow,
    ThemeFindings,
)
from analysis.reports.questions import question_rows, questions_of
from analysis.results import HOME, THEME, Summary
from analysis.text.anonymise import NO_KNOWN_NAMES, KnownNames
from analysis.text.quotes import select_quotes

CORE = "core"
DAY_HOURS = 24
# Above this many homes the by-home table stands alone: one bar per home is unreadable on A4.
HOMES_CHART_MAX = 12


@dataclass(frozen=True)
class AudienceContext:
    """What every part of an audience's section needs to know."""

    audience: str
    summary: Summary
    questions: tuple[QuestionRecord, ...]
    homes: tuple[HomeRecord, ...]
    home: str | None
    rounds: tuple[RoundRecord, ...]
    period: Period
    threshold: int
    known_names: KnownNames = NO_KNOWN_NAMES


def audience_section(
    context: AudienceContext,
    comments: Sequence[str],
    fatigue: FatigueSection,
    flags: Source[FlagRecord],
    you_said: Source[YouSaidWeDid],
) -> AudienceSection:
    """The section for one audience, in the context's scope (a home, or all homes)."""
    audience, summary = context.audience, context.summary
    core = question_rows(summary, questions_of(context.questions, audience, CORE), context.home)
    quotes = select_quotes(
        comments,
        audience,
        threshold=context.threshold,
        one_home=context.home is not None,
        known=context.known_names,
    )
    themes = _themes(context)
    return AudienceSection(
        audience=audience,
        title=AUDIENCE_TITLES[audience],
        reference=AUDIENCE_REFERENCES[audience],
        respondents=summary.get(HOME, audience, home=context.home),
        core=core,
        core_chart=_share_chart(core, f"{AUDIENCE_NAMES[audience]}: core questions"),
        homes=_home_rows(context, core) if context.home is None else (),
        homes_chart=_homes_chart(context) if _chart_homes(context) else None,
        themes=themes,
        **highlights(core, themes, quotes),
        quotes=quotes,
        fatigue=fatigue,
        flags=_flags(flags, context),
        you_said=_you_said(you_said, context),
    )


def _themes(context: AudienceContext) -> tuple[ThemeFindings, ...]:
    """Every theme this audience was asked about in the period, in the order first asked."""
    asked: dict[str, set[str]] = {}
    for round_ in sorted(context.rounds, key=lambda r: (r.closes, r.theme)):
        if round_.audience == context.audience and round_.closes in context.period:
            asked.setdefault(round_.theme, set()).add(round_.home)
    found = []
    for theme, homes in asked.items():
        questions = questions_of(context.questions, context.audience, theme)
        rows = question_rows(context.summary, questions, context.home)
        title = questions[0].theme_title if questions else theme.replace("_", " ").capitalize()
        count = 1 if context.home in homes else 0 if context.home else len(homes)
        if context.home and not count:
            continue
        found.append(
            ThemeFindings(
                theme=theme,
                title=title,
                homes_asked=count,
                result=context.summary.get(THEME, context.audience, home=context.home, theme=theme),
                questions=rows,
                chart=_share_chart(rows, title),
                homes=_theme_homes(context, theme, homes) if context.home is None else (),
            )
        )
    return tuple(found)


def _theme_homes(context: AudienceContext, theme: str, asked: set[str]):
    """Each home where the theme was asked, with its own result (often too small to show)."""
    return tuple(
        HomeResult(
            home.code,
            home.name,
            context.summary.get(THEME, context.audience, home=home.code, theme=theme),
        )
        for home in context.homes
        if home.code in asked
    )


def _home_rows(context: AudienceContext, core: tuple[QuestionRow, ...]) -> tuple[HomeRow, ...]:
    summary, audience = context.summary, context.audience
    rows = []
    for home in context.homes:
        results = tuple(
            summary.get(
                "question",
                audience,
                home=home.code,
                theme=CORE,
                question_id=row.question.question_id,
            )
            for row in core
        )
        overall = summary.get(HOME, audience, home=home.code)
        pooled = summary.get(THEME, audience, home=home.code, theme=CORE)
        rows.append(HomeRow(home.code, home.name, overall, results, pooled))
    return tuple(rows)


def _share_chart(rows: Sequence[QuestionRow], title: str):
    """A share-positive chart of the questions that have positive answers, if any do."""
    rated = [
        (_short(row.question.text), row.result)
        for row in rows
        if row.result is not None and row.question.kind in ("scale", "yes_no")
    ]
    return share_chart(rated, title) if rated else None


def _chart_homes(context: AudienceContext) -> bool:
    return context.home is None and len(context.homes) <= HOMES_CHART_MAX


def _homes_chart(context: AudienceContext):
    """The by-home table's pooled core figure: every home answered the same questions."""
    summary, audience = context.summary, context.audience
    rows = [
        (home.name, result)
        for home in context.homes
        if (result := summary.get(THEME, audience, home=home.code, theme=CORE)) is not None
    ]
    title = f"{AUDIENCE_NAMES[audience]}: core questions, share of answers positive, by home"
    return share_chart(rows, title) if rows else None


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _flags(flags: Source[FlagRecord], context: AudienceContext) -> FlagSummary:
    """Counts and review times only: a report never carries what a flagged answer said."""
    if not flags.recorded:
        return FlagSummary(recorded=False)
    mine = [
        f
        for f in flags.items
        if f.audience == context.audience
        and (context.home is None or f.home == context.home)
        and f.raised_at.date() in context.period
    ]
    hours = sorted(
        (f.reviewed_at - f.raised_at).total_seconds() / 3600 for f in mine if f.reviewed_at
    )
    middle = (hours[(len(hours) - 1) // 2] + hours[len(hours) // 2]) / 2 if hours else None
    return FlagSummary(
        recorded=True,
        raised=len(mine),
        reviewed=len(hours),
        within_day=sum(h <= DAY_HOURS for h in hours),
        median_hours=middle,
    )


def _you_said(source: Source[YouSaidWeDid], context: AudienceContext) -> Source[YouSaidWeDid]:
    if not source.recorded:
        return source
    items = tuple(
        item
        for item in source.items
        if item.audience == context.audience
        and (context.home is None or item.home in (None, context.home))
    )
    return Source(items)
