"""Exports, the weekly monitoring summary, safeguarding leads and retention: never the words."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, time, timedelta

import pytest

from tests.safeguarding.conftest import DISCLOSURE, LEAD_EMAIL, codes_for, flags_of, respond


@pytest.fixture
def week_of_flags(sg, app):
    """Last week: at Oak a disclosure reviewed in 2 hours, an open "talk to me" now overdue and
    a routine read not yet due; at Beech a disclosure reviewed late, after 30 hours."""
    from survey_app import clock
    from survey_app.extensions import db
    from survey_app.models import Flag
    from survey_app.safeguarding.summary import previous_week

    oak_a, oak_b = codes_for(app, sg.world.oak_round, 2)
    [bee] = codes_for(app, sg.world.bee_round)
    respond(app.test_client(), oak_a, DISCLOSURE)
    respond(app.test_client(), oak_b, "the food is ok", extra={"wants_contact": "y"})
    respond(app.test_client(), bee, DISCLOSURE)
    monday = previous_week(clock.today())
    raised = datetime.combine(monday + timedelta(days=2), time(10), tzinfo=clock.LONDON)
    reviews = {
        (sg.world.oak_home, "free_text"): (2, "need_to_know"),
        (sg.world.bee_home, "free_text"): (30, "lado_referral"),
    }
    with app.app_context():
        for flag in db.session.execute(db.select(Flag)).scalars():
            flag.created_at = raised
            flag.due_at = raised + (timedelta(hours=24) if flag.urgent else timedelta(days=30))
            hours, outcome = reviews.get((flag.home_id, flag.source), (None, None))
            if hours:
                flag.status, flag.outcome, flag.notes = "reviewed", outcome, "secret note"
                flag.reviewed_at = raised + timedelta(hours=hours)
        db.session.commit()
    return monday


def test_the_flags_export_has_the_facts_and_never_the_words(week_of_flags, app, audit_log):
    """CSV and JSON: home, round, audience, categories, times, outcome; no text, reasons, notes."""
    runner = app.test_cli_runner()
    as_csv = runner.invoke(args=["export", "flags", "--format", "csv"])
    as_json = runner.invoke(args=["export", "flags", "--format", "json"])
    assert as_csv.exit_code == 0 and as_json.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == 4 == len(json.loads(as_json.stdout))
    for column in ("home", "round", "audience", "categories", "created", "due", "reviewed_at",
                   "outcome"):  # fmt: skip
        assert column in rows[0]
    assert {r["outcome"] for r in rows} == {"need_to_know", "lado_referral", ""}
    assert "criminal_exploitation" in {r["categories"] for r in rows}
    for output in (as_csv.stdout, as_json.stdout):
        for secret in (DISCLOSURE, "older lads", "secret note", "the food is ok"):
            assert secret not in output
    assert [e["detail"]["rows"] for e in audit_log() if e["action"] == "export.flags"] == [4, 4]


def test_the_weekly_summary_counts_for_the_homes_in_scope(week_of_flags, signed_in, audit_log):
    """The service manager's week: Oak only; counts, review times, outcomes; no words."""
    from survey_app.safeguarding.summary import week_label

    week = week_label(week_of_flags)
    page = signed_in("service_manager").get(f"/staff/safeguarding/weekly?week={week}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "<strong>3</strong> (2 urgent, 1 routine reads)" in html
    assert "Still open: 2; past their due time now: <span class=\"overdue\">1</span>" in html
    assert "<td>1</td><td>0</td><td>2.0 h</td><td>2.0 h</td>" in html  # urgent: 1 reviewed
    assert "Need to Know notification" in html and "LADO referral" not in html
    assert "Oak House" in html and "Beech Cottage" not in html
    assert DISCLOSURE not in html and "secret note" not in html
    assert audit_log()[-1]["action"] == "safeguarding.summary_viewed"


def test_the_weekly_summary_command_covers_every_home(week_of_flags, app):
    """`survey-app safeguarding week` prints the same summary for all homes, with no words."""
    from survey_app.safeguarding.summary import week_label

    result = app.test_cli_runner().invoke(
        args=["safeguarding", "week", "--week", week_label(week_of_flags)]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Flags raised: 4 (3 urgent, 1 routine reads)" in out
    assert "Urgent reviews: 2 reviewed, 1 late; median 16.0 h, longest 30.0 h" in out
    assert "Criminal exploitation (county lines, carrying, debts): 2" in out
    assert "LADO referral: 1" in out and "Need to Know notification: 1" in out
    assert "Oak House: 2, 1" in out and "Beech Cottage: 1, 0" in out
    assert DISCLOSURE not in out and "secret note" not in out


@pytest.mark.parametrize("week", ["last week", "2026-W60", "2026-48"])
def test_a_bad_week_is_refused_kindly(sg, signed_in, app, week):
    """A week that is not YYYY-Www: 422 on the page, a usage error on the command line."""
    page = signed_in("qa_team").get(f"/staff/safeguarding/weekly?week={week}")
    assert page.status_code == 422 and "2026-W48" in page.get_data(as_text=True)
    result = app.test_cli_runner().invoke(args=["safeguarding", "week", "--week", week])
    assert result.exit_code == 2 and "--week" in result.output


def test_an_administrator_names_the_safeguarding_leads(sg, app, signed_in, audit_log):
    """Admin adds and removes a lead on the web; the lead then sees, or stops seeing, flags."""
    from survey_app.extensions import db
    from survey_app.models import Service, User

    with app.app_context():
        bee_service = db.session.execute(db.select(Service).filter_by(name="South and East"))
        bee_service = bee_service.scalar()
        visitor = db.session.execute(db.select(User).filter_by(role="reg44_visitor")).scalar()
        ids = {"service": bee_service.id, "user": visitor.id}
    admin = signed_in("admin")
    assert "Lee Lead" in admin.get("/staff/safeguarding/leads").get_data(as_text=True)
    assert admin.post("/staff/safeguarding/leads", data=ids).status_code == 303
    again = admin.post("/staff/safeguarding/leads", data=ids)
    assert again.status_code == 422 and "already" in again.get_data(as_text=True)
    assert signed_in("reg44_visitor").get("/staff/safeguarding/").status_code == 200
    removed = admin.post("/staff/safeguarding/leads", data={**ids, "remove": "1"})
    assert removed.status_code == 303
    assert signed_in("reg44_visitor").get("/staff/safeguarding/").status_code == 403
    events = [e for e in audit_log() if e["action"].startswith("safeguarding.lead")]
    actions = [(e["action"], e["actor_email"]) for e in events]
    assert actions[-2:] == [
        ("safeguarding.lead_added", "admin@example.org"),
        ("safeguarding.lead_removed", "admin@example.org"),
    ]
    bad = admin.post("/staff/safeguarding/leads", data={"service": "x", "user": "1"})
    assert bad.status_code == 422


def test_leads_from_the_command_line(sg, app):
    """`safeguarding leads add|list|remove`, with kind errors for unknown names."""
    runner = app.test_cli_runner()
    added = runner.invoke(
        args=["safeguarding", "leads", "add", "--service", "South and East", "--email", LEAD_EMAIL]
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(args=["safeguarding", "leads", "list"]).output
    assert f"South and East: Lee Lead <{LEAD_EMAIL}>" in listed
    assert f"North and West: Lee Lead <{LEAD_EMAIL}>" in listed
    gone = runner.invoke(
        args=["safeguarding", "leads", "remove", "--service", "South and East", "--email",
              LEAD_EMAIL]
    )  # fmt: skip
    assert gone.exit_code == 0 and "South and East: none" in runner.invoke(
        args=["safeguarding", "leads", "list"]
    ).output
    unknown = runner.invoke(
        args=["safeguarding", "leads", "add", "--service", "Nowhere", "--email", LEAD_EMAIL]
    )
    assert unknown.exit_code == 2 and "no service is called 'Nowhere'" in unknown.output


def test_retention_removes_the_reasons_with_the_words(sg, app):
    """After the retention period a flag keeps its facts and review, not the quoted words."""
    from survey_app.extensions import db
    from survey_app.models import Response

    [code] = codes_for(app, sg.world.oak_round)
    respond(app.test_client(), code, DISCLOSURE)
    with app.app_context():
        response = db.session.execute(db.select(Response)).scalar_one()
        response.started_at -= timedelta(days=400)
        db.session.commit()
    assert app.test_cli_runner().invoke(args=["retention", "apply"]).exit_code == 0
    [flag] = flags_of(app)
    assert flag.reasons is None and flag.categories == "criminal_exploitation"
