"""The `survey-app` command line: homes, invite, demo and the responses export."""

from __future__ import annotations

import csv
import io
import json

from tests.respond.helpers import answer_everything


def test_help_lists_every_command(runner):
    result = runner.invoke(args=["--help"])
    for command in ("banks", "db", "demo", "export", "homes", "invite"):
        assert command in result.output


def test_demo_seeds_once_and_says_how_to_start(runner):
    """`survey-app demo` creates homes and rounds, and a second run changes nothing."""
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0 and "Demo data created" in first.output
    assert "survey-app invite" in first.output
    second = runner.invoke(args=["demo"])
    assert "already present" in second.output
    homes = runner.invoke(args=["homes"]).output.strip().splitlines()
    assert len(homes) >= 3 and all(line.split("\t")[0].isupper() for line in homes)


def test_demo_has_an_open_round_for_every_audience(runner):
    runner.invoke(args=["demo"])
    for audience in ("young_people", "professionals", "families", "staff"):
        result = runner.invoke(args=["invite", "--home", "OAK", "--audience", audience])
        assert result.exit_code == 0, result.output


def test_invite_prints_one_working_url_per_line(runner, client, make_round):
    """Each printed URL opens the welcome page for that home's open round."""
    make_round()
    result = runner.invoke(
        args=["invite", "--home", "oak", "--audience", "young_people", "--count", "3"]
    )
    urls = result.stdout.strip().splitlines()
    assert result.exit_code == 0 and len(urls) == 3 and len(set(urls)) == 3
    for url in urls:
        assert url.startswith("http://survey.test/r/")
        assert client.get(url.removeprefix("http://survey.test")).status_code == 200


def test_invite_explains_an_unknown_home(runner):
    result = runner.invoke(args=["invite", "--home", "NOPE", "--audience", "staff"])
    assert result.exit_code == 1 and "no home has the code 'NOPE'" in result.output


def test_invite_explains_when_no_round_is_open(runner, make_home):
    make_home()
    result = runner.invoke(args=["invite", "--home", "OAK", "--audience", "families"])
    assert result.exit_code == 1 and "has no families round open today" in result.output


def test_invite_refuses_silly_counts(runner, make_round):
    make_round()
    result = runner.invoke(
        args=["invite", "--home", "OAK", "--audience", "young_people", "--count", "0"]
    )
    assert result.exit_code == 2


def test_export_responses_as_csv_is_safe_for_spreadsheets(runner, client, make_codes):
    """A comment starting with '=' is exported as text, not as a formula."""
    [code] = make_codes()
    answer_everything(client, code, comment='=HYPERLINK("http://x")')
    result = runner.invoke(args=["export", "responses", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    comment = next(r for r in rows if r["question_id"] == "open_comment")
    assert comment["free_text"].startswith("'=")
    assert {
        "round_id",
        "home",
        "audience",
        "theme",
        "question_id",
        "value",
        "free_text",
        "submitted_at",
    } <= set(rows[0])


def test_export_responses_to_a_file_as_json(runner, client, make_codes, tmp_path):
    [code] = make_codes(audience="staff")
    answer_everything(client, code)
    out = tmp_path / "answers.json"
    result = runner.invoke(args=["export", "responses", "--format", "json", "--out", str(out)])
    assert result.exit_code == 0
    rows = json.loads(out.read_text())
    assert rows and all(r["home"] == "OAK" and r["audience"] == "staff" for r in rows)


def test_the_analysis_export_is_audited(runner, client, make_codes, tmp_path):
    """The JSON-lines export holds free text, so taking it out leaves an audit event."""
    [code] = make_codes()
    answer_everything(client, code)
    out = tmp_path / "export.jsonl"
    assert runner.invoke(args=["export", "analysis", "--out", str(out)]).exit_code == 0
    audit = runner.invoke(args=["export", "audit", "--format", "json"])
    assert any(event["action"] == "export.analysis" for event in json.loads(audit.stdout))
