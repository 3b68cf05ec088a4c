"""A flag not reviewed in time: red on dashboards at once, escalated to the service manager."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest

from tests.safeguarding.conftest import DISCLOSURE, codes_for, flags_of, respond


def _age(app, hours: float) -> None:
    """Move every flag `hours` into the past, as if that much time had gone by."""
    from survey_app.extensions import db
    from survey_app.models import Flag

    with app.app_context():
        for flag in db.session.execute(db.select(Flag)).scalars():
            flag.created_at -= timedelta(hours=hours)
            flag.due_at -= timedelta(hours=hours)
        db.session.commit()


@pytest.fixture
def overdue(sg, app):
    """An urgent flag at Oak House raised 25 hours ago and not reviewed."""
    [code] = codes_for(app, sg.world.oak_round)
    respond(app.test_client(), code, DISCLOSURE)
    _age(app, 25)
    return flags_of(app)[0]


def test_an_overdue_flag_is_red_on_the_dashboards(overdue, signed_in):
    """The home manager's and the service manager's dashboards mark it past due, in red."""
    for who in ("home_manager", "service_manager"):
        html = signed_in(who).get("/staff/").get_data(as_text=True)
        section = html[html.index('id="section-safeguarding"') :]
        assert "1 past due" in section and 'class="overdue"' in section and "OVERDUE" in section


def test_escalation_mails_the_service_manager_once_without_the_words(
    overdue, sg, staff_app, smtp_server, signed_in, audit_log
):
    """`safeguarding escalate` mails the service manager a link, stamps it, and only once."""
    url, received = smtp_server
    app = staff_app(SMTP_URL=url)
    result = app.test_cli_runner().invoke(args=["safeguarding", "escalate"])
    assert result.exit_code == 0, result.output
    assert "1 flags escalated" in result.output
    # (the reviewers' own mail goes too: it was never sent, as SMTP was not set when raised)
    [mail] = [m for m in received if m["Subject"].startswith("Escalated")]
    assert mail["To"] == sg.world.emails["service_manager"]
    body = mail.get_content()
    assert "Oak House" in body and f"/staff/safeguarding/flags/{overdue.id}" in body
    assert DISCLOSURE not in mail.as_string() and "older lads" not in mail.as_string()
    assert flags_of(app)[0].escalated_at is not None
    escalated = [e for e in audit_log() if e["action"] == "safeguarding.flag_escalated"]
    assert [e["target_id"] for e in escalated] == [str(overdue.id)]
    again = app.test_cli_runner().invoke(args=["safeguarding", "escalate"])
    assert "0 flags escalated; 0 reviewer emails" in again.output and len(received) == 3
    page = signed_in("service_manager", on_app=app).get(f"/staff/safeguarding/flags/{overdue.id}")
    assert "escalated to the service manager" in page.get_data(as_text=True)


def test_a_flag_due_later_or_reviewed_is_not_escalated(sg, app):
    """23 hours old, or reviewed late: nothing to escalate."""
    [first, second] = codes_for(app, sg.world.oak_round, 2)
    respond(app.test_client(), first, DISCLOSURE)
    _age(app, 23)
    result = app.test_cli_runner().invoke(args=["safeguarding", "escalate"])
    assert "0 flags escalated" in result.output
    from survey_app.extensions import db
    from survey_app.models import Flag

    with app.app_context():
        db.session.execute(db.update(Flag).values(status="reviewed"))
        db.session.commit()
    respond(app.test_client(), second, "my room is fine")
    _age(app, 24 * 8)
    result = app.test_cli_runner().invoke(args=["safeguarding", "escalate"])
    assert "1 flags escalated" in result.output  # the routine read, 8 days old


def test_escalation_with_the_mail_server_down_marks_nothing_and_says_so(overdue, staff_app):
    """The command fails loudly and leaves the flag unescalated, so the next run retries."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = staff_app(SMTP_URL=f"smtp://127.0.0.1:{port}")
    result = app.test_cli_runner().invoke(args=["safeguarding", "escalate"])
    assert result.exit_code != 0 and "run again" in result.output
    assert flags_of(app)[0].escalated_at is None


def test_a_reviewer_mail_that_failed_is_sent_by_the_next_run(sg, staff_app, smtp_server):
    """A flag raised while SMTP was down is mailed to its reviewers when the command runs."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = staff_app(SMTP_URL=f"smtp://127.0.0.1:{port}")
    [code] = codes_for(down, sg.world.oak_round)
    respond(down.test_client(), code, DISCLOSURE)
    url, received = smtp_server
    result = staff_app(SMTP_URL=url).test_cli_runner().invoke(args=["safeguarding", "escalate"])
    assert "2 reviewer emails sent again" in result.output
    assert {m["To"] for m in received} == {sg.world.emails["home_manager"], "lead@example.org"}
    assert flags_of(down)[0].notified_at is not None
