"""Dip samples: the list, one request's page, assigning it, recording what it found."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from sqlalchemy import select

from survey_app import clock
from survey_app.actions import dip_samples
from survey_app.actions.errors import ActionError
from survey_app.actions.forms import AssignForm, FindingsForm, choices
from survey_app.actions.views import bp, user
from survey_app.extensions import db
from survey_app.models import Action, DipSample, Service
from survey_app.permissions import (
    can,
    may_record_dip_findings,
    require,
    visible_actions_stmt,
    visible_dip_samples_stmt,
)


def _sample(sample_id: int) -> DipSample:
    stmt = visible_dip_samples_stmt(user()).where(DipSample.id == sample_id)
    return db.session.execute(stmt).scalar() or abort(404)


@bp.get("/dip-samples")
@require("dip_samples.view")
def dip_samples_list():
    stmt = visible_dip_samples_stmt(user()).order_by(DipSample.requested_on.desc())
    return render_template(
        "actions/dip_samples.html", samples=list(db.session.execute(stmt).scalars())
    )


@bp.get("/dip-samples/<int:sample_id>")
@require("dip_samples.view")
def dip_sample(sample_id: int):
    return _page(_sample(sample_id))


def _assign_form(sample: DipSample, formdata=True) -> AssignForm:
    data = {
        "area": sample.area,
        "assigned_to": sample.assigned_to_id,
        "service": sample.service_id or 0,
        "due_on": sample.due_on,
    }
    form = AssignForm(formdata=None, data=data) if formdata is None else AssignForm(data=data)
    form.assigned_to.choices = choices([(0, "choose someone")] + dip_samples.assignable_people())
    services = db.session.execute(select(Service).order_by(Service.name)).scalars()
    form.service.choices = choices(
        [(0, "the assignee's service, if any")] + [(s.id, s.name) for s in services]
    )
    return form


def _page(sample: DipSample, problem=None, status=200, assign_form=None, findings_form=None):
    data = {"findings": sample.findings, "completed_on": sample.completed_on or clock.today()}
    raised = visible_actions_stmt(user()).where(Action.source_dip_sample_id == sample.id)
    page = render_template(
        "actions/dip_sample.html",
        sample=sample,
        actions=list(db.session.execute(raised.order_by(Action.id)).scalars()),
        may_assign=can(user(), "dip_samples.manage"),
        may_record=may_record_dip_findings(user(), sample),
        assign_form=assign_form or _assign_form(sample, formdata=None),
        findings_form=findings_form or FindingsForm(formdata=None, data=data),
        problem=problem,
        today=clock.today(),
    )
    return page, status


@bp.post("/dip-samples/<int:sample_id>/assign")
@require("dip_samples.manage")
def assign(sample_id: int):
    sample = _sample(sample_id)
    form = _assign_form(sample)
    if not form.validate_on_submit():
        return _page(sample, _first_error(form), 422, assign_form=form)
    details = dip_samples.Assignment(
        form.area.data or "", form.assigned_to.data, form.service.data, form.due_on.data
    )
    try:
        dip_samples.assign(sample, details, user())
    except ActionError as error:
        db.session.rollback()
        return _page(sample, str(error), error.status, assign_form=form)
    flash("Dip sample assigned.")
    return redirect(url_for("actions.dip_sample", sample_id=sample.id), 303)


@bp.post("/dip-samples/<int:sample_id>/findings")
@require("dip_samples.view")
def findings(sample_id: int):
    sample = _sample(sample_id)
    form = FindingsForm()
    if not form.validate_on_submit():
        return _page(sample, _first_error(form), 422, findings_form=form)
    try:
        dip_samples.record_findings(
            sample, form.findings.data, form.completed_on.data, user(), clock.today()
        )
    except ActionError as error:
        db.session.rollback()
        return _page(sample, str(error), error.status, findings_form=form)
    flash("Findings recorded; they go to the next QPAG meeting.")
    return redirect(url_for("actions.dip_sample", sample_id=sample.id), 303)


def _first_error(form) -> str:
    return next(iter(form.errors.values()))[0]
