"""The escalation list for the QPAG chair and the Leadership Team, and the chair's two buttons."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from sqlalchemy.orm import selectinload

from survey_app import clock
from survey_app.actions import escalation
from survey_app.actions.errors import ActionError
from survey_app.actions.forms import EscalateForm, ExceptionForm
from survey_app.actions.views import bp, render_action, user
from survey_app.extensions import db
from survey_app.models import Action
from survey_app.permissions import require, require_action, visible_actions_stmt


@bp.get("/actions/escalation")
@require("escalation.view")
def escalation_list():
    today, grace = clock.today(), escalation.grace_days()
    visible = visible_actions_stmt(user()).options(
        selectinload(Action.home), selectinload(Action.owner)
    )
    listed = escalation.candidates(visible, today, grace).order_by(Action.due_on, Action.id)
    done = escalation.escalated(visible).order_by(Action.escalated_on.desc(), Action.id)
    found = list(db.session.execute(listed).scalars())
    return render_template(
        "actions/escalation.html",
        candidates=[(a, escalation.why(a, today, grace)) for a in found],
        escalated=list(db.session.execute(done).scalars()),
        grace=grace,
        today=today,
        escalate_form=EscalateForm(formdata=None, data={"escalated_on": today}),
    )


@bp.post("/actions/<int:action_id>/escalate")
@require("actions.escalate")
def escalate(action_id: int):
    action = require_action(user(), action_id)
    form = EscalateForm()
    if not form.validate_on_submit():
        first = next(iter(form.errors.values()))[0]
        return render_action(action, first, 422, escalate_form=form)
    try:
        escalation.escalate(action, form.escalated_on.data, form.note.data, user(), clock.today())
    except ActionError as error:
        db.session.rollback()
        return render_action(action, str(error), error.status, escalate_form=form)
    flash(f"“{action.title}” is recorded as escalated to the Leadership Team.")
    return redirect(url_for("actions.escalation_list"), 303)


@bp.post("/actions/<int:action_id>/exception")
@require("actions.escalate")
def exception(action_id: int):
    action = require_action(user(), action_id)
    form = ExceptionForm()
    if not form.validate_on_submit():
        first = next(iter(form.errors.values()))[0]
        return render_action(action, first, 422, exception_form=form)
    try:
        escalation.mark_exception(action, form.note.data, user(), clock.today())
    except ActionError as error:
        db.session.rollback()
        return render_action(action, str(error), error.status, exception_form=form)
    flash("Marked as an exception." if action.exception_note else "Exception cleared.")
    return redirect(url_for("actions.action_page", action_id=action.id), 303)
