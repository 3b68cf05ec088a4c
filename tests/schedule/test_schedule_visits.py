"""Reg 44 visits: planning, recording, findings, late reports on the right people's dashboards."""

from __future__ import annotations

from datetime import date

import pytest

from survey_app.extensions import db
from survey_app.models import Visit


def visit_facts(visit_id: int) -> dict:
    visit = db.session.get(Visit, visit_id)
    return {
        "date": visit.visit_date,
        "visitor": visit.visitor_name,
        "done": visit.done_on,
        "completed": visit.report_completed_on,
        "sent": visit.report_sent_on,
        "findings": [(f.kind, f.text) for f in visit.findings],
    }


def test_a_late_report_across_bank_holidays_is_overdue_on_three_dashboards(plan, signed_in, on_day):
    """Visit 14 April 2025; Good Friday, Easter Monday and 5 May do not count: due 19 May.

    On 23 May the unsent report is 4 working days overdue, on the visitor's, the home manager's
    and the service manager's dashboards, and on no dashboard of a home manager elsewhere.
    """
    on_day(date(2025, 4, 1))
    [visit_id] = plan(date(2025, 4, 14))
    on_day(date(2025, 4, 25))
    visitor = signed_in("reg44_visitor")
    recorded = visitor.post(
        f"/staff/schedule/visits/{visit_id}/outcome",
        data={"done_on": "2025-04-14", "report_completed_on": "2025-04-25", "report_sent_on": ""},
    )
    assert recorded.status_code == 303

    on_day(date(2025, 5, 23))
    for name in ("reg44_visitor", "home_manager", "service_manager", "qa_team"):
        section = (
            signed_in(name).get("/staff/").get_data(as_text=True).split('id="section-schedule"')[1]
        )
        assert "Not sent: 4 working days overdue" in section, name
        assert "Oak House" in section
    elsewhere = signed_in("bee_manager").get("/staff/").get_data(as_text=True)
    assert "Oak House" not in elsewhere and "working days overdue" not in elsewhere

    page = visitor.get(f"/staff/schedule/visits/{visit_id}").get_data(as_text=True)
    assert "19 May 2025" in page and "28 April 2025" in page


def test_sent_on_time_is_no_longer_overdue(plan, signed_in, on_day):
    """Recording the day the report was sent takes it off the overdue list."""
    on_day(date(2025, 4, 1))
    [visit_id] = plan(date(2025, 4, 14))
    on_day(date(2025, 5, 23))
    visitor = signed_in("reg44_visitor")
    visitor.post(
        f"/staff/schedule/visits/{visit_id}/outcome",
        data={
            "done_on": "2025-04-14",
            "report_completed_on": "2025-04-25",
            "report_sent_on": "2025-05-16",
        },
    )
    section = visitor.get("/staff/").get_data(as_text=True).split('id="section-schedule"')[1]
    assert "None overdue." in section
    assert "Sent on time" in visitor.get(f"/staff/schedule/visits/{visit_id}").get_data(
        as_text=True
    )


def test_planning_a_series_keeps_the_day_of_the_month(plan, in_app, on_day, people):
    """Planning three monthly visits from 31 January gives 31 Jan, 28 Feb and 31 Mar."""
    on_day(date(2026, 1, 5))
    ids = plan(date(2026, 1, 31), count=3)
    assert [in_app(visit_facts, i)["date"] for i in ids] == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
    ]
    assert in_app(visit_facts, ids[0])["visitor"] == "Reg44 Visitor"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"visit_date": "31/01/2026", "visitor": 0, "count": 1}, "Enter a real date"),
        ({"visit_date": "2026-01-31", "visitor": 0, "count": 13}, "Choose between 1 and 12"),
        ({"visit_date": "2024-01-31", "visitor": 0, "count": 1}, "more than a year ago"),
        ({"visit_date": "2026-01-31", "visitor": 999, "count": 1}, "Not a valid choice"),
    ],
)
def test_bad_plans_are_refused_kindly(signed_in, people, on_day, in_app, data, message):
    """Each bad plan gets a 422 with its message; nothing is saved."""
    on_day(date(2026, 1, 5))
    response = signed_in("qa_team").post(f"/staff/schedule/homes/{people.oak}/visits", data=data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert in_app(lambda: db.session.execute(db.select(db.func.count(Visit.id))).scalar()) == 0


def test_a_visitor_who_does_not_cover_the_home_cannot_be_chosen(signed_in, people, make_user):
    """Only Reg 44 visitors assigned to the home are offered, and only they are accepted."""
    other = make_user("reg44_visitor", email="far@example.org", homes=("BEE",))
    response = signed_in("qa_team").post(
        f"/staff/schedule/homes/{people.oak}/visits",
        data={"visit_date": "2026-12-01", "visitor": other, "count": 1},
    )
    assert response.status_code == 422


def test_the_same_day_cannot_be_planned_twice(plan, signed_in, people, on_day):
    on_day(date(2026, 1, 5))
    plan(date(2026, 2, 10))
    again = signed_in("qa_team").post(
        f"/staff/schedule/homes/{people.oak}/visits",
        data={"visit_date": "2026-02-10", "visitor": 0, "count": 1},
    )
    assert again.status_code == 422
    assert "already has a visit on 10 February 2026" in again.get_data(as_text=True)


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        (("2026-02-10", "", "2026-02-20"), "record its completion date too"),
        (("2026-02-10", "2026-02-20", "2026-02-15"), "sent after it is completed"),
        (("2026-02-10", "2026-03-20", ""), "a day still to come"),
        (("2026-02-01", "", ""), "before the visit"),
        (("", "2026-02-20", ""), "Record the day of the visit"),
        (("10 Feb", "", ""), "Enter a real date"),
    ],
)
def test_impossible_visit_dates_are_refused(plan, signed_in, on_day, in_app, dates, message):
    """Dates in the future, before the visit or in the wrong order: 422, nothing changed."""
    on_day(date(2026, 1, 5))
    [visit_id] = plan(date(2026, 2, 10))
    on_day(date(2026, 3, 1))
    done, completed, sent = dates
    response = signed_in("reg44_visitor").post(
        f"/staff/schedule/visits/{visit_id}/outcome",
        data={"done_on": done, "report_completed_on": completed, "report_sent_on": sent},
    )
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert in_app(visit_facts, visit_id)["done"] is None


