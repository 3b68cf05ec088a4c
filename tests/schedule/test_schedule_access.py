"""Every role against every schedule page and form: allowed, or refused with nothing revealed."""

from __future__ import annotations

import re
from datetime import date

import pytest

from survey_app.extensions import db
from survey_app.models import QaOccurrence, Service, ThemePin, Visit

ALL = {"admin", "qa_team", "qpag_chair", "service_manager", "home_manager", "reg44_visitor"}
EVERYWHERE = {"admin", "qa_team", "qpag_chair"}  # the roles that cover every home

PAGES = [
    ("/staff/schedule/homes/{oak}", ALL),
    ("/staff/schedule/homes/{bee}", EVERYWHERE),
    ("/staff/schedule/visits/{oak_visit}", ALL),
    ("/staff/schedule/visits/{bee_visit}", EVERYWHERE),
    ("/staff/schedule/qa", ALL),
    ("/staff/schedule/qa?status=done", ALL),
    ("/staff/schedule/qa?home={bee}", EVERYWHERE),
    ("/staff/schedule/qa/{oak_item}", ALL),
    ("/staff/schedule/qa/{bee_item}", EVERYWHERE),
    ("/staff/schedule/qa/{north_item}", EVERYWHERE | {"service_manager"}),
    ("/staff/schedule/qa/{south_item}", EVERYWHERE),
    ("/staff/schedule/themes", {"qa_team"}),
    ("/staff/schedule/fatigue", {"qa_team"}),
    ("/staff/schedule/calendar", ALL),
]
VISIT = {"visit_date": "2026-03-10", "visitor": 0, "count": 1}
DONE = {"done_on": "2026-01-20", "outcome": "Done", "exception": ""}
POSTS = [
    ("/staff/schedule/homes/{oak}/visits", VISIT, {"admin", "qa_team", "service_manager"}),
    ("/staff/schedule/homes/{bee}/visits", VISIT, {"admin", "qa_team"}),
    ("/staff/schedule/homes/{oak}/ofsted", {"completed_on": ""}, {"qa_team", "service_manager"}),
    ("/staff/schedule/homes/{bee}/ofsted", {"completed_on": ""}, {"qa_team"}),
    (
        "/staff/schedule/visits/{oak_visit}/outcome",
        {"done_on": "2026-01-10"},
        {"qa_team", "reg44_visitor"},
    ),
    ("/staff/schedule/visits/{bee_visit}/outcome", {"done_on": "2026-01-12"}, {"qa_team"}),
    (
        "/staff/schedule/visits/{oak_visit}/findings",
        {"kind": "good", "text": "Calm"},
        {"qa_team", "reg44_visitor"},
    ),
    ("/staff/schedule/visits/{bee_visit}/findings", {"kind": "good", "text": "Calm"}, {"qa_team"}),
    (
        "/staff/schedule/visits/{oak_visit}/plan",
        {"visit_date": "2026-01-10", "visitor": 0},
        {"admin", "qa_team", "service_manager"},
    ),
    ("/staff/schedule/visits/{bee_visit}/cancel", {}, {"admin", "qa_team"}),
    ("/staff/schedule/qa/{oak_item}", DONE, {"qa_team", "home_manager"}),
    ("/staff/schedule/qa/{bee_item}", DONE, {"qa_team"}),
    ("/staff/schedule/qa/{north_item}", DONE, {"qa_team", "service_manager"}),
    (
        "/staff/schedule/qa",
        {"activity": "scheduled_full_audit", "place": "home:{oak}", "due_on": "2026-02-02"},
        {"qa_team", "service_manager"},
    ),
    ("/staff/schedule/themes/retire", {"theme": "young_people:being_heard"}, {"qa_team"}),
    ("/staff/schedule/themes/restore", {"theme": "young_people:being_heard"}, {"qa_team"}),
    (
        "/staff/schedule/themes/pins",
        {"home": "{oak}", "theme": "staff:training_and_practice"},
        {"qa_team"},
    ),
    ("/staff/schedule/themes/pins/{pin}/remove", {}, {"qa_team"}),
    ("/staff/schedule/run", {}, {"admin", "qa_team"}),
    ("/staff/schedule/calendar/issue", {}, ALL),
    ("/staff/schedule/calendar/revoke", {}, ALL),
]


