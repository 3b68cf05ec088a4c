"""Administrators: users, homes, services, settings and the audit log."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def admin(as_role):
    return as_role("admin")


def _new_user(admin, **overrides):
    data = {
        "email": "new@example.org",
        "name": "New Person",
        "role": "home_manager",
        "homes": [],
        "service": "0",
    }
    data.update(overrides)
    return admin.post("/staff/admin/users/new", data=data)


def test_creating_a_user_gives_a_single_use_set_password_link(admin, world, app, audit_log):
    """The new account has no password until its link is used; creation is audited."""
    response = _new_user(admin, homes=[str(world.oak_home)])
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "/staff/reset/" in page
    link = page.split('value="http://survey.test')[1].split('"')[0]
    assert app.test_client().get(link).status_code == 200
    created = [e for e in audit_log() if e["action"] == "user.created"][-1]
    assert created["actor_email"] == "admin@example.org"
    assert created["detail"]["homes"] == ["OAK"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"homes": []}, "needs at least one home"),
        ({"role": "service_manager"}, "needs a service"),
        ({"email": "admin@example.org", "role": "admin"}, "already exists"),
        ({"email": "not an email"}, "is not an email address"),
        ({"name": ""}, "Enter a name."),
    ],
)
def test_a_user_that_cannot_work_is_refused_with_a_reason(admin, world, overrides, message):
    """Each problem is named on the form, with 422, and nothing is created."""
    response = _new_user(admin, **overrides)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


def test_changing_a_users_homes_changes_what_they_see(admin, world, as_role, app):
    """Assigning Beech Cottage instead of Oak House moves the manager's access; signs them out."""
    from survey_app.auth.service import find_user

    manager = as_role("home_manager")
    with app.app_context():
        user_id = find_user("home_manager@example.org").id
    response = admin.post(
        f"/staff/admin/users/{user_id}",
        data={
            "name": "Moved Manager",
            "role": "home_manager",
            "homes": [str(world.bee_home)],
            "service": "0",
        },
    )
    assert response.status_code == 302
    assert manager.get("/staff/").status_code == 302  # access changed: signed out
    again = as_role("home_manager")
    assert again.get(f"/staff/homes/{world.oak_home}").status_code == 404
    assert again.get(f"/staff/homes/{world.bee_home}").status_code == 200


def test_disabling_and_enabling_a_user(admin, world, app, sign_in):
    """A disabled user cannot sign in; an admin cannot disable themself."""
    from survey_app.auth.service import find_user

    with app.app_context():
        qa_id = find_user("qa_team@example.org").id
        admin_id = find_user("admin@example.org").id
    admin.post(f"/staff/admin/users/{qa_id}/active")
    assert sign_in(app.test_client(), "qa_team@example.org").status_code == 401
    admin.post(f"/staff/admin/users/{qa_id}/active")
    assert sign_in(app.test_client(), "qa_team@example.org").status_code == 302
    admin.post(f"/staff/admin/users/{admin_id}/active")
    assert "cannot disable your own account" in admin.get("/staff/admin/users").get_data(
        as_text=True
    )


def test_creating_and_editing_a_home(admin, world, app, audit_log):
    """A new home gets a code, service, registered manager and Ofsted facts; both steps audited."""
    from survey_app.auth.service import find_user
    from survey_app.extensions import db
    from survey_app.models import Service

    with app.app_context():
        service_id = db.session.execute(
            db.select(Service.id).filter_by(name="North and West")
        ).scalar()
        manager_id = find_user("home_manager@example.org").id
    data = {
        "code": "elm",
        "name": "Elm Court",
        "service": str(service_id),
        "registered_manager": str(manager_id),
        "ofsted_rating": "good",
        "ofsted_inspected_on": "2026-03-02",
    }
    assert admin.post("/staff/admin/homes/new", data=data).status_code == 302
    listing = admin.get("/staff/admin/homes").get_data(as_text=True)
    assert "ELM" in listing and "Elm Court" in listing and "Test Person" in listing
    clash = admin.post("/staff/admin/homes/new", data=data)
    assert clash.status_code == 422 and "already has the code ELM" in clash.get_data(as_text=True)
    actions = [e["action"] for e in audit_log()]
    assert "home.created" in actions


