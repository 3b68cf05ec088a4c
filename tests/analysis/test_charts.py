"""Charts are SVG with a text alternative; suppressed groups are never drawn."""

from datetime import date

from analysis import (
    count_answers,
    distribution_chart,
    fatigue_by_round,
    fatigue_trends,
    response_rate_chart,
    share_chart,
    summarise,
)
from analysis.results import QUESTION
from tests.analysis.factories import make_response, make_round, respondents, scale_answers


def _results():
    answers = (
        scale_answers([5, 5, 4, 4, 3, 2, 1, 5], question="q1")
        + scale_answers([4, 4, 1], question="q2")
        + respondents("h1", 6, 4, question="q3")
        # The smallest shown sibling of the hidden q2, so q1 and q3 stay visible.
        + scale_answers([5, 4, 4, 3, 3], question="q4")
    )
    summary = summarise(count_answers(answers), "2026-H1")
    pick = {r.question_id: r for r in summary.select(QUESTION, "young_people", home="h1")}
    return [("Food", pick["q1"]), ("Room", pick["q2"]), ("Safe", pick["q3"])]


def test_distribution_chart_is_svg_with_figures_in_its_alt_text():
    """The alternative text states each question's shares; a small question says suppressed."""
    chart = distribution_chart(_results(), {"5": "Very good", "1": "Very poor"}, "Food")
    assert chart.svg.lstrip().startswith("<?xml") and "<svg" in chart.svg
    assert "Food (8 respondents): Very poor 12%" in chart.alt
    assert "Room: suppressed (fewer than 5 respondents)" in chart.alt
    assert "#0072B2" in chart.svg.upper()  # Okabe–Ito blue


def test_share_chart_never_plots_a_suppressed_value():
    """The suppressed question's share appears nowhere, only the word "suppressed"."""
    chart = share_chart(_results(), "Share positive")
    assert "Safe: 60% (31% to 83%) positive, 10 answers" in chart.alt
    assert "Room: suppressed" in chart.alt
    assert "67%" not in chart.alt and "67%" not in chart.svg  # Room's 2 of 3
    assert "suppressed (fewer than 5 respondents)" in chart.svg


def test_response_rate_chart_describes_every_round():
    """The line's alternative text lists each round's date and rate, and the verdict."""
    rounds = [make_round(f"r{i}", opens=date(2026, i, 1)) for i in (1, 2, 3)]
    responses = [make_response(f"r{i}") for i, n in ((1, 8), (2, 6), (3, 4)) for _ in range(n)]
    (trend,) = fatigue_trends(fatigue_by_round(rounds, responses))
    chart = response_rate_chart(trend, "Young people, Home h1")
    assert "1 January 2026 80%; 1 February 2026 60%; 1 March 2026 40%" in chart.alt
    assert "The rate is falling." in chart.alt
    assert "<svg" in chart.svg


def test_charts_are_deterministic():
    """The same figures give byte-identical SVG, so reports can be compared."""
    assert share_chart(_results()).svg == share_chart(_results()).svg