def _ids(people) -> dict:
    """The ids the URL templates name."""

    def item(activity, **where):
        stmt = db.select(QaOccurrence.id).filter_by(activity_id=activity, **where)
        return db.session.execute(stmt.order_by(QaOccurrence.due_on)).scalars().first()

    def service(name):
        return db.session.execute(db.select(Service.id).filter_by(name=name)).scalar_one()

    def visit(home_id):
        return db.session.execute(db.select(Visit.id).filter_by(home_id=home_id)).scalar_one()

    return {
        "oak": people.oak,
        "bee": people.bee,
        "oak_visit": visit(people.oak),
        "bee_visit": visit(people.bee),
        "oak_item": item("fire_safety", home_id=people.oak),
        "bee_item": item("fire_safety", home_id=people.bee),
        "north_item": item("gdpr", service_id=service("North and West")),
        "south_item": item("gdpr", service_id=service("South and East")),
        "pin": db.session.execute(db.select(ThemePin.id)).scalar_one(),
    }


@pytest.fixture
def ids(people, plan, on_day, invoke, signed_in, in_app) -> dict:
    """A visit at each home, the QA schedule generated, a pinned theme; 'today' after the visits."""
    on_day(date(2026, 1, 5))
    plan(date(2026, 1, 10))
    plan(date(2026, 1, 12), home="bee")
    invoke("schedule", "tick", "--today", "2026-01-05")
    signed_in("qa_team").post(
        "/staff/schedule/themes/pins",
        data={"home": people.oak, "theme": "families:keeping_in_touch"},
    )
    on_day(date(2026, 1, 20))
    return in_app(_ids, people)


def _fill(value, ids):
    return value.format(**ids) if isinstance(value, str) else value


def _problem(response, role: str, allowed: set[str]) -> str | None:
    body = response.get_data(as_text=True)
    if role in allowed:
        return None if response.status_code in (200, 303, 422) else f"got {response.status_code}"
    if response.status_code not in (403, 404):
        return f"expected 403/404, got {response.status_code}"
    # Flashed notes of the role's own earlier, allowed changes may ride along; they are not a leak.
    body = re.sub(r'<p class="notice" role="status">.*?</p>', "", body)
    if "Beech Cottage" in body or "BEE" in body:
        return "refused, but another home's name or code is on the page"
    return None


@pytest.mark.parametrize("role", sorted(ALL))
def test_each_role_sees_only_what_the_table_allows(role, ids, signed_in):
    """Every schedule page: allowed ones answer 200, others 403/404 and never show another home."""
    client = signed_in(role)
    problems = {}
    for template, allowed in PAGES:
        response = client.get(template.format(**ids))
        found = _problem(response, role, allowed)
        if found or (role in allowed and response.status_code != 200):
            problems[template] = found or f"not 200 but {response.status_code}"
    assert problems == {}


@pytest.mark.parametrize("role", sorted(ALL))
def test_each_role_may_change_only_what_the_table_allows(role, ids, signed_in):
    """Every schedule form: refused before anything happens for roles and homes not allowed."""
    client = signed_in(role)
    problems = {}
    for template, data, allowed in POSTS:
        filled = {key: _fill(value, ids) for key, value in data.items()}
        found = _problem(client.post(template.format(**ids), data=filled), role, allowed)
        if found:
            problems[template] = found
    assert problems == {}


def test_signed_out_visitors_are_sent_to_sign_in(app, ids):
    """Without a session every schedule page redirects to sign in, showing nothing."""
    client = app.test_client()
    for template, _ in PAGES:
        response = client.get(template.format(**ids))
        assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


def test_ids_that_do_not_exist_are_404(signed_in, people):
    client = signed_in("qa_team")
    for url in (
        "/staff/schedule/homes/999",
        "/staff/schedule/visits/999",
        "/staff/schedule/qa/999",
    ):
        assert client.get(url).status_code == 404
    assert client.post("/staff/schedule/themes/pins/999/remove").status_code == 404
    assert (
        client.post(
            "/staff/schedule/themes/retire", data={"theme": "young_people:nope"}
        ).status_code
        == 422
    )


def test_a_schedule_form_without_a_csrf_token_is_refused(staff_app, people, in_app):
    """With CSRF on, planning a visit without the page's token fails and plans nothing."""
    app = staff_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    token = _token(client.get("/staff/login"))
    client.post(
        "/staff/login",
        data={
            "email": people.emails["qa_team"],
            "password": "correct horse battery staple",
            "csrf_token": token,
        },
    )
    url = f"/staff/schedule/homes/{people.oak}/visits"
    refused = client.post(url, data=VISIT)
    assert refused.status_code == 400
    assert in_app(lambda: db.session.execute(db.select(db.func.count(Visit.id))).scalar()) == 0
    token = _token(client.get(f"/staff/schedule/homes/{people.oak}"))
    assert client.post(url, data={**VISIT, "csrf_token": token}).status_code == 303


def _token(response) -> str:
    return (
        response.get_data(as_text=True)
        .split('name="csrf_token" type="hidden" value="')[1]
        .split('"')[0]
    )
