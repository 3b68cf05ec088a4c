"""`survey-app export actions` and the demo data: the loop visible to a newcomer."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from survey_app.actions.export import ACTION_COLUMNS

EXPECTED_COLUMNS = [
    "id", "title", "source", "raised_by", "home", "service", "owner", "status", "due", "done",
    "exception", "escalated_at", "escalation_note", "you_said", "we_did", "lines_approved_on",
    "translated_into",
]  # fmt: skip


@pytest.fixture
def demo(invoke):
    result = invoke("demo")
    assert result.exit_code == 0, result.output
    return result.output


def _export(invoke, fmt):
    result = invoke("export", "actions", "--format", fmt)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_csv_export_has_every_column_and_every_action(demo, invoke, audit_log):
    """Source, home, owner, status, due, done, escalated at and the lines, one row per action."""
    rows = list(csv.DictReader(io.StringIO(_export(invoke, "csv"))))
    assert list(rows[0]) == EXPECTED_COLUMNS == ACTION_COLUMNS
    menus = next(r for r in rows if r["you_said"] == "You said the food was boring.")
    assert menus["home"] == "OAK" and menus["source"] == "reg44_visit"
    assert menus["we_did"] == "We now plan menus with you every Sunday."
    assert menus["status"] == "done" and menus["done"] and menus["translated_into"] == "ar"
    escalated = [r for r in rows if r["escalated_at"]]
    assert escalated and all(r["escalation_note"] for r in escalated)
    events = [e for e in audit_log() if e["action"] == "export.actions"]
    assert events[-1]["detail"]["rows"] == len(rows) and events[-1]["origin"] == "cli"


def test_the_json_export_holds_the_same_rows(demo, invoke):
    """JSON carries the same columns, dates as ISO strings, nulls for what is not set."""
    rows = json.loads(_export(invoke, "json"))
    assert [list(r) for r in rows] == [EXPECTED_COLUMNS] * len(rows)
    service_wide = [r for r in rows if r["home"] is None]
    assert service_wide and service_wide[0]["service"] == "North and West"
    assert all(len(r["due"]) == 10 for r in rows)


def test_a_formula_in_a_title_is_kept_as_text_in_csv(
    app, as_role, oak_visit, propose_on_plan, invoke
):
    """A title starting with = is written so a spreadsheet shows it rather than runs it."""
    propose_on_plan(as_role("home_manager"), oak_visit, "=HYPERLINK(1)")
    rows = list(csv.DictReader(io.StringIO(_export(invoke, "csv"))))
    assert rows[0]["title"] == "'=HYPERLINK(1)"


def test_the_demo_shows_the_loop_working(demo, app, invoke, today):
    """Every status, some overdue, an escalation candidate, a meeting, a dip sample, and
    approved lines on Oak House's young people's welcome page."""
    rows = json.loads(_export(invoke, "json"))
    assert {r["status"] for r in rows} == {
        "proposed", "returned", "approved", "in_progress", "done", "cancelled",
    }  # fmt: skip
    open_ = [r for r in rows if r["status"] in ("proposed", "returned", "approved", "in_progress")]
    assert any(r["due"] < today.isoformat() for r in open_)
    chair = app.test_client()
    chair.post(
        "/staff/login",
        data={"email": "qpag.chair@demo.example", "password": "demo-password-change-me"},
    )
    listed = chair.get("/staff/actions/escalation").get_data(as_text=True)
    assert "Recruit two permanent night staff" in listed.split("Escalated, still open")[0]
    meetings = chair.get("/staff/qpag").get_data(as_text=True)
    assert len(re.findall(r'href="/staff/qpag/\d+"', meetings)) == 3
    assert "Monthly QPAG report" in chair.get("/staff/qpag/1").get_data(as_text=True)
    samples = chair.get("/staff/dip-samples").get_data(as_text=True)
    assert "Missing-from-home episodes" in samples
    codes = invoke("invite", "--home", "OAK", "--audience", "young_people", "--count", "1")
    url = codes.output.strip().splitlines()[-1]
    welcome = app.test_client().get(url.split("survey.test")[-1]).get_data(as_text=True)
    assert "You said the food was boring." in welcome
    assert "We have ordered a faster line" in welcome


def test_the_demo_does_not_run_twice(demo, invoke):
    """A second `survey-app demo` adds no actions."""
    before = len(json.loads(_export(invoke, "json")))
    invoke("demo")
    assert len(json.loads(_export(invoke, "json"))) == before
