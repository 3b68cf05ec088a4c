"""Build reports from the store: the seam's records in, `analysis` report objects out."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, select

from analysis.reports import (
    HomeRecord,
    Period,
    PrevisitInputs,
    PrevisitPack,
    QpagInputs,
    QpagReport,
    VoiceInputs,
    VoiceReport,
    build_previsit_pack,
    build_qpag_report,
    build_voice_report,
)
from survey_app.banks import get_banks
from survey_app.database import reading
from survey_app.extensions import db
from survey_app.models import Home, Response, Round, Visit
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


class ReportError(ValueError):
    """Why a report cannot be built, in words for the person asking."""


def voice_report(period: Period, home_code: str | None, today: date) -> VoiceReport:
    """The six-monthly voice report for the period, across homes or for one home."""
    with reading():  # SQLite: never hold the write lock while a report reads for seconds
        return _voice_report(period, home_code, today)


def qpag_report(month: Period, today: date) -> QpagReport:
    """The monthly QPAG report (§8.2) for a calendar month."""
    with reading():
        return _qpag_report(month, today)


def previsit_pack(home_code: str, visit_date: date | None, today: date) -> PrevisitPack:
    """A home's evidence pack for a Reg 44 visit (by default its next planned one)."""
    with reading():
        return _previsit_pack(home_code, visit_date, today)


def _voice_report(period: Period, home_code: str | None, today: date) -> VoiceReport:
    facts = BankFacts(get_banks())
    home = find_home(home_code) if home_code else None
    closes = and_(Round.closes_on >= period.start, Round.closes_on <= period.end)
    if home is not None:
        closes = and_(closes, Round.home_id == home.id)
    said = submitted_in(period) if home is None else and_(submitted_in(period), Home.id == home.id)
    inputs = VoiceInputs(
        period=period,
        homes=home_records(),
        questions=question_records(facts.banks),
        counts=count_records(facts, by_period(period, period.previous())),
        rounds=round_records(facts, closes),
        responses=response_records(facts, Response.round_id.in_(select(Round.id).where(closes))),
        comments=comment_records(said),
        home=home.code if home else None,
        flags=providers.safeguarding_flags(period),
        you_said=providers.you_said_we_did(period, home.code if home else None),
        threshold=providers.suppression_threshold(),
        generated_on=today,
        source="from the service's records",
        known_names=known_names(),
    )
    return build_voice_report(inputs)


def _qpag_report(month: Period, today: date) -> QpagReport:
    facts = BankFacts(get_banks())
    closes = and_(Round.closes_on >= month.start, Round.closes_on <= month.end)
    visited = and_(
        Visit.visit_date >= month.start - DEADLINE_LOOKBACK, Visit.visit_date <= month.end
    )
    inputs = QpagInputs(
        month=month,
        homes=home_records(),
        visits=visit_records(visited, today),
        rounds=round_records(facts, closes),
        responses=response_records(facts, Response.round_id.in_(select(Round.id).where(closes))),
        findings=providers.visit_findings(month),
        thematic_reviews=providers.thematic_reviews(month),
        actions=providers.qpag_actions(),
        dip_samples=providers.dip_samples(month),
        schedule=providers.qa_schedule(month),
        flags=providers.safeguarding_flags(month),
        threshold=providers.suppression_threshold(),
        generated_on=today,
    )
    return build_qpag_report(inputs)


def _previsit_pack(home_code: str, visit_date: date | None, today: date) -> PrevisitPack:
    facts = BankFacts(get_banks())
    home = find_home(home_code)
    visit_date = visit_date or next_visit(home, today)
    latest, before = _rounds_before(facts, home, visit_date)
    latest_ids = [int(r.round_id) for r in latest.values()]
    before_ids = [int(r.round_id) for r in before.values()]
    chosen = Response.round_id.in_(latest_ids)
    inputs = PrevisitInputs(
        home=HomeRecord(home.code, home.name, home.service.name),
        visit_date=visit_date,
        questions=question_records(facts.banks),
        latest=latest,
        before=before,
        counts=count_records(facts, by_round(latest_ids, before_ids), home=home.code),
        responses=response_records(facts, chosen),
        comments=comment_records(chosen),
        flags=providers.safeguarding_flags(Period(visit_date - timedelta(days=31), visit_date)),
        threshold=providers.suppression_threshold(),
        generated_on=today,
        known_names=known_names(),
    )
    return build_previsit_pack(inputs)


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


def _rounds_before(facts: BankFacts, home: Home, visit_date: date) -> tuple[dict, dict]:
    """Per audience, the latest round closing before the visit and the one before that."""
    where = and_(Round.home_id == home.id, Round.closes_on < visit_date)
    latest: dict = {}
    before: dict = {}
    for round_ in reversed(round_records(facts, where)):
        if round_.audience not in latest:
            latest[round_.audience] = round_
        elif round_.audience not in before:
            before[round_.audience] = round_
    return latest, before
