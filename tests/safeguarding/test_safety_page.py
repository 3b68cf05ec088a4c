"""The young person's page after a worrying answer: kind, light, never required, loses nothing."""

from __future__ import annotations

import gzip
import re

import pytest

from tests.safeguarding.conftest import DISCLOSURE, codes_for, flags_of, respond


@pytest.fixture
def flagged(sg, app):
    """A young person who has just sent a disclosure; returns their client and code."""
    [code] = codes_for(app, sg.world.oak_round)
    client = app.test_client()
    assert respond(client, code, DISCLOSURE).endswith("/safety")
    return client, code


def _response(app):
    from survey_app.extensions import db
    from survey_app.models import Response

    with app.app_context():
        return db.session.execute(db.select(Response)).scalar_one()


def test_leaving_a_name_asks_someone_to_talk_to_them(flagged, app):
    """Ticking the box and giving a name stores both, flags it, and the thank-you says so."""
    client, code = flagged
    sent = client.post(f"/r/{code}/safety", data={"wants_contact": "y", "contact_name": " Sam "})
    assert sent.status_code == 303 and sent.location.endswith("/thanks")
    response = _response(app)
    assert response.wants_contact and response.contact_name == "Sam"
    assert sorted(f.source for f in flags_of(app)) == ["asked_to_talk", "free_text"]
    assert "Someone will" in client.get(sent.location).get_data(as_text=True)
    assert "Someone will" in client.get(f"/r/{code}/safety").get_data(as_text=True)


def test_a_name_alone_is_taken_as_asking(flagged, app):
    """A name without the tick still means "please talk to me": it is never thrown away."""
    client, code = flagged
    client.post(f"/r/{code}/safety", data={"contact_name": "Sam"})
    assert _response(app).wants_contact


def test_carrying_on_asks_nothing_and_keeps_everything(flagged, app):
    """Sending the form empty (or following "Carry on") goes to the thank-you page."""
    client, code = flagged
    assert client.post(f"/r/{code}/safety", data={}).location.endswith("/thanks")
    response = _response(app)
    assert not response.wants_contact and response.submitted_at is not None
    assert [f.source for f in flags_of(app)] == ["free_text"]
    assert client.get(f"/r/{code}/thanks").status_code == 200


def test_a_name_too_long_is_refused_kindly_and_nothing_is_lost(flagged, app):
    """422 with the reason, the page offered again; the answers and the flag are untouched."""
    client, code = flagged
    sent = client.post(f"/r/{code}/safety", data={"wants_contact": "y", "contact_name": "x" * 81})
    assert sent.status_code == 422
    html = sent.get_data(as_text=True)
    assert "under 80 letters" in html and "0800 1111" in html
    assert not _response(app).wants_contact and len(flags_of(app)) == 1


def test_the_form_needs_its_token(sg, staff_app):
    """With CSRF on, a post without the token is refused (400) and the page offered again."""
    app = staff_app(WTF_CSRF_ENABLED=True)
    [code] = codes_for(app, sg.world.oak_round)
    client = app.test_client()
    welcome = client.get(f"/r/{code}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', welcome)[1]
    client.post(f"/r/{code}/start", data={"csrf_token": token})
    from survey_app.banks import get_banks
    from survey_app.respond import service
    from survey_app.respond.survey import OPEN_QUESTION, survey_for

    with app.app_context():  # the last page, sent through the service: the form is not tested here
        invitation, response = service.find(code)
        survey = survey_for(invitation.round, get_banks())
        answers = {"open_comment": DISCLOSURE}
        service.submit(invitation, response, survey, (OPEN_QUESTION,), answers, {}, "en-GB")
    refused = client.post(f"/r/{code}/safety", data={"wants_contact": "y"})
    assert refused.status_code == 400
    assert "press Send again" in refused.get_data(as_text=True)
    assert not _response(app).wants_contact
    page = client.get(f"/r/{code}/safety").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    sent = client.post(f"/r/{code}/safety", data={"wants_contact": "y", "csrf_token": token})
    assert sent.status_code == 303 and _response(app).wants_contact


def test_the_page_waits_for_the_answers(sg, app):
    """Before the survey is sent the page sends the young person back to the start."""
    [code] = codes_for(app, sg.world.oak_round)
    assert app.test_client().get(f"/r/{code}/safety").location.endswith(f"/r/{code}")


def test_the_page_is_light_and_works_without_javascript(flagged):
    """Under 14 KB compressed with its CSS, no script, fits a 320-pixel phone."""
    client, code = flagged
    html = client.get(f"/r/{code}/safety").get_data()
    assets = re.findall(rb'href="(/static/[^"]+)"', html)
    body = html
    for asset in assets:
        with client.get(asset.decode()) as css:
            body += css.get_data()
    assert len(gzip.compress(body, 9)) < 14 * 1024
    assert b"<script" not in html
    assert b'name="viewport" content="width=device-width' in html


def test_the_safety_page_clears_the_tab_s_drafts_without_script(flagged):
    """Clear-Site-Data empties this tab's stored drafts; the page itself carries no script."""
    client, code = flagged
    page = client.get(f"/r/{code}/safety")
    assert page.headers["Clear-Site-Data"] == '"storage"'
    assert "<script" not in page.get_data(as_text=True)
