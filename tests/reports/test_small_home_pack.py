"""The pre-visit pack: closed rounds only, and for a small home what can be given without
identifying anyone."""

from __future__ import annotations

from datetime import date

import pytest

PLANNED = "2026-03-16"


def pack(runner, tmp_path, *args, fmt="html") -> str:
    out = tmp_path / f"pack.{fmt}"
    result = runner.invoke(
        args=["report", "previsit", "--home", "OAK", *args, "--format", fmt, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


@pytest.fixture
def small_home(add_round):
    """Oak House, three young people: February's round, then March's (closing 15 March)."""
    add_round(
        "OAK",
        "young_people",
        3,
        closes=date(2026, 2, 10),
        comment="The food here is really good and I like the cooking nights",
        name="Oak House",
    )
    add_round(
        "OAK",
        "young_people",
        3,
        positive=False,
        comment="the rules are not fair and the older ones get more time out",
    )


def test_the_pack_uses_the_latest_round_closed_before_the_visit(
    runner, tmp_path, small_home, monkeypatch
):
    """On 10 March the round closing on 15 March is still open: the pack for the visit on
    16 March is built from February's round, which has closed."""
    from survey_app import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 3, 10))
    html = pack(runner, tmp_path, "--visit-date", PLANNED)
    assert "to 10 February 2026" in html and "to 15 March 2026" not in html
    assert "cooking nights" in html and "older ones get more time out" not in html


def test_a_small_home_pack_gives_themes_changes_quotes_and_questions_but_no_counts(
    runner, tmp_path, small_home
):
    """Three young people: no count or share anywhere, but the themes they raised (and which
    are new since the last visit), anonymised quotes marked as such, what is withheld and
    why, and questions to ask."""
    html = pack(runner, tmp_path, "--visit-date", PLANNED)
    assert "What is withheld, and why." in html
    assert "Fewer than 5 young people answered this round" in html
    assert "how many answered: fewer than 5 – not shown" in html
    assert "sent 3" not in html and "<h3>Answers</h3>" not in html
    themes = html[html.index("Themes raised") : html.index("In their own words")]
    assert "Rules and fairness" in themes and "new since the last visit" in themes
    assert "Food" in themes and "no longer raised" in themes
    assert "a concern raised" in themes
    assert "(anonymised quote · Rules and fairness)" in html
    assert "Anonymised: names, dates, places and contact details are replaced" in html
    questions = html[html.index("Questions to ask") :]
    assert "Which rules feel unfair to you" in questions
    csv_text = pack(runner, tmp_path, "--visit-date", PLANNED, fmt="csv")
    assert ",submitted," not in csv_text and ",response_rate," not in csv_text
    assert "fewer than 5 – not shown" in csv_text


def test_opening_a_small_home_pack_is_still_audited(runner, tmp_path, small_home, app):
    """Building the pack writes report.generated, as before."""
    from survey_app.audit import audit_rows

    pack(runner, tmp_path, "--visit-date", PLANNED)
    with app.app_context():
        events = [e for e in audit_rows() if e["action"] == "report.generated"]
    assert [e["detail"]["kind"] for e in events] == ["previsit"]
