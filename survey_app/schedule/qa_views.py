"""The QA schedule pages: what is due and overdue per home, per service and across the council."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, current_app, flash, redirect, render_template, request, url_for

from survey_app import clock
from survey_app.admin.forms import choices
from survey_app.extensions import db
from survey_app.ids import id_arg
from survey_app.models import Home, Service, User
from survey_app.permissions import (
    can,
    may_complete,
    require,
    require_home,
    require_occurrence,
    responsible_role,
    visible_home_ids,
    visible_homes,
    visible_service_ids,
)
from survey_app.schedule import qa
from survey_app.schedule.blueprint import bp, me
from survey_app.schedule.forms import AddOccurrenceForm, DoneForm

STATUS_WORDS = {"open": "Due and overdue", "overdue": "Overdue", "due": "Due", "done": "Done"}


def fill_add_form(form: AddOccurrenceForm, user: User, home: Home | None = None):
    """The activities that can be added by hand, and the homes and services the user covers."""
    form.activity.choices = choices((a.id, a.name) for a in qa.addable_activities())
    places = [(f"home:{h.id}", f"{h.name} ({h.code})") for h in visible_homes(user)]
    places += [(f"service:{s.id}", f"{s.name} (whole service)") for s in _services(user)]
    form.place.choices = choices(places)
    if home is not None and not form.is_submitted():
        form.place.data = f"home:{home.id}"
    return form


def _services(user: User) -> list[Service]:
    ids = visible_service_ids(user)
    stmt = db.select(Service).where(Service.id.in_(ids)).order_by(Service.name)
    return list(db.session.execute(stmt).scalars())


def _filter() -> qa.Filter:
    """The list's filter from the query string; nonsense is a 400, another home's id a 404."""
    status = request.args.get("status", "open")
    if status not in qa.STATUSES:
        abort(400)
    home_id = _int_arg("home")
    service_id = _int_arg("service")
    if home_id is not None:
        require_home(me(), home_id)
    if service_id is not None and service_id not in visible_service_ids(me()):
        abort(404)
    horizon = clock.today() + timedelta(days=current_app.config["QA_HORIZON_DAYS"])
    return qa.Filter(home_id, service_id, status, None if status == "done" else horizon)


def _int_arg(name: str) -> int | None:
    value = request.args.get(name, "")
    if not value:
        return None
    if not (value.isascii() and value.isdigit()):
        abort(400)
    return id_arg(name)


@bp.get("/qa")
@require("schedule.view")
def qa_list():
    return _list_page()


def _list_page(
    status: int = 200, problem: str | None = None, form: AddOccurrenceForm | None = None
):
    user, today = me(), clock.today()
    criteria = _filter()
    found = qa.listed(visible_home_ids(user), visible_service_ids(user), criteria, today)
    return render_template(
        "schedule/qa_list.html",
        occurrences=found,
        criteria=criteria,
        status_words=STATUS_WORDS,
        homes=visible_homes(user),
        services=_services(user),
        today=today,
        form=form or fill_add_form(AddOccurrenceForm(), user),
        problem=problem,
        status_of=qa.status_of,
        activity_of=qa.activity_of,
        place_label=qa.place_label,
        theirs=lambda o: _is_theirs(user, o),
    ), status


def _is_theirs(user: User, occurrence) -> bool:
    return responsible_role(occurrence.activity_id) == user.role


@bp.post("/qa")
@require("qa.manage")
def add_occurrence():
    user = me()
    form = fill_add_form(AddOccurrenceForm(), user)
    if not form.validate_on_submit():
        return _list_page(422, form=form)
    place = _place(form.place.data)
    try:
        found = qa.add(
            form.activity.data, place, form.due_on.data, form.note.data, user, clock.today()
        )
    except qa.QaError as error:
        return _list_page(422, str(error), form)
    flash(f"Added: due {found.due_on.isoformat()}.")
    return redirect(url_for("schedule.occurrence", occurrence_id=found.id), 303)


def _place(key: str) -> Home | Service:
    """The home or service a 'home:ID' / 'service:ID' choice names (already in the user's scope)."""
    kind, _, number = key.partition(":")
    found = db.session.get(Home if kind == "home" else Service, int(number))
    if found is None:
        abort(404)
    return found


@bp.route("/qa/<int:occurrence_id>", methods=["GET", "POST"])
@require("schedule.view")
def occurrence(occurrence_id: int):
    user = me()
    found = require_occurrence(user, occurrence_id)
    allowed = may_complete(user, found)
    form = DoneForm(obj=found if found.done_on else None)
    status, problem = 200, None
    if request.method == "POST":
        if not allowed:
            abort(403)
        status, problem = _complete(found, form)
        if status == 303:
            flash("Marked done.")
            return redirect(url_for("schedule.occurrence", occurrence_id=found.id), 303)
    return render_template(
        "schedule/occurrence.html",
        occurrence=found,
        activity=qa.activity_of(found),
        place=qa.place_label(found),
        state=qa.status_of(found, clock.today()),
        form=form,
        allowed=allowed,
        problem=problem,
        can_manage=can(user, "qa.manage"),
    ), status


def _complete(found, form: DoneForm) -> tuple[int, str | None]:
    if not form.validate_on_submit():
        return 422, None
    try:
        qa.complete(
            found, form.done_on.data, form.outcome.data, form.exception.data, me(), clock.today()
        )
    except qa.QaError as error:
        db.session.rollback()
        return 422, str(error)
    return 303, None
