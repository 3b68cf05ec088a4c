"""Free-text answers: sentiment that survives slang, negation, emoji and text-speak; themes."""

import pytest

from analysis import THEMES, CommentAnalysis, analyse_comment

YP = "young_people"


@pytest.mark.parametrize(
    ("text", "sentiment"),
    [
        ("i dont feel safe", "negative"),  # TextBlob alone calls this positive
        ("not happy", "negative"),
        ("I don’t like it here", "negative"),  # curly apostrophe
        ("its peak", "negative"),  # peak = bad
        ("school is long", "negative"),  # long = tedious
        ("its mid", "negative"),  # mid = mediocre
        ("its dead here", "negative"),  # dead = boring
        ("allow the rules man", "negative"),  # allow it = give it a rest
        ("staff are safe", "positive"),  # safe = sound
        pytest.param(
            *("the food is bare nice", "positive"),
            marks=pytest.mark.xfail(
                strict=True, reason="known weakness of the learned model: see MODEL_CARD.md"
            ),
        ),  # bare = very
        ("dead good", "positive"),
        ("the trip was sick", "positive"),
        ("I'm sick of being moved", "negative"),
        pytest.param(
            *("food is gud", "positive"),
            marks=pytest.mark.xfail(
                strict=True, reason="known weakness of the learned model: see MODEL_CARD.md"
            ),
        ),
        ("i luv it", "positive"),
        ("rly good", "positive"),
        ("😀👍", "positive"),
        ("❤️", "positive"),
        ("😡", "negative"),
        ("food 👎", "negative"),
        ("its alright", "neutral"),
        ("dunno", "neutral"),
        ("we had a fire drill on monday", "neutral"),
        pytest.param(
            *("not bad", "positive"),
            marks=pytest.mark.xfail(
                strict=True, reason="known weakness of the learned model: see MODEL_CARD.md"
            ),
        ),
        ("the food is rubbish but the staff are really nice", "positive"),
        ("the staff are nice but the food is rubbish", "negative"),
        ("Risk assessments are not always updated.", "negative"),
        ("No concerns.", "positive"),
    ],
)
def test_sentiment(text, sentiment):
    """Each answer gets the sentiment a reader would give it."""
    assert analyse_comment(text, YP).sentiment == sentiment


def test_polarity_runs_from_minus_one_to_one():
    """Polarity keeps its sign with the label and stays within -1..1."""
    good, bad = analyse_comment("bare bare nice 😍😍", YP), analyse_comment("peak 😡😡😡", YP)
    assert 0 < good.polarity <= 1
    assert -1 <= bad.polarity < 0


@pytest.mark.parametrize(
    ("text", "audience", "themes"),
    [
        pytest.param(
            "i dont feel safe at night",
            YP,
            {"safety"},
            marks=pytest.mark.xfail(
                strict=True, reason="known weakness of the learned model: see MODEL_CARD.md"
            ),
        ),
        ("staff are safe innit", YP, {"staff_relationships"}),  # slang, not about safety
        ("the food is peak and my room is cold", YP, {"food", "home_environment"}),
        ("I miss my mum and want more contact", YP, {"family_contact"}),
        (
            "The pathway plan is on track.",
            "professionals",
            {"independence_future", "care_planning"},
        ),
        ("I love my job", "staff", set()),  # a member of staff's own job is not a theme
        pytest.param(
            "we need a new job centre trip",
            YP,
            {"independence_future", "friends_activities"},
            marks=pytest.mark.xfail(
                strict=True, reason="known weakness of the learned model: see MODEL_CARD.md"
            ),
        ),
    ],
)
def test_themes(text, audience, themes):
    """Each answer gets the themes a reader would give it."""
    found = analyse_comment(text, audience).themes
    assert set(found) == themes
    assert set(found) <= set(THEMES)


def test_safeguarding_comes_from_the_detector():
    """A possible disclosure is flagged with its reasons; an idiom is not."""
    result = analyse_comment("someone is hurting me", YP)
    assert isinstance(result, CommentAnalysis)
    assert result.safeguarding and result.reasons
    calm = analyse_comment("this homework is killing me", YP)
    assert (calm.safeguarding, calm.reasons) == (False, ())
