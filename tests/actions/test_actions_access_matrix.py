"""Every role against every actions page and form: allowed, or refused with nothing revealed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

ALL = {"admin", "qa_team", "qpag_chair", "service_manager", "home_manager", "reg44_visitor"}
ALL_HOMES = {"admin", "qa_team", "qpag_chair"}
PROPOSERS = {"qa_team", "service_manager", "home_manager", "qpag_chair"}
APPROVERS = {"qa_team", "service_manager", "qpag_chair"}
QPAG = {"qa_team", "service_manager", "qpag_chair"}
RECORDERS = {"qa_team", "qpag_chair"}

PAGES = [
    ("/staff/actions", ALL),
    ("/staff/actions?show=overdue", ALL),
    ("/staff/actions/new", PROPOSERS),
    ("/staff/actions/escalation", QPAG),
    ("/staff/actions/{oak_action}", ALL),
    ("/staff/actions/{bee_action}", ALL_HOMES),
    ("/staff/actions/{oak_action}/edit", PROPOSERS),
    ("/staff/actions/{bee_action}/edit", {"qa_team", "qpag_chair"}),
    ("/staff/visits/{oak_visit}/action-plan", ALL),
    ("/staff/visits/{bee_visit}/action-plan", ALL_HOMES),
    ("/staff/qpag", QPAG),
    ("/staff/qpag/new", RECORDERS),
    ("/staff/qpag/tracker", QPAG),
    ("/staff/qpag/{meeting}", QPAG),
    ("/staff/dip-samples", QPAG | {"reg44_visitor"}),
    ("/staff/dip-samples/{sample}", {"qa_team", "qpag_chair"}),
]


def _posts(today):
    due = (today + timedelta(days=20)).isoformat()
    return [
        ("/staff/visits/{oak_visit}/action-plan", {"title": "T", "due_on": due}, PROPOSERS),
        ("/staff/visits/{bee_visit}/action-plan", {"title": "T", "due_on": due}, RECORDERS),
        ("/staff/actions/{oak_action}/move", {"to": "approved"}, APPROVERS),
        ("/staff/actions/{bee_action}/move", {"to": "approved"}, APPROVERS - {"service_manager"}),
        ("/staff/actions/{oak_action}/comment", {"text": "Hello"}, PROPOSERS),
        ("/staff/actions/{bee_action}/comment", {"text": "Hello"}, RECORDERS),
        (
            "/staff/actions/{oak_action}/evidence",
            {"evidence": "Minutes"},
            {"qa_team", "service_manager", "home_manager"},
        ),
        (
            "/staff/actions/{oak_action}/lines",
            {"language": "en-GB", "you_said": "a", "we_did": "b"},
            PROPOSERS,
        ),
        ("/staff/actions/{oak_action}/exception", {"note": "Stuck"}, {"qpag_chair"}),
        (
            "/staff/actions/{oak_action}/escalate",
            {"escalated_on": today.isoformat(), "note": "Stuck"},
            {"qpag_chair"},
        ),
        ("/staff/qpag/new", {"held_on": today.isoformat(), "attendees": "Chris"}, RECORDERS),
        ("/staff/qpag/{meeting}/agree", {"actions": "{oak_action}"}, RECORDERS),
        (
            "/staff/dip-samples/{sample}/assign",
            {"area": "Missing", "assigned_to": "{qa_id}", "due_on": due},
            {"qa_team"},
        ),
    ]


@dataclass
class Ids:
    oak_action: int
    bee_action: int
    oak_visit: int
    bee_visit: int
    meeting: int
    sample: int
    qa_id: int


@pytest.fixture
def ids(app, world, oak_visit, bee_visit, user_id, today) -> Ids:
    """An action at each home (the owner is each home's manager or the QA team), a meeting and
    an unassigned dip sample, made through the service layer."""
    from survey_app.actions import dip_samples, qpag, service
    from survey_app.actions.places import Place
    from survey_app.actions.sources import Source
    from survey_app.extensions import db
    from survey_app.models import User

    owners = {role: user_id(role) for role in ("home_manager", "qa_team")}
    with app.app_context():
        qa = db.session.get(User, owners["qa_team"])
        made = []
        for visit, home, owner in (
            (oak_visit, world.oak_home, "home_manager"),
            (bee_visit, world.bee_home, "qa_team"),
        ):
            details = service.ActionDetails(
                "Plan menus",
                "",
                today + timedelta(days=9),
                owners[owner],
                Place(home),
                Source("reg44_visit", visit),
            )
            made.append(service.propose(details, qa, today).id)
        meeting = qpag.record_meeting(qpag.MeetingDetails(today, "Chris", ""), qa, today)
        sample = dip_samples.request_for_month(today.replace(month=1, day=15))
        db.session.commit()
        return Ids(*made, oak_visit, bee_visit, meeting.id, sample.id, qa.id)


def _url(template: str, ids: Ids) -> str:
    return template.format(**vars(ids))


def _outcome(response, role: str, allowed: set[str]) -> str | None:
    body = response.get_data(as_text=True)
    if role in allowed:
        return None if response.status_code in (200, 303) else f"got {response.status_code}"
    if response.status_code not in (403, 404):
        return f"expected 403/404, got {response.status_code}"
    # Roles that cover every home may be refused a change to a page they can read.
    if role not in ALL_HOMES and ("Beech Cottage" in body or "BEE" in body):
        return "refused, but another home's name or code is on the page"
    return None


@pytest.mark.parametrize("role", sorted(ALL))
def test_each_role_sees_only_the_actions_pages_the_table_allows(role, as_role, ids):
    """Allowed pages answer 200; others 403 or 404, never showing another home."""
    client = as_role(role)
    problems = {}
    for template, allowed in PAGES:
        response = client.get(_url(template, ids))
        found = _outcome(response, role, allowed)
        if found or (role in allowed and response.status_code != 200):
            problems[template] = found or f"got {response.status_code}"
    assert problems == {}


@pytest.mark.parametrize("role", sorted(ALL))
def test_each_role_may_change_only_what_the_table_allows(role, as_role, ids, today):
    """Each form, sent by each role: done (303) when allowed, else refused before any change."""
    client = as_role(role)
    problems = {}
    for template, data, allowed in _posts(today):
        filled = {k: _url(v, ids) for k, v in data.items()}
        found = _outcome(client.post(_url(template, ids), data=filled), role, allowed)
        if found:
            problems[template] = found
    assert problems == {}


def test_signed_out_visitors_are_sent_to_sign_in(client, ids):
    """Without a session every actions page redirects to the sign-in page."""
    for template, _ in PAGES:
        response = client.get(_url(template, ids))
        assert response.status_code == 302
        assert "/staff/login" in response.headers["Location"]


def test_an_owner_outside_the_approving_roles_still_updates_their_own(as_role, ids, move):
    """The home manager owns the Oak action: they mark it in progress once it is approved."""
    move(as_role("service_manager"), ids.oak_action, "approved")
    assert move(as_role("home_manager"), ids.oak_action, "in_progress").status_code == 303
    assert move(as_role("reg44_visitor"), ids.oak_action, "done", "x").status_code == 403


def test_a_visitor_sees_the_dip_sample_assigned_to_them(as_role, ids, user_id, today):
    """Assigned a dip sample, the Reg 44 visitor sees it and records its findings."""
    qa = as_role("qa_team")
    assigned = qa.post(
        f"/staff/dip-samples/{ids.sample}/assign",
        data={
            "area": "Return interviews",
            "assigned_to": str(user_id("reg44_visitor")),
            "due_on": (today + timedelta(days=10)).isoformat(),
        },
    )
    assert assigned.status_code == 303
    visitor = as_role("reg44_visitor")
    assert "Return interviews" in visitor.get("/staff/dip-samples").get_data(as_text=True)
    recorded = visitor.post(
        f"/staff/dip-samples/{ids.sample}/findings",
        data={"findings": "9 of 10 fine.", "completed_on": today.isoformat()},
    )
    assert recorded.status_code == 303
    assert as_role("home_manager").get(f"/staff/dip-samples/{ids.sample}").status_code == 403
