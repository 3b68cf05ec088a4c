"""`survey-app export schedule|visits|rounds`: the schedule as CSV or JSON, audited."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from survey_app.extensions import db
from survey_app.models import QaOccurrence, Round
from survey_app.schedule.export_rows import ROUND_COLUMNS, SCHEDULE_COLUMNS, VISIT_COLUMNS


def test_visits_export_has_dates_deadlines_and_findings(plan, signed_in, on_day, invoke, audit_log):
    """One row per visit: its dates, visitor, both due dates and how many findings of each kind."""
    on_day(date(2025, 4, 1))
    [visit_id] = plan(date(2025, 4, 14))
    on_day(date(2025, 5, 23))
    visitor = signed_in("reg44_visitor")
    visitor.post(
        f"/staff/schedule/visits/{visit_id}/outcome",
        data={"done_on": "2025-04-14", "report_completed_on": "2025-04-25"},
    )
    visitor.post(
        f"/staff/schedule/visits/{visit_id}/findings",
        data={"kind": "adverse", "text": "Fire door wedged open"},
    )
    result = invoke("export", "visits", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == VISIT_COLUMNS
    assert rows[0] == {
        "home": "OAK",
        "visit_date": "2025-04-14",
        "visitor": "Reg44 Visitor",
        "done": "2025-04-14",
        "report_completed": "2025-04-25",
        "report_sent": "",
        "report_due": "2025-04-28",
        "sent_due": "2025-05-19",
        "status": "Not sent: 4 working days overdue",
        "good_findings": "0",
        "adverse_findings": "1",
    }
    assert "1 visits exported" in result.stderr
    assert any(e["action"] == "export.visits" and e["origin"] == "cli" for e in audit_log())


def test_rounds_export_counts_invitations_and_responses(
    plan, on_day, invoke, in_app, make_codes, answer
):
    """Each round with its theme, look, dates, the visit it precedes, invited and answered."""
    on_day(date(2026, 1, 5))
    plan(date(2026, 1, 20))
    invoke("schedule", "tick", "--today", "2026-01-06")
    round_id = in_app(
        lambda: db.session.execute(db.select(Round.id).filter_by(audience="staff")).scalar_one()
    )
    answer(make_codes(3, round_id=round_id)[:2])
    result = invoke("export", "rounds", "--format", "json")
    rows = json.loads(result.stdout)
    assert len(rows) == 4 and list(rows[0]) == ROUND_COLUMNS
    staff = next(r for r in rows if r["audience"] == "staff")
    assert staff["opens"] == "2026-01-06" and staff["closes"] == "2026-01-19"
    assert staff["visit"] == "2026-01-20"
    assert (staff["invitations"], staff["responses"]) == (3, 2)
    assert staff["rotation_reason"].startswith("Chosen because")


def test_schedule_export_is_formula_safe_and_writes_to_a_file(
    invoke, signed_in, people, in_app, on_day, tmp_path
):
    """An outcome typed as a formula is exported as text; --out writes the file."""
    invoke("schedule", "tick", "--today", "2026-03-02")
    on_day(date(2026, 4, 2))
    item = in_app(
        lambda: db.session.execute(
            db.select(QaOccurrence.id).filter_by(activity_id="fire_safety", home_id=people.oak)
        ).scalar_one()
    )
    signed_in("qa_team").post(
        f"/staff/schedule/qa/{item}",
        data={"done_on": "2026-04-01", "outcome": '=HYPERLINK("http://x")', "exception": ""},
    )
    out = tmp_path / "schedule.csv"
    assert invoke("export", "schedule", "--format", "csv", "--out", out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == SCHEDULE_COLUMNS
    fire = next(r for r in rows if r["activity"] == "fire_safety" and r["home"] == "OAK")
    assert fire["outcome"] == '\'=HYPERLINK("http://x")'
    assert (fire["due"], fire["done"], fire["service"]) == (
        "2026-03-31",
        "2026-04-01",
        "North and West",
    )
    gdpr = next(r for r in rows if r["activity"] == "gdpr")
    assert gdpr["home"] == "" and gdpr["service"]


def test_an_unknown_format_is_a_usage_error(invoke):
    """Only csv and json are offered."""
    result = invoke("export", "visits", "--format", "xlsx")
    assert result.exit_code == 2 and "'xlsx' is not one of" in result.output
