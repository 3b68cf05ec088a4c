"""The report pages for staff: every role against every report, the Reports page and its
link, kind refusals, and an audit event for every report built."""

# The staff fixtures imported below are used as fixture parameters, which ruff reads as
# redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import pytest

from tests.staff.conftest import (  # noqa: F401
    FAST_HASH,
    app,
    as_role,
    audit_log,
    make_user,
    sign_in,
    staff_app,
    world,
)


@pytest.fixture
def answered(world, add_round):
    """A closed young people's round with answers at each home, in PERIOD."""
    add_round("OAK", "young_people", 5)
    add_round("BEE", "young_people", 5)


ROLES = ("admin", "qa_team", "qpag_chair", "service_manager", "home_manager", "reg44_visitor")
PERIOD = "from=2026-01-01&to=2026-06-30"
WHOLE = {"qa_team", "qpag_chair"}

# (url, {role: status}); roles not named get 403. OAK is in the service manager's service and
# assigned to the home manager and Reg 44 visitor; BEE is in another service.
PAGES = [
    (
        "/staff/reports",
        {r: 200 for r in ("qa_team", "qpag_chair", "service_manager", "reg44_visitor")},
    ),
    (f"/staff/reports/voice?{PERIOD}", {r: 200 for r in WHOLE}),
    (f"/staff/reports/voice?{PERIOD}&home=OAK", {r: 200 for r in (*WHOLE, "service_manager")}),
    (
        f"/staff/reports/voice?{PERIOD}&home=BEE",
        {**{r: 200 for r in WHOLE}, "service_manager": 404},
    ),
    (
        f"/staff/reports/voice?{PERIOD}&home=nope",
        {**{r: 404 for r in WHOLE}, "service_manager": 404},
    ),
    ("/staff/reports/qpag?month=2026-03", {r: 200 for r in (*WHOLE, "service_manager")}),
    (
        "/staff/reports/qpag?month=2026-03&service=South+and+East",
        {**{r: 200 for r in WHOLE}, "service_manager": 404},
    ),
    (
        "/staff/reports/qpag?month=2026-03&service=Nowhere",
        {**{r: 404 for r in WHOLE}, "service_manager": 404},
    ),
    (
        "/staff/reports/previsit?home=OAK",
        {"qa_team": 200, "service_manager": 200, "reg44_visitor": 200},
    ),
    (
        "/staff/reports/previsit?home=BEE",
        {"qa_team": 200, "service_manager": 404, "reg44_visitor": 404},
    ),
]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_only_the_reports_its_role_and_homes_allow(as_role, answered, role):
    """Allowed: the report; no capability or an all-homes report for a scoped role: 403;
    another service's home, or a code that does not exist, for a scoped role: 404."""
    client = as_role(role)
    for url, allowed in PAGES:
        expected = allowed.get(role, 403)
        assert client.get(url).status_code == expected, (role, url)


def test_report_pages_need_signing_in(app, world):
    """Signed out, every report page sends you to sign in."""
    client = app.test_client()
    for url, _ in PAGES:
        response = client.get(url)
        assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


def test_scoped_roles_are_told_kindly_why_a_report_is_refused(as_role):
    """A service manager asking for all homes is told why; another home's code reveals
    nothing of the codes there are."""
    client = as_role("service_manager")
    page = client.get(f"/staff/reports/voice?{PERIOD}").get_data(as_text=True)
    assert "choose one of your homes" in page
    assert "BEE" not in client.get(f"/staff/reports/voice?{PERIOD}&home=nope").text


def test_a_service_manager_prepares_the_qpag_report_for_their_service(as_role, answered):
    """§8.2: the service manager's QPAG report covers their service's homes only; the QA
    team's covers every home, or one service when asked."""
    mine = as_role("service_manager").get("/staff/reports/qpag?month=2026-03").text
    assert "North and West (the service&#39;s homes)" in mine
    assert "Oak House" in mine and "Beech Cottage" not in mine
    council = as_role("qa_team").get("/staff/reports/qpag?month=2026-03").text
    assert "Oak House" in council and "Beech Cottage" in council
    one = as_role("qa_team").get("/staff/reports/qpag?month=2026-03&service=south+and+east").text
    assert "Beech Cottage" in one and "Oak House" not in one


def test_the_reports_page_offers_what_the_role_may_build(as_role):
    """The QA team may choose all homes and the QPAG report; a service manager only their
    homes; a Reg 44 visitor only the pre-visit pack for their homes. The nav links to it."""
    qa = as_role("qa_team").get("/staff/reports").text
    assert "All homes" in qa and "Monthly QPAG report" in qa and "Beech Cottage (BEE)" in qa
    manager = as_role("service_manager").get("/staff/reports").text
    assert "Six-monthly voice report" in manager and "All homes" not in manager
    assert "Monthly QPAG report" in manager and "North and West's homes" in manager
    assert "Beech Cottage" not in manager and "South and East" not in manager
    visitor = as_role("reg44_visitor")
    page = visitor.get("/staff/reports").text
    assert "Pre-visit evidence pack" in page and "Six-monthly voice report" not in page
    assert 'href="/staff/reports"' in visitor.get("/staff/").text
    assert 'href="/staff/reports"' not in as_role("home_manager").get("/staff/").text
    assert 'href="/staff/reports"' not in as_role("admin").get("/staff/").text


def test_every_report_built_on_the_pages_is_audited(as_role, answered, world, audit_log):
    """One report.generated event per report, naming who built it, its format and home."""
    client = as_role("service_manager")
    assert client.get(f"/staff/reports/voice?{PERIOD}&home=OAK&format=csv").status_code == 200
    assert client.get("/staff/reports/previsit?home=OAK").status_code == 200
    assert client.get("/staff/reports/qpag?month=2026-03").status_code == 200
    events = [e for e in audit_log() if e["action"] == "report.generated"]
    assert [(e["detail"]["kind"], e["detail"]["format"]) for e in events] == [
        ("voice", "csv"),
        ("previsit", "html"),
        ("qpag", "html"),
    ]
    assert {e["actor_email"] for e in events} == {world.emails["service_manager"]}
    assert {e["origin"] for e in events} == {"web"}
    assert [e["home"] for e in events] == ["OAK", "OAK", None]
    assert events[2]["detail"]["scope"] == "March 2026, North and West (the service's homes)"
