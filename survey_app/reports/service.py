"""Build reports from the store: the seam's records in, `analysis` report objects out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import and_, func, select

from analysis import Counts
from analysis.formatting import format_day
from analysis.periods import SIX_MONTHLY_MONTHS, half_year_bounds, last_complete_half_year
from analysis.reports import (
    HomeRecord,
    Period,
    PrevisitInputs,
    PrevisitPack,
    QpagInputs,
    QpagReport,
    Source,
    VoiceInputs,
    VoiceReport,
    build_previsit_pack,
    build_qpag_report,
    build_voice_report,
)
from survey_app.banks import get_banks
from survey_app.database import reading
from survey_app.extensions import db
from survey_app.models import Home, Response, Round, Service, Visit
from survey_app.records import (
    BankFacts,
    by_period,
    by_round,
    comment_records,
    count_records,
    home_records,
    known_names,
    question_records,
    response_records,
    round_records,
    submitted_in,
    visit_records,
)
from survey_app.reports import providers

# Reports are due up to 22 working days after a visit: look back far enough to see them.
DEADLINE_LOOKBACK = timedelta(days=45)
# The voice sections the QPAG report carries every six months: young people (§8.3) and
# professionals (§8.4); families' and staff's stay in the six-monthly voice report.
QPAG_VOICE = ("young_people", "professionals")


class ReportError(ValueError):
    """Why a report cannot be built, in words for the person asking."""


class NothingToReport(ReportError):
    """The request was understood, but nothing in the store answers it (no rounds, no period)."""


def voice_report(period: Period, home_code: str | None, today: date) -> VoiceReport:
    """The six-monthly voice report for the period, across homes or for one home."""
    with reading():  # SQLite: never hold the write lock while a report reads for seconds
        home = find_home(home_code) if home_code else None
        _check_period(period, today)
        report = _voice_report(period, today, home=home)
        if not _has_answers(report):
            place = f"{home.name} ({home.code})" if home else "any home"
            raise NothingToReport(
                f"No survey round closed and no answer was sent at {place} from "
                f"{period.label}, so there is nothing to report. {_latest_round(home)}"
            )
        return report


def qpag_report(month: Period, today: date, service_name: str | None = None) -> QpagReport:
    """The monthly QPAG report (§8.2) for a calendar month, council-wide or for one service."""
    with reading():
        service = find_service(service_name) if service_name else None
        _check_period(month, today)
        return _qpag_report(month, today, service)


def previsit_pack(home_code: str, visit_date: date | None, today: date) -> PrevisitPack:
    """A home's evidence pack for a Reg 44 visit (by default its next planned one)."""
    with reading():
        return _previsit_pack(home_code, visit_date, today)


def find_service(name: str) -> Service:
    """The service with this name, or a ReportError naming the services there are."""
    wanted = " ".join(name.split()).casefold()
    services = db.session.execute(select(Service).order_by(Service.name)).scalars().all()
    for service in services:
        if service.name.casefold() == wanted:
            return service
    known = ", ".join(s.name for s in services) or "none yet"
    raise ReportError(f"no service is called {name!r}; services: {known}")


def _check_period(period: Period, today: date) -> None:
    if period.start > today:
        raise NothingToReport(
            f"The period starts on {format_day(period.start)}, after today "
            f"({format_day(today)}): nothing can have been said in it yet."
        )


def _has_answers(report: VoiceReport) -> bool:
    return any(s.respondents is not None or s.themes for s in report.sections)


def _latest_round(home: Home | None) -> str:
    stmt = select(func.max(Round.closes_on)).where(Round.closes_on.is_not(None))
    if home is not None:
        stmt = stmt.where(Round.home_id == home.id)
    last = db.session.execute(stmt).scalar()
    if last is None:
        return "No survey round has been held there yet."
    return f"The latest round there closes on {format_day(last)}."


def _voice_report(
    period: Period, today: date, home: Home | None = None, service: Service | None = None
) -> VoiceReport:
    """The voice report for one home, one service's homes, or every home."""
    facts = BankFacts(get_banks())
    homes = tuple(h for h in home_records() if service is None or h.service == service.name)
    codes = {h.code for h in homes}
    closes = and_(Round.closes_on >= period.start, Round.closes_on <= period.end)
    said = submitted_in(period)
    if home is not None:
        closes, said = and_(closes, Round.home_id == home.id), and_(said, Home.id == home.id)
    elif service is not None:
        closes = and_(closes, Round.home_id.in_(_homes_of(service)))
        said = and_(said, Home.service_id == service.id)
    counts = count_records(facts, by_period(period, period.previous()))
    inputs = VoiceInputs(
        period=period,
        homes=homes,
        questions=question_records(facts.banks),
        counts=counts if service is None else _only(counts, codes),
        rounds=round_records(facts, closes),
        responses=response_records(facts, Response.round_id.in_(select(Round.id).where(closes))),
        comments=comment_records(said),
        home=home.code if home else None,
        flags=providers.safeguarding_flags(period, service.id if service else None),
        you_said=_you_said(period, home, codes if service else None),
        threshold=providers.suppression_threshold(),
        generated_on=today,
        source="from the service's records",
        known_names=known_names(),
    )
    report = build_voice_report(inputs)
    return report if service is None else replace(report, scope=_service_scope(service))


