"""When the rounds before a visit are open: the lead time, and visits close together."""

from datetime import date

import pytest

from survey_app.schedule.windows import round_window


def test_rounds_open_the_lead_time_before_and_close_the_day_before():
    window = round_window(date(2026, 3, 16), 14)
    assert (window.opens, window.closes) == (date(2026, 3, 2), date(2026, 3, 15))
    assert window.holds(date(2026, 3, 2)) and window.holds(date(2026, 3, 15))
    assert not window.holds(date(2026, 3, 1)) and not window.holds(date(2026, 3, 16))


def test_rounds_wait_for_the_previous_visit():
    """A visit a week after another opens its rounds on that visit's day, when the last closed."""
    window = round_window(date(2026, 3, 17), 14, previous_visit=date(2026, 3, 10))
    assert window.opens == date(2026, 3, 10)


def test_a_visit_the_day_after_another_still_gets_a_day():
    window = round_window(date(2026, 3, 11), 14, previous_visit=date(2026, 3, 10))
    assert (window.opens, window.closes) == (date(2026, 3, 10), date(2026, 3, 10))


@pytest.mark.parametrize("lead", [0, -3])
def test_a_lead_time_under_a_day_is_refused(lead):
    with pytest.raises(ValueError, match="at least one day"):
        round_window(date(2026, 3, 11), lead)