def test_findings_are_recorded_after_the_visit(plan, signed_in, on_day, in_app, audit_log):
    """The visitor adds a good and an adverse finding; both show on the visit page, audited."""
    on_day(date(2026, 1, 5))
    [visit_id] = plan(date(2026, 2, 10))
    visitor = signed_in("reg44_visitor")
    early = visitor.post(
        f"/staff/schedule/visits/{visit_id}/findings", data={"kind": "good", "text": "Warm welcome"}
    )
    assert early.status_code == 422 and "once the visit has happened" in early.get_data(
        as_text=True
    )

    on_day(date(2026, 2, 11))
    for kind, text in (
        ("good", "Key work sessions are <b>regular</b>."),
        ("adverse", "Fire door wedged open."),
    ):
        assert (
            visitor.post(
                f"/staff/schedule/visits/{visit_id}/findings", data={"kind": kind, "text": text}
            ).status_code
            == 303
        )
    page = visitor.get(f"/staff/schedule/visits/{visit_id}").get_data(as_text=True)
    assert "Particularly good:</strong> Key work sessions are &lt;b&gt;regular&lt;/b&gt;." in page
    assert "Adverse:</strong> Fire door wedged open." in page
    assert len(in_app(visit_facts, visit_id)["findings"]) == 2
    assert [e["action"] for e in audit_log()].count("visit.finding_added") == 2

    empty = visitor.post(
        f"/staff/schedule/visits/{visit_id}/findings", data={"kind": "good", "text": " "}
    )
    assert empty.status_code == 422 and "Write the finding" in empty.get_data(as_text=True)
    long = visitor.post(
        f"/staff/schedule/visits/{visit_id}/findings", data={"kind": "adverse", "text": "x" * 301}
    )
    assert long.status_code == 422 and "300 characters" in long.get_data(as_text=True)


def test_a_planned_visit_moves_or_is_cancelled_until_its_rounds_open(
    plan, signed_in, on_day, invoke, in_app
):
    """Before its rounds open a visit can move or be cancelled; after, its date is kept."""
    on_day(date(2026, 1, 5))
    first, second = plan(date(2026, 2, 10), count=2)
    qa = signed_in("qa_team")
    moved = qa.post(
        f"/staff/schedule/visits/{second}/plan", data={"visit_date": "2026-03-12", "visitor": 0}
    )
    assert moved.status_code == 303
    assert in_app(visit_facts, second)["date"] == date(2026, 3, 12)
    assert qa.post(f"/staff/schedule/visits/{second}/cancel").status_code == 303
    assert in_app(lambda: db.session.get(Visit, second)) is None

    invoke("schedule", "tick", "--today", "2026-01-27")
    refused = qa.post(
        f"/staff/schedule/visits/{first}/plan", data={"visit_date": "2026-02-12", "visitor": 0}
    )
    assert refused.status_code == 422
    assert "Survey rounds have already opened" in refused.get_data(as_text=True)
    assert qa.post(f"/staff/schedule/visits/{first}/cancel").status_code == 422
