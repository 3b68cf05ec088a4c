"""Survey fatigue: measured per round on its page, and the response rate's trend for the QA team."""

from __future__ import annotations

import re
from datetime import timedelta

from survey_app.respond import service


def start_only(code: str) -> None:
    """Someone opens their code and leaves without finishing."""
    invitation, response = service.find(code)
    service.start(invitation, response, "en-GB")


def test_the_round_page_shows_its_fatigue_measures(
    signed_in, people, make_round, make_codes, answer, in_app
):
    """6 of 10 answered, 1 left part-way: response 60%, completion 86%, all straight-lined."""
    round_id = make_round(home_id=people.oak)
    codes = make_codes(10, round_id=round_id)
    answer(codes[:6], scale_value="4")  # the same answer to every scale question
    in_app(start_only, codes[6])
    page = signed_in("home_manager").get(f"/staff/rounds/{round_id}").get_data(as_text=True)
    assert "Survey fatigue" in page
    assert "60%" in page and "(6 answered of 10 invited)" in page
    assert "86%" in page and "(6 finished of 7 started)" in page
    straight = page.split("Straight-lining</th><td>")[1]
    assert straight.startswith("100%")
    assert "Questions left unanswered</th><td>0%" in page
    assert "Median time to answer" in page


def test_measures_from_answers_wait_for_the_threshold(
    signed_in, people, make_round, make_codes, answer
):
    """With 2 answers, only the rates show; time, skipped questions and straight-lining wait."""
    round_id = make_round(home_id=people.oak)
    answer(make_codes(4, round_id=round_id)[:2])
    page = signed_in("qa_team").get(f"/staff/rounds/{round_id}").get_data(as_text=True)
    assert "50%" in page and "Shown once at least 5 people have answered" in page
    assert "Median time to answer" not in page


def test_a_falling_response_rate_is_flagged_to_the_qa_team(
    signed_in, people, make_round, make_codes, answer, today
):
    """Three closed rounds answered by 9, 6 then 3 of 10: 'Falling'; a steady series is not."""
    themes = ("being_heard", "feeling_safe", "food_and_home")
    for months, (theme, answered) in enumerate(zip(themes, (9, 6, 3), strict=True)):
        opens = today - timedelta(days=100 - 30 * months)
        for audience, count in (("young_people", answered), ("staff", 5)):
            round_id = make_round(
                audience,
                theme if audience == "young_people" else None,
                home_id=people.oak,
                opens=opens,
                closes=opens + timedelta(days=13),
            )
            answer(make_codes(10, round_id=round_id)[:count])
    html = signed_in("qa_team").get("/staff/schedule/fatigue").get_data(as_text=True)
    page = re.sub(r"<[^>]+>", "", html)
    assert "Falling response rate: OAK young people." in page
    assert "90% → 60% → 30%" in page
    assert "50% → 50% → 50%" in page
    assert signed_in("home_manager").get("/staff/schedule/fatigue").status_code == 403
    dashboard = re.sub(r"<[^>]+>", "", signed_in("qa_team").get("/staff/").get_data(as_text=True))
    assert "Falling response rate across rounds: OAK young people." in dashboard
    assert "Falling" not in signed_in("home_manager").get("/staff/").get_data(as_text=True)
