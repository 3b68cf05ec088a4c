"""Every role against every staff page and export: allowed, or refused with nothing revealed."""

from __future__ import annotations

import pytest

ALL = {"admin", "qa_team", "qpag_chair", "service_manager", "home_manager", "reg44_visitor"}
ISSUERS = {"qa_team", "service_manager", "home_manager"}

# (url template, roles that get 200). {oak*} is a home every scoped role covers; {bee*} is not
# covered by the service manager, home manager or Reg 44 visitor, who must get 404 there.
PAGES = [
    ("/staff/", ALL),
    ("/staff/homes/{oak}", ALL),
    ("/staff/homes/{bee}", {"admin", "qa_team", "qpag_chair"}),
    ("/staff/rounds/{oak_round}", ALL),
    ("/staff/rounds/{bee_round}", {"admin", "qa_team", "qpag_chair"}),
    ("/staff/rounds/{oak_round}/codes", ISSUERS),
    ("/staff/rounds/{bee_round}/codes", {"qa_team"}),
    ("/staff/rounds/{oak_pro_round}/links", ISSUERS),
    ("/staff/rounds/{bee_pro_round}/links", {"qa_team"}),
    ("/staff/rounds/{oak_round}/comments", {"qa_team", "reg44_visitor"}),
    ("/staff/rounds/{bee_round}/comments", {"qa_team"}),
    ("/staff/export/responses?format=csv", {"qa_team"}),
    ("/staff/export/responses?format=json", {"qa_team"}),
    ("/staff/admin/users", {"admin"}),
    ("/staff/admin/users/new", {"admin"}),
    ("/staff/admin/homes", {"admin"}),
    ("/staff/admin/homes/new", {"admin"}),
    ("/staff/admin/homes/{bee}", {"admin"}),
    ("/staff/admin/services", {"admin"}),
    ("/staff/admin/services/new", {"admin"}),
    ("/staff/admin/settings", {"admin"}),
    ("/staff/admin/audit", {"admin"}),
    ("/staff/admin/audit/export?format=csv", {"admin"}),
    ("/staff/admin/audit/export?format=json", {"admin"}),
    ("/staff/password", ALL),
    ("/staff/admin/users/{qa_user}", {"admin"}),
    ("/staff/admin/services/{service}", {"admin"}),
    # The actions pages (tests/actions has the matrix of each action, meeting and dip sample).
    ("/staff/actions", ALL),
    ("/staff/actions/new", ISSUERS | {"qpag_chair"}),
    ("/staff/actions/escalation", {"qa_team", "service_manager", "qpag_chair"}),
    ("/staff/qpag", {"qa_team", "service_manager", "qpag_chair"}),
    ("/staff/qpag/new", {"qa_team", "qpag_chair"}),
    ("/staff/qpag/tracker", {"qa_team", "service_manager", "qpag_chair"}),
    ("/staff/dip-samples", {"qa_team", "service_manager", "reg44_visitor", "qpag_chair"}),
]
POSTS = [
    ("/staff/rounds/{oak_round}/invitations", {"count": 2}, ISSUERS),
    ("/staff/rounds/{bee_round}/invitations", {"count": 2}, {"qa_team"}),
    ("/staff/rounds/{bee_pro_round}/links", {"addresses": "a@example.org"}, {"qa_team"}),
    (
        "/staff/admin/settings",
        {"free_text_retention_days": 90, "suppression_threshold": 5},
        {"admin"},
    ),
    ("/staff/admin/users/{qa_user}/reset-link", {}, {"admin"}),
    ("/staff/admin/services/{service}", {"name": "Renamed"}, {"admin"}),
    ("/staff/admin/homes/{bee}", {"code": "BEE", "name": "Beech Cottage"}, {"admin"}),
]


def _url(template: str, world) -> str:
    return template.format(
        oak=world.oak_home,
        bee=world.bee_home,
        oak_round=world.oak_round,
        bee_round=world.bee_round,
        oak_pro_round=world.oak_pro_round,
        bee_pro_round=world.bee_pro_round,
        qa_user=world.qa_user,
        service=world.service,
    )


def _outcome(response, role: str, allowed: set[str]) -> str | None:
    """What is wrong with the response, or None when it matches the table."""
    body = response.get_data(as_text=True)
    if role in allowed:
        # Sending links without SMTP_URL is refused on the form itself (422), not a 4xx page.
        return (
            None if response.status_code in (200, 302, 303, 422) else f"got {response.status_code}"
        )
    if response.status_code not in (403, 404):
        return f"expected 403/404, got {response.status_code}"
    if "Beech Cottage" in body or "BEE" in body:
        return "refused, but another home's name or code is on the page"
    return None


@pytest.mark.parametrize("role", sorted(ALL))
def test_each_role_sees_only_what_the_table_allows(role, as_role, world):
    """Every page and export: allowed ones answer, others 403/404 and never show another home."""
    client = as_role(role)
    problems = {}
    for template, allowed in PAGES:
        found = _outcome(client.get(_url(template, world)), role, allowed)
        if found or (role in allowed and client.get(_url(template, world)).status_code != 200):
            problems[template] = found or "not 200"
    assert problems == {}


@pytest.mark.parametrize("role", sorted(ALL))
def test_each_role_may_change_only_what_the_table_allows(role, as_role, world):
    """Issuing codes or sending links for a home not covered is refused before anything happens."""
    client = as_role(role)
    problems = {}
    for template, data, allowed in POSTS:
        found = _outcome(client.post(_url(template, world), data=data), role, allowed)
        if found:
            problems[template] = found
    assert problems == {}


def test_a_scoped_role_sees_only_its_homes_on_the_dashboard(as_role, world):
    """The home manager's dashboard lists Oak House and not Beech Cottage; QA sees both."""
    manager = as_role("home_manager").get("/staff/").get_data(as_text=True)
    assert "Oak House" in manager and "Beech Cottage" not in manager
    qa = as_role("qa_team").get("/staff/").get_data(as_text=True)
    assert "Oak House" in qa and "Beech Cottage" in qa


def test_ids_that_do_not_exist_are_404(as_role):
    """A made-up id is a plain 404 for every role, as an id of a home not covered is."""
    client = as_role("admin")
    for url in ("/staff/homes/999999", "/staff/rounds/999999", "/staff/admin/users/999999"):
        assert client.get(url).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, world):
    """Without a session every staff page redirects to the sign-in page, showing nothing."""
    for template, _ in PAGES:
        response = client.get(_url(template, world))
        assert response.status_code == 302
        assert "/staff/login" in response.headers["Location"]


def test_the_responses_export_is_limited_to_covered_homes(as_role, world, make_user, sign_in, app):
    """An export holds only the homes the exporting role covers, and is audited."""
    response = as_role("qa_team").get("/staff/export/responses?format=csv")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
