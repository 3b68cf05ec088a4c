"""The §7.1 QA schedule: generated ahead by the tick, Ofsted-driven reviews, done, added by hand."""

from __future__ import annotations

import json
from datetime import date

import pytest

from survey_app.extensions import db
from survey_app.models import Home, QaOccurrence


def schedule_rows(invoke) -> list[dict]:
    result = invoke("export", "schedule", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def dues(rows, activity, home=None, service=None) -> list[str]:
    return [
        r["due"]
        for r in rows
        if r["activity"] == activity
        and r["home"] == home
        and (service is None or r["service"] == service)
    ]


def rate(signed_in, people, in_app, home_id, code, name, rating, inspected):
    """An administrator records the home's Ofsted rating and inspection date."""
    service_id = in_app(lambda: db.session.get(Home, home_id).service_id)
    response = signed_in("admin").post(
        f"/staff/admin/homes/{home_id}",
        data={
            "code": code,
            "name": name,
            "service": service_id,
            "registered_manager": 0,
            "ofsted_rating": rating,
            "ofsted_inspected_on": inspected,
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)


def occurrence_id(activity: str, home_id: int, due: date) -> int:
    stmt = db.select(QaOccurrence.id).filter_by(activity_id=activity, home_id=home_id, due_on=due)
    return db.session.execute(stmt).scalar_one()


def test_an_inadequate_home_gets_weekly_monitoring_reviews(invoke, signed_in, people, in_app):
    """Inspected Fri 27 Feb 2026, rated inadequate: a review each week, Good Friday moved back."""
    rate(signed_in, people, in_app, people.bee, "BEE", "Beech Cottage", "inadequate", "2026-02-27")
    assert invoke("schedule", "tick", "--today", "2026-03-02").exit_code == 0
    assert dues(schedule_rows(invoke), "qa_monitoring_review", "BEE") == [
        "2026-03-06",
        "2026-03-13",
        "2026-03-20",
        "2026-03-27",
        "2026-04-02",  # Friday 3 April is Good Friday
        "2026-04-10",
        "2026-04-17",
        "2026-04-24",
    ]


def test_requires_improvement_means_every_two_weeks_and_good_means_none(
    invoke, signed_in, people, in_app
):
    """Requires improvement: fortnightly from the inspection; a good home gets none generated."""
    rate(
        signed_in,
        people,
        in_app,
        people.bee,
        "BEE",
        "Beech Cottage",
        "requires_improvement",
        "2026-02-27",
    )
    rate(signed_in, people, in_app, people.oak, "OAK", "Oak House", "good", "2026-02-27")
    invoke("schedule", "tick", "--today", "2026-03-02")
    rows = schedule_rows(invoke)
    assert dues(rows, "qa_monitoring_review", "BEE") == [
        "2026-03-13",
        "2026-03-27",
        "2026-04-10",
        "2026-04-24",
    ]
    assert dues(rows, "qa_monitoring_review", "OAK") == []


def test_completed_ofsted_actions_end_the_reviews(invoke, signed_in, people, in_app, on_day):
    """Once the QA team records the actions complete, later reviews go and do not come back."""
    rate(signed_in, people, in_app, people.bee, "BEE", "Beech Cottage", "inadequate", "2026-02-27")
    invoke("schedule", "tick", "--today", "2026-03-02")
    on_day(date(2026, 3, 23))
    saved = signed_in("qa_team").post(
        f"/staff/schedule/homes/{people.bee}/ofsted", data={"completed_on": "2026-03-20"}
    )
    assert saved.status_code == 303
    invoke("schedule", "tick", "--today", "2026-03-23")
    assert dues(schedule_rows(invoke), "qa_monitoring_review", "BEE") == [
        "2026-03-06",
        "2026-03-13",
    ]
    future = signed_in("qa_team").post(
        f"/staff/schedule/homes/{people.bee}/ofsted", data={"completed_on": "2026-04-20"}
    )
    assert future.status_code == 422 and "still to come" in future.get_data(as_text=True)


def test_regular_activities_fall_on_their_days(invoke, people):
    """Monthly on the last working day, weekly on Fridays per service, dip samples in odd months."""
    invoke("schedule", "tick", "--today", "2026-03-02")
    rows = schedule_rows(invoke)
    assert dues(rows, "fire_safety", "OAK") == ["2026-03-31"]  # 30 April is past the 8 weeks
    assert dues(rows, "safeguarding_monitoring", service="North and West")[:3] == [
        "2026-03-06",
        "2026-03-13",
        "2026-03-20",
    ]
    assert dues(rows, "dip_sample", service="North and West") == ["2026-03-31"]
    assert dues(rows, "reg44_visit", "OAK") == []  # visits are planned as visits
    before = len(rows)
    invoke("schedule", "tick", "--today", "2026-03-02")
    assert len(schedule_rows(invoke)) == before


def test_the_responsible_role_or_the_qa_team_marks_it_done(
    invoke, signed_in, people, in_app, on_day
):
    """Fire safety is the home manager's: they and QA may mark it done; others may not."""
    invoke("schedule", "tick", "--today", "2026-03-02")
    on_day(date(2026, 4, 2))
    item = in_app(occurrence_id, "fire_safety", people.oak, date(2026, 3, 31))
    url = f"/staff/schedule/qa/{item}"
    done = {"done_on": "2026-04-01", "outcome": "Fire doors checked", "exception": ""}
    assert signed_in("service_manager").get(url).status_code == 200
    assert signed_in("service_manager").post(url, data=done).status_code == 403
    assert signed_in("bee_manager").get(url).status_code == 404
    manager = signed_in("home_manager")
    assert manager.post(url, data={**done, "outcome": ""}).status_code == 422
    future = manager.post(url, data={**done, "done_on": "2026-04-03"})
    assert future.status_code == 422 and "still to come" in future.get_data(as_text=True)
    assert manager.post(url, data=done).status_code == 303
    page = manager.get(url).get_data(as_text=True)
    assert "Fire doors checked" in page and "1 April 2026" in page
    exception = {**done, "exception": "Alarm panel fault reported"}
    assert signed_in("qa_team").post(url, data=exception).status_code == 303


def test_overdue_items_are_listed_per_home_service_and_council(
    invoke, signed_in, people, in_app, on_day
):
    """After the month's end, fire safety is overdue on the home's, the service's and QA's lists."""
    invoke("schedule", "tick", "--today", "2026-03-02")
    on_day(date(2026, 4, 2))
    service = in_app(lambda: db.session.get(Home, people.oak).service_id)
    qa = signed_in("qa_team")
    for query in (f"home={people.oak}&", f"service={service}&", ""):
        page = qa.get(f"/staff/schedule/qa?{query}status=overdue").get_data(as_text=True)
        assert "Fire safety" in page and "31 March 2026" in page, query
    manager = signed_in("home_manager").get("/staff/").get_data(as_text=True)
    assert "Fire safety" in manager.split('id="section-schedule"')[1]
    beech = qa.get(f"/staff/schedule/qa?home={people.bee}&status=overdue").get_data(as_text=True)
    assert "<td>Beech Cottage (BEE)</td>" in beech and "<td>Oak House (OAK)</td>" not in beech


@pytest.mark.parametrize("query", ["status=soon", "home=abc", "service=x1"])
def test_nonsense_filters_are_400(signed_in, people, query):
    assert signed_in("qa_team").get(f"/staff/schedule/qa?{query}").status_code == 400


def test_other_homes_and_services_are_404_in_filters(signed_in, people, in_app):
    service = in_app(lambda: db.session.get(Home, people.bee).service_id)
    manager = signed_in("home_manager")
    assert manager.get(f"/staff/schedule/qa?home={people.bee}").status_code == 404
    assert manager.get(f"/staff/schedule/qa?service={service}").status_code == 404


def test_ad_hoc_activities_are_added_by_hand(signed_in, people, in_app, on_day, audit_log):
    """A thematic review for a service; a duplicate, or a home activity for a service, refused."""
    on_day(date(2026, 3, 2))
    service = in_app(lambda: db.session.get(Home, people.oak).service_id)
    qa = signed_in("qa_team")
    data = {
        "activity": "thematic_review",
        "place": f"service:{service}",
        "due_on": "2026-03-20",
        "note": "Missing-from-care episodes",
    }
    added = qa.post("/staff/schedule/qa", data=data)
    assert added.status_code == 303
    page = qa.get(added.headers["Location"]).get_data(as_text=True)
    assert "Thematic review" in page and "Missing-from-care episodes" in page
    again = qa.post("/staff/schedule/qa", data=data)
    assert again.status_code == 422 and "already due on 20 March 2026" in again.get_data(
        as_text=True
    )
    wrong = qa.post("/staff/schedule/qa", data={**data, "activity": "scheduled_full_audit"})
    assert wrong.status_code == 422 and "choose one" in wrong.get_data(as_text=True)
    audit = qa.post(
        "/staff/schedule/qa",
        data={**data, "activity": "scheduled_full_audit", "place": f"home:{people.oak}"},
    )
    assert audit.status_code == 303
    assert [e["action"] for e in audit_log()].count("qa.added") == 2
    assert signed_in("home_manager").post("/staff/schedule/qa", data=data).status_code == 403
    other = signed_in("service_manager").post(
        "/staff/schedule/qa", data={**data, "place": f"home:{people.bee}"}
    )
    assert other.status_code == 422  # Beech Cottage is not among the choices offered to them


def test_an_activity_no_longer_in_the_file_still_shows_and_only_qa_closes_it(
    signed_in, people, in_app, on_day
):
    """An occurrence of an activity since removed from qa_activities.toml is kept and shown."""
    on_day(date(2026, 4, 2))

    def add_old() -> int:
        found = QaOccurrence(
            activity_id="old_audit",
            home_id=people.oak,
            scope_key=f"home:{people.oak}",
            due_on=date(2026, 3, 31),
        )
        db.session.add(found)
        db.session.commit()
        return found.id

    url = f"/staff/schedule/qa/{in_app(add_old)}"
    done = {"done_on": "2026-04-01", "outcome": "Closed off", "exception": ""}
    page = signed_in("home_manager").get(url)
    assert page.status_code == 200 and "old_audit" in page.get_data(as_text=True)
    assert signed_in("home_manager").post(url, data=done).status_code == 403
    assert signed_in("qa_team").post(url, data=done).status_code == 303
    assert "old_audit" in signed_in("qa_team").get("/staff/schedule/qa?status=done").get_data(
        as_text=True
    )
