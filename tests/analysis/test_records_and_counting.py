"""Streaming answers are counted into the same totals the database would GROUP BY."""

from datetime import date, datetime

from analysis import AnswerRecord, count_answers, half_year, half_year_bounds, previous_half_year
from tests.analysis.factories import AUTUMN, SPRING, scale_answers


def _multiple(response_id, values, positive):
    return [
        AnswerRecord(
            response_id,
            "r1",
            "h1",
            "young_people",
            "food_and_home",
            "food_likes",
            "multiple",
            v,
            None,
            v in positive,
            None,
            SPRING,
        )
        for v in values
    ]


def test_half_years_label_and_step_back():
    """Dates fall in "YYYY-H1"/"YYYY-H2"; the previous of H1 is last year's H2."""
    assert half_year(date(2026, 6, 30)) == "2026-H1"
    assert half_year(datetime(2026, 7, 1)) == "2026-H2"
    assert previous_half_year("2026-H1") == "2025-H2"
    assert previous_half_year("2026-H2") == "2026-H1"
    assert half_year_bounds("2025-H2") == (date(2025, 7, 1), date(2025, 12, 31))


def test_value_counts_question_totals_and_respondents():
    """Each value counts its respondents; totals count distinct respondents per level."""
    counts = count_answers(scale_answers([5, 5, 4, 1]) + scale_answers([2], when=AUTUMN))
    now = {(c.value, c.respondents) for c in counts.values if c.period == "2026-H1"}
    assert now == {("5", 2), ("4", 1), ("1", 1)}
    (question,) = [q for q in counts.questions if q.period == "2026-H1"]
    assert (question.respondents, question.positive) == (4, 3)
    levels = {(r.period, r.theme): r.respondents for r in counts.respondents}
    assert levels[("2026-H1", "food_and_home")] == 4
    assert levels[("2026-H1", None)] == 4
    assert levels[("2025-H2", None)] == 1


def test_multiple_choice_counts_people_not_ticks():
    """Two ticks from one person are one respondent, and positive if either tick is."""
    rows = _multiple("a", ["pizza", "curry"], {"pizza"}) + _multiple("b", ["curry"], {"pizza"})
    counts = count_answers(rows)
    (question,) = counts.questions
    assert (question.respondents, question.positive) == (2, 1)
    assert {(c.value, c.respondents) for c in counts.values} == {("pizza", 1), ("curry", 2)}


def test_text_answers_count_respondents_but_no_values():
    """A free-text answer has no value to count but its respondent still answered."""
    row = AnswerRecord(
        "t1",
        "r1",
        "h1",
        "young_people",
        "core",
        "anything_else",
        "text",
        None,
        "its alright",
        None,
        None,
        SPRING,
    )
    counts = count_answers([row])
    assert counts.values == ()
    assert counts.questions[0].respondents == 1
