"""The action tracker and an action's own page; thin, the rules live in the service modules."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload

from survey_app import clock
from survey_app.actions import escalation, lines, service, transitions
from survey_app.actions.errors import ActionError
from survey_app.actions.forms import (
    CommentForm,
    ConfirmForm,
    EditForm,
    EscalateForm,
    EvidenceForm,
    ExceptionForm,
    LinesForm,
    MoveForm,
    choices,
)
from survey_app.actions.places import owner_choices, place_name, place_of
from survey_app.actions.sources import source_url, source_words
from survey_app.extensions import db
from survey_app.ids import id_arg
from survey_app.models import OPEN_STATUSES, STATUS_NAMES, Action, Home
from survey_app.permissions import (
    can,
    may_comment_on_action,
    may_update_action,
    require,
    require_action,
    visible_actions_stmt,
    visible_homes,
)

bp = Blueprint("actions", __name__, url_prefix="/staff", template_folder="templates")
FILTERS = {"open": "open", "overdue": "overdue", "all": "all", **STATUS_NAMES}


def user():
    return current_user._get_current_object()


@bp.get("/actions")
@require("actions.view")
def tracker():
    shown = request.args.get("show", "open")
    if shown not in FILTERS:
        shown = "open"
    home_id = id_arg("home")
    today = clock.today()
    stmt = visible_actions_stmt(user()).options(
        selectinload(Action.home), selectinload(Action.owner), selectinload(Action.service)
    )
    stmt = _filtered(stmt, shown, today)
    if home_id:
        stmt = stmt.where(Action.home_id == home_id)
    found = db.session.execute(stmt.order_by(Action.due_on, Action.id)).scalars()
    return render_template(
        "actions/tracker.html",
        actions=list(found),
        shown=shown,
        filters=FILTERS,
        home_id=home_id,
        homes=visible_homes(user()),
        today=today,
    )


def _filtered(stmt, shown: str, today):
    if shown == "open":
        return stmt.where(Action.status.in_(OPEN_STATUSES))
    if shown == "overdue":
        return stmt.where(Action.status.in_(OPEN_STATUSES), Action.due_on < today)
    if shown in STATUS_NAMES:
        return stmt.where(Action.status == shown)
    return stmt


@bp.get("/actions/<int:action_id>")
@require("actions.view")
def action_page(action_id: int):
    return render_action(require_action(user(), action_id))


def render_action(action: Action, problem: str | None = None, status: int = 200, **forms):
    """The action's page; a refused change comes back here with its words and what was typed."""
    me = user()
    today = clock.today()
    grace = escalation.grace_days()
    forms = {
        "move_form": MoveForm(formdata=None),
        "comment_form": CommentForm(formdata=None),
        "evidence_form": EvidenceForm(formdata=None, data={"evidence": action.evidence or ""}),
        "lines_form": LinesForm(formdata=None),
        "confirm_form": ConfirmForm(formdata=None),
        "exception_form": ExceptionForm(formdata=None),
        "escalate_form": EscalateForm(formdata=None, data={"escalated_on": today}),
        **forms,
    }
    page = render_template(
        "actions/action.html",
        action=action,
        raised_by=source_words(action),
        raised_by_url=source_url(action),
        place=place_name(action.home, action.service),
        moves=transitions.moves_for(me, action),
        may_edit=service.may_edit(me, action),
        may_comment=may_comment_on_action(me, action),
        may_update=may_update_action(me, action) and action.is_open,
        may_write_lines=lines.may_write(me, action),
        may_approve_lines=can(me, "actions.approve") and action.lines,
        may_escalate=can(me, "actions.escalate") and action.is_open,
        why_listed=escalation.why(action, today, grace),
        today=today,
        problem=problem,
        **forms,
    )
    return page, status


