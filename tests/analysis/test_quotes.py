"""Representative quotes per theme: anonymised, proportionate, never a flagged answer."""

from unittest import mock

from analysis import KnownNames, select_quotes
from analysis.text.comments import CommentAnalysis

COMMENTS = [
    "The food is really nice here, especially Sunday dinner with everyone",
    "I love the food, the cook makes a lovely curry on Wednesdays",
    "Food is good most days and we get to choose the takeaway on Fridays",
    "The food is rubbish and the portions are tiny, dinner is the worst part of the day",
    "food is peak",
    "food is peak",
    "Jake is my keyworker and he is kind, he always makes time for me",
    "ok",
]


def test_quotes_follow_the_mix_of_feeling_on_each_theme():
    """Three positive food comments to two negative give two positive quotes and one negative."""
    food = {t.theme: t for t in select_quotes(COMMENTS, "young_people", per_theme=3)}["food"]
    assert [q.sentiment for q in food.quotes] == ["positive", "positive", "negative"]
    assert food.comments == 5  # the repeated "food is peak" counts once
    assert food.sentiments == {"positive": 3, "neutral": 0, "negative": 2}


def test_quotes_are_anonymised_and_counts_of_small_themes_hidden():
    """For one home names are removed, and a theme with fewer than five comments has no count."""
    chosen = select_quotes(COMMENTS, "young_people", per_theme=1, one_home=True)
    staff = {t.theme: t for t in chosen}["staff_relationships"]
    assert staff.quotes[0].text.startswith("[name] is my keyworker")
    assert (staff.comments, staff.sentiments, staff.withheld) == (None, None, False)


def test_beyond_one_home_a_theme_under_the_threshold_is_not_quoted():
    """Across homes, one comment on staff is withheld; five on food are still quoted."""
    themes = {t.theme: t for t in select_quotes(COMMENTS, "young_people", per_theme=1)}
    staff, food = themes["staff_relationships"], themes["food"]
    assert (staff.quotes, staff.comments, staff.withheld) == ((), None, True)
    assert food.quotes and not food.withheld


def test_names_the_service_knows_are_removed_in_any_case():
    """A staff name no list holds, passed in as plain data, goes even in lower case."""
    known = KnownNames(people=("Wenna Trelawny",))
    comments = ["wenna trelawny is kind and helps me with my homework every night", *COMMENTS]
    chosen = select_quotes(comments, "young_people", 5, one_home=True, known=known)
    quoted = [q.text for t in chosen for q in t.quotes]
    assert "[name] is kind and helps me with my homework every night" in quoted


def test_too_short_comments_are_not_quoted():
    """ "ok" says nothing a reader can use."""
    quoted = [q.text for t in select_quotes(COMMENTS, "young_people", 5) for q in t.quotes]
    assert "ok" not in quoted


def test_one_comment_is_quoted_under_one_theme_only():
    """A comment on two themes stands for one of them."""
    chosen = select_quotes(COMMENTS, "young_people", 5, one_home=True)
    quoted = [q.text for t in chosen for q in t.quotes]
    assert len(quoted) == len(set(quoted))


def test_comments_flagged_for_safeguarding_are_never_quoted():
    """A possible disclosure is for the safeguarding lead, not a report."""
    flagged = CommentAnalysis("negative", -0.5, ("food",), True, ("test",))
    with mock.patch("analysis.text.quotes.analyse_comment", return_value=flagged):
        chosen = select_quotes(COMMENTS, "young_people", one_home=True)
        assert all(t.quotes == () for t in chosen)
