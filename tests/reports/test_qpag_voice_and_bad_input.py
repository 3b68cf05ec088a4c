"""The QPAG report carries the voice sections every six months; requests with nothing to
report are refused with a clear message (422 on the pages, exit 1 on the command line)."""

# The staff fixtures imported below are used as fixture parameters, which ruff reads as
# redefinitions.
# ruff: noqa: F811

from __future__ import annotations

from datetime import date

import pytest

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
def spring(add_round, world):
    """Young people and professionals answered at Oak House in March 2026."""
    add_round("OAK", "young_people", 6, comment="The staff really listen to me and help a lot")
    add_round("OAK", "professionals", 5)


def qpag(runner, tmp_path, month, *args, fmt="html") -> str:
    out = tmp_path / f"qpag.{fmt}"
    result = runner.invoke(
        args=["report", "qpag", "--month", month, *args, "--format", fmt, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_july_carries_the_youth_and_professional_voice_sections(runner, tmp_path, spring):
    """July's report includes January to June's voice sections, and says so on page one."""
    html = qpag(runner, tmp_path, "2026-07")
    first_page = html[: html.index('id="kpis"')]
    assert "This month the report includes the six-monthly voice sections" in first_page
    assert "from 1 January 2026 to 30 June 2026" in first_page
    voice = html[html.index('id="voice"') :]
    assert "What young people told us" in voice and "What professionals told us" in voice
    assert "What families told us" not in voice and "What staff told us" not in voice
    # The QPAG report covers every home, so a theme with fewer comments than the threshold
    # is not quoted (the voice report's rule).
    assert "The staff really listen to me" not in voice and "Not quoted" in voice
    csv_text = qpag(runner, tmp_path, "2026-07", fmt="csv")
    assert "Young people,all homes,young_people,,,respondents,6," in csv_text


def test_other_months_say_when_the_voice_sections_come(runner, tmp_path, spring):
    """March's report has no voice sections, and names the months that do."""
    html = qpag(runner, tmp_path, "2026-03")
    assert 'id="voice"' not in html and "What young people told us" not in html
    assert "are included in January and July; the next is July 2026." in html


def test_the_months_are_configurable(staff_app, spring, tmp_path):
    """VOICE_REPORT_MONTHS=(3,): March's report carries them (for July to December 2025)."""
    runner = staff_app(VOICE_REPORT_MONTHS=(3,)).test_cli_runner()
    html = qpag(runner, tmp_path, "2026-03")
    assert "from 1 July 2025 to 31 December 2025" in html and 'id="voice"' in html


def test_a_service_managers_qpag_report_in_july_covers_their_homes(as_role, spring):
    """The voice sections of a service's QPAG report are that service's homes'."""
    page = as_role("service_manager").get("/staff/reports/qpag?month=2026-07").text
    voice = page[page.index('id="voice"') :]
    assert "Oak House (OAK)" in voice and "Beech Cottage" not in voice


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "/staff/reports/voice?from=2026-01-01&to=2026-06-30&home=BEE",
            "No survey round closed and no answer was sent at Beech Cottage (BEE)",
        ),
        (
            "/staff/reports/voice?from=2025-01-01&to=2025-06-30",
            "No survey round closed and no answer was sent at any home",
        ),
        ("/staff/reports/voice?from=2099-01-01&to=2099-06-30", "after today"),
        ("/staff/reports/qpag?month=2099-01", "after today"),
        (
            "/staff/reports/previsit?home=BEE&visit_date=2026-03-20",
            "No survey round at Beech Cottage (BEE) had closed before the visit on 20 March 2026",
        ),
        (
            "/staff/reports/previsit?home=OAK&visit_date=2026-03-01",
            "No survey round at Oak House (OAK) had closed before the visit on 1 March 2026",
        ),
    ],
)
def test_nothing_to_report_is_a_clear_422_on_the_pages(as_role, spring, url, message):
    """An empty period, a home with no closed rounds, a period in the future, a visit before
    any round closed: a 422 that says why, never a 500."""
    response = as_role("qa_team").get(url)
    assert response.status_code == 422 and message in response.text


def test_a_home_with_no_rounds_at_all_is_told_so(as_role, make_home, spring):
    """A new home has had no rounds: the pack and the report say so."""
    make_home("NEW", "New House", "North and West")
    client = as_role("qa_team")
    response = client.get("/staff/reports/previsit?home=NEW")
    assert response.status_code == 422
    assert "New House (NEW) has had no survey rounds yet" in response.text
    response = client.get("/staff/reports/voice?from=2026-01-01&to=2026-06-30&home=NEW")
    assert (
        response.status_code == 422 and "No survey round has been held there yet" in response.text
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["voice", "--from", "2025-01-01", "--to", "2025-06-30"], "nothing to report"),
        (["voice", "--from", "2099-01-01", "--to", "2099-06-30"], "after today"),
        (["qpag", "--month", "2099-01"], "after today"),
        (["qpag", "--month", "2026-03", "--service", "Nowhere"], "no service is called"),
        (["previsit", "--home", "BEE", "--visit-date", "2026-03-20"], "had closed before"),
    ],
)
def test_nothing_to_report_is_a_clear_error_on_the_command_line(
    runner, tmp_path, spring, args, message
):
    """The same refusals on the command line: exit 1, the reason, no file."""
    out = tmp_path / "x.html"
    result = runner.invoke(args=["report", *args, "--out", str(out)])
    assert result.exit_code == 1 and message in result.output
    assert not out.exists()


def test_the_reports_page_defaults_build_a_report(as_role, spring, monkeypatch):
    """On 4 July 2026 the page's default period (January to June) has the March answers."""
    from survey_app import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 7, 4))
    page = as_role("qa_team").get("/staff/reports").text
    assert 'value="2026-01-01"' in page and 'value="2026-06-30"' in page
    report = as_role("qa_team").get("/staff/reports/voice?from=2026-01-01&to=2026-06-30")
    assert report.status_code == 200 and "What young people told us" in report.text
