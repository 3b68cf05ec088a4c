"""Fatigue per round and the trend of the response rate across rounds."""

from datetime import date

import pytest

from analysis import fatigue_by_round, fatigue_trends, response_rate_trend, round_fatigue
from tests.analysis.factories import make_response, make_round


def _round_with(rate_of_ten, round_id, opens, home="h1"):
    responses = [make_response(round_id, home) for _ in range(rate_of_ten)]
    return make_round(round_id, home, opens=opens, invitations=10), responses


def test_round_measures():
    """Rates, item non-response, straight-lining and median time for one round."""
    responses = [
        make_response(seconds=60, answered=8, asked=8),
        make_response(seconds=100, answered=6, asked=8),
        make_response(seconds=200, answered=8, asked=8, straightlined=True),
        make_response(seconds=90, answered=7, asked=8),
        make_response(seconds=120, answered=8, asked=8),
        make_response(submitted=False, answered=2),
    ]
    fatigue = round_fatigue(make_round(invitations=10), responses)
    assert (fatigue.started, fatigue.submitted) == (6, 5)
    assert fatigue.response_rate == 0.5
    assert fatigue.completion_rate == pytest.approx(5 / 6)
    assert fatigue.item_nonresponse == pytest.approx(3 / 40)
    assert fatigue.straightlining == pytest.approx(0.2)
    assert fatigue.median_seconds == 100
    assert fatigue.suppressed is None


def test_answer_based_measures_are_hidden_for_a_small_round():
    """Under five submitted, only the rates are given; the rest is suppressed."""
    fatigue = round_fatigue(make_round(invitations=4), [make_response() for _ in range(3)])
    assert fatigue.response_rate == 0.75
    assert (fatigue.straightlining, fatigue.median_seconds, fatigue.item_nonresponse) == (
        None,
        None,
        None,
    )
    assert fatigue.suppressed == "fewer than 5 respondents"


def test_a_round_with_no_invitations_has_no_rate():
    """No invitations means no response rate rather than a division by zero."""
    assert round_fatigue(make_round(invitations=0), []).response_rate is None


def test_falling_response_rate_is_flagged():
    """Rates of 90%, 70%, 50%, 30% across rounds are falling."""
    pairs = [_round_with(n, f"r{n}", date(2026, 1 + i, 1)) for i, n in enumerate([9, 7, 5, 3])]
    rounds = [r for r, _ in pairs]
    responses = [resp for _, group in pairs for resp in group]
    (trend,) = fatigue_trends(fatigue_by_round(rounds, responses))
    assert [f.response_rate for f in trend.rounds] == [0.9, 0.7, 0.5, 0.3]
    assert trend.slope == pytest.approx(-0.2)
    assert trend.falling


def test_steady_or_short_series_is_not_falling():
    """A flat series, or one of two rounds, is never flagged."""
    flat = [round_fatigue(*_round_with(6, f"f{i}", date(2026, 1 + i, 1))) for i in range(4)]
    assert not response_rate_trend(flat, "h1", "young_people").falling
    short = [
        round_fatigue(*_round_with(n, f"s{n}", date(2026, month, 1)))
        for n, month in ((9, 1), (2, 2))
    ]
    trend = response_rate_trend(short, "h1", "young_people")
    assert trend.slope < 0 and not trend.falling
