"""Staff pages for safeguarding flags; each asks survey_app.permissions, every view is audited."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from survey_app import clock
from survey_app.extensions import db
from survey_app.models import FLAG_OUTCOMES, FLAG_SOURCES, Flag, Service, User
from survey_app.permissions import home_ids_for, require, require_flag
from survey_app.safeguarding import flags as service
from survey_app.safeguarding import leads as lead_service
from survey_app.safeguarding.forms import LeadForm, ReviewForm
from survey_app.safeguarding.notify import what_about
from survey_app.safeguarding.summary import parse_week, previous_week, summary_for

bp = Blueprint(
    "safeguarding", __name__, url_prefix="/staff/safeguarding", template_folder="templates"
)
SHOW = {"open": "Open", "reviewed": "Reviewed", "all": "All"}


def _user() -> User:
    return current_user._get_current_object()


@bp.app_context_processor
def safeguarding_helpers() -> dict:
    return {"what_about": what_about, "flag_sources": FLAG_SOURCES, "outcomes": FLAG_OUTCOMES}


@bp.get("/")
@require("flags.view")
def flags():
    show = request.args.get("show", "open")
    show = show if show in SHOW else "open"
    found = service.list_for(_user(), home_ids_for(_user(), "flags.view"), show)
    return render_template(
        "safeguarding/flags.html", flags=found, show=show, shows=SHOW, now=clock.now()
    )


@bp.get("/flags/<int:flag_id>")
@require("flags.view")
def flag(flag_id: int):
    return _flag_page(require_flag(_user(), flag_id), ReviewForm())


@bp.post("/flags/<int:flag_id>/review")
@require("flags.review")
def review(flag_id: int):
    flag = require_flag(_user(), flag_id, "flags.review")
    form = ReviewForm()
    if not form.validate_on_submit():
        return _flag_page(flag, form, status=422)
    try:
        service.review(flag, _user(), form.outcome.data, form.notes.data.strip(), clock.now())
    except service.ReviewError as error:
        return _flag_page(flag, form, problem=str(error), status=409)
    flash("Review recorded.")
    return redirect(url_for("safeguarding.flag", flag_id=flag.id), 303)


@bp.post("/flags/<int:flag_id>/missed")
@require("flags.review")
def missed(flag_id: int):
    """A reviewer marks a response the detector should have flagged as urgent."""
    flag = require_flag(_user(), flag_id, "flags.review")
    try:
        service.mark_missed(flag, _user(), clock.now())
    except service.ReviewError as error:
        return _flag_page(flag, ReviewForm(formdata=None), problem=str(error), status=409)
    flash("Marked as should have been flagged. It is counted in the weekly monitoring.")
    return redirect(url_for("safeguarding.flag", flag_id=flag.id), 303)


def _flag_page(flag: Flag, form: ReviewForm, problem: str | None = None, status: int = 200):
    """The flag; its reasons and the young person's words only for its reviewers (audited)."""
    reviewer = flag.home_id in home_ids_for(_user(), "flags.review")
    texts = service.open_flag(_user(), flag, words_shown=reviewer)
    page = render_template(
        "safeguarding/flag.html",
        flag=flag,
        reviewer=reviewer,
        texts=texts,
        form=form,
        problem=problem,
        now=clock.now(),
    )
    return page, status


@bp.get("/weekly")
@require("flags.summary")
def weekly():
    typed = request.args.get("week", "")
    try:
        monday = parse_week(typed) if typed else previous_week(clock.today())
    except ValueError as error:
        return render_template("safeguarding/weekly.html", summary=None, problem=str(error)), 422
    home_ids = home_ids_for(_user(), "flags.summary")
    summary = summary_for(_user(), home_ids, monday, clock.now())
    return render_template("safeguarding/weekly.html", summary=summary, problem=None)


@bp.route("/leads", methods=["GET", "POST"])
@require("users.manage")
def leads():
    form = _lead_form()
    if request.method == "GET":
        return _leads_page(form)
    if not form.validate_on_submit():
        return _leads_page(form, "Choose a service and a person.", 422)
    service_ = db.session.get(Service, form.service.data)
    person = db.session.get(User, form.user.data)
    if service_ is None or person is None:
        return _leads_page(form, "Choose a service and a person from the lists.", 422)
    action = lead_service.remove_lead if request.form.get("remove") else lead_service.add_lead
    try:
        action(service_, person, _user())
    except lead_service.LeadError as error:
        return _leads_page(form, str(error), 422)
    flash("Safeguarding leads updated.")
    return redirect(url_for("safeguarding.leads"), 303)


def _lead_form() -> LeadForm:
    form = LeadForm()
    services = db.session.execute(db.select(Service).order_by(Service.name)).scalars()
    form.service.choices = [SelectChoice(s.id, s.name) for s in services]
    form.user.choices = [
        SelectChoice(u.id, f"{u.name} ({u.email})") for u in lead_service.candidates()
    ]
    return form


def _leads_page(form: LeadForm, problem: str | None = None, status: int = 200):
    page = render_template(
        "safeguarding/leads.html",
        form=form,
        services=lead_service.leads_by_service(),
        problem=problem,
    )
    return page, status
