"""Small groups are hidden, and so is whatever would let them be worked out."""

import random

from analysis import suppress
from analysis.suppression import SECONDARY


def test_groups_below_the_threshold_are_hidden_with_a_reason():
    """Fewer than five respondents: hidden, and the reason says why."""
    hidden = suppress({"a": 4, "b": 5}, [], threshold=5)
    assert hidden == {"a": "fewer than 5 respondents"}


def test_one_hidden_home_in_a_shown_total_hides_the_next_smallest_sibling():
    """Total minus the shown homes would reveal the small home, so one more is hidden."""
    sizes = {"all": 33, "h1": 3, "h2": 8, "h3": 10, "h4": 12}
    hidden = suppress(sizes, [("all", ["h1", "h2", "h3", "h4"])])
    assert hidden == {"h1": "fewer than 5 respondents", "h2": SECONDARY}


def test_two_hidden_siblings_need_nothing_more():
    """With two hidden, only their sum can be worked out."""
    sizes = {"all": 30, "h1": 3, "h2": 4, "h3": 23}
    assert set(suppress(sizes, [("all", ["h1", "h2", "h3"])])) == {"h1", "h2"}


def test_a_lone_child_of_a_shown_total_hides_the_total():
    """When the only sibling is the hidden one, the total itself must go."""
    sizes = {"theme": 6, "q1": 4}
    assert set(suppress(sizes, [("theme", ["q1"])])) == {"theme", "q1"}


def test_secondary_suppression_cascades_across_families():
    """A cell hidden for one total is followed up in every other total it belongs to."""
    sizes = {"all_food": 40, "h1_food": 3, "h2_food": 9, "h3_food": 28, "h2": 20, "h2_core": 20}
    families = [("all_food", ["h1_food", "h2_food", "h3_food"]), ("h2", ["h2_core", "h2_food"])]
    hidden = suppress(sizes, families)
    # h2_food goes to protect h1_food; then h2's total would give it away through h2_core.
    assert set(hidden) == {"h1_food", "h2_food", "h2_core"}


def test_no_shown_total_ever_has_exactly_one_hidden_child():
    """Across random tables, subtraction never isolates a hidden cell."""
    rng = random.Random(44)
    for _ in range(200):
        children = [f"c{i}" for i in range(rng.randint(1, 6))]
        sizes = {c: rng.randint(0, 15) for c in children}
        sizes["total"] = sum(sizes.values())
        hidden = suppress(sizes, [("total", children)])
        if "total" not in hidden:
            assert sum(c in hidden for c in children) != 1
