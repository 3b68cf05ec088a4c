"""Reports follow the six-monthly cycle, and suppress at the administrator's threshold."""

# The staff fixtures imported below are used as fixture parameters, which ruff reads as
# redefinitions.
# ruff: noqa: F811

from __future__ import annotations

from datetime import date

import pytest

from tests.reports.conftest import FROM, TO
from tests.staff.conftest import (  # noqa: F401
    FAST_HASH,
    app,
    as_role,
    make_user,
    sign_in,
    staff_app,
    world,
)


@pytest.fixture
def december(monkeypatch):
    """Today is 4 December 2026."""
    from survey_app import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 4))


@pytest.mark.parametrize(
    ("today", "start", "end", "compared"),
    [
        (date(2026, 12, 4), "2026-01-01", "2026-06-30", "1 July 2025 to 31 December 2025"),
        (date(2026, 7, 1), "2026-01-01", "2026-06-30", "1 July 2025 to 31 December 2025"),
        (date(2026, 6, 30), "2025-07-01", "2025-12-31", "1 January 2025 to 30 June 2025"),
        (date(2027, 1, 2), "2026-07-01", "2026-12-31", "1 January 2026 to 30 June 2026"),
    ],
)
def test_the_reports_page_defaults_to_the_last_complete_half_year(
    as_role, monkeypatch, today, start, end, compared
):
    """The voice report's form is set to the last half-year that has ended, and says it is
    compared with the half-year before it."""
    from survey_app import clock

    monkeypatch.setattr(clock, "today", lambda: today)
    page = as_role("qa_team").get("/staff/reports").text
    assert f'name="from" value="{start}"' in page and f'name="to" value="{end}"' in page
    assert f"compared with the half-year before it ({compared})" in page


def test_a_half_year_is_compared_with_the_half_year_before(as_role, add_round, december):
    """January to June is compared with July to December, not with the 181 days before it."""
    add_round("OAK", "young_people", 6)
    page = as_role("qa_team").get(f"/staff/reports/voice?from={FROM}&to={TO}").text
    assert "(compared with 1 July 2025 to 31 December 2025)" in page
    page = as_role("qa_team").get("/staff/reports/voice?from=2026-03-01&to=2026-03-31").text
    assert "(compared with 1 February 2026 to 28 February 2026)" in page


def _set_threshold(as_role, value: int) -> None:
    response = as_role("admin").post(
        "/staff/admin/settings",
        data={"free_text_retention_days": 365, "suppression_threshold": value},
    )
    assert response.status_code in (200, 302), response.text


def test_reports_on_the_pages_suppress_at_the_administrators_threshold(as_role, add_round):
    """Six respondents are shown at the default of 5; once an administrator sets 10, every
    report hides them and says so."""
    add_round("OAK", "young_people", 6, closes=date(2026, 3, 15))
    qa = as_role("qa_team")
    voice = f"/staff/reports/voice?from={FROM}&to={TO}&home=OAK"
    previsit = "/staff/reports/previsit?home=OAK&visit_date=2026-03-20"
    assert "fewer than 10 – not shown" not in qa.get(voice).text
    _set_threshold(as_role, 10)
    for url in (voice, previsit, "/staff/reports/qpag?month=2026-03"):
        page = qa.get(url).text
        assert "fewer than 10" in page and "fewer than 5 " not in page, url
    assert "fewer than 10 – not shown" in qa.get(voice + "&format=csv").text


def test_the_command_line_suppresses_at_the_administrators_threshold(
    as_role, add_round, runner, tmp_path
):
    """`survey-app report` reads the same setting as the pages."""
    add_round("OAK", "young_people", 6)
    _set_threshold(as_role, 10)
    out = tmp_path / "voice.csv"
    args = ["report", "voice", "--from", FROM, "--to", TO, "--format", "csv", "--out", str(out)]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "fewer than 10 – not shown" in out.read_text(encoding="utf-8")
