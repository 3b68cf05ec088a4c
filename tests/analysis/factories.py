"""Small builders of plain records for the analysis tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import count

from analysis import AnswerRecord, ResponseRecord, RoundRecord

_ids = count(1)
SPRING = datetime(2026, 3, 10, 16, 0)  # 2026-H1
AUTUMN = datetime(2025, 10, 10, 16, 0)  # 2025-H2
SCALE = {"1": False, "2": False, "3": False, "4": True, "5": True}


def make_round(
    round_id="r1",
    home="h1",
    audience="young_people",
    opens=date(2026, 3, 1),
    invitations=10,
    theme="food_and_home",
    presentation="cards",
) -> RoundRecord:
    """A round with sensible defaults."""
    return RoundRecord(
        round_id,
        home,
        f"Home {home}",
        audience,
        theme,
        theme.title(),
        presentation,
        opens,
        opens + timedelta(days=7),
        invitations,
    )


def make_response(
    round_id="r1",
    home="h1",
    submitted=True,
    seconds=120.0,
    answered=8,
    asked=8,
    straightlined=False,
    audience="young_people",
) -> ResponseRecord:
    """A response; ``submitted=False`` makes an abandoned one."""
    started = SPRING
    return ResponseRecord(
        f"resp{next(_ids)}",
        round_id,
        home,
        audience,
        started,
        started + timedelta(seconds=seconds) if submitted else None,
        seconds if submitted else None,
        answered,
        asked,
        straightlined,
    )


def scale_answers(
    values,
    home="h1",
    question="food_taste",
    theme="food_and_home",
    when=SPRING,
    audience="young_people",
    round_id="r1",
) -> list[AnswerRecord]:
    """One 1-5 scale answer per value, each from a new respondent."""
    return [
        AnswerRecord(
            f"resp{next(_ids)}",
            round_id,
            home,
            audience,
            theme,
            question,
            "scale",
            str(v),
            None,
            SCALE[str(v)],
            int(v),
            when,
        )
        for v in values
    ]


def respondents(
    home,
    n_positive,
    n_negative,
    when=SPRING,
    question="food_taste",
    theme="food_and_home",
    audience="young_people",
) -> list[AnswerRecord]:
    """``n_positive`` answers of 5 and ``n_negative`` answers of 1 to one question."""
    values = [5] * n_positive + [1] * n_negative
    return scale_answers(values, home, question, theme, when, audience)
