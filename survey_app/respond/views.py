"""Thin views for respondents; the rules live in service.py and survey.py."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, NotFound

from survey_app import clock
from survey_app.actions import approved_lines_for
from survey_app.banks import get_banks
from survey_app.database import core_reading
from survey_app.respond import preferences, service
from survey_app.respond.codes import grouped
from survey_app.respond.forms import CodeForm, StartForm, page_form_class
from survey_app.respond.language import SUPPORTED, current_language, direction, local
from survey_app.respond.presentation import look
from survey_app.respond.service import Access
from survey_app.respond.survey import Page, Survey, survey_for

bp = Blueprint("respond", __name__, template_folder="templates")


@bp.app_context_processor
def respondent_helpers() -> dict:
    language = current_language()
    return {
        "look": look,
        "grouped": grouped,
        "lang": language,
        "text_direction": direction(language),
        "languages": SUPPORTED,
        "big_text": preferences.big_text(),
    }


@bp.before_app_request
def remember_display_choices() -> None:
    """`?lang=` and `?text=` work on every page, error pages included."""
    preferences.remember_from_query(request.args)


bp.add_app_template_filter(local)


@bp.route("/", methods=["GET", "POST"])
def enter_code():
    form = CodeForm()
    if not form.validate_on_submit():
        return render_template("respond/enter_code.html", form=form)
    with core_reading() as connection:
        access, invitation, _ = _lookup(connection, form.code.data or "")
    if invitation is None:
        return render_template(
            "respond/enter_code.html", form=form, problem=access.name.lower()
        ), access.value
    return redirect(url_for("respond.welcome", code=invitation.code))


@bp.get("/r/<code>")
def welcome(code: str):
    with core_reading() as connection:
        invitation, response, survey = _open(connection, code)
    return render_template(
        "respond/welcome.html",
        invitation=invitation,
        response=response,
        survey=survey,
        form=StartForm(),
        you_said_we_did=_you_said_we_did(invitation),
    )


@bp.post("/r/<code>/start")
def start(code: str):
    with core_reading() as connection:
        invitation, response, survey = _open(connection, code)
    if not StartForm().validate_on_submit():
        abort(400)
    response = service.start(invitation, response, current_language())
    resume_at = min(response.pages_done + 1, len(survey.pages))
    return redirect(url_for("respond.page", code=invitation.code, number=resume_at))


@bp.route("/r/<code>/p/<int:number>", methods=["GET", "POST"])
def page(code: str, number: int):
    showing = request.method == "GET"
    with core_reading() as connection:
        invitation, response, survey = _open(connection, code)
        current = survey.page(number)
        stored = service.on_record(connection, response, current, showing)
    if response is None:
        return redirect(url_for("respond.welcome", code=invitation.code))
    if current is None:
        abort(404)
    if showing:
        form = _form_class(invitation, current)(data=stored)
        return _render_page(invitation, survey, current, form)
    if preferences.chosen_in_form(request.form):
        return _show_again(invitation, response, survey, current)
    form = _form_class(invitation, current)()
    if not form.validate():
        return _render_page(invitation, survey, current, form), 422
    return _after_post(invitation, response, survey, current, form, earlier=stored)


@bp.get("/r/<code>/thanks")
def thanks(code: str):
    with core_reading() as connection:
        access, invitation, response = _lookup(connection, code)
    if invitation is None:
        return _problem(access)
    if response is None or response.submitted_at is None:
        return redirect(url_for("respond.welcome", code=invitation.code))
    return render_template(
        "respond/thanks.html",
        invitation=invitation,
        response=response,
        you_said_we_did=_you_said_we_did(invitation),
    )


def _you_said_we_did(invitation) -> list:
    """What changed because young people at this home spoke (Regulation 7), in their language."""
    if invitation.round.audience != "young_people":
        return []
    return approved_lines_for(invitation.round.home_id, current_language())


@bp.get("/help")
def help_page():
    return render_template("respond/help.html")


@bp.errorhandler(CSRFError)
def csrf_expired(error: CSRFError):
    """A page sent after the browser lost its session: show it again, answers kept, to resend."""
    code = (request.view_args or {}).get("code")
    number = (request.view_args or {}).get("number")
    if not code or number is None:
        return render_template("respond/problem.html", problem="expired"), 400
    try:
        with core_reading() as connection:
            invitation, response, survey = _open(connection, code)
    except HTTPException as refused:
        # An unknown, used or closed code: its own kind page. An abort() escaping an error
        # handler is not handled again, and would answer 500.
        return refused.get_response()
    current = survey.page(number)
    if current is None:
        return current_app.handle_http_exception(NotFound())
    form = _form_class(invitation, current)(formdata=request.form)
    return _render_page(invitation, survey, current, form, expired=True), 400


def _form_class(invitation, current: Page):
    """The page's form, its labels in the language chosen by now."""
    return page_form_class(
        current.questions, current_language(), current.is_final, invitation.round.audience
    )


