"""Free-text answers: the shape of what analyse_comment gives back.

How well it reads them is measured on the held-apart test file (test_comment_evaluation.py);
hand-picked examples here would only repeat the ones the model was checked against.
"""


from analysis import THEMES, CommentAnalysis, analyse_comment

YP = "young_people"


def test_polarity_runs_from_minus_one_to_one():
    """Polarity keeps its sign with the label and stays within -1..1."""
    good, bad = analyse_comment("bare bare nice 😍😍", YP), analyse_comment("peak 😡😡😡", YP)
    assert 0 < good.polarity <= 1
    assert -1 <= bad.polarity < 0


def test_themes_are_from_the_fourteen():
    """Every theme given is one of the report's fourteen, for every audience."""
    for audience in ("young_people", "professionals", "families", "staff"):
        found = analyse_comment("the food and school and my social worker are rubbish", audience)
        assert found.themes and set(found.themes) <= set(THEMES)


def test_safeguarding_comes_from_the_detector():
    """A possible disclosure is flagged with its reasons; an idiom is not."""
    result = analyse_comment("someone is hurting me", YP)
    assert isinstance(result, CommentAnalysis)
    assert result.safeguarding and result.reasons
    calm = analyse_comment("this homework is killing me", YP)
    assert (calm.safeguarding, calm.reasons) == (False, ())
