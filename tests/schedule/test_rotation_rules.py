"""Choosing each round's theme: least recently used, never the last theme or presentation."""

import tomllib
from dataclasses import FrozenInstanceError
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from survey_app.schedule.rotation import (
    NoThemesAvailable,
    PinnedThemeUnavailable,
    RotationChoice,
    RotationError,
    choose_theme,
)

BANKS = Path(__file__).resolve().parents[2] / "question_banks"
YOUNG_PEOPLE = [
    ("being_heard", "thumbs"),
    ("feeling_safe", "emoji_faces"),
    ("food_and_home", "cards"),
    ("ready_for_the_future", "thumbs"),
]


def monthly(index: int) -> date:
    """The first of the month, `index` months after January 2026."""
    return date(2026 + index // 12, index % 12 + 1, 1)


def simulate(themes, months=24):
    """Plan `months` monthly rounds in a row, each with the rotation's choice."""
    history: list[tuple[date, str, str]] = []
    for index in range(months):
        choice = choose_theme(themes, history, monthly(index))
        history.append((monthly(index), choice.theme_id, choice.presentation))
    return history


def six_month_windows(history):
    """Each run of rounds opening within six months of a month's start."""
    for index in range(len(history) - 5):
        start, stop = monthly(index), monthly(index + 6)
        yield [theme for opens, theme, _ in history if start <= opens < stop]


def assert_no_repeat_while_another_is_unused(history, themes):
    """In every six-month window, a theme comes back only once every theme has had its turn."""
    everything = {theme_id for theme_id, _ in themes}
    for window in six_month_windows(history):
        seen: set[str] = set()
        for theme in window:
            assert theme not in seen or seen == everything, window
            seen.add(theme)


def test_first_round_takes_the_first_theme_and_says_it_is_new():
    """With no history, the first theme in the list is used, and staff are told it is new here."""
    choice = choose_theme(YOUNG_PEOPLE, [], date(2026, 1, 5))
    assert choice == RotationChoice(
        "being_heard", "thumbs", "Chosen because it has not been used at this home yet."
    )


def test_a_theme_never_used_here_comes_before_any_used_one():
    """A theme the home has never had is chosen ahead of one used long ago."""
    history = [
        (date(2025, 1, 1), "being_heard", "thumbs"),
        (date(2026, 2, 1), "food_and_home", "cards"),
    ]
    choice = choose_theme(YOUNG_PEOPLE, history, date(2026, 3, 1))
    assert choice.theme_id == "feeling_safe"


def test_least_recently_used_theme_is_chosen_and_its_new_look_is_explained():
    """The oldest theme wins; sharing the last round's presentation, it is shown in the audience's
    presentation seen longest ago, and staff are told why."""
    history = [
        (date(2026, 4, 1), "ready_for_the_future", "thumbs"),
        (date(2026, 1, 2), "being_heard", "thumbs"),
        (date(2026, 3, 3), "feeling_safe", "emoji_faces"),
        (date(2026, 2, 2), "food_and_home", "cards"),
    ]
    choice = choose_theme(YOUNG_PEOPLE, history, date(2026, 5, 1))
    assert choice == RotationChoice(
        "being_heard",
        "cards",
        "Chosen because it was last used on 2 January 2026, the longest ago of the themes "
        "available; it is shown as cards this time, because its own presentation (thumbs) was "
        "the last round's.",
    )


def test_a_presentation_never_shown_here_comes_first():
    """Among the other presentations, one the home has never seen is chosen first."""
    themes = [("a", "thumbs"), ("b", "thumbs"), ("c", "stars"), ("d", "cards")]
    history = [(date(2026, 1, 1), "c", "stars"), (date(2026, 2, 1), "d", "thumbs")]
    choice = choose_theme(themes, history, date(2026, 3, 1))
    assert (choice.theme_id, choice.presentation) == ("a", "cards")


def test_the_order_history_arrives_in_does_not_change_the_choice():
    """The same rounds in any order give the same theme and the same reason."""
    history = [(monthly(k), theme, shown) for k, (theme, shown) in enumerate(YOUNG_PEOPLE * 2)]
    expected = choose_theme(YOUNG_PEOPLE, history, monthly(8))
    assert choose_theme(YOUNG_PEOPLE, list(reversed(history)), monthly(8)) == expected
    assert choose_theme(YOUNG_PEOPLE, sorted(history, key=lambda r: r[1]), monthly(8)) == expected


def test_rounds_on_or_after_the_new_round_are_ignored():
    """Re-planning a round gives the same answer, however many later rounds exist."""
    history = simulate(YOUNG_PEOPLE, months=10)
    replanned = choose_theme(YOUNG_PEOPLE, history, monthly(5))
    assert (replanned.theme_id, replanned.presentation) == history[5][1:]


def test_a_retired_theme_still_counts_as_the_last_presentation():
    """A theme retired since the last round still stops its presentation coming straight back."""
    themes = [("being_heard", "thumbs"), ("feeling_safe", "emoji_faces")]
    history = [(date(2026, 1, 1), "old_theme", "thumbs")]
    choice = choose_theme(themes, history, date(2026, 2, 1))
    assert (choice.theme_id, choice.presentation) == ("being_heard", "emoji_faces")


def test_a_newly_added_theme_is_used_at_the_next_round():
    """A theme added to the bank is offered at every home from its next round on."""
    history = simulate(YOUNG_PEOPLE, months=6)
    with_new = [*YOUNG_PEOPLE, ("rules_and_fairness", "traffic_lights")]
    choice = choose_theme(with_new, history, monthly(6))
    assert choice.theme_id == "rules_and_fairness"
    assert choice.reason == "Chosen because it has not been used at this home yet."


def test_only_one_theme_repeats_and_says_why():
    """With a single theme the round has to repeat it, and staff are told to add another."""
    themes = [("being_heard", "thumbs")]
    choice = choose_theme(themes, [(date(2026, 1, 1), "being_heard", "thumbs")], date(2026, 2, 1))
    assert choice.theme_id == "being_heard"
    assert "only theme available" in choice.reason
    assert "add another theme" in choice.reason


def test_two_themes_sharing_a_presentation_alternate_and_explain_the_repeat():
    """Two thumbs themes alternate; the shared presentation is explained, not hidden."""
    themes = [("being_heard", "thumbs"), ("ready_for_the_future", "thumbs")]
    history = [(date(2026, 1, 1), "being_heard", "thumbs")]
    choice = choose_theme(themes, history, date(2026, 2, 1))
    assert choice.theme_id == "ready_for_the_future"
    assert choice.reason == (
        "Chosen because it has not been used at this home yet; it uses the same presentation "
        "(thumbs) as the last round because every other theme available does too."
    )
    assert [theme for _, theme, _ in simulate(themes, months=4)] == [
        "being_heard",
        "ready_for_the_future",
        "being_heard",
        "ready_for_the_future",
    ]


def test_pinned_theme_wins_over_the_rotation():
    """A theme pinned by the QA team is used even if the rotation would pick another."""
    choice = choose_theme(YOUNG_PEOPLE, [], date(2026, 1, 1), pinned="food_and_home")
    assert choice == RotationChoice("food_and_home", "cards", "Pinned by the QA team.")


def test_pinned_theme_that_repeats_the_last_round_says_so():
    """A pin that repeats the last round's theme is honoured, and the repeat is pointed out."""
    history = [(date(2026, 1, 1), "feeling_safe", "emoji_faces")]
    choice = choose_theme(YOUNG_PEOPLE, history, date(2026, 2, 1), pinned="feeling_safe")
    assert choice.theme_id == "feeling_safe"
    assert choice.reason == "Pinned by the QA team, although it repeats the last round's theme."


def test_pinned_theme_that_repeats_the_last_presentation_says_so():
    """A pin sharing the last round's presentation is honoured, with that pointed out."""
    history = [(date(2026, 1, 1), "being_heard", "thumbs")]
    choice = choose_theme(YOUNG_PEOPLE, history, date(2026, 2, 1), pinned="ready_for_the_future")
    assert choice.reason == (
        "Pinned by the QA team, although it uses the same presentation (thumbs) as the last round."
    )


def test_pinning_a_theme_that_is_not_available_is_refused():
    """Pinning a retired or unknown theme fails with a message that lists what can be pinned."""
    with pytest.raises(PinnedThemeUnavailable, match="'school_and_learning' is not available"):
        choose_theme(YOUNG_PEOPLE, [], date(2026, 1, 1), pinned="school_and_learning")


@pytest.mark.parametrize("pinned", [None, "being_heard"])
def test_no_themes_is_a_clear_error(pinned):
    """An audience with no themes cannot open a round; the error says what to do."""
    with pytest.raises(NoThemesAvailable, match="add a theme"):
        choose_theme([], [], date(2026, 1, 1), pinned=pinned)


def test_a_theme_listed_twice_is_refused():
    """A theme list naming a theme twice is a caller's mistake and is refused."""
    with pytest.raises(RotationError, match="'a' more than once"):
        choose_theme([("a", "thumbs"), ("b", "stars"), ("a", "thumbs")], [], date(2026, 1, 1))


def test_the_choice_cannot_be_altered():
    """The choice is frozen, so what staff were shown is what is stored."""
    choice = choose_theme(YOUNG_PEOPLE, [], date(2026, 1, 1))
    with pytest.raises(FrozenInstanceError):
        choice.theme_id = "feeling_safe"  # type: ignore[misc]


THEME_SETS = {
    "two themes": [("a", "thumbs"), ("b", "stars")],
    "four, all presentations different": [
        ("a", "thumbs"),
        ("b", "stars"),
        ("c", "cards"),
        ("d", "slider"),
    ],
    "five, two sharing thumbs": [
        ("a", "thumbs"),
        ("b", "thumbs"),
        ("c", "stars"),
        ("d", "cards"),
        ("e", "emoji_faces"),
    ],
    "six, two pairs sharing": [
        ("a", "thumbs"),
        ("b", "thumbs"),
        ("c", "stars"),
        ("d", "stars"),
        ("e", "emoji_faces"),
        ("f", "cards"),
    ],
    "eight, more than six months' worth": [
        (f"t{k}", shown) for k, shown in enumerate(["thumbs", "stars", "cards", "slider"] * 2)
    ],
}


@pytest.mark.parametrize("themes", THEME_SETS.values(), ids=THEME_SETS.keys())
def test_24_monthly_rounds_never_repeat_a_theme_while_another_is_unused(themes):
    """Over two years, no six months repeat a theme before every theme has had its turn."""
    history = simulate(themes)
    assert_no_repeat_while_another_is_unused(history, themes)


@pytest.mark.parametrize("themes", THEME_SETS.values(), ids=THEME_SETS.keys())
def test_24_monthly_rounds_never_repeat_the_last_theme_or_presentation(themes):
    """Over two years, no round has the same theme or presentation as the round before."""
    history = simulate(themes)
    for (_, theme_before, shown_before), (_, theme, shown) in pairwise(history):
        assert theme != theme_before
        assert shown != shown_before


def test_two_themes_sharing_a_presentation_keep_their_turn_and_change_look():
    """With two thumbs themes and one stars theme, each theme still comes every third month and
    no two rounds in a row look the same (this used to bend the six-month rule)."""
    themes = [("a", "thumbs"), ("b", "thumbs"), ("c", "stars")]
    history = simulate(themes)
    assert [theme for _, theme, _ in history] == ["a", "b", "c"] * 8
    assert_no_repeat_while_another_is_unused(history, themes)
    for (_, _, shown_before), (_, _, shown) in pairwise(history):
        assert shown != shown_before


def bank_themes(audience_dir: Path) -> list[tuple[str, str]]:
    """The audience's themes from its question bank files, ordered by id."""
    files = [tomllib.loads(path.read_text("utf-8")) for path in sorted(audience_dir.glob("*.toml"))]
    return sorted((f["id"], f["presentation"]) for f in files if f.get("kind") == "theme")


AUDIENCES = sorted(path for path in BANKS.glob("*") if path.is_dir() and bank_themes(path))


@pytest.mark.parametrize("audience_dir", AUDIENCES, ids=[path.name for path in AUDIENCES])
def test_the_real_question_banks_rotate_fairly_for_two_years(audience_dir):
    """Each audience's actual themes rotate for 24 months without an early repeat."""
    themes = bank_themes(audience_dir)
    history = simulate(themes)
    assert_no_repeat_while_another_is_unused(history, themes)
    for (_, _, shown_before), (_, _, shown) in pairwise(history):
        assert len({s for _, s in themes}) == 1 or shown != shown_before
