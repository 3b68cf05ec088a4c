"""Escalation (§8.8): late or exceptional actions listed, flagged by the tick, escalated by the
chair with a date and a note; dashboards show what is overdue and escalated."""

from __future__ import annotations

from datetime import timedelta

import pytest


@pytest.fixture
def approved(as_role, oak_visit, propose_on_plan, move):
    """An approved Oak House action due in 3 days, and a second one due in 60."""
    manager = as_role("home_manager")
    late = propose_on_plan(manager, oak_visit, "Plan menus", due_in=3)
    later = propose_on_plan(manager, oak_visit, "Paint the lounge", due_in=60)
    for action in (late, later):
        move(as_role("service_manager"), action, "approved")
    return late, later


def _candidates(client) -> str:
    page = client.get("/staff/actions/escalation").get_data(as_text=True)
    return page.split("<h2>To consider</h2>")[1].split("Escalated, still open")[0]


def test_the_tick_flags_late_actions_once(invoke, approved, today, audit_log, as_role):
    """Past due by more than 14 days: flagged once, audited, noted in its history; not before."""
    on_the_edge = today + timedelta(days=3 + 14)
    assert "Plan menus" not in invoke("actions", "tick", "--today", on_the_edge.isoformat()).output
    late = on_the_edge + timedelta(days=1)
    first = invoke("actions", "tick", "--today", late.isoformat())
    assert first.exit_code == 0
    assert "Flagged for escalation: action" in first.output and "“Plan menus” (OAK)" in first.output
    assert "15 days past its due date" in first.output
    again = invoke("actions", "tick", "--today", (late + timedelta(days=1)).isoformat())
    assert "Plan menus" not in again.output
    flagged = [e for e in audit_log() if e["action"] == "action.flagged_for_escalation"]
    assert len(flagged) == 1 and flagged[0]["origin"] == "cli" and flagged[0]["home"] == "OAK"
    history = as_role("qpag_chair").get(f"/staff/actions/{approved[0]}").get_data(as_text=True)
    assert "the daily tick: <span" in history and "On the escalation list" in history


def test_the_grace_is_configurable(staff_app, world, oak_visit, user_id, today):
    """ESCALATION_GRACE_DAYS=3: four days late is enough."""
    from survey_app.actions import service, tick_actions
    from survey_app.actions.places import Place
    from survey_app.actions.sources import Source
    from survey_app.extensions import db
    from survey_app.models import User

    app = staff_app(ESCALATION_GRACE_DAYS=3)
    owner = user_id("home_manager")
    with app.app_context():
        details = service.ActionDetails(
            "Plan menus", "", today, owner, Place(world.oak_home), Source("reg44_visit", oak_visit)
        )
        service.propose(details, db.session.get(User, owner), today)
        flagged = [x for x in tick_actions(today + timedelta(days=3)) if x.startswith("Flagged")]
        assert flagged == []
        flagged = [x for x in tick_actions(today + timedelta(days=4)) if x.startswith("Flagged")]
        assert len(flagged) == 1 and "4 days past its due date" in flagged[0]


def test_an_exception_is_listed_at_once_and_can_be_cleared(as_role, approved):
    """The chair marks an action on time as an exception: it is listed; cleared, it is not."""
    chair = as_role("qpag_chair")
    assert "Paint the lounge" not in _candidates(chair)
    marked = chair.post(
        f"/staff/actions/{approved[1]}/exception", data={"note": "Needs a CSLT budget decision."}
    )
    assert marked.status_code == 303
    listed = _candidates(chair)
    assert "Paint the lounge" in listed and "Needs a CSLT budget decision." in listed
    assert (
        chair.post(f"/staff/actions/{approved[1]}/exception", data={"note": ""}).status_code == 303
    )
    assert "Paint the lounge" not in _candidates(chair)
    refused = as_role("service_manager").post(
        f"/staff/actions/{approved[1]}/exception", data={"note": "Please"}
    )
    assert refused.status_code == 403


def test_escalating_records_the_date_and_note(
    as_role, approved, invoke, today, audit_log, action_row
):
    """Escalated with a date and a note: it moves to the escalated list, once only."""
    invoke("actions", "tick", "--today", (today + timedelta(days=20)).isoformat())
    chair = as_role("qpag_chair")
    when = today - timedelta(days=1)
    done = chair.post(
        f"/staff/actions/{approved[0]}/escalate",
        data={"escalated_on": when.isoformat(), "note": "No progress in a month."},
    )
    assert done.status_code == 303
    page = chair.get("/staff/actions/escalation").get_data(as_text=True)
    assert "Plan menus" not in page.split("<h2>To consider</h2>")[1].split("Escalated, still")[0]
    assert "No progress in a month." in page.split("Escalated, still open")[1]
    action = action_row(approved[0])
    assert action.escalated_on == when and action.escalation_note == "No progress in a month."
    again = chair.post(
        f"/staff/actions/{approved[0]}/escalate",
        data={"escalated_on": today.isoformat(), "note": "Again."},
    )
    assert again.status_code == 409
    assert "already escalated" in again.get_data(as_text=True)
    events = [e for e in audit_log() if e["action"] == "action.escalated"]
    assert len(events) == 1 and events[0]["actor_email"] == "qpag_chair@example.org"


def test_a_done_action_leaves_the_list(as_role, approved, invoke, today, move):
    """Once done, a flagged action is no longer a candidate."""
    invoke("actions", "tick", "--today", (today + timedelta(days=20)).isoformat())
    chair = as_role("qpag_chair")
    assert "Plan menus" in _candidates(chair)
    move(as_role("home_manager"), approved[0], "done", "Menus planned.")
    assert "Plan menus" not in _candidates(chair)


def test_dashboards_show_overdue_and_escalated_per_role(
    as_role, world, bee_visit, approved, invoke, today, travel, user_id
):
    """Each role's dashboard counts and lists what is overdue or escalated in their homes."""
    qa = as_role("qa_team")
    bee = qa.post(
        f"/staff/visits/{bee_visit}/action-plan",
        data={
            "title": "Fix the boiler",
            "owner": str(user_id("qa_team")),
            "due_on": today.isoformat(),
        },
    )
    assert bee.status_code == 303
    travel(today + timedelta(days=20))
    invoke("actions", "tick")
    chair = as_role("qpag_chair").get("/staff/").get_data(as_text=True)
    section = chair.split('id="section-actions"')[1]
    assert "New on the escalation list since yesterday" in section
    assert "Plan menus" in section and "Fix the boiler" in section
    assert "2 overdue" in section
    manager = as_role("home_manager").get("/staff/").get_data(as_text=True)
    mine = manager.split('id="section-actions"')[1]
    assert "Plan menus" in mine and "Fix the boiler" not in mine and "1 overdue" in mine
    assert "New on the escalation list" not in mine  # the escalation list is not theirs


def test_a_bad_tick_date_is_refused(invoke):
    """`--today` must be a date; a typo is a usage error, not a traceback."""
    result = invoke("actions", "tick", "--today", "31/12/2026")
    assert result.exit_code == 2
    assert "Invalid value for '--today'" in result.output
