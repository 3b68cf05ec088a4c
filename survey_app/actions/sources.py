"""What raised an action, and the link back to it.

Sources that are records in this service (a Reg 44 visit and one of its findings, a survey
round, a QPAG meeting, a dip sample) are linked by a foreign key of their own, so the link can
never point at the wrong kind of thing. The others (an audit, an Ofsted inspection ...) live
outside the service and are named by a short reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import url_for

from survey_app.actions.errors import ActionError, NotAllowed
from survey_app.actions.history import say_date
from survey_app.actions.places import Place
from survey_app.extensions import db
from survey_app.models import (
    LINKED_SOURCES,
    SOURCE_KINDS,
    Action,
    DipSample,
    QpagMeeting,
    Round,
    User,
    Visit,
    VisitFinding,
)
from survey_app.permissions import can, visible_dip_samples_stmt, visible_home_ids

REFERENCE_MAX = 200


@dataclass(frozen=True)
class Source:
    """The source as a form gives it: a kind, the id of the record it links to, a reference."""

    kind: str
    record_id: int | None = None
    finding_id: int | None = None
    reference: str = ""


@dataclass
class Resolved:
    columns: dict[str, Any] = field(default_factory=dict)
    place: Place | None = None  # fixed by the source (a visit's or round's home)
    meeting: QpagMeeting | None = None


def resolve_source(source: Source | None, actor: User) -> Resolved:
    """The action's source columns, once the record exists and the person may see it."""
    if source is None or source.kind not in SOURCE_KINDS:
        raise ActionError("Choose what raised the action.")
    reference = (source.reference or "").strip()
    if len(reference) > REFERENCE_MAX:
        raise ActionError(f"Keep the reference under {REFERENCE_MAX} characters.")
    resolved = Resolved({"source_kind": source.kind, "source_reference": reference or None})
    if source.kind not in LINKED_SOURCES:
        return resolved
    if not source.record_id:
        raise ActionError(f"Say which {SOURCE_KINDS[source.kind].lower()} raised the action.")
    resolved.columns[LINKED_SOURCES[source.kind]] = source.record_id
    _LINKERS[source.kind](source, actor, resolved)
    return resolved


def _visit(source: Source, actor: User, resolved: Resolved) -> None:
    visit = db.session.get(Visit, source.record_id)
    if visit is None or visit.home_id not in visible_home_ids(actor):
        raise ActionError("That Reg 44 visit does not exist, or is not one of your homes'.")
    resolved.place = Place(visit.home_id)
    if source.finding_id:
        finding = db.session.get(VisitFinding, source.finding_id)
        if finding is None or finding.visit_id != visit.id:
            raise ActionError("That finding is not one of this visit's.")
        resolved.columns["source_finding_id"] = finding.id


def _round(source: Source, actor: User, resolved: Resolved) -> None:
    round_ = db.session.get(Round, source.record_id)
    if round_ is None or round_.home_id not in visible_home_ids(actor):
        raise ActionError("That survey round does not exist, or is not one of your homes'.")
    resolved.place = Place(round_.home_id)


def _meeting(source: Source, actor: User, resolved: Resolved) -> None:
    if not can(actor, "qpag.record"):
        raise NotAllowed("Only the QPAG chair or the QA team record what QPAG agreed.")
    meeting = db.session.get(QpagMeeting, source.record_id)
    if meeting is None:
        raise ActionError("That QPAG meeting does not exist.")
    resolved.meeting = meeting


def _dip_sample(source: Source, actor: User, resolved: Resolved) -> None:
    stmt = visible_dip_samples_stmt(actor).where(DipSample.id == source.record_id)
    if db.session.execute(stmt).scalar() is None:
        raise ActionError("That dip sample does not exist, or is not one you can see.")


_LINKERS = {
    "reg44_visit": _visit,
    "survey_round": _round,
    "qpag_meeting": _meeting,
    "dip_sample": _dip_sample,
}


def source_words(action: Action) -> str:
    """What raised the action, in words (for pages and exports)."""
    if action.source_visit is not None:
        words = f"Reg 44 visit on {say_date(action.source_visit.visit_date)}"
        if action.source_finding is not None:
            words += f" ({action.source_finding.kind} finding: {action.source_finding.text})"
        return words
    if action.source_round is not None:
        round_ = action.source_round
        audience = round_.audience.replace("_", " ")
        return f"Survey round ({audience}, {round_.theme_id}) opened {say_date(round_.opens_on)}"
    if action.source_meeting is not None:
        return f"QPAG meeting on {say_date(action.source_meeting.held_on)}"
    if action.source_dip_sample is not None:
        sample = action.source_dip_sample
        return f"Dip sample requested {say_date(sample.requested_on)}: {sample.area or 'no area'}"
    if action.source_reference:
        return f"{action.source_name}: {action.source_reference}"
    return action.source_name


def source_url(action: Action) -> str | None:
    """A link to what raised the action, where it is a record here."""
    if action.source_visit_id:
        return url_for("actions.plan", visit_id=action.source_visit_id)
    if action.source_round_id:
        return url_for("staff.round_page", round_id=action.source_round_id)
    if action.source_meeting_id:
        return url_for("actions.meeting", meeting_id=action.source_meeting_id)
    if action.source_dip_sample_id:
        return url_for("actions.dip_sample", sample_id=action.source_dip_sample_id)
    return None
