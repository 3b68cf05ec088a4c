"""`survey-app users …`, `survey-app export audit|responses` and `survey-app retention apply`."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from survey_app.cli import cli

PASSWORD = "a long enough password"


@pytest.fixture
def invoke(app):
    """Run `survey-app ARGS` against the test app, as the installed command would."""
    runner = app.test_cli_runner()

    def run(*args, input=None):
        return runner.invoke(cli, list(args), input=input)

    return run


def test_create_with_password_stdin_then_sign_in(invoke, make_home, client, audit_log):
    """An admin made on the command line can sign in; the creation is audited as from the CLI."""
    result = invoke(
        "users",
        "create",
        "--email",
        "Boss@Example.org",
        "--name",
        "Boss",
        "--role",
        "admin",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created boss@example.org" in result.output
    signed = client.post("/staff/login", data={"email": "boss@example.org", "password": PASSWORD})
    assert signed.status_code == 302
    created = [e for e in audit_log() if e["action"] == "user.created"][0]
    assert created["origin"] == "cli"


def test_create_prompts_for_the_password_twice(invoke, make_home):
    """Without --password-stdin the password is asked for, hidden, and confirmed."""
    make_home("OAK")
    result = invoke(
        "users",
        "create",
        "--email",
        "m@example.org",
        "--name",
        "M",
        "--role",
        "home_manager",
        "--home",
        "oak",
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    listed = invoke("users", "list").output
    assert "m@example.org\thome_manager\tactive\tOAK\tM" in listed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--role", "admin"), "at least 12 characters"),
        (("--role", "home_manager"), "needs at least one home"),
        (("--role", "home_manager", "--home", "NOPE"), "no home has the code 'NOPE'"),
        (("--role", "service_manager", "--service", "Nowhere"), "no service is called 'Nowhere'"),
        (("--role", "wizard"), "Invalid value for '--role'"),
    ],
)
def test_create_refuses_what_would_not_work(invoke, args, message):
    """Short passwords, missing homes or services and unknown roles are refused, with the reason."""
    result = invoke(
        "users",
        "create",
        "--email",
        "x@example.org",
        "--name",
        "X",
        *args,
        "--password-stdin",
        input="short\n",
    )
    assert result.exit_code != 0
    assert message in result.output
    assert "x@example.org" not in invoke("users", "list").output


def test_duplicate_accounts_are_refused(invoke):
    """One account per email, whatever its case."""
    args = ("users", "create", "--name", "A", "--role", "qa_team", "--password-stdin")
    assert invoke(*args, "--email", "a@example.org", input=PASSWORD).exit_code == 0
    again = invoke(*args, "--email", "A@EXAMPLE.ORG", input=PASSWORD)
    assert again.exit_code != 0 and "already exists" in again.output


def test_disable_stops_sign_in(invoke, client):
    """A disabled account is listed as such and cannot sign in."""
    invoke(
        "users",
        "create",
        "--email",
        "d@example.org",
        "--name",
        "D",
        "--role",
        "qa_team",
        "--password-stdin",
        input=PASSWORD,
    )
    assert invoke("users", "disable", "--email", "d@example.org").exit_code == 0
    assert "d@example.org\tqa_team\tdisabled" in invoke("users", "list").output
    assert (
        client.post(
            "/staff/login", data={"email": "d@example.org", "password": PASSWORD}
        ).status_code
        == 401
    )
    missing = invoke("users", "disable", "--email", "nobody@example.org")
    assert missing.exit_code != 0 and "no account has the email" in missing.output


def test_export_audit_as_csv_and_json(invoke, tmp_path):
    """The audit log comes out as CSV or JSON, and the export is itself audited."""
    invoke(
        "users",
        "create",
        "--email",
        "e@example.org",
        "--name",
        "E",
        "--role",
        "qa_team",
        "--password-stdin",
        input=PASSWORD,
    )
    out = tmp_path / "audit.csv"
    result = invoke("export", "audit", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert lines[0] == "id,at,actor_email,origin,action,target_type,target_id,home,detail"
    assert any(",user.created," in line for line in lines)
    events = json.loads(invoke("export", "audit", "--format", "json").stdout)
    assert [e["action"] for e in events][:2] == ["export.audit", "user.created"]


def test_export_responses_is_audited(invoke, audit_log):
    """Exporting every answer leaves a trace in the audit log."""
    assert invoke("export", "responses", "--format", "json").exit_code == 0
    event = audit_log()[-1]
    assert event["action"] == "export.responses" and event["origin"] == "cli"


def test_retention_removes_old_free_text_only(invoke, app, make_codes, answer, audit_log):
    """Free text older than the retention period goes; recent text and chosen answers stay."""
    from survey_app.extensions import db
    from survey_app.models import Answer, Response

    old, recent = make_codes(2)
    answer([old, recent], comment="something said")
    with app.app_context():
        response = db.session.execute(db.select(Response).order_by(Response.id)).scalars().first()
        response.started_at = response.started_at - timedelta(days=400)
        db.session.commit()
    result = invoke("retention", "apply")
    assert result.exit_code == 0 and "1 free-text answers removed" in result.output
    with app.app_context():
        texts = db.session.execute(db.select(Answer.text).where(Answer.text.is_not(None))).all()
        values = db.session.execute(db.select(Answer.id).where(Answer.value.is_not(None))).all()
    assert len(texts) == 1 and len(values) > 2
    assert audit_log()[-1]["action"] == "retention.free_text_removed"


def test_retention_removes_old_names_too(invoke, app, make_codes, answer, audit_log):
    """A name given to be talked to goes with the old free text; the request itself stays."""
    from survey_app.extensions import db
    from survey_app.models import Response

    old, recent = make_codes(2)
    answer([old, recent], comment="something said")
    with app.app_context():
        responses = db.session.execute(db.select(Response).order_by(Response.id)).scalars()
        for n, response in enumerate(responses):
            response.wants_contact, response.contact_name = True, f"Jay {n}"
            if n == 0:
                response.started_at = response.started_at - timedelta(days=400)
        db.session.commit()
    assert invoke("retention", "apply").exit_code == 0
    with app.app_context():
        found = db.session.execute(
            db.select(Response.contact_name, Response.wants_contact).order_by(Response.id)
        ).all()
    assert [tuple(row) for row in found] == [(None, True), ("Jay 1", True)]
    assert audit_log()[-1]["detail"]["names"] == 1
