"""Bad input on the actions forms: a kind message and the right 4xx, what was typed kept."""

from __future__ import annotations

from datetime import timedelta

import pytest


def _plan_post(client, visit_id, **data):
    return client.post(f"/staff/visits/{visit_id}/action-plan", data=data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "due_on": "2030-01-01"}, "Give the action a title."),
        ({"title": "Menus", "due_on": ""}, "Give a due date."),
        ({"title": "Menus", "due_on": "31/02/2030"}, "Write the date as year-month-day"),
        ({"title": "Menus", "due_on": "2030-02-31"}, "Write the date as year-month-day"),
        ({"title": "Menus", "due_on": "2001-01-01"}, "has passed; choose today or later"),
        ({"title": "x" * 201, "due_on": "2030-01-01"}, "Keep the title under 200 characters."),
        ({"title": "Menus", "due_on": "2030-01-01", "owner": "abc"}, "Choose who owns"),
        ({"title": "Menus", "due_on": "2030-01-01", "finding": "99999"}, "not one of this visit"),
    ],
)
def test_a_bad_proposal_is_refused_with_what_was_typed_kept(
    as_role, oak_visit, user_id, data, message
):
    """422 with the reason; the description typed is still in the form; nothing is saved."""
    manager = as_role("home_manager")
    form = {"owner": str(user_id("home_manager")), "description": "Sunday menu meetings", **data}
    response = _plan_post(manager, oak_visit, **form)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert "Sunday menu meetings" in page
    assert "No actions proposed yet." in page


def test_an_owner_from_another_home_is_refused(as_role, world, oak_visit, make_user, today):
    """Only someone whose role covers the home may own its action."""
    other = make_user("home_manager", email="bee.manager@example.org", homes=("BEE",))
    response = _plan_post(
        as_role("home_manager"),
        oak_visit,
        title="Menus",
        owner=str(other),
        due_on=(today + timedelta(days=5)).isoformat(),
    )
    assert response.status_code == 422
    assert "Choose an owner who works with that home or service." in response.get_data(as_text=True)


def test_a_bad_escalation_date_is_refused_kindly(as_role, oak_visit, propose_on_plan, today):
    """A future or malformed escalation date is refused on the action's page, the note kept."""
    action = propose_on_plan(as_role("home_manager"), oak_visit, "Menus")
    chair = as_role("qpag_chair")
    for day, words in (
        ((today + timedelta(days=3)).isoformat(), "cannot be in the future"),
        ("tomorrow", "Write the date as year-month-day"),
    ):
        response = chair.post(
            f"/staff/actions/{action}/escalate",
            data={"escalated_on": day, "note": "Nothing has moved for a month."},
        )
        assert response.status_code == 422
        page = response.get_data(as_text=True)
        assert words in page and "Nothing has moved for a month." in page


def test_a_bad_language_tag_is_refused(as_role, oak_visit, propose_on_plan):
    """The language of a translation must look like a language tag; the lines typed stay."""
    manager = as_role("home_manager")
    action = propose_on_plan(manager, oak_visit, "Menus")
    manager.post(
        f"/staff/actions/{action}/lines",
        data={"language": "en-GB", "you_said": "Food boring.", "we_did": "Menus with you."},
    )
    response = manager.post(
        f"/staff/actions/{action}/lines",
        data={"language": "<b>", "you_said": "Jedzenie nudne.", "we_did": "Menu z wami."},
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "“&lt;b&gt;” is not a language tag" in page and "Jedzenie nudne." in page


def test_a_translation_needs_the_english_first(as_role, oak_visit, propose_on_plan):
    """Translations are made from the original, so the original comes first."""
    manager = as_role("home_manager")
    action = propose_on_plan(manager, oak_visit, "Menus")
    response = manager.post(
        f"/staff/actions/{action}/lines",
        data={"language": "pl", "you_said": "Jedzenie nudne.", "we_did": "Menu z wami."},
    )
    assert response.status_code == 422
    assert "Write the English lines first" in response.get_data(as_text=True)


def test_unknown_ids_are_404(as_role, world):
    """Made-up ids for actions, visits, meetings and dip samples are a plain 404."""
    client = as_role("qa_team")
    for url in (
        "/staff/actions/999999",
        "/staff/visits/999999/action-plan",
        "/staff/qpag/999999",
        "/staff/dip-samples/999999",
    ):
        assert client.get(url).status_code == 404


def test_text_is_escaped_everywhere(as_role, oak_visit, propose_on_plan, app, make_codes, world):
    """A title or line with markup is shown as text on staff and respondent pages."""
    manager = as_role("home_manager")
    action = propose_on_plan(manager, oak_visit, "<script>alert(1)</script>")
    page = manager.get(f"/staff/actions/{action}").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    as_role("service_manager").post(f"/staff/actions/{action}/move", data={"to": "approved"})
    manager.post(
        f"/staff/actions/{action}/lines",
        data={"language": "en-GB", "you_said": "<i>said</i>", "we_did": "<b>did</b>"},
    )
    as_role("service_manager").post(f"/staff/actions/{action}/lines/approve")
    (code,) = make_codes(1, round_id=world.oak_round)
    welcome = app.test_client().get(f"/r/{code}").get_data(as_text=True)
    assert "&lt;i&gt;said&lt;/i&gt;" in welcome and "<b>did</b>" not in welcome


def test_a_form_without_its_csrf_token_is_refused(staff_app, world, make_visit, today):
    """With CSRF on, as in production, proposing an action without the token changes nothing."""
    app = staff_app(WTF_CSRF_ENABLED=True)
    visit = make_visit(world.oak_home)
    client = app.test_client()
    login = client.get("/staff/login").get_data(as_text=True)
    token = login.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post(
        "/staff/login",
        data={
            "email": world.emails["home_manager"],
            "password": "correct horse battery staple",
            "csrf_token": token,
        },
    )
    refused = client.post(
        f"/staff/visits/{visit}/action-plan",
        data={"title": "Menus", "due_on": (today + timedelta(days=5)).isoformat()},
    )
    assert refused.status_code == 400
    plan = client.get(f"/staff/visits/{visit}/action-plan").get_data(as_text=True)
    assert "No actions proposed yet." in plan
    token = plan.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    accepted = client.post(
        f"/staff/visits/{visit}/action-plan",
        data={
            "title": "Menus",
            "due_on": (today + timedelta(days=5)).isoformat(),
            "csrf_token": token,
        },
    )
    assert accepted.status_code == 303
