"""`python -m analysis` on an export, without the app; the report pages behind a guard."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from flask import abort

from tests.reports.conftest import FROM, TO

ROOT = Path(__file__).resolve().parents[2]


def test_python_m_analysis_builds_the_same_report_from_an_export(runner, tmp_path, add_round):
    """The export's report, built by a separate interpreter, has the app's own figures."""
    add_round("OAK", "young_people", 6, comment="The food is good and the staff are kind")
    add_round("OAK", "professionals", 5)
    export = tmp_path / "export.jsonl"
    assert runner.invoke(args=["export", "analysis", "--out", str(export)]).exit_code == 0
    app_csv = tmp_path / "app.csv"
    runner.invoke(
        args=[
            "report",
            "voice",
            "--from",
            FROM,
            "--to",
            TO,
            "--format",
            "csv",
            "--out",
            str(app_csv),
        ]
    )
    result = subprocess.run(  # noqa: S603  (our own interpreter, fixed arguments)
        [
            sys.executable,
            "-m",
            "analysis",
            str(export),
            "--out",
            str(tmp_path / "out"),
            "--from",
            FROM,
            "--to",
            TO,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "voice-report.html").read_text(encoding="utf-8")
    assert "What young people told us" in html and "from the export export.jsonl" in html
    assert (tmp_path / "out" / "voice-report.xlsx").stat().st_size > 0
    lines = (tmp_path / "out" / "voice-report.csv").read_text(encoding="utf-8").splitlines()
    # The export carries survey answers only, not safeguarding flags: those rows say so there.
    assert any("safeguarding flags,not yet recorded" in line for line in lines)

    def survey(rows):
        return sorted(row for row in rows if "safeguarding flags" not in row)

    assert survey(lines) == survey(app_csv.read_text(encoding="utf-8").splitlines())


def test_python_m_analysis_refuses_a_broken_export(tmp_path):
    """A bad line is named, and the exit status is 2."""
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"type": "round"}\nnot json\n', encoding="utf-8")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "analysis", str(broken), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 2 and "line 1" in result.stderr


def mounted(make_app, allow: bool):
    """An app with the report pages mounted behind a guard that allows or refuses everyone."""
    from survey_app.reports.views import create_blueprint

    def guard(view):
        def guarded(*args, **kwargs):
            return view(*args, **kwargs) if allow else abort(403)

        guarded.__name__ = view.__name__
        return guarded

    app = make_app()
    # Beside the app's own report pages, under another name and address.
    app.register_blueprint(create_blueprint(guard), name="test_reports", url_prefix="/test/reports")
    return app.test_client()


def test_report_pages_serve_the_same_report(make_app, add_round):
    """The voice report over HTTP: self-contained HTML, no script allowed, not cached."""
    add_round("OAK", "young_people", 6)
    client = mounted(make_app, allow=True)
    page = client.get(f"/test/reports/voice?from={FROM}&to={TO}")
    assert page.status_code == 200 and b"What young people told us" in page.data
    assert "script-src" not in page.headers["Content-Security-Policy"]
    assert page.headers["Cache-Control"] == "no-store"
    sheet = client.get(f"/test/reports/voice?from={FROM}&to={TO}&format=xlsx")
    assert sheet.status_code == 200 and "attachment" in sheet.headers["Content-Disposition"]


def test_report_pages_refuse_bad_input_kindly(make_app, add_round):
    """Bad dates, months, formats and homes get a 4xx page saying what is wrong."""
    add_round("OAK", "young_people", 6)
    client = mounted(make_app, allow=True)
    cases = {
        f"/test/reports/voice?from=2026-02-30&to={TO}": (400, b"Give from as a date"),
        f"/test/reports/voice?from={TO}&to={FROM}": (400, b"is before the start date"),
        "/test/reports/qpag?month=2026-13": (400, b"Give the month as YYYY-MM"),
        f"/test/reports/voice?from={FROM}&to={TO}&format=exe": (400, b"Choose a format"),
        "/test/reports/previsit?home=NOPE": (404, b"no home has the code"),
        "/test/reports/previsit": (400, b"Say which home"),
    }
    for url, (status, words) in cases.items():
        page = client.get(url)
        assert page.status_code == status and words in page.data, url


def test_report_pages_keep_the_guard(make_app, add_round):
    """The guard given when mounting decides: refused, the report is never built."""
    add_round("OAK", "young_people", 6)
    assert (
        mounted(make_app, allow=False).get(f"/test/reports/voice?from={FROM}&to={TO}").status_code
        == 403
    )
