"""Reports read findings, actions, dip samples, the QA schedule and "you said, we did" from
the service's own records, and every report built is written to the audit log."""

# The staff fixtures imported below are used as fixture parameters, which ruff reads as
# redefinitions.
# ruff: noqa: F811

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from survey_app.clock import LONDON
from tests.staff.conftest import FAST_HASH, audit_log, make_user, staff_app  # noqa: F401

MARCH = date(2026, 3, 1)


@pytest.fixture
def app(staff_app):  # noqa: F811
    return staff_app()


@pytest.fixture
def march(app, make_home, make_user, add_round):
    """At Oak House in March 2026: a visit with findings, actions, a dip sample, QA checks,
    and survey rounds closed in March and in August."""
    from survey_app.extensions import db
    from survey_app.models import (
        Action,
        ActionLine,
        DipSample,
        Home,
        QaOccurrence,
        Visit,
        VisitFinding,
    )

    oak = make_home("OAK", "Oak House", "North and West")
    owner = make_user("service_manager", service="North and West")
    add_round("OAK", "young_people", 5, closes=date(2026, 3, 15))
    add_round("OAK", "young_people", 5, closes=date(2026, 8, 15))
    with app.app_context():
        home = db.session.get(Home, oak)
        visit = Visit(home=home, visit_date=date(2026, 3, 16), done_on=date(2026, 3, 16))
        visit.findings += [
            VisitFinding(kind="good", text="Warm, settled evenings in the lounge."),
            VisitFinding(kind="adverse", text="The fire door on the landing was wedged open."),
        ]
        february = Visit(home=home, visit_date=date(2026, 2, 10), done_on=date(2026, 2, 10))
        february.findings.append(VisitFinding(kind="good", text="A February finding."))
        common = {"source_kind": "audit", "owner_id": owner, "home_id": oak}
        menu = Action(
            title="Plan menus with young people",
            due_on=date(2026, 3, 20),
            status="done",
            done_on=date(2026, 3, 18),
            lines_approved_at=datetime.combine(date(2026, 3, 19), time(10), LONDON),
            service_id=home.service_id,
            **common,
        )
        menu.lines += [
            ActionLine(language="en-GB", you_said="The food is boring.", we_did="New menus."),
            ActionLine(language="pl", you_said="Jedzenie jest nudne.", we_did="Nowe menu."),
        ]
        fire = Action(
            title="Stop wedging the fire door",
            due_on=date(2026, 3, 1),
            status="in_progress",
            escalated_on=date(2026, 3, 25),
            **common,
        )
        dropped = Action(title="A cancelled idea", due_on=MARCH, status="cancelled", **common)
        sample = DipSample(
            month=MARCH,
            requested_on=date(2026, 3, 2),
            due_on=date(2026, 3, 30),
            area="Missing from care return interviews",
            findings="Return interviews offered in 9 of 10 episodes.",
            completed_on=date(2026, 3, 25),
        )
        review = QaOccurrence(
            activity_id="thematic_review",
            service_id=home.service_id,
            scope_key=f"service:{home.service_id}",
            due_on=date(2026, 3, 10),
            done_on=date(2026, 3, 12),
            outcome="Education plans reviewed across the service.",
        )
        fire_check = QaOccurrence(
            activity_id="fire_safety", home_id=oak, scope_key=f"home:{oak}", due_on=MARCH
        )
        db.session.add_all([visit, february, menu, fire, dropped, sample, review, fire_check])
        db.session.commit()
        return {"menu": menu.id, "fire": fire.id}


def build(runner, tmp_path, *args) -> str:
    out = tmp_path / "report.html"
    result = runner.invoke(args=["report", *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_qpag_report_shows_the_months_findings_actions_and_dip_samples(runner, tmp_path, march):
    """March's report lists its visit findings, the tracker's actions (not cancelled ones),
    the dip sample reported, the thematic review done and the QA checks due."""
    html = build(runner, tmp_path, "qpag", "--month", "2026-03")
    assert "Warm, settled evenings in the lounge." in html
    assert "The fire door on the landing was wedged open." in html
    assert "A February finding." not in html
    assert f"A{march['menu']}" in html and "Plan menus with young people" in html
    assert f"A{march['fire']}" in html and "Stop wedging the fire door" in html
    assert "A cancelled idea" not in html
    assert "Missing from care return interviews" in html
    assert "Return interviews offered in 9 of 10 episodes." in html
    assert "Thematic review: North and West (service-wide)" in html
    assert "Education plans reviewed across the service." in html
    assert "not yet recorded in the service" not in html
    for section in ("Visit findings", "QPAG actions", "Dip samples", "Thematic reviews"):
        assert f"{section}: not yet recorded" not in html


def test_voice_report_shows_approved_you_said_we_did(runner, tmp_path, march):
    """Oak House's voice report carries the approved English lines, once."""
    html = build(runner, tmp_path, "voice", "--from", "2026-01-01", "--to", "2026-06-30")
    assert html.count("The food is boring.") == 1 and "New menus." in html
    assert "Jedzenie" not in html
    one_home = build(
        runner, tmp_path, "voice", "--from", "2026-01-01", "--to", "2026-06-30", "--home", "OAK"
    )
    assert "The food is boring." in one_home
    later = build(runner, tmp_path, "voice", "--from", "2026-07-01", "--to", "2026-12-31")
    assert "The food is boring." not in later


def test_a_report_built_on_the_command_line_is_audited(runner, tmp_path, march, audit_log):
    """Each report written from the command line leaves one report.generated event."""
    build(runner, tmp_path, "qpag", "--month", "2026-03")
    build(runner, tmp_path, "previsit", "--home", "OAK", "--visit-date", "2026-03-16")
    events = [e for e in audit_log() if e["action"] == "report.generated"]
    assert [e["detail"]["kind"] for e in events] == ["qpag", "previsit"]
    assert all(e["origin"] == "cli" and e["actor_email"] is None for e in events)
    assert events[0]["detail"]["scope"] == "March 2026" and events[1]["home"] == "OAK"
    assert events[1]["detail"]["format"] == "html"
    assert events[1]["detail"]["origin"] == "command line"


def test_voice_report_counts_safeguarding_flags_without_their_words(
    runner, client, make_codes, tmp_path, today
):
    """A disclosure raised this period is counted in the report; its words never appear."""
    from tests.respond.helpers import answer_everything

    [code] = make_codes()
    words = "some older lads make me take stuff to places"
    answer_everything(client, code, comment=words)
    out = tmp_path / "voice.csv"
    result = runner.invoke(
        args=[
            "report",
            "voice",
            "--from",
            today.replace(day=1).isoformat(),
            "--to",
            today.isoformat(),
            "--format",
            "csv",
            "--out",
            str(out),
        ]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Young people,all homes,young_people,,,safeguarding flags raised,1," in text
    assert words not in text