def test_editing_a_home_keeps_its_history_in_the_audit_log(admin, world, audit_log, app):
    """Renaming records the before and after."""
    from survey_app.extensions import db
    from survey_app.models import Home

    with app.app_context():
        home = db.session.get(Home, world.oak_home)
        service_id = home.service_id
    data = {
        "code": "OAK",
        "name": "Oak House East",
        "service": str(service_id),
        "registered_manager": "0",
        "ofsted_rating": "",
        "ofsted_inspected_on": "",
    }
    assert admin.post(f"/staff/admin/homes/{world.oak_home}", data=data).status_code == 302
    event = [e for e in audit_log() if e["action"] == "home.updated"][-1]
    assert event["detail"]["before"]["name"] == "Oak House"
    assert event["detail"]["after"]["name"] == "Oak House East"


def test_services_are_created_and_renamed(admin, world):
    """A service name is unique."""
    assert admin.post("/staff/admin/services/new", data={"name": "Central"}).status_code == 302
    clash = admin.post("/staff/admin/services/new", data={"name": "Central"})
    assert clash.status_code == 422
    assert "Central" in admin.get("/staff/admin/services").get_data(as_text=True)


@pytest.mark.parametrize(("days", "threshold"), [(10, 5), (365, 1), ("x", 5)])
def test_settings_out_of_range_are_refused(admin, world, days, threshold):
    """Retention of 30–3650 days, a threshold of 3–100: anything else is a 422 with the range."""
    response = admin.post(
        "/staff/admin/settings",
        data={"free_text_retention_days": days, "suppression_threshold": threshold},
    )
    assert response.status_code == 422
    assert "Choose a whole number between" in response.get_data(as_text=True)


def test_the_audit_log_can_be_filtered_and_downloaded(admin, world, as_role):
    """Filter by action and by person; download as CSV or JSON (the download itself audited)."""
    as_role("home_manager").get(f"/staff/rounds/{world.oak_round}/codes")
    page = admin.get("/staff/admin/audit?action=round.code_sheet_viewed").get_data(as_text=True)
    assert "<td>round.code_sheet_viewed</td>" in page and "<td>auth.login</td>" not in page
    page = admin.get("/staff/admin/audit?actor=home_manager").get_data(as_text=True)
    assert "home_manager@example.org" in page and "qa_team@example.org" not in page
    csv_body = admin.get("/staff/admin/audit/export?format=csv").get_data(as_text=True)
    assert csv_body.startswith("id,at,actor_email,origin,action")
    events = json.loads(admin.get("/staff/admin/audit/export?format=json").get_data(as_text=True))
    assert events[0]["action"] == "export.audit"  # newest first: the CSV download above
    assert any(e["action"] == "round.code_sheet_viewed" and e["home"] == "OAK" for e in events)


def test_a_bad_audit_filter_is_not_an_error(admin, world):
    """Unreadable dates or homes are ignored with a message, never a 500."""
    response = admin.get("/staff/admin/audit?since=yesterday&home=abc&page=2")
    assert response.status_code == 200
    assert admin.get("/staff/admin/audit?page=0").status_code == 404


def test_the_last_administrator_keeps_their_role(admin, world, app):
    """Demoting the only administrator would lock everyone out of administration: refused."""
    from survey_app.auth.service import find_user

    with app.app_context():
        admin_id = find_user("admin@example.org").id
    response = admin.post(
        f"/staff/admin/users/{admin_id}",
        data={"name": "Admin", "role": "qa_team", "homes": [], "service": "0"},
    )
    assert response.status_code == 422
    assert "last administrator" in response.get_data(as_text=True)
