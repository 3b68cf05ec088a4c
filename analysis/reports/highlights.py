"""What is working and what worries people, by stated rules rather than by judgement."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.formatting import format_interval, format_number
from analysis.reports.model import Highlight, QuestionRow, ThemeFindings, comment_theme_name
from analysis.text.quotes import ThemeQuotes
from analysis.text.sentiment import NEGATIVE, POSITIVE

# "Working": even the low end of the 95% interval is above 60% positive.
WORKING_LOW = 0.6
# "Worries": fewer than half answered positively.
WORRY_SHARE = 0.5
MOST = 3
WORKING_RULE = "the low end of its 95% interval is above 60% positive"
WORRY_RULE = "fewer than half answered positively"


def highlights(
    core: Sequence[QuestionRow], themes: Sequence[ThemeFindings], quotes: Sequence[ThemeQuotes]
) -> dict[str, tuple[Highlight, ...]]:
    """Up to three of each from the answers, then any comment theme with a clear lean."""
    rows = [*core, *(row for theme in themes for row in theme.questions)]
    rated = [(row, row.result.figures.share_positive) for row in rows if _rated(row)]
    working = sorted(
        (item for item in rated if item[1].low > WORKING_LOW), key=lambda item: -item[1].share
    )[:MOST]
    worries = sorted(
        (item for item in rated if item[1].share < WORRY_SHARE), key=lambda item: item[1].share
    )[:MOST]
    return {
        "working": tuple(
            [_answer(row, share, WORKING_RULE) for row, share in working]
            + _comments(quotes, POSITIVE)
        ),
        "worries": tuple(
            [_answer(row, share, WORRY_RULE) for row, share in worries]
            + _comments(quotes, NEGATIVE)
        ),
    }


def _rated(row: QuestionRow) -> bool:
    figures = row.result.figures if row.result else None
    return figures is not None and figures.share_positive is not None


def _answer(row: QuestionRow, share, rule: str) -> Highlight:
    return Highlight(
        f"{row.question.text} – {format_interval(share)} positive",
        f"{format_number(share.n)} answers; {rule}",
    )


def _comments(quotes: Sequence[ThemeQuotes], lean: str) -> list[Highlight]:
    """Comment themes where most comments (and at least the threshold) lean one way."""
    found = []
    for theme in quotes:
        if theme.sentiments is None or not theme.comments:
            continue
        leaning = theme.sentiments.get(lean, 0)
        if leaning * 2 > theme.comments:
            words = "positive" if lean == POSITIVE else "negative"
            found.append(
                Highlight(
                    f"Comments about {comment_theme_name(theme.theme).lower()} were mostly {words}",
                    f"{format_number(leaning)} of {format_number(theme.comments)} comments",
                )
            )
    return found
