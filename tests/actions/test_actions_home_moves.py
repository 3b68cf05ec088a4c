"""A home that moves to another service takes its actions with it."""

# The fixtures are used as parameters, which ruff reads as redefinitions.
# ruff: noqa: F811

from __future__ import annotations


def test_a_home_that_moves_service_takes_its_actions_to_the_new_service_manager(
    app, world, as_role, make_user, oak_visit, propose_on_plan, sign_in
):
    """The new service's manager sees the home's actions; the old one gets 404."""
    from survey_app.extensions import db
    from survey_app.models import Home

    action_id = propose_on_plan(as_role("home_manager"), oak_visit, "Fresh menus")
    make_user("service_manager", email="south@example.org", service="South and East")
    with app.app_context():
        db.session.get(Home, world.oak_home).service_id = world.service  # South and East
        db.session.commit()

    new_manager = app.test_client()
    assert sign_in(new_manager, "south@example.org").status_code == 302
    old_manager = as_role("service_manager")  # North and West
    assert new_manager.get(f"/staff/actions/{action_id}").status_code == 200
    assert "Fresh menus" in new_manager.get("/staff/actions").get_data(as_text=True)
    assert old_manager.get(f"/staff/actions/{action_id}").status_code == 404
    assert "Fresh menus" not in old_manager.get("/staff/actions").get_data(as_text=True)
