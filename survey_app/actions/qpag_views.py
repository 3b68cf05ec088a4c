"""QPAG meetings: the list, recording one, a meeting's page, and the tracker across meetings."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from survey_app import clock
from survey_app.actions import qpag
from survey_app.actions.errors import ActionError
from survey_app.actions.forms import AgreeForm, MeetingForm, choices
from survey_app.actions.views import bp, user
from survey_app.extensions import db
from survey_app.models import Action, QpagMeeting
from survey_app.permissions import can, require

TRACKER_MEETINGS = 12  # a year of monthly meetings across the page


def _agreeable() -> list[tuple[int, str]]:
    stmt = (
        select(Action)
        .where(Action.status.in_(qpag.AGREEABLE))
        .options(selectinload(Action.home))
        .order_by(Action.id)
    )
    return [
        (a.id, f"#{a.id} {a.title} ({a.home.code if a.home else 'service-wide'}, {a.status_name})")
        for a in db.session.execute(stmt).scalars()
    ]


@bp.get("/qpag")
@require("qpag.view")
def meetings():
    return render_template("actions/meetings.html", meetings=qpag.meetings())


@bp.route("/qpag/new", methods=["GET", "POST"])
@require("qpag.record")
def new_meeting():
    form = MeetingForm(data={"held_on": clock.today()})
    form.actions.choices = choices(_agreeable())
    if not form.validate_on_submit():
        return _new_page(form, None, 422 if form.errors else 200)
    details = qpag.MeetingDetails(
        form.held_on.data,
        form.attendees.data or "",
        form.reports_received.data or "",
        tuple(form.actions.data or ()),
    )
    try:
        meeting = qpag.record_meeting(details, user(), clock.today())
    except ActionError as error:
        db.session.rollback()
        return _new_page(form, str(error), error.status)
    flash("Meeting recorded. Add the new actions it agreed below.")
    return redirect(url_for("actions.meeting", meeting_id=meeting.id), 303)


def _new_page(form: MeetingForm, problem: str | None, status: int):
    return render_template("actions/meeting_form.html", form=form, problem=problem), status


@bp.get("/qpag/<int:meeting_id>")
@require("qpag.view")
def meeting(meeting_id: int):
    return _meeting_page(db.session.get(QpagMeeting, meeting_id) or abort(404))


def _meeting_page(found: QpagMeeting, problem: str | None = None, status: int = 200, form=None):
    later, statuses = qpag.later_statuses(found)
    if form is None:
        form = AgreeForm(formdata=None)
    form.actions.choices = choices(_agreeable() if can(user(), "qpag.record") else [])
    page = render_template(
        "actions/meeting.html",
        meeting=found,
        later=later,
        statuses=statuses,
        dip_samples=qpag.dip_samples_for(found),
        form=form,
        problem=problem,
    )
    return page, status


@bp.post("/qpag/<int:meeting_id>/agree")
@require("qpag.record")
def agree(meeting_id: int):
    found = db.session.get(QpagMeeting, meeting_id) or abort(404)
    form = AgreeForm()
    form.actions.choices = choices(_agreeable())
    if not form.validate_on_submit():
        return _meeting_page(found, "Choose at least one action.", 422, form)
    try:
        added = qpag.agree(found, tuple(form.actions.data or ()), user())
    except ActionError as error:
        db.session.rollback()
        return _meeting_page(found, str(error), error.status, form)
    flash(f"{added} action{'s' if added != 1 else ''} added to what this meeting agreed.")
    return redirect(url_for("actions.meeting", meeting_id=found.id), 303)


@bp.get("/qpag/tracker")
@require("qpag.view")
def qpag_tracker():
    held, rows = qpag.tracker()
    held = held[-TRACKER_MEETINGS:]
    trimmed = [(row, row.cells[-TRACKER_MEETINGS:]) for row in rows]
    return render_template("actions/qpag_tracker.html", meetings=held, rows=trimmed)
