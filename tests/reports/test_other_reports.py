"""The monthly QPAG report, the pre-visit pack, and clean refusals of bad input."""

from __future__ import annotations

from datetime import date

import pytest

from tests.reports.conftest import CLOSES


@pytest.fixture
def visited(app, add_round):
    """OAK: a March young people's round, a visit on 16 March reported late, a planned visit."""
    from survey_app.extensions import db
    from survey_app.models import Home, Visit

    add_round(
        "OAK",
        "young_people",
        6,
        comment="The staff really listen to me and help a lot",
        name="Oak House",
    )
    add_round("OAK", "young_people", 5, closes=date(2026, 2, 10), positive=False)
    add_round("OAK", "staff", 4)
    with app.app_context():
        home = db.session.execute(db.select(Home).filter_by(code="OAK")).scalar_one()
        db.session.add_all(
            [
                Visit(
                    home=home,
                    visit_date=date(2026, 3, 16),
                    done_on=date(2026, 3, 16),
                    report_completed_on=date(2026, 4, 6),
                ),
                Visit(home=home, visit_date=date(2026, 4, 20)),
            ]
        )
        db.session.commit()


def run(runner, tmp_path, *args):
    out = tmp_path / "report.html"
    result = runner.invoke(args=["report", *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_qpag_report_counts_visits_and_says_what_is_not_recorded(runner, tmp_path, visited):
    """March: one visit done, its report due within 2 weeks, empty sections saying so."""
    html = run(runner, tmp_path, "qpag", "--month", "2026-03")
    assert "Monthly QPAG report" in html and "March 2026" in html
    assert "1 visit done this month" in html
    for section in ("KPI review", "Findings", "Thematic reviews", "Actions", "Dip samples"):
        assert f">{section}</h2>" in html
    assert "Visit findings: none in this period." in html
    assert "Dip samples: none in this period." in html
    assert "not yet recorded in the service" not in html
    assert "Survey response: young people" in html


def test_qpag_report_marks_a_late_visit_report(runner, tmp_path, visited):
    """April: the March visit's report, due 30 March, was completed late on 6 April."""
    html = run(runner, tmp_path, "qpag", "--month", "2026-04")
    assert "late (due 30 March 2026)" in html


def test_previsit_pack_shows_the_latest_round_before_the_visit(runner, tmp_path, visited):
    """The pack for 16 March uses the round closing on 15 March, compared with February's."""
    html = run(runner, tmp_path, "previsit", "--home", "OAK", "--visit-date", "2026-03-16")
    assert "Pre-visit evidence pack" in html and "Oak House (OAK)" in html
    assert f"to {CLOSES.day} March 2026" in html and "compared with" in html
    assert "The staff really listen to me" in html
    assert html.count("fewer than 5 – not shown") >= 1  # the staff round had four
    assert "No families round closed before this visit." in html


def test_previsit_pack_defaults_to_the_next_planned_visit(runner, tmp_path, visited, monkeypatch):
    """Without --visit-date, the home's next planned visit is used."""
    from survey_app import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 4, 1))
    html = run(runner, tmp_path, "previsit", "--home", "oak")
    assert "visit on 20 April 2026" in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["voice", "--from", "2026-13-01", "--to", "2026-06-30"],
            "is not a date written YYYY-MM-DD",
        ),
        (["voice", "--from", "2026-06-30", "--to", "2026-01-01"], "is before --from"),
        (["qpag", "--month", "2026-13"], "is not a month written YYYY-MM"),
        (["qpag", "--month", "March"], "is not a month written YYYY-MM"),
        (["previsit", "--home", "OAK", "--visit-date", "16/03/2026"], "is not a date written"),
        (["voice", "--from", "2026-01-01", "--to", "2026-06-30", "--format", "docx"], "docx"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(runner, tmp_path, args, message):
    """A bad date, month or format is a usage error (exit 2) that says what is wrong."""
    result = runner.invoke(args=["report", *args, "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    "command", [["voice", "--from", "2026-01-01", "--to", "2026-06-30"], ["previsit"]]
)
def test_unknown_home_is_refused_naming_the_known_ones(runner, tmp_path, make_home, command):
    """An unknown --home exits 1 and lists the codes there are."""
    make_home()
    result = runner.invoke(
        args=["report", *command, "--home", "NOPE", "--out", str(tmp_path / "x.html")]
    )
    assert result.exit_code == 1
    assert "no home has the code 'NOPE'; known codes: OAK" in result.output


def test_out_is_required(runner):
    """Without --out there is nothing to write to: a usage error."""
    result = runner.invoke(args=["report", "qpag", "--month", "2026-03"])
    assert result.exit_code == 2 and "--out" in result.output


def test_help_lists_the_reports(runner):
    """`survey-app report --help` names the three reports and the export for `analysis`."""
    assert "report" in runner.invoke(args=["--help"]).output
    listed = runner.invoke(args=["report", "--help"]).output
    assert all(name in listed for name in ("voice", "qpag", "previsit"))
    assert "analysis" in runner.invoke(args=["export", "--help"]).output
