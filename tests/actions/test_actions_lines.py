""" "You said, we did": written, approved by a manager, then shown to young people at that home
in their language; any change needs approving again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event

from survey_app.actions import approved_lines_for, you_said_we_did_for_period


@pytest.fixture
def approved_action(as_role, oak_visit, propose_on_plan, move):
    """An approved Oak House action and a helper to write its lines."""
    manager = as_role("home_manager")
    action = propose_on_plan(manager, oak_visit, "Plan menus")
    move(as_role("service_manager"), action, "approved")

    def write(language, you_said, we_did, client=manager):
        return client.post(
            f"/staff/actions/{action}/lines",
            data={"language": language, "you_said": you_said, "we_did": we_did},
        )

    return action, write


def _approve(as_role, action):
    return as_role("service_manager").post(f"/staff/actions/{action}/lines/approve")


def test_lines_need_an_approved_action_and_a_manager(as_role, oak_visit, propose_on_plan):
    """Lines of a proposed action cannot be approved yet; a home manager cannot approve them."""
    manager = as_role("home_manager")
    action = propose_on_plan(manager, oak_visit, "Plan menus")
    manager.post(
        f"/staff/actions/{action}/lines",
        data={"language": "en-GB", "you_said": "Food boring.", "we_did": "Menus with you."},
    )
    early = _approve(as_role, action)
    assert early.status_code == 409
    assert "Approve the action itself before" in early.get_data(as_text=True)
    assert manager.post(f"/staff/actions/{action}/lines/approve").status_code == 403


def test_changing_approved_lines_takes_the_approval_away(
    as_role, approved_action, app, world, make_codes
):
    """Edited after approval, the lines disappear from young people's pages until re-approved."""
    action, write = approved_action
    write("en-GB", "You said the food was boring.", "We plan menus with you.")
    _approve(as_role, action)
    (code,) = make_codes(1, round_id=world.oak_round)
    young = app.test_client()
    assert "We plan menus with you." in young.get(f"/r/{code}").get_data(as_text=True)
    write("en-GB", "You said the food was boring.", "We now cook with you on Sundays.")
    page = young.get(f"/r/{code}").get_data(as_text=True)
    assert "We now cook" not in page and "We plan menus" not in page
    detail = as_role("home_manager").get(f"/staff/actions/{action}").get_data(as_text=True)
    assert "The lines need approving again." in detail and "Not approved yet" in detail
    _approve(as_role, action)
    assert "We now cook with you on Sundays." in young.get(f"/r/{code}").get_data(as_text=True)


def test_the_young_persons_language_is_used_when_translated(as_role, approved_action, app, world):
    """Lines in the respondent's language first, then its base language, then English."""
    action, write = approved_action
    write("en-GB", "You said the food was boring.", "We plan menus with you.")
    write("pl", "Mówiliście, że jedzenie jest nudne.", "Planujemy z wami jadłospis.")
    _approve(as_role, action)
    with app.app_context():
        polish = approved_lines_for(world.oak_home, "pl-PL")
        english = approved_lines_for(world.oak_home, "en-GB")
        welsh = approved_lines_for(world.oak_home, "cy")
    assert [(x.language, x.we_did) for x in polish] == [("pl", "Planujemy z wami jadłospis.")]
    assert english[0].we_did == "We plan menus with you." == welsh[0].we_did


def test_only_the_newest_few_show_and_cancelled_ones_never(
    as_role, oak_visit, propose_on_plan, move, app, world
):
    """Newest approval first, at most three; a cancelled action's lines are withdrawn."""
    manager = as_role("home_manager")
    made = []
    for n in range(4):
        action = propose_on_plan(manager, oak_visit, f"Action {n}")
        move(as_role("service_manager"), action, "approved")
        manager.post(
            f"/staff/actions/{action}/lines",
            data={"language": "en-GB", "you_said": f"said {n}", "we_did": f"did {n}"},
        )
        _approve(as_role, action)
        made.append(action)
    with app.app_context():
        assert [x.we_did for x in approved_lines_for(world.oak_home, "en-GB")] == [
            "did 3",
            "did 2",
            "did 1",
        ]
    move(as_role("service_manager"), made[3], "cancelled", "Not going ahead.")
    with app.app_context():
        shown = [x.we_did for x in approved_lines_for(world.oak_home, "en-GB")]
    assert shown == ["did 2", "did 1", "did 0"]