def _show_again(invitation, response, survey: Survey, current):
    """After a language or text-size button: keep the page's answers, show it again."""
    form = _form_class(invitation, current)()
    if not form.validate():
        return _render_page(invitation, survey, current, form), 422
    data = {q.id: form[q.id].data for q in current.questions}
    saved = service.save_page(
        invitation,
        response,
        current.questions,
        data,
        current.number,
        current_language(),
        finished=False,
    )
    if not saved:
        return _problem(Access.USED, invitation)
    return _render_page(invitation, survey, current, form)


def _after_post(invitation, response, survey: Survey, current, form, earlier=None):
    data = {q.id: form[q.id].data for q in current.questions}
    going_back = request.form.get("nav") == "back"
    language = current_language()
    if current.is_final and not going_back:
        extras = _extras(form)
        sent = service.submit(
            invitation, response, survey, current.questions, data, extras, language, earlier
        )
        after = "respond.safety" if sent.show_safety_page else "respond.thanks"
        return redirect(url_for(after, code=invitation.code))
    if not service.save_page(
        invitation, response, current.questions, data, current.number, language
    ):
        return _problem(Access.USED, invitation)  # sent meanwhile, from another tab
    if going_back:
        target = current.number - 1
        if target < 1:
            return redirect(url_for("respond.welcome", code=invitation.code))
        return redirect(url_for("respond.page", code=invitation.code, number=target))
    return redirect(url_for("respond.page", code=invitation.code, number=current.number + 1))


def _extras(form) -> dict:
    """The final page's own fields (a young person's); a name is kept only when asked for."""
    if "wants_contact" not in form:
        return {}
    wants = bool(form.wants_contact.data)
    name = (form.contact_name.data or "").strip() or None
    return {"wants_contact": wants, "contact_name": name}


def _render_page(invitation, survey: Survey, current, form, expired: bool = False):
    return render_template(
        "respond/page.html",
        invitation=invitation,
        survey=survey,
        page=current,
        form=form,
        expired=expired,
        answers_form="answers",
    )


# The invitations this browser has opened, kept in its signed session (ids, never codes).
OPENED = "opened"
OPENED_KEPT = 8


def _lookup(connection, typed: str):
    """(access, invitation, response) for a code; opening one remembers it in the session."""
    limits = (
        current_app.config["CODE_GUESS_LIMIT_PER_CLIENT"],
        current_app.config["CODE_GUESS_LIMIT_OVERALL"],
    )
    opened = session.get(OPENED, ())
    access, invitation, response = service.find_invitation(
        connection, typed, request.remote_addr or "unknown", limits, opened
    )
    if invitation is not None and invitation.id not in opened:
        session[OPENED] = [*opened, invitation.id][-OPENED_KEPT:]
    return access, invitation, response


def _open(connection, code: str):
    """The invitation, its response and survey, or a kind error page raised as an abort."""
    access, invitation, response = _lookup(connection, code)
    if invitation is None:
        abort(_problem(access))
    access = service.access_for(invitation, response, clock.today())
    if access is not Access.OK:
        abort(_problem(access, invitation))
    return invitation, response, survey_for(invitation.round, get_banks())


def _problem(access: Access, invitation=None):
    page = render_template(
        "respond/problem.html", problem=access.name.lower(), invitation=invitation
    )
    return current_app.make_response((page, access.value))
