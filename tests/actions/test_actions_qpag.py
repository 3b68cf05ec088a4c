"""QPAG meetings: recording one, the actions it agreed, and their status at every later meeting."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest


def _record(client, day, attendees="Chris (chair); Quinn (QA)", **extra):
    data = {"held_on": day.isoformat(), "attendees": attendees, **extra}
    response = client.post("/staff/qpag/new", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def _cells(page: str, title: str) -> list[str]:
    row = page.split(title)[1].split("</tr>")[0]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row)]


def test_the_tracker_shows_each_actions_status_at_every_later_meeting(
    as_role, world, user_id, travel, today
):
    """Agreed at one meeting, started before the next, done before the third: each shows so."""
    start = today - timedelta(days=90)

    def on(days):  # the clock moves on, and people sign in afresh
        travel(start + timedelta(days=days))
        return as_role("qpag_chair"), as_role("qa_team")

    chair, qa = on(0)
    first = _record(chair, start, reports_received="Monthly QPAG report")
    added = chair.post(
        f"/staff/actions/new?meeting={first}",
        data={
            "title": "Recruit two night staff",
            "place": f"home:{world.oak_home}",
            "owner": str(user_id("qa_team")),
            "due_on": (start + timedelta(days=40)).isoformat(),
        },
    )
    assert added.status_code == 303, added.get_data(as_text=True)
    action = int(added.headers["Location"].rsplit("/", 1)[1])
    chair, qa = on(20)
    assert qa.post(f"/staff/actions/{action}/move", data={"to": "in_progress"}).status_code == 303
    chair, qa = on(30)
    second = _record(chair, start + timedelta(days=30))
    chair, qa = on(45)
    done = qa.post(f"/staff/actions/{action}/move", data={"to": "done", "note": "Both in post."})
    assert done.status_code == 303
    chair, qa = on(60)
    _record(chair, start + timedelta(days=60))
    travel(today)
    chair = as_role("qpag_chair")

    page = chair.get(f"/staff/qpag/{first}").get_data(as_text=True)
    assert "Monthly QPAG report" in page
    assert _cells(page, "Recruit two night staff")[-4:] == [
        "approved",
        "in progress",
        "done",
        "done",
    ]
    later = chair.get(f"/staff/qpag/{second}").get_data(as_text=True)
    assert "No actions recorded as agreed at this meeting." in later
    tracker = as_role("service_manager").get("/staff/qpag/tracker").get_data(as_text=True)
    assert _cells(tracker, "Recruit two night staff")[-4:] == [
        "approved",
        "in progress",
        "done",
        "done",
    ]


def test_agreeing_a_proposed_action_at_qpag_approves_it(
    as_role, oak_visit, propose_on_plan, action_row, audit_log, today
):
    """A meeting that agrees a proposed action approves it, and says so in its history."""
    action = propose_on_plan(as_role("home_manager"), oak_visit, "Menus with young people")
    chair = as_role("qpag_chair")
    meeting = _record(chair, today, actions=[str(action)])
    page = chair.get(f"/staff/qpag/{meeting}").get_data(as_text=True)
    assert "Menus with young people" in page
    assert action_row(action).status == "approved"
    history = chair.get(f"/staff/actions/{action}").get_data(as_text=True)
    assert f"Approved. Agreed at the QPAG meeting on {today.day} " in history
    events = [e["action"] for e in audit_log()]
    assert "qpag.meeting_recorded" in events and "action.agreed" in events


def test_a_returned_action_cannot_be_agreed(as_role, oak_visit, propose_on_plan, today):
    """Returned actions wait on their proposer; the meeting is not recorded half-done."""
    action = propose_on_plan(as_role("home_manager"), oak_visit, "Menus")
    as_role("service_manager").post(
        f"/staff/actions/{action}/move", data={"to": "returned", "note": "Add a date."}
    )
    chair = as_role("qpag_chair")
    response = chair.post(
        "/staff/qpag/new",
        data={"held_on": today.isoformat(), "attendees": "Chris", "actions": [str(action)]},
    )
    assert response.status_code == 409
    assert "“Menus” is returned for changes; it cannot be agreed." in response.get_data(
        as_text=True
    )
    assert "No meetings recorded yet." in chair.get("/staff/qpag").get_data(as_text=True)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"held_on": "", "attendees": "Chris"}, "Give the date the meeting was held."),
        ({"held_on": "next week", "attendees": "Chris"}, "Write the date as year-month-day"),
        ({"held_on": "2999-01-01", "attendees": "Chris"}, "once it has been held"),
        ({"held_on": "2026-01-01", "attendees": ""}, "List who attended."),
    ],
)
def test_a_bad_meeting_is_refused_kindly(as_role, world, data, message):
    """422 with the reason; the reports typed are kept; no meeting is recorded."""
    chair = as_role("qpag_chair")
    response = chair.post("/staff/qpag/new", data={**data, "reports_received": "KPI review"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page and "KPI review" in page
    assert "No meetings recorded yet." in chair.get("/staff/qpag").get_data(as_text=True)


def test_dip_samples_completed_since_the_last_meeting_go_to_the_next(
    app, as_role, world, user_id, today
):
    """A dip sample's findings appear at the first meeting after it was completed."""
    from survey_app.actions import dip_samples
    from survey_app.extensions import db

    with app.app_context():
        sample = dip_samples.request_for_month(today.replace(month=1, day=10) - timedelta(days=365))
        db.session.commit()
        sample_id = sample.id
    qa, chair = as_role("qa_team"), as_role("qpag_chair")
    before = _record(chair, today - timedelta(days=40))
    qa.post(
        f"/staff/dip-samples/{sample_id}/assign",
        data={
            "area": "Return interviews",
            "assigned_to": str(user_id("service_manager")),
            "due_on": today.isoformat(),
        },
    )
    recorded = as_role("service_manager").post(
        f"/staff/dip-samples/{sample_id}/findings",
        data={
            "findings": "One record lacked the young person's words.",
            "completed_on": (today - timedelta(days=20)).isoformat(),
        },
    )
    assert recorded.status_code == 303
    after = _record(chair, today - timedelta(days=5))
    assert "Return interviews" not in chair.get(f"/staff/qpag/{before}").get_data(as_text=True)
    page = chair.get(f"/staff/qpag/{after}").get_data(as_text=True)
    assert "Return interviews" in page and "lacked the young person" in page