def test_a_respondent_page_asks_for_the_lines_in_one_query(
    as_role, approved_action, app, world, make_codes
):
    """The welcome page is a hot path: the lines cost one statement, however many there are."""
    from survey_app.extensions import db

    action, write = approved_action
    write("en-GB", "You said the food was boring.", "We plan menus with you.")
    write("pl", "Jedzenie nudne.", "Jadłospis z wami.")
    _approve(as_role, action)
    (code,) = make_codes(1, round_id=world.oak_round)
    statements = []
    with app.app_context():
        engine = db.engine

    def seen(conn, cursor, statement, *args):
        if "action_line" in statement:
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        page = app.test_client().get(f"/r/{code}").get_data(as_text=True)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert "We plan menus with you." in page
    assert len(statements) == 1


def test_service_wide_lines_reach_every_home_of_that_service_only(
    as_role, world, app, make_codes, make_home, make_round, user_id, today
):
    """An action for every home of a service shows at its homes, not at another service's."""
    service_manager = as_role("service_manager")
    made = service_manager.post(
        "/staff/actions/new",
        data={
            "title": "Pocket money policy",
            "place": f"service:{_service_of(app, world.oak_home)}",
            "owner": str(user_id("service_manager")),
            "due_on": (today + timedelta(days=30)).isoformat(),
            "source_kind": "thematic_review",
            "source_reference": "Thematic review: money",
        },
    )
    assert made.status_code == 303, made.get_data(as_text=True)
    action = int(made.headers["Location"].rsplit("/", 1)[1])
    service_manager.post(f"/staff/actions/{action}/move", data={"to": "approved"})
    service_manager.post(
        f"/staff/actions/{action}/lines",
        data={"language": "en-GB", "you_said": "Money rules unfair.", "we_did": "New rules."},
    )
    service_manager.post(f"/staff/actions/{action}/lines/approve")
    (oak,) = make_codes(1, round_id=world.oak_round)
    (bee,) = make_codes(1, round_id=world.bee_round)
    young = app.test_client()
    assert "New rules." in young.get(f"/r/{oak}").get_data(as_text=True)
    assert "New rules." not in young.get(f"/r/{bee}").get_data(as_text=True)


def test_professionals_pages_do_not_show_young_peoples_lines(
    as_role, approved_action, app, world, make_codes
):
    """The lines speak to young people; a professional's welcome page does not carry them."""
    action, write = approved_action
    write("en-GB", "You said the food was boring.", "We plan menus with you.")
    _approve(as_role, action)
    (code,) = make_codes(1, round_id=world.oak_pro_round)
    assert "We plan menus" not in app.test_client().get(f"/r/{code}").get_data(as_text=True)


def test_the_six_monthly_report_gets_plain_rows(as_role, approved_action, app, world, today):
    """you_said_we_did_for_period: the lines approved in the period, per language, as dicts."""
    action, write = approved_action
    write("en-GB", "You said the food was boring.", "We plan menus with you.")
    write("pl", "Jedzenie nudne.", "Jadłospis z wami.")
    _approve(as_role, action)
    with app.app_context():
        from survey_app.extensions import db
        from survey_app.models import Home

        rows = you_said_we_did_for_period(today - timedelta(days=1), today)
        for_bee = you_said_we_did_for_period(
            today - timedelta(days=1), today, db.session.get(Home, world.bee_home)
        )
        before = you_said_we_did_for_period(date(2000, 1, 1), today - timedelta(days=1))
    assert [(r["home"], r["language"], r["we_did"]) for r in rows] == [
        ("OAK", "en-GB", "We plan menus with you."),
        ("OAK", "pl", "Jadłospis z wami."),
    ]
    assert rows[0]["approved_on"] == today and rows[0]["title"] == "Plan menus"
    assert for_bee == [] and before == []


def _service_of(app, home_id):
    from survey_app.extensions import db
    from survey_app.models import Home

    with app.app_context():
        return db.session.get(Home, home_id).service_id
