"""The whole respondent journey over HTTP, for every audience."""

from __future__ import annotations

import json

import pytest

from tests.respond.helpers import answer_everything, checked, fields_on, start


def export_json(runner) -> list[dict]:
    result = runner.invoke(args=["export", "responses", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("audience", ["young_people", "professionals", "families", "staff"])
def test_a_complete_survey_is_stored_and_exported(client, runner, make_codes, audience):
    """Every answer given on every page shows up in the responses export."""
    [code] = make_codes(audience=audience)
    sent = answer_everything(client, code, comment=f"Comment from {audience}")
    rows = export_json(runner)
    assert {r["audience"] for r in rows} == {audience}
    given = {k: v for page in sent for k, v in page.items() if k not in ("nav",)}
    stored = {r["question_id"]: r["value"] or r["free_text"] for r in rows}
    for question_id, value in given.items():
        if question_id in ("respondent_name", "contact_name"):
            continue
        assert stored[question_id] == value
    assert all(r["submitted_at"] for r in rows)


def test_thank_you_page_says_who_young_people_can_talk_to(client, make_codes):
    """After sending, a young person is told about Childline, their advocate and their IRO."""
    [code] = make_codes()
    answer_everything(client, code)
    html = client.get(f"/r/{code}/thanks").get_data(as_text=True)
    assert "0800 1111" in html and "advocate" in html and "IRO" in html


def test_young_person_can_ask_to_be_talked_to(app, client, make_codes):
    """'I'd like someone to talk to me' with a name is stored with the response."""
    [code] = make_codes()
    answer_everything(client, code, extra={"wants_contact": "y", "contact_name": "Jay"})
    with app.app_context():
        from survey_app.extensions import db
        from survey_app.models import Response

        response = db.session.execute(db.select(Response)).scalar_one()
        assert response.wants_contact and response.contact_name == "Jay"
    assert "Someone will" in client.get(f"/r/{code}/thanks").get_data(as_text=True)


def test_professional_gives_role_and_is_not_asked_for_a_name(app, client, make_codes, runner):
    """Professionals record their role (a core question); a name, never used, is not asked."""
    [code] = make_codes(audience="professionals")
    first = client.get(start(client, code)).get_data(as_text=True)
    assert "respondent_role" in fields_on(first)
    sent = answer_everything(client, code, pick=lambda values: values[0])
    assert not any("name" in field for page in sent for field in page)
    rows = export_json(runner)
    assert any(
        r["question_id"] == "respondent_role" and r["value"] == "social_worker" for r in rows
    )


def test_every_question_can_be_skipped(client, runner, make_codes):
    """Pressing Next on every page without answering still reaches the thank-you page."""
    [code] = make_codes()
    url = start(client, code)
    while True:
        response = client.post(url, data={"nav": "next"})
        assert response.status_code == 302
        if response.location.endswith("/thanks"):
            break
        url = response.location
    assert client.get(f"/r/{code}/thanks").status_code == 200
    assert export_json(runner) == []


def test_back_and_forward_keep_answers(client, make_codes):
    """Answers on a page are there again after going forward and coming back."""
    [code] = make_codes()
    url = start(client, code)
    html = client.get(url).get_data(as_text=True)
    name, values = next(iter(fields_on(html).items()))
    client.post(url, data={name: values[1], "nav": "next"})
    page_two = url.replace("/p/1", "/p/2")
    back = client.post(page_two, data={"nav": "back"})
    assert back.location.endswith("/p/1")
    again = client.get(url).get_data(as_text=True)
    assert checked(again) == {name: [values[1]]}


def test_opening_the_link_again_resumes_where_they_stopped(app, make_codes):
    """A new browser opening the same link is offered to carry on, at the next unanswered page."""
    [code] = make_codes()
    first = app.test_client()
    url = start(first, code)
    first.post(url, data={"nav": "next"})
    later = app.test_client()
    welcome = later.get(f"/r/{code}").get_data(as_text=True)
    assert "Carry on where you stopped" in welcome
    assert later.post(f"/r/{code}/start").location.endswith("/p/2")


def test_double_submit_stores_one_response(app, client, make_codes, runner):
    """Pressing 'Send' twice stores one response and shows the thank-you page both times."""
    [code] = make_codes()
    url = start(client, code)
    while True:
        html = client.get(url).get_data(as_text=True)
        if "Send my answers" in html:
            break
        url = client.post(url, data={"nav": "next"}).location
    first = client.post(url, data={"open_comment": "first", "nav": "next"})
    second = client.post(url, data={"open_comment": "second", "nav": "next"})
    assert first.location.endswith("/thanks")
    assert second.status_code in (302, 409)
    rows = export_json(runner)
    assert [r["free_text"] for r in rows if r["question_id"] == "open_comment"] == ["first"]
    with app.app_context():
        from survey_app.extensions import db
        from survey_app.models import Response

        assert db.session.execute(db.select(db.func.count(Response.id))).scalar() == 1
