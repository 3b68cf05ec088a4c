"""What raised an action is linked from its page; the tracker lists and filters actions."""

from __future__ import annotations

from datetime import timedelta


def _new(client, query="", **data):
    response = client.post(f"/staff/actions/new{query}", data=data)
    return response


def test_a_visit_action_links_back_to_the_plan_and_its_finding(
    as_role, oak_visit, propose_on_plan, app
):
    """ "Raised by" names the visit and the finding it answers, linking to the action plan."""
    from survey_app.extensions import db
    from survey_app.models import VisitFinding

    with app.app_context():
        finding = db.session.execute(
            db.select(VisitFinding.id).filter_by(visit_id=oak_visit, kind="adverse")
        ).scalar_one()
    manager = as_role("home_manager")
    action = propose_on_plan(manager, oak_visit, "Plan menus", finding=str(finding))
    page = manager.get(f"/staff/actions/{action}").get_data(as_text=True)
    assert f'href="/staff/visits/{oak_visit}/action-plan"' in page
    assert "adverse finding: Young people said the meals are the same every week." in page


def test_an_action_from_a_round_is_for_that_rounds_home(as_role, world, user_id, today):
    """Raised from Oak House's round, it is Oak House's, whatever place was posted."""
    manager = as_role("home_manager")
    round_page = manager.get(f"/staff/rounds/{world.oak_round}").get_data(as_text=True)
    assert f"/staff/actions/new?round={world.oak_round}" in round_page
    made = _new(
        manager,
        f"?round={world.oak_round}",
        title="Quieter evenings",
        place=f"home:{world.bee_home}",
        owner=str(user_id("home_manager")),
        due_on=(today + timedelta(days=10)).isoformat(),
    )
    assert made.status_code == 303, made.get_data(as_text=True)
    page = manager.get(made.headers["Location"]).get_data(as_text=True)
    assert f'href="/staff/rounds/{world.oak_round}"' in page and "Oak House" in page


def test_another_homes_round_cannot_raise_an_action(as_role, world, user_id, today):
    """A home manager naming another home's round is refused, and that home stays unnamed."""
    response = _new(
        as_role("home_manager"),
        f"?round={world.bee_round}",
        title="Quieter evenings",
        owner=str(user_id("home_manager")),
        due_on=(today + timedelta(days=10)).isoformat(),
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "does not exist, or is not one of your homes" in page
    assert "Beech Cottage" not in page


def test_an_outside_source_is_named_by_its_reference(as_role, world, user_id, today):
    """An Ofsted inspection is not a record here: its reference is shown as the source."""
    qa = as_role("qa_team")
    made = _new(
        qa,
        title="Care plans up to date",
        place=f"home:{world.bee_home}",
        owner=str(user_id("qa_team")),
        due_on=(today + timedelta(days=10)).isoformat(),
        source_kind="ofsted_inspection",
        source_reference="Inspection of 3 March",
    )
    assert made.status_code == 303
    page = qa.get(made.headers["Location"]).get_data(as_text=True)
    assert "Ofsted inspection: Inspection of 3 March" in page


def test_only_qpag_records_what_a_meeting_agreed(as_role, world, user_id, today):
    """A home manager cannot add an action to a QPAG meeting's decisions."""
    chair = as_role("qpag_chair")
    meeting = chair.post("/staff/qpag/new", data={"held_on": today.isoformat(), "attendees": "C"})
    meeting_id = meeting.headers["Location"].rsplit("/", 1)[1]
    response = _new(
        as_role("home_manager"),
        f"?meeting={meeting_id}",
        title="Something",
        place=f"home:{world.oak_home}",
        owner=str(user_id("home_manager")),
        due_on=(today + timedelta(days=10)).isoformat(),
    )
    assert response.status_code == 403
    assert "Only the QPAG chair or the QA team" in response.get_data(as_text=True)


def test_a_home_manager_cannot_raise_a_service_wide_action(as_role, world, user_id, today):
    """Home managers raise actions for their homes; a whole service is refused."""
    response = _new(
        as_role("home_manager"),
        title="Pocket money",
        place="all",
        owner=str(user_id("home_manager")),
        due_on=(today + timedelta(days=10)).isoformat(),
        source_kind="audit",
    )
    assert response.status_code == 403
    assert "only for the homes or the service you cover" in response.get_data(as_text=True)


def test_the_tracker_filters_by_status_and_home(
    as_role, oak_visit, propose_on_plan, move, world, invoke, today, travel
):
    """Open by default; overdue, a status, or one home on request."""
    manager = as_role("home_manager")
    soon = propose_on_plan(manager, oak_visit, "Plan menus", due_in=2)
    propose_on_plan(manager, oak_visit, "Paint the lounge", due_in=40)
    propose_on_plan(manager, oak_visit, "Fix the boiler", due_in=5)
    move(as_role("service_manager"), soon, "cancelled", "Merged into another action.")
    travel(today + timedelta(days=10))
    qa = as_role("qa_team")
    default = qa.get("/staff/actions").get_data(as_text=True)
    assert "Paint the lounge" in default and "Plan menus" not in default
    cancelled = qa.get("/staff/actions?show=cancelled").get_data(as_text=True)
    assert "Plan menus" in cancelled and "Paint the lounge" not in cancelled
    overdue = qa.get("/staff/actions?show=overdue").get_data(as_text=True)
    assert "Fix the boiler" in overdue and "5 days overdue" in overdue
    assert "Paint the lounge" not in overdue and "Plan menus" not in overdue
    bee_only = qa.get(f"/staff/actions?home={world.bee_home}").get_data(as_text=True)
    assert "Paint the lounge" not in bee_only and "None." in bee_only
