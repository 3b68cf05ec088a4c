"""Thin staff views; every one asks survey_app.permissions before it shows anything."""

from __future__ import annotations

from flask import Blueprint, Response, flash, redirect, render_template, url_for
from flask_login import current_user

from survey_app import clock, mail
from survey_app import settings as app_settings
from survey_app.banks import get_banks
from survey_app.permissions import can, require, require_home, require_round, visible_homes
from survey_app.respond.survey import survey_for
from survey_app.rounds import RoundError, respondent_url
from survey_app.schedule import fatigue
from survey_app.staff import invitations, service
from survey_app.staff.aggregates import summarise
from survey_app.staff.forms import EmailLinksForm, IssueForm
from survey_app.staff.qr import qr_svg
from survey_app.staff.sections import sections_for

bp = Blueprint("staff", __name__, url_prefix="/staff", template_folder="templates")
CODE_AUDIENCES = ("young_people", "staff")  # anonymous audiences get printed cards


def _user():
    return current_user._get_current_object()


@bp.get("/")
@require("dashboard.view")
def dashboard():
    homes = visible_homes(_user())
    summaries = service.home_summaries(homes, clock.today())
    round_ids = [r.id for s in summaries for r in (*s.open_rounds, *s.upcoming_rounds)]
    return render_template(
        "staff/dashboard.html",
        summaries=summaries,
        counts=service.counts_for(round_ids),
        sections=sections_for(_user(), homes),
    )


@bp.get("/homes/<int:home_id>")
@require("homes.view")
def home(home_id: int):
    home = require_home(_user(), home_id)
    rounds = service.rounds_of(home)
    return render_template(
        "staff/home.html",
        home=home,
        rounds=rounds,
        visits=service.visits_of(home),
        counts=service.counts_for([r.id for r in rounds]),
        today=clock.today(),
    )


@bp.get("/rounds/<int:round_id>")
@require("rounds.view")
def round_page(round_id: int):
    round_ = require_round(_user(), round_id)
    counts = service.counts_for([round_.id])[round_.id]
    threshold = app_settings.get("suppression_threshold")
    summaries = None
    if can(_user(), "answers.aggregate") and counts.submitted >= threshold:
        survey = survey_for(round_, get_banks())
        summaries = summarise(
            survey, service.option_counts(round_), service.answered_counts(round_), threshold
        )
    return render_template(
        "staff/round.html",
        round=round_,
        counts=counts,
        threshold=threshold,
        summaries=summaries,
        issue_form=IssueForm(),
        today=clock.today(),
        code_audience=round_.audience in CODE_AUDIENCES,
        fatigue=fatigue.for_round(round_, get_banks(), threshold),
    )


@bp.get("/rounds/<int:round_id>/comments")
@require("free_text.view")
def comments(round_id: int):
    round_ = require_round(_user(), round_id)
    texts = service.read_free_text(_user(), round_)
    return render_template("staff/comments.html", round=round_, texts=texts)


@bp.post("/rounds/<int:round_id>/invitations")
@require("invitations.issue")
def issue(round_id: int):
    round_ = require_round(_user(), round_id)
    form = IssueForm()
    if not form.validate_on_submit():
        return _round_problem(round_, form, next(iter(form.errors.values()))[0])
    try:
        invitations.issue(round_, form.count.data, _user(), clock.today())
    except RoundError as error:
        return _round_problem(round_, form, str(error))
    flash(f"{form.count.data} new codes issued.")
    target = "staff.code_sheet" if round_.audience in CODE_AUDIENCES else "staff.links"
    return redirect(url_for(target, round_id=round_.id))


@bp.get("/rounds/<int:round_id>/codes")
@require("invitations.issue")
def code_sheet(round_id: int):
    round_ = require_round(_user(), round_id)
    unused = service.code_sheet(_user(), round_)
    cards = [(inv.code, respondent_url(inv)) for inv in unused]
    return render_template("staff/code_sheet.html", round=round_, cards=cards)


@bp.route("/rounds/<int:round_id>/links", methods=["GET", "POST"])
@require("invitations.issue")
def links(round_id: int):
    round_ = require_round(_user(), round_id)
    form = EmailLinksForm()
    status = 200
    if form.validate_on_submit():
        status = _email_links(round_, form)
        if status == 303:
            return redirect(url_for("staff.links", round_id=round_.id), 303)
    elif form.errors:
        status = 422
    urls = [respondent_url(inv) for inv in service.unused_invitations(round_)]
    return render_template(
        "staff/links.html",
        round=round_,
        urls=urls,
        form=form,
        mail_enabled=mail.mail_enabled(),
        today=clock.today(),
    ), status


def _email_links(round_, form: EmailLinksForm) -> int:
    good, bad = invitations.parse_addresses(form.addresses.data)
    if bad:
        form.addresses.errors.append("These are not email addresses: " + ", ".join(bad[:10]))
        return 422
    try:
        sent = invitations.email_links(round_, good, _user(), clock.today())
    except (RoundError, mail.MailError) as error:
        form.addresses.errors.append(str(error))
        return 422
    flash(f"{sent} personal links sent by email.")
    return 303


def _round_problem(round_, form: IssueForm, problem: str):
    counts = service.counts_for([round_.id])[round_.id]
    page = render_template(
        "staff/round.html",
        round=round_,
        counts=counts,
        summaries=None,
        issue_form=form,
        threshold=app_settings.get("suppression_threshold"),
        today=clock.today(),
        code_audience=round_.audience in CODE_AUDIENCES,
        problem=problem,
    )
    return Response(page, 422)


@bp.app_context_processor
def staff_helpers() -> dict:
    return {"can": can, "qr_svg": qr_svg}
