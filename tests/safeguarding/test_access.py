"""Every role, and the named reviewers, against every safeguarding page: the table decides."""

from __future__ import annotations

import pytest

from tests.safeguarding.conftest import DISCLOSURE, LEAD_EMAIL, codes_for, flags_of, respond

ROLES = ["admin", "qa_team", "qpag_chair", "service_manager", "home_manager", "reg44_visitor"]
LEAD = "lead"  # a QA team member who leads safeguarding for North and West (Oak's service)
VIEWERS = {"qa_team", "service_manager", "home_manager", LEAD}
# (method, url, roles allowed). Oak is in North and West; Beech is not covered by the service
# manager, the home manager or the lead, who get 404 there.
PAGES = [
    ("get", "/staff/safeguarding/", VIEWERS),
    ("get", "/staff/safeguarding/?show=all", VIEWERS),
    ("get", "/staff/safeguarding/flags/{oak}", VIEWERS),
    ("get", "/staff/safeguarding/flags/{bee}", {"qa_team", LEAD}),
    ("post", "/staff/safeguarding/flags/{oak}/review", {"service_manager", "home_manager", LEAD}),
    ("post", "/staff/safeguarding/flags/{bee}/review", set()),
    ("get", "/staff/safeguarding/weekly", {"qa_team", "service_manager", "home_manager", LEAD}),
    ("get", "/staff/safeguarding/leads", {"admin"}),
    ("post", "/staff/safeguarding/leads", {"admin"}),
]
WORDS_AT_OAK = {"service_manager", "home_manager", LEAD}


@pytest.fixture
def flags(sg, app):
    """One urgent flag at Oak House and one at Beech Cottage."""
    for round_id in (sg.world.oak_round, sg.world.bee_round):
        [code] = codes_for(app, round_id)
        respond(app.test_client(), code, DISCLOSURE)
    oak, bee = flags_of(app)
    return {"oak": oak.id, "bee": bee.id}


def _client(signed_in, who: str):
    return signed_in(LEAD_EMAIL if who == LEAD else who)


@pytest.mark.parametrize("who", [*ROLES, LEAD])
def test_each_role_reaches_only_what_the_table_allows(who, flags, signed_in):
    """Allowed: 200, or 422 for the empty form sent; refused: 403/404 showing no other home."""
    client = _client(signed_in, who)
    problems = {}
    for method, template, allowed in PAGES:
        response = getattr(client, method)(template.format(**flags), data={})
        body = response.get_data(as_text=True)
        if who in allowed and response.status_code not in (200, 422):
            problems[template] = f"allowed, got {response.status_code}"
        if who not in allowed:
            if response.status_code not in (403, 404):
                problems[template] = f"refused, got {response.status_code}"
            elif "Beech Cottage" in body:
                problems[template] = "refused, but shows Beech Cottage"
    assert problems == {}
    assert {f.status for f in flags_of(client.application)} == {"new"}


@pytest.mark.parametrize("who", sorted(VIEWERS))
def test_only_reviewers_read_the_words(who, flags, signed_in):
    """The young person's words are on the flag's page only for that home's reviewers."""
    html = _client(signed_in, who).get(f"/staff/safeguarding/flags/{flags['oak']}")
    assert (DISCLOSURE in html.get_data(as_text=True)) == (who in WORDS_AT_OAK)


def test_lists_hold_only_the_homes_covered(flags, signed_in):
    """The home manager's list and dashboard show Oak's flag, never Beech's."""
    client = signed_in("home_manager")
    for url in ("/staff/safeguarding/?show=all", "/staff/"):
        html = client.get(url).get_data(as_text=True)
        assert f"/flags/{flags['oak']}" in html and f"/flags/{flags['bee']}" not in html
    everything = signed_in("qa_team").get("/staff/safeguarding/").get_data(as_text=True)
    assert f"/flags/{flags['oak']}" in everything and f"/flags/{flags['bee']}" in everything


def test_a_home_manager_who_is_not_registered_manager_sees_but_does_not_review(
    flags, sg, make_user, signed_in
):
    """A deputy assigned to Oak sees its flags and their kind; the review is the named people's."""
    make_user("home_manager", email="deputy@example.org", homes=("OAK",))
    deputy = signed_in("deputy@example.org")
    page = deputy.get(f"/staff/safeguarding/flags/{flags['oak']}").get_data(as_text=True)
    assert "Criminal exploitation" in page and DISCLOSURE not in page
    review = {"outcome": "other", "notes": "x"}
    sent = deputy.post(f"/staff/safeguarding/flags/{flags['oak']}/review", data=review)
    assert sent.status_code == 403


def test_an_administrator_is_never_a_reviewer(flags, sg, app, signed_in):
    """Made registered manager, an administrator still reads no words and cannot be a lead."""
    from survey_app.extensions import db
    from survey_app.models import Home, User

    with app.app_context():
        admin = db.session.execute(db.select(User).filter_by(role="admin")).scalar_one()
        db.session.get(Home, sg.world.oak_home).registered_manager = admin
        db.session.commit()
        admin_id, service_id = admin.id, db.session.get(Home, sg.world.oak_home).service_id
    client = signed_in("admin")
    assert client.get(f"/staff/safeguarding/flags/{flags['oak']}").status_code == 403
    added = client.post(
        "/staff/safeguarding/leads", data={"service": service_id, "user": admin_id}
    )
    assert added.status_code == 422 and "not an administrator" in added.get_data(as_text=True)