def _qpag_report(month: Period, today: date, service: Service | None) -> QpagReport:
    facts = BankFacts(get_banks())
    service_id = service.id if service else None
    closes = and_(Round.closes_on >= month.start, Round.closes_on <= month.end)
    visited = and_(
        Visit.visit_date >= month.start - DEADLINE_LOOKBACK, Visit.visit_date <= month.end
    )
    if service is not None:
        closes = and_(closes, Round.home_id.in_(_homes_of(service)))
        visited = and_(visited, Visit.home_id.in_(_homes_of(service)))
    months = tuple(current_app.config.get("VOICE_REPORT_MONTHS", SIX_MONTHLY_MONTHS))
    inputs = QpagInputs(
        month=month,
        homes=tuple(h for h in home_records() if service is None or h.service == service.name),
        visits=visit_records(visited, today),
        rounds=round_records(facts, closes),
        responses=response_records(facts, Response.round_id.in_(select(Round.id).where(closes))),
        findings=providers.visit_findings(month, service_id),
        thematic_reviews=providers.thematic_reviews(month, service_id),
        actions=providers.qpag_actions(service_id),
        dip_samples=providers.dip_samples(month, service_id),
        schedule=providers.qa_schedule(month, service_id),
        flags=providers.safeguarding_flags(month, service_id),
        threshold=providers.suppression_threshold(),
        generated_on=today,
        scope=_service_scope(service) if service else "All homes",
        voice=_voice_sections(month, today, service) if month.start.month in months else None,
        voice_months=months,
    )
    return build_qpag_report(inputs)


def _voice_sections(month: Period, today: date, service: Service | None) -> VoiceReport:
    """The youth and professional voice sections (§8.3–8.4) for the last half year ended."""
    half = Period(*half_year_bounds(last_complete_half_year(month.start)))
    report = _voice_report(half, today, service=service)
    return replace(report, sections=tuple(s for s in report.sections if s.audience in QPAG_VOICE))


def _you_said(period: Period, home: Home | None, codes: set[str] | None):
    lines = providers.you_said_we_did(period, home.code if home else None)
    if codes is None or not lines.recorded:
        return lines
    return Source(tuple(line for line in lines.items if line.home in (None, *codes)))


def _only(counts: Counts, codes: set[str]) -> Counts:
    """The counts of these homes only, so "all homes" figures add up the service's."""
    return Counts(
        values=tuple(c for c in counts.values if c.home in codes),
        questions=tuple(c for c in counts.questions if c.home in codes),
        respondents=tuple(c for c in counts.respondents if c.home in codes),
    )


def _homes_of(service: Service):
    return select(Home.id).where(Home.service_id == service.id)


def _service_scope(service: Service) -> str:
    return f"{service.name} (the service's homes)"


def _previsit_pack(home_code: str, visit_date: date | None, today: date) -> PrevisitPack:
    facts = BankFacts(get_banks())
    home = find_home(home_code)
    visit_date = visit_date or next_visit(home, today)
    # A round still open (even one closing the day before the visit) is not evidence yet.
    latest, before = _rounds_before(facts, home, min(visit_date, today))
    if not latest:
        raise NothingToReport(_no_closed_round(home, visit_date))
    latest_ids = [int(r.round_id) for r in latest.values()]
    before_ids = [int(r.round_id) for r in before.values()]
    inputs = PrevisitInputs(
        home=HomeRecord(home.code, home.name, home.service.name),
        visit_date=visit_date,
        questions=question_records(facts.banks),
        latest=latest,
        before=before,
        counts=count_records(facts, by_round(latest_ids, before_ids), home=home.code),
        responses=response_records(facts, Response.round_id.in_(latest_ids)),
        comments=comment_records(Response.round_id.in_([*latest_ids, *before_ids])),
        flags=providers.safeguarding_flags(Period(visit_date - timedelta(days=31), visit_date)),
        threshold=providers.suppression_threshold(),
        generated_on=today,
        known_names=known_names(),
    )
    return build_previsit_pack(inputs)


def _no_closed_round(home: Home, visit_date: date) -> str:
    """Why there is no pack: the home has had no rounds, or none had closed by the visit."""
    place = f"{home.name} ({home.code})"
    stmt = select(Round.closes_on).where(Round.home_id == home.id).order_by(Round.closes_on)
    first = db.session.execute(stmt).scalars().first()
    if first is None:
        return f"{place} has had no survey rounds yet, so there is nothing to put in a pack."
    return (
        f"No survey round at {place} had closed before the visit on {format_day(visit_date)} "
        f"(the first closes on {format_day(first)}); a pack holds only closed rounds."
    )


def find_home(code: str) -> Home:
    """The home with this code, or a ReportError naming the codes there are."""
    home = db.session.execute(select(Home).where(Home.code == code.strip().upper())).scalar()
    if home is None:
        codes = db.session.execute(select(Home.code).order_by(Home.code)).scalars().all()
        known = ", ".join(codes) if codes else "none yet"
        raise ReportError(f"no home has the code {code!r}; known codes: {known}")
    return home


def next_visit(home: Home, today: date) -> date:
    """The home's next planned Reg 44 visit from today, or today if none is planned."""
    stmt = (
        select(Visit.visit_date)
        .where(Visit.home_id == home.id, Visit.visit_date >= today)
        .order_by(Visit.visit_date)
    )
    return db.session.execute(stmt).scalars().first() or today


def _rounds_before(facts: BankFacts, home: Home, cutoff: date) -> tuple[dict, dict]:
    """Per audience, the latest round closed before ``cutoff`` and the one before that."""
    where = and_(Round.home_id == home.id, Round.closes_on < cutoff)
    latest: dict = {}
    before: dict = {}
    for round_ in reversed(round_records(facts, where)):
        if round_.audience not in latest:
            latest[round_.audience] = round_
        elif round_.audience not in before:
            before[round_.audience] = round_
    return latest, before
