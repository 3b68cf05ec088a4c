"""A home's schedule and its Reg 44 visits: plan, record, findings. Views stay thin."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from sqlalchemy import select

from survey_app import clock
from survey_app.admin.forms import choices
from survey_app.banks import get_banks
from survey_app.extensions import db
from survey_app.models import Home, Round, Visit
from survey_app.permissions import require, require_home
from survey_app.schedule import qa, themes, visits
from survey_app.schedule.blueprint import bp, me
from survey_app.schedule.forms import (
    AddOccurrenceForm,
    ChangeVisitForm,
    FindingForm,
    OfstedActionsForm,
    PlanVisitForm,
    VisitOutcomeForm,
)
from survey_app.schedule.outlook import outlook
from survey_app.schedule.qa_views import fill_add_form
from survey_app.schedule.visits import VisitError

NOT_CHOSEN = (0, "not chosen yet")


def visitor_choices(form, home: Home):
    form.visitor.choices = choices(
        [NOT_CHOSEN] + [(u.id, f"{u.name} ({u.email})") for u in visits.visitors_for(home)]
    )
    return form


@bp.get("/homes/<int:home_id>")
@require("schedule.view")
def home(home_id: int):
    return _home_page(require_home(me(), home_id))


def _home_page(home: Home, status: int = 200, problem: str | None = None, **forms):
    config = current_app.config
    today = clock.today()
    found = outlook(home, today, config["ROUND_LEAD_DAYS"], config["QA_HORIZON_DAYS"], get_banks())
    forms.setdefault("plan_form", visitor_choices(PlanVisitForm(), home))
    forms.setdefault(
        "ofsted_form", OfstedActionsForm(data={"completed_on": home.ofsted_actions_completed_on})
    )
    forms.setdefault("add_form", fill_add_form(AddOccurrenceForm(), me(), home))
    pins = [p for p in themes.pending_pins() if p.home_id == home.id]
    return render_template(
        "schedule/home.html",
        outlook=found,
        home=home,
        today=today,
        pins=pins,
        lead_days=config["ROUND_LEAD_DAYS"],
        problem=problem,
        status_of=qa.status_of,
        activity_of=qa.activity_of,
        **forms,
    ), status


@bp.post("/homes/<int:home_id>/visits")
@require("visits.plan")
def plan(home_id: int):
    home = require_home(me(), home_id)
    form = visitor_choices(PlanVisitForm(), home)
    if not form.validate_on_submit():
        return _home_page(home, 422, plan_form=form)
    try:
        planned = visits.plan(
            home, form.visit_date.data, form.visitor.data, form.count.data, me(), clock.today()
        )
    except VisitError as error:
        return _home_page(home, 422, problem=str(error), plan_form=form)
    flash(f"{len(planned)} visit{'s' if len(planned) > 1 else ''} planned at {home.name}.")
    return redirect(url_for("schedule.home", home_id=home.id), 303)


@bp.post("/homes/<int:home_id>/ofsted")
@require("qa.manage")
def ofsted_actions(home_id: int):
    home = require_home(me(), home_id)
    form = OfstedActionsForm()
    if not form.validate_on_submit():
        return _home_page(home, 422, ofsted_form=form)
    try:
        withdrawn = qa.set_ofsted_actions_completed(
            home, form.completed_on.data, me(), clock.today()
        )
    except qa.QaError as error:
        return _home_page(home, 422, problem=str(error), ofsted_form=form)
    flash(f"Saved. {withdrawn} monitoring review(s) no longer due were withdrawn.")
    return redirect(url_for("schedule.home", home_id=home.id), 303)


def _visit(visit_id: int) -> Visit:
    visit = db.session.get(Visit, visit_id)
    if visit is None:
        abort(404)
    require_home(me(), visit.home_id)
    return visit


@bp.get("/visits/<int:visit_id>")
@require("schedule.view")
def visit(visit_id: int):
    return _visit_page(_visit(visit_id))


def _visit_page(visit: Visit, status: int = 200, problem: str | None = None, **forms):
    forms.setdefault("outcome_form", VisitOutcomeForm(obj=visit))
    forms.setdefault("finding_form", FindingForm())
    forms.setdefault(
        "change_form",
        visitor_choices(
            ChangeVisitForm(
                data={"visit_date": visit.visit_date, "visitor": visit.visitor_id or 0}
            ),
            visit.home,
        ),
    )
    stmt = select(Round).where(Round.visit_id == visit.id).order_by(Round.audience)
    return render_template(
        "schedule/visit.html",
        visit=visit,
        state=visits.row(visit, clock.today()),
        rounds=list(db.session.execute(stmt).scalars()),
        today=clock.today(),
        problem=problem,
        **forms,
    ), status


@bp.post("/visits/<int:visit_id>/plan")
@require("visits.plan")
def change_plan(visit_id: int):
    visit = _visit(visit_id)
    form = visitor_choices(ChangeVisitForm(), visit.home)
    if not form.validate_on_submit():
        return _visit_page(visit, 422, change_form=form)
    try:
        visits.change_plan(visit, form.visit_date.data, form.visitor.data, me())
    except VisitError as error:
        db.session.rollback()
        return _visit_page(visit, 422, problem=str(error), change_form=form)
    flash("The visit's plan is saved.")
    return redirect(url_for("schedule.visit", visit_id=visit.id), 303)


@bp.post("/visits/<int:visit_id>/cancel")
@require("visits.plan")
def cancel(visit_id: int):
    visit = _visit(visit_id)
    home_id = visit.home_id
    try:
        visits.cancel(visit, me())
    except VisitError as error:
        return _visit_page(visit, 422, problem=str(error))
    flash("The planned visit is cancelled.")
    return redirect(url_for("schedule.home", home_id=home_id), 303)


@bp.post("/visits/<int:visit_id>/outcome")
@require("visits.record")
def outcome(visit_id: int):
    visit = _visit(visit_id)
    form = VisitOutcomeForm()
    if not form.validate_on_submit():
        return _visit_page(visit, 422, outcome_form=form)
    try:
        visits.record_outcome(
            visit,
            form.done_on.data,
            form.report_completed_on.data,
            form.report_sent_on.data,
            me(),
            clock.today(),
        )
    except VisitError as error:
        return _visit_page(visit, 422, problem=str(error), outcome_form=form)
    flash("The visit's dates are saved.")
    return redirect(url_for("schedule.visit", visit_id=visit.id), 303)


@bp.post("/visits/<int:visit_id>/findings")
@require("visits.record")
def add_finding(visit_id: int):
    visit = _visit(visit_id)
    form = FindingForm()
    if not form.validate_on_submit():
        return _visit_page(visit, 422, finding_form=form)
    try:
        visits.add_finding(visit, form.kind.data, form.text.data, me(), clock.today())
    except VisitError as error:
        return _visit_page(visit, 422, problem=str(error), finding_form=form)
    flash("The finding is added.")
    return redirect(url_for("schedule.visit", visit_id=visit.id), 303)
