"""Where report sections come from that other parts of the service keep.

Visit findings, QPAG actions, "you said, we did", thematic reviews, dip samples and the QA
schedule's occurrences are read from the schedule's and actions' tables, one query each.
Safeguarding flags are not recorded here yet, so that provider answers ``not_recorded()`` and
the reports say so; connect it here, and only here, when its feature lands.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, has_request_context
from flask_login import current_user
from sqlalchemy import and_, or_, select, true

from analysis.reports import (
    ActionItem,
    DipSample,
    Finding,
    FlagRecord,
    Period,
    ScheduledCheck,
    Source,
    ThematicReview,
    YouSaidWeDid,
)
from survey_app import audit, settings
from survey_app.actions.lines import ORIGINAL, you_said_we_did_for_period
from survey_app.extensions import db
from survey_app.models import Action, Flag, Home, QaOccurrence, Service, Visit, VisitFinding
from survey_app.models import DipSample as DipSampleRow
from survey_app.records import london_midnight
from survey_app.schedule.activities import get_activity


def suppression_threshold() -> int:
    """The fewest respondents a figure may stand for: the administrator's setting (Admin →
    Settings), else ``SUPPRESSION_THRESHOLD``, else 5."""
    return settings.get("suppression_threshold")


def visit_findings(period: Period, service_id: int | None = None) -> Source[Finding]:
    """Particularly good or adverse findings of Reg 44 visits held (or done) in the period."""
    stmt = (
        select(Home.code, Visit.visit_date, VisitFinding.kind, VisitFinding.text)
        .join(Visit, VisitFinding.visit_id == Visit.id)
        .join(Home, Visit.home_id == Home.id)
        .where(or_(_within(Visit.visit_date, period), _within(Visit.done_on, period)))
        .where(_home_in(service_id))
        .order_by(Visit.visit_date, Home.code, VisitFinding.id)
    )
    return Source(tuple(Finding(*row) for row in db.session.execute(stmt)))


def qpag_actions(service_id: int | None = None) -> Source[ActionItem]:
    """Every action on the tracker, open or done; cancelled ones are no longer to be done.

    For one service: its homes' actions and the service's own.
    """
    ours = (
        true()
        if service_id is None
        else or_(Action.service_id == service_id, Home.service_id == service_id)
    )
    stmt = (
        select(Action, Home.code)
        .outerjoin(Home, Action.home_id == Home.id)
        .where(Action.status != "cancelled", ours)
        .order_by(Action.due_on, Action.id)
    )
    return Source(tuple(_action_item(action, code) for action, code in db.session.execute(stmt)))


def _action_item(action: Action, home_code: str | None) -> ActionItem:
    return ActionItem(
        reference=f"A{action.id}",
        home=home_code,
        title=action.title,
        due=action.due_on,
        # A reopened action may keep an old done date; only a done one counts as completed.
        completed_on=action.done_on if action.status == "done" else None,
        escalated=action.escalated_on is not None,
    )


def you_said_we_did(period: Period, home_code: str | None = None) -> Source[YouSaidWeDid]:
    """The approved "you said, we did" lines (in English) approved in the period."""
    home = _home(home_code)
    rows = you_said_we_did_for_period(period.start, period.end, home)
    return Source(
        tuple(
            YouSaidWeDid(
                row["home"], "young_people", row["you_said"], row["we_did"], row["done_on"]
            )
            for row in rows
            if row["language"] == ORIGINAL  # translations say the same thing again
        )
    )


def safeguarding_flags(period: Period, service_id: int | None = None) -> Source[FlagRecord]:
    """When urgent flags were raised in the period and reviewed (never what was said).

    Routine reads of every young person's comment are not counted: they are a safety net,
    not a judgement that something was disclosed.
    """
    start, end = london_midnight(period.start), london_midnight(period.end + timedelta(days=1))
    stmt = (
        select(Home.code, Flag.audience, Flag.created_at, Flag.reviewed_at)
        .join(Home, Home.id == Flag.home_id)
        .where(Flag.urgent.is_(True), Flag.created_at >= start, Flag.created_at < end)
        .where(_home_in(service_id))
        .order_by(Flag.created_at)
    )
    rows = db.session.execute(stmt)
    return Source(
        tuple(FlagRecord(code, aud, raised, reviewed) for code, aud, raised, reviewed in rows)
    )


def thematic_reviews(period: Period, service_id: int | None = None) -> Source[ThematicReview]:
    """Thematic reviews (QA schedule occurrences) marked done in the period."""
    stmt = _occurrences(service_id).where(
        QaOccurrence.activity_id == "thematic_review", _within(QaOccurrence.done_on, period)
    )
    return Source(
        tuple(
            ThematicReview(
                title=f"{_activity_name(found.activity_id)}: {_place(home, service)}",
                completed_on=found.done_on,
                summary=found.outcome or "",
            )
            for found, home, service in db.session.execute(stmt.order_by(QaOccurrence.done_on))
        )
    )


def dip_samples(period: Period, service_id: int | None = None) -> Source[DipSample]:
    """Dip samples requested or reported on in the period.

    One query over both (rather than ``dip_sample_rows``, which reads only completed ones and
    loads each one's service and assignee): the report needs neither.
    """
    stmt = (
        select(DipSampleRow)
        .where(
            or_(
                _within(DipSampleRow.requested_on, period),
                _within(DipSampleRow.completed_on, period),
            ),
            true() if service_id is None else DipSampleRow.service_id == service_id,
        )
        .order_by(DipSampleRow.requested_on, DipSampleRow.id)
    )
    return Source(tuple(_dip_sample(found) for found in db.session.execute(stmt).scalars()))


def _dip_sample(found: DipSampleRow) -> DipSample:
    if found.completed_on is None:
        summary = f"Findings due {found.due_on.isoformat()}; not reported yet."
    else:
        summary = found.findings or ""
    return DipSample(
        area=found.area or "Area not assigned yet",
        requested_on=found.requested_on,
        reported_on=found.completed_on,
        summary=summary,
    )


def qa_schedule(period: Period, service_id: int | None = None) -> Source[ScheduledCheck]:
    """Occurrences of QA activities due in the period, done or not."""
    stmt = _occurrences(service_id).where(_within(QaOccurrence.due_on, period))
    stmt = stmt.order_by(QaOccurrence.due_on, QaOccurrence.activity_id, QaOccurrence.id)
    return Source(
        tuple(
            ScheduledCheck(
                activity=_activity_name(found.activity_id),
                home=home.code if home else None,
                due=found.due_on,
                done_on=found.done_on,
            )
            for found, home, _service in db.session.execute(stmt)
        )
    )


def _occurrences(service_id: int | None = None):
    """QA occurrences with their home and service, in one statement (one service's, if given)."""
    stmt = (
        select(QaOccurrence, Home, Service)
        .outerjoin(Home, QaOccurrence.home_id == Home.id)
        .outerjoin(Service, QaOccurrence.service_id == Service.id)
    )
    if service_id is None:
        return stmt
    return stmt.where(or_(QaOccurrence.service_id == service_id, Home.service_id == service_id))


def _home_in(service_id: int | None):
    """Rows whose joined home is in the service; every row when no service is given."""
    return true() if service_id is None else Home.service_id == service_id


def _activity_name(activity_id: str) -> str:
    """The activity's name, or its id if the activities file no longer has it."""
    try:
        return get_activity(activity_id).name
    except KeyError:
        return activity_id


def _place(home: Home | None, service: Service | None) -> str:
    if home is not None:
        return f"{home.name} ({home.code})"
    return f"{service.name} (service-wide)" if service is not None else "service-wide"


def _within(column, period: Period):
    return and_(column >= period.start, column <= period.end)


def _home(code: str | None) -> Home | None:
    if not code:
        return None
    stmt = select(Home).where(Home.code == code.strip().upper())
    return db.session.execute(stmt).scalar()


def record_report_generated(
    kind: str, fmt: str, scope: str, origin: str, home_code: str | None = None
) -> None:
    """Write who built which report to the audit log, and note it in the app log."""
    actor = current_user if has_request_context() and current_user.is_authenticated else None
    home = _home(home_code)
    audit.record(
        "report.generated",
        actor,
        home_id=home.id if home else None,
        kind=kind,
        format=fmt,
        scope=scope,
        origin=origin,
    )
    db.session.commit()
    current_app.logger.info("report built: %s (%s) for %s, from the %s", kind, fmt, scope, origin)
