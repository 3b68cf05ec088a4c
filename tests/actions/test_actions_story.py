"""The issue's "done when", tried as a new user would: a visit's action plan, approval and
return, escalation after the tick, and "you said, we did" on the young people's pages."""

from __future__ import annotations

from datetime import timedelta

from tests.respond.helpers import answer_everything


def test_the_loop_from_a_visit_to_young_people(
    app, as_role, world, oak_visit, propose_on_plan, move, invoke, make_codes, make_round, today
):
    """Propose two, approve one and return the other, escalate the late one, show its lines."""
    manager, service_manager = as_role("home_manager"), as_role("service_manager")

    plan = manager.get(f"/staff/visits/{oak_visit}/action-plan").get_data(as_text=True)
    assert "the meals are the same every week" in plan  # the visit's findings are on the plan
    menus = propose_on_plan(manager, oak_visit, "Plan menus with young people", due_in=3)
    rota = propose_on_plan(manager, oak_visit, "Change the staff rota", due_in=20)

    approved = service_manager.post(
        f"/staff/visits/{oak_visit}/action-plan/{menus}", data={"to": "approved"}
    )
    assert approved.status_code == 303
    returned = service_manager.post(
        f"/staff/visits/{oak_visit}/action-plan/{rota}",
        data={"to": "returned", "note": "Say how young people will be asked first."},
    )
    assert returned.status_code == 303
    plan = manager.get(f"/staff/visits/{oak_visit}/action-plan").get_data(as_text=True)
    assert "returned for changes" in plan
    assert "Say how young people will be asked first." in plan

    # Nobody finishes it: past its due date plus the 14 days' grace, the tick flags it.
    late = today + timedelta(days=3 + 15)
    ticked = invoke("schedule", "tick", "--today", late.isoformat())
    assert ticked.exit_code == 0, ticked.output
    assert "Plan menus with young people" in ticked.output
    assert "Change the staff rota" not in ticked.output
    listed = as_role("qpag_chair").get("/staff/actions/escalation").get_data(as_text=True)
    candidates = listed.split("Escalated, still open")[0]
    assert "Plan menus with young people" in candidates
    assert f"flagged {late.day} " in candidates

    # Its "you said, we did" lines, once approved, reach the young people at Oak House.
    saved = manager.post(
        f"/staff/actions/{menus}/lines",
        data={
            "language": "en-GB",
            "you_said": "You said the food was boring.",
            "we_did": "We now plan menus with you every Sunday.",
        },
    )
    assert saved.status_code == 303
    (oak_code,) = make_codes(1, home_id=world.oak_home)
    young = app.test_client()
    assert "We now plan menus" not in young.get(f"/r/{oak_code}").get_data(as_text=True)
    assert service_manager.post(f"/staff/actions/{menus}/lines/approve").status_code == 303

    welcome = young.get(f"/r/{oak_code}").get_data(as_text=True)
    assert "You said the food was boring." in welcome
    assert "We now plan menus with you every Sunday." in welcome
    answer_everything(young, oak_code)
    thanks = young.get(f"/r/{oak_code}/thanks").get_data(as_text=True)
    assert "We now plan menus with you every Sunday." in thanks

    (bee_code,) = make_codes(1, round_id=world.bee_round)
    assert "We now plan menus" not in app.test_client().get(f"/r/{bee_code}").get_data(as_text=True)
