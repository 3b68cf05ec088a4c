"""Proposing actions: against a Reg 44 visit's findings (its action plan, §7.1), or from anything
else that raised one (a survey round, a QPAG meeting, a dip sample, an audit ...)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from sqlalchemy import select

from survey_app import clock
from survey_app.actions import service, transitions
from survey_app.actions.errors import ActionError
from survey_app.actions.forms import ActionForm, MoveForm, choices
from survey_app.actions.places import (
    Place,
    owner_choices,
    owner_choices_for,
    parse_place,
    place_choices,
)
from survey_app.actions.sources import Source
from survey_app.actions.views import bp, user
from survey_app.extensions import db
from survey_app.ids import id_arg
from survey_app.models import SOURCE_KINDS, Action, Visit
from survey_app.permissions import can, require, require_home

LINK_ARGS = {"round": "survey_round", "meeting": "qpag_meeting", "dip": "dip_sample"}


def _visit(visit_id: int) -> Visit:
    visit = db.session.get(Visit, visit_id) or abort(404)
    require_home(user(), visit.home_id)
    return visit


def _plan_form(visit: Visit, formdata=True) -> ActionForm:
    form = ActionForm(formdata=None) if formdata is None else ActionForm()
    owners = owner_choices(Place(visit.home_id, visit.home.service_id))
    form.owner.choices = choices(owners)
    if form.owner.data is None and not form.owner.raw_data:
        form.owner.data = _default_owner(owners, visit.home.registered_manager_id)
    form.finding.choices = choices(
        [(0, "none in particular")] + [(f.id, f"{f.kind}: {f.text[:80]}") for f in visit.findings]
    )
    return form


def _default_owner(owners: list[tuple[int, str]], *preferred: int | None) -> int | None:
    """The home's registered manager, else the person proposing, if they can own it."""
    ids = [value for value, _ in owners]
    return next((p for p in (*preferred, user().id) if p in ids), None)


def render_plan(visit: Visit, problem=None, status=200, form=None, move_form=None, failed=None):
    stmt = select(Action).where(Action.source_visit_id == visit.id).order_by(Action.id)
    actions = list(db.session.execute(stmt).scalars())
    page = render_template(
        "actions/plan.html",
        visit=visit,
        actions=actions,
        moves={a.id: transitions.moves_for(user(), a) for a in actions},
        form=form or _plan_form(visit, formdata=None),
        move_form=move_form or MoveForm(formdata=None),
        failed=failed,
        may_propose=can(user(), "actions.propose"),
        problem=problem,
        today=clock.today(),
    )
    return page, status


@bp.get("/visits/<int:visit_id>/action-plan")
@require("actions.view")
def plan(visit_id: int):
    return render_plan(_visit(visit_id))


@bp.post("/visits/<int:visit_id>/action-plan")
@require("actions.propose")
def propose_for_visit(visit_id: int):
    visit = _visit(visit_id)
    form = _plan_form(visit)
    if not form.validate_on_submit():
        return render_plan(visit, _first_error(form), 422, form=form)
    source = Source("reg44_visit", visit.id, form.finding.data or None)
    details = _details(form, Place(visit.home_id), source)
    try:
        action = service.propose(details, user(), clock.today())
    except ActionError as error:
        db.session.rollback()
        return render_plan(visit, str(error), error.status, form=form)
    flash(f"Proposed “{action.title}”; the service manager approves or returns it.")
    return redirect(url_for("actions.plan", visit_id=visit.id), 303)


@bp.post("/visits/<int:visit_id>/action-plan/<int:action_id>")
@require("actions.view")
def plan_move(visit_id: int, action_id: int):
    """Approve or return (with a comment) an action on the visit's plan."""
    visit = _visit(visit_id)
    action = db.session.get(Action, action_id)
    if action is None or action.source_visit_id != visit.id:
        abort(404)
    form = MoveForm()
    if not form.validate_on_submit():
        return render_plan(visit, _first_error(form), 422, move_form=form, failed=action.id)
    try:
        service.move(action, form.to.data or "", form.note.data or "", user(), clock.today())
    except ActionError as error:
        db.session.rollback()
        return render_plan(visit, str(error), error.status, move_form=form, failed=action.id)
    flash(f"“{action.title}” is now {action.status_name}.")
    return redirect(url_for("actions.plan", visit_id=visit.id), 303)


def _general_form() -> ActionForm:
    form = ActionForm()
    places = place_choices(user())
    form.place.choices = choices(places)
    if not form.place.data and places:
        form.place.data = places[0][0]
    owners = owner_choices_for(user())
    form.owner.choices = choices(owners)
    if form.owner.data is None and not form.owner.raw_data:
        form.owner.data = _default_owner(owners)
    return form


def _linked_source() -> Source | None:
    """The record named in the query string (?round=, ?meeting=, ?dip=), if any."""
    for arg, kind in LINK_ARGS.items():
        record_id = id_arg(arg)
        if record_id:
            return Source(kind, record_id)
    return None


@bp.route("/actions/new", methods=["GET", "POST"])
@require("actions.propose")
def new_action():
    linked = _linked_source()
    form = _general_form()
    if not form.validate_on_submit():
        return _new_page(form, linked, None, 422 if form.errors else 200)
    source = linked or Source(form.source_kind.data, None, None, form.source_reference.data or "")
    try:
        action = service.propose(
            _details(form, parse_place(form.place.data), source), user(), clock.today()
        )
    except ActionError as error:
        db.session.rollback()
        return _new_page(form, linked, str(error), error.status)
    flash(f"“{action.title}” is {action.status_name}.")
    return redirect(url_for("actions.action_page", action_id=action.id), 303)


def _new_page(form: ActionForm, linked: Source | None, problem: str | None, status: int):
    return render_template(
        "actions/new.html",
        form=form,
        linked=linked,
        linked_name=SOURCE_KINDS[linked.kind] if linked else None,
        problem=problem,
    ), status


def _details(form: ActionForm, place: Place | None, source: Source) -> service.ActionDetails:
    return service.ActionDetails(
        title=form.title.data or "",
        description=form.description.data or "",
        due_on=form.due_on.data,
        owner_id=form.owner.data,
        place=place,
        source=source,
    )


def _first_error(form) -> str:
    return next(iter(form.errors.values()))[0]