@bp.route("/actions/<int:action_id>/edit", methods=["GET", "POST"])
@require("actions.view")
def edit(action_id: int):
    action = require_action(user(), action_id)
    if not service.may_edit(user(), action):
        abort(403)
    form = EditForm(
        data={
            "title": action.title,
            "description": action.description,
            "due_on": action.due_on,
            "owner": action.owner_id,
        }
    )
    form.owner.choices = choices(owner_choices(place_of(action)))
    if not form.validate_on_submit():
        return _edit_page(action, form, None, 422 if form.errors else 200)
    details = service.ActionDetails(
        form.title.data or "", form.description.data or "", form.due_on.data, form.owner.data
    )
    try:
        changes = service.edit(action, details, user(), clock.today())
    except ActionError as error:
        db.session.rollback()
        return _edit_page(action, form, str(error), error.status)
    flash(" ".join(changes) if changes else "Nothing was changed.")
    return redirect(url_for("actions.action_page", action_id=action.id), 303)


def _edit_page(action: Action, form: EditForm, problem: str | None, status: int):
    return render_template("actions/edit.html", action=action, form=form, problem=problem), status


@bp.post("/actions/<int:action_id>/move")
@require("actions.view")
def move(action_id: int):
    action = require_action(user(), action_id)
    form = MoveForm()
    if not form.validate_on_submit():
        return render_action(action, _first_error(form), 422, move_form=form)
    try:
        service.move(action, form.to.data or "", form.note.data or "", user(), clock.today())
    except ActionError as error:
        db.session.rollback()
        return render_action(action, str(error), error.status, move_form=form)
    flash(f"“{action.title}” is now {action.status_name}.")
    return redirect(url_for("actions.action_page", action_id=action.id), 303)


@bp.post("/actions/<int:action_id>/comment")
@require("actions.view")
def comment(action_id: int):
    action = require_action(user(), action_id)
    form = CommentForm()
    if not form.validate_on_submit():
        return render_action(action, _first_error(form), 422, comment_form=form)
    try:
        service.comment(action, form.text.data, user())
    except ActionError as error:
        db.session.rollback()
        return render_action(action, str(error), error.status, comment_form=form)
    flash("Comment added.")
    return redirect(url_for("actions.action_page", action_id=action.id), 303)


@bp.post("/actions/<int:action_id>/evidence")
@require("actions.view")
def evidence(action_id: int):
    action = require_action(user(), action_id)
    form = EvidenceForm()
    if not form.validate_on_submit():
        return render_action(action, _first_error(form), 422, evidence_form=form)
    try:
        service.record_evidence(action, form.evidence.data, user())
    except ActionError as error:
        db.session.rollback()
        return render_action(action, str(error), error.status, evidence_form=form)
    flash("Evidence saved.")
    return redirect(url_for("actions.action_page", action_id=action.id), 303)


@bp.post("/actions/<int:action_id>/lines")
@require("actions.view")
def save_lines(action_id: int):
    action = require_action(user(), action_id)
    form = LinesForm()
    if not form.validate_on_submit():
        return render_action(action, _first_error(form), 422, lines_form=form)
    try:
        lines.save(action, form.language.data, form.you_said.data, form.we_did.data, user())
    except ActionError as error:
        db.session.rollback()
        return render_action(action, str(error), error.status, lines_form=form)
    flash("Lines saved. A manager approves them before young people see them.")
    return redirect(url_for("actions.action_page", action_id=action.id), 303)


@bp.post("/actions/<int:action_id>/lines/approve")
@require("actions.view")
def approve_lines(action_id: int):
    action = require_action(user(), action_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        lines.approve(action, user())
    except ActionError as error:
        db.session.rollback()
        return render_action(action, str(error), error.status)
    flash("Approved: young people at this home will see these lines.")
    return redirect(url_for("actions.action_page", action_id=action.id), 303)


def _first_error(form) -> str:
    return next(iter(form.errors.values()))[0]


@bp.app_template_filter("home_code")
def home_code(home: Home | None) -> str:
    return home.code if home else "service-wide"
