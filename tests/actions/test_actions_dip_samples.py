"""Dip samples (§8.5): the tick requests one every other month, once; QA assigns it; findings."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize(
    ("days", "requested"),
    [
        (("2027-01-04", "2027-01-05", "2027-01-29"), ["2027-01"]),
        (("2027-02-01", "2027-02-28"), []),
        (("2027-01-04", "2027-02-01", "2027-03-01", "2027-03-02"), ["2027-01", "2027-03"]),
        (("2027-11-30", "2027-12-01", "2028-01-03"), ["2027-11", "2028-01"]),
    ],
)
def test_the_tick_requests_a_dip_sample_every_other_month_once(invoke, as_role, days, requested):
    """Odd months (January, March ...) get one request, however often the tick runs."""
    said = []
    for day in days:
        result = invoke("actions", "tick", "--today", day)
        assert result.exit_code == 0, result.output
        said += [line for line in result.output.splitlines() if line.startswith("Dip sample")]
    assert len(said) == len(requested)
    page = as_role("qa_team").get("/staff/dip-samples").get_data(as_text=True)
    for month in requested:
        year, number = map(int, month.split("-"))
        assert date(year, number, 1).strftime("%B %Y") in " ".join(said)
    assert page.count("not assigned yet") == len(requested)


def test_a_request_is_audited_and_due_on_the_months_last_working_day(invoke, audit_log):
    """The due date is the schedule's: the last working day of the month."""
    result = invoke("actions", "tick", "--today", "2027-07-01")
    assert "due 30 July 2027" in result.output  # 31 July 2027 is a Saturday
    events = [e for e in audit_log() if e["action"] == "dip_sample.requested"]
    assert len(events) == 1 and events[0]["detail"]["month"] == "2027-07-01"


def test_qa_assigns_and_the_assignee_records_findings(invoke, as_role, user_id, audit_log, travel):
    """Assigned to a service manager, whose findings are kept with the completion date."""
    travel(date(2027, 1, 4))
    invoke("actions", "tick")
    qa = as_role("qa_team")
    sample = int(
        qa.get("/staff/dip-samples")
        .get_data(as_text=True)
        .split('href="/staff/dip-samples/')[1]
        .split('"')[0]
    )
    refused = qa.post(
        f"/staff/dip-samples/{sample}/assign",
        data={"area": "Missing episodes", "assigned_to": "0", "due_on": "2027-01-29"},
    )
    assert refused.status_code == 422
    assert "Choose a service manager" in refused.get_data(as_text=True)
    assigned = qa.post(
        f"/staff/dip-samples/{sample}/assign",
        data={
            "area": "Missing episodes",
            "assigned_to": str(user_id("service_manager")),
            "due_on": "2027-01-29",
        },
    )
    assert assigned.status_code == 303
    manager = as_role("service_manager")
    early = manager.post(
        f"/staff/dip-samples/{sample}/findings",
        data={"findings": "All fine.", "completed_on": "2026-12-01"},
    )
    assert early.status_code == 422 and "cannot have been completed before" in early.get_data(
        as_text=True
    )
    done = manager.post(
        f"/staff/dip-samples/{sample}/findings",
        data={"findings": "9 of 10 return interviews on time.", "completed_on": "2027-01-04"},
    )
    assert done.status_code == 303
    page = manager.get(f"/staff/dip-samples/{sample}").get_data(as_text=True)
    assert "9 of 10 return interviews on time." in page and "North and West" in page
    actions = [e["action"] for e in audit_log() if e["target_type"] == "dip_sample"]
    assert actions == [
        "dip_sample.requested",
        "dip_sample.assigned",
        "dip_sample.findings_recorded",
    ]
