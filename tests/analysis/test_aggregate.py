"""Aggregation per question, theme, home and overall, with suppression and trends."""

import pytest

from analysis import (
    CountRecord,
    Counts,
    QuestionTotal,
    RespondentTotal,
    Trend,
    count_answers,
    summarise,
)
from analysis.results import HOME, QUESTION, THEME
from tests.analysis.factories import AUTUMN, respondents, scale_answers

YP = "young_people"


def _summary(*answers, threshold=5):
    rows = [row for group in answers for row in group]
    return summarise(count_answers(rows), "2026-H1", threshold=threshold)


def test_question_figures_distribution_mean_and_share():
    """A question gets its distribution (lowest score first), mean and share positive."""
    summary = _summary(scale_answers([5, 5, 4, 3, 1, 2]))
    result = summary.get(QUESTION, YP, home="h1", theme="food_and_home", question_id="food_taste")
    figures = result.figures
    assert figures.respondents == 6
    assert [v.value for v in figures.distribution] == ["1", "2", "3", "4", "5"]
    assert sum(v.share for v in figures.distribution) == pytest.approx(1)
    assert figures.mean == pytest.approx(20 / 6)
    assert (figures.share_positive.positive, figures.share_positive.n) == (3, 6)


def test_small_home_is_suppressed_with_no_number_at_all():
    """A home with fewer than five respondents has a reason and no figures."""
    summary = _summary(respondents("h1", 7, 3), respondents("h2", 4, 4), respondents("h3", 1, 2))
    small = summary.get(QUESTION, YP, home="h3", theme="food_and_home", question_id="food_taste")
    assert small.suppressed == "fewer than 5 respondents"
    assert (small.figures, small.previous) == (None, None)
    assert small.trend is Trend.NOT_COMPARABLE


def test_secondary_suppression_hides_the_next_smallest_home():
    """With one home hidden, the next-smallest goes too; the all-homes figure stays."""
    summary = _summary(respondents("h1", 7, 3), respondents("h2", 4, 4), respondents("h3", 1, 2))
    by_home = {
        r.home: r
        for r in summary.select(QUESTION, YP, theme="food_and_home", question_id="food_taste")
    }
    assert by_home["h1"].figures.respondents == 10
    assert by_home["h2"].figures is None and "worked out" in by_home["h2"].suppressed
    assert by_home[None].figures.respondents == 21
    assert by_home[None].figures.share_positive.positive == 12


def test_theme_and_home_levels_pool_their_questions():
    """A theme pools answers to its questions; a home pools its themes."""
    summary = _summary(
        scale_answers([5, 5, 5, 1, 1], question="q1"),
        scale_answers([5, 1, 1, 1, 1], question="q2", theme="core"),
    )
    theme = summary.get(THEME, YP, home="h1", theme="food_and_home")
    home = summary.get(HOME, YP, home="h1")
    assert (theme.figures.share_positive.positive, theme.figures.share_positive.n) == (3, 5)
    assert (home.figures.share_positive.positive, home.figures.share_positive.n) == (4, 10)
    assert home.figures.distribution == () and home.figures.mean is None


def test_trend_against_the_previous_half_year():
    """A clear rise since the previous period is "up", with that period's figures kept."""
    summary = _summary(respondents("h1", 45, 5), respondents("h1", 10, 40, when=AUTUMN))
    overall = summary.get(QUESTION, YP, theme="food_and_home", question_id="food_taste")
    assert summary.previous_period == "2025-H2"
    assert overall.trend is Trend.UP
    assert overall.previous.share_positive.share == pytest.approx(0.2)


def test_trend_is_not_comparable_when_the_previous_figure_was_suppressed():
    """A previous period too small to show cannot be compared with."""
    summary = _summary(respondents("h1", 45, 5), respondents("h1", 1, 2, when=AUTUMN))
    overall = summary.get(QUESTION, YP, theme="food_and_home", question_id="food_taste")
    assert overall.previous is None
    assert overall.trend is Trend.NOT_COMPARABLE


def test_counts_from_sql_give_the_same_summary_as_streamed_answers():
    """GROUP BY rows from the database and counted answers are interchangeable inputs."""
    answers = respondents("h1", 4, 2) + respondents("h2", 3, 3)
    values = tuple(
        CountRecord(
            "2026-H1", home, YP, "food_and_home", "food_taste", "scale", value, score, positive, n
        )
        for home, value, score, positive, n in [
            ("h1", "5", 5, True, 4),
            ("h1", "1", 1, False, 2),
            ("h2", "5", 5, True, 3),
            ("h2", "1", 1, False, 3),
        ]
    )
    questions = (
        QuestionTotal("2026-H1", "h1", YP, "food_and_home", "food_taste", "scale", 6, 4),
        QuestionTotal("2026-H1", "h2", YP, "food_and_home", "food_taste", "scale", 6, 3),
    )
    people = tuple(
        RespondentTotal("2026-H1", home, YP, theme, 6)
        for home in ("h1", "h2")
        for theme in ("food_and_home", None)
    )
    from_sql = summarise(Counts(values, questions, people), "2026-H1")
    assert from_sql == summarise(count_answers(answers), "2026-H1")


def test_audiences_are_never_pooled():
    """Young people's and professionals' answers are summarised separately."""
    summary = _summary(respondents("h1", 5, 0), respondents("h1", 0, 5, audience="professionals"))
    young = summary.get(HOME, YP)
    pros = summary.get(HOME, "professionals")
    assert young.figures.share_positive.share == 1.0
    assert pros.figures.share_positive.share == 0.0
