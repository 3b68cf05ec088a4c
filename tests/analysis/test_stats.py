"""Wilson intervals and the trend judged from the interval of a difference."""

import pytest

from analysis import Trend, proportion, wilson_interval
from analysis.trend import compare


def test_wilson_interval_matches_published_values():
    """8 of 10 gives 49.0% to 94.3% (Wilson score, 95%)."""
    low, high = wilson_interval(8, 10)
    assert low == pytest.approx(0.4902, abs=1e-4)
    assert high == pytest.approx(0.9433, abs=1e-4)


def test_wilson_interval_stays_inside_zero_and_one():
    """All or nothing still gives an interval of real width within 0..1."""
    assert wilson_interval(0, 10) == (0.0, pytest.approx(0.2775, abs=1e-4))
    low, high = wilson_interval(10, 10)
    assert (low, high) == (pytest.approx(0.7225, abs=1e-4), 1.0)


@pytest.mark.parametrize(("positive", "n"), [(1, 0), (-1, 5), (6, 5)])
def test_wilson_interval_refuses_impossible_counts(positive, n):
    """No observations, or more positives than observations, is an error."""
    with pytest.raises(ValueError):
        wilson_interval(positive, n)


def test_proportion_carries_share_and_interval():
    """A proportion keeps its counts, share and interval together."""
    share = proportion(3, 4)
    assert (share.positive, share.n, share.share) == (3, 4, 0.75)
    assert share.low < 0.75 < share.high


@pytest.mark.parametrize(
    ("now", "before", "trend"),
    [
        ((90, 100), (50, 100), Trend.UP),
        ((50, 100), (90, 100), Trend.DOWN),
        ((52, 100), (50, 100), Trend.SAME),
        ((4, 5), (1, 5), Trend.SAME),  # a big jump on tiny numbers is not evidence
    ],
)
def test_trend_is_up_or_down_only_when_the_difference_is_clear(now, before, trend):
    """The difference's 95% interval must exclude zero for "up" or "down"."""
    assert compare(proportion(*now), proportion(*before)) is trend


def test_trend_without_a_previous_figure_is_not_comparable():
    """Nothing to compare with gives "not comparable", never a guess."""
    assert compare(proportion(3, 5), None) is Trend.NOT_COMPARABLE
    assert compare(None, proportion(3, 5)) is Trend.NOT_COMPARABLE
