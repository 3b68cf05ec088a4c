"""The page after a worrying answer: someone will read it, who can help now, a name if wanted.

It comes after the answers are stored and before the thank-you; nothing on it is required,
and nothing sent on it can lose what was already sent.
"""

from __future__ import annotations

from flask import make_response, redirect, render_template, url_for

from survey_app.database import core_reading
from survey_app.extensions import csrf
from survey_app.respond import service
from survey_app.respond.forms import ContactForm
from survey_app.respond.views import _lookup, _problem, bp


@bp.get("/r/<code>/safety")
def safety(code: str):
    invitation, response, elsewhere = _submitted(code)
    if elsewhere is not None:
        return elsewhere
    return _page(invitation, response, ContactForm())


# The form's own token is checked below, so an expired one shows this page again, not an error.
@bp.post("/r/<code>/safety")
@csrf.exempt
def safety_contact(code: str):
    invitation, response, elsewhere = _submitted(code)
    if elsewhere is not None:
        return elsewhere
    form = ContactForm()
    if not form.validate_on_submit():
        expired = "csrf_token" in form.errors
        return _page(invitation, response, form, expired), 400 if expired else 422
    name = (form.contact_name.data or "").strip() or None
    if form.wants_contact.data or name:
        service.ask_to_talk(invitation, response, name)
    return redirect(url_for("respond.thanks", code=invitation.code), 303)


def _submitted(code: str):
    """The invitation and its sent response, or where to go instead."""
    with core_reading() as connection:
        access, invitation, response = _lookup(connection, code)
    if invitation is None:
        return None, None, _problem(access)
    if response is None or response.submitted_at is None:
        return invitation, None, redirect(url_for("respond.welcome", code=invitation.code))
    if invitation.round.audience != "young_people":
        return invitation, None, redirect(url_for("respond.thanks", code=invitation.code))
    return invitation, response, None


def _page(invitation, response, form: ContactForm, expired: bool = False):
    page = make_response(render_template(
        "respond/safety.html", invitation=invitation, response=response, form=form,
        expired=expired,
    ))  # fmt: skip
    # The answers are stored: the drafts keep.js kept in this tab must go. The thank-you page
    # clears them with its script, but this page stays script-free, so the browser does it.
    page.headers["Clear-Site-Data"] = '"storage"'
    return page
