"""What is working and what worries people follow their stated rules."""

from __future__ import annotations

import pytest

from analysis.records import QuestionRecord
from analysis.reports.highlights import highlights
from analysis.reports.model import QuestionRow
from analysis.results import QUESTION, Figures, Result
from analysis.stats import proportion
from analysis.trend import Trend, compare


def _row(n: int, positive: int, negative: int, before: tuple[int, int, int] | None = None):
    """A quality-scale question with ``positive`` and ``negative`` of ``n`` answers."""
    question = QuestionRecord("professionals", "care", "Care", "q1", "scale", "How well?", 0)
    now = Figures(n, proportion(positive, n), None, (), proportion(negative, n))
    previous = None
    if before is not None:
        m, good, bad = before
        previous = Figures(m, proportion(good, m), None, (), proportion(bad, m))
    trend = compare(now.share_positive, previous.share_positive if previous else None)
    key = (QUESTION, "professionals", None, "care", "q1", "scale")
    result = Result(*key, now, previous, trend, None)
    return QuestionRow(question, result)


@pytest.mark.parametrize("n", [7, 29, 100, 1000, 10000])
@pytest.mark.parametrize("before", [None, "none negative", "same", "all negative"])
def test_a_question_86_percent_positive_is_never_a_worry(n, before):
    """Like the demo's cp_plan_knowledge (25 of 29 Good or better): whatever the size or trend."""
    positive = round(n * 0.86)
    previous = {
        None: None,
        "none negative": (n, n, 0),
        "same": (n, positive, n - positive),
        "all negative": (n, 0, n),
    }[before]
    found = highlights([_row(n, positive, n - positive, previous)], [], [])
    assert found["worries"] == ()


def test_a_worry_shows_the_negative_share_its_interval_and_the_previous_period():
    """12 of 30 negative (40%, low end 25%): listed, with the figures the rule read."""
    found = highlights([_row(30, 15, 12, (30, 20, 5))], [], [])
    (worry,) = found["worries"]
    assert worry.text == "How well?"
    assert worry.basis.startswith("negative 40% (25% to 58%), 12 of 30 answers;")
    assert "previous period 17% (7% to 34%): rose" in worry.basis
    assert found["working"] == ()


def test_a_rise_in_negative_answers_is_a_worry_once_it_reaches_the_floor():
    """From 2% to 25% of 200 answers negative: the low end is under 20%, but it rose."""
    row = _row(200, 120, 50, (200, 180, 4))
    assert row.result.figures.share_negative.low < 0.2
    now, before = row.result.figures.share_negative, row.result.previous.share_negative
    assert compare(now, before) == Trend.UP
    (worry,) = highlights([row], [], [])["worries"]
    assert worry.basis.endswith(": rose")


def test_working_needs_the_low_end_of_positive_at_70_percent():
    """28 of 30 positive (low end 79%) is working; 22 of 30 (low end 56%) is not."""
    assert len(highlights([_row(30, 28, 1)], [], [])["working"]) == 1
    assert highlights([_row(30, 22, 3)], [], [])["working"] == ()
