"""What is working and what worries people, by stated rules a reader can check.

Each item carries the figures its rule used (the share, its 95% interval, the answers it rests
on, and the previous period's share), and the rules are printed beside the lists.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.formatting import format_count, format_interval
from analysis.reports.model import Highlight, QuestionRow, ThemeFindings, comment_theme_name
from analysis.stats import Proportion
from analysis.text.quotes import ThemeQuotes
from analysis.text.sentiment import NEGATIVE, POSITIVE
from analysis.trend import Trend, compare

# A worry: a fifth or more answered negatively even at the low end of the 95% interval, or the
# negative share rose beyond chance and now stands at a fifth or more. The second floor keeps
# a question most people rate well (say 86% positive, 14% negative) off the list however it
# moved.
WORRY_NEGATIVE = 0.2
# Working: the mirror, with positive answers and a floor of 70%; never a question that is
# also a worry.
WORKING_POSITIVE = 0.7
MOST = 5
WORRY_RULE = (
    "a question is listed when at least 20% of its answers were negative even at the low end "
    "of the 95% interval, or when its negative share rose since the previous period by more "
    "than chance (the 95% interval of the change excludes no change) and is now 20% or more"
)
WORKING_RULE = (
    "a question is listed when at least 70% of its answers were positive even at the low end "
    "of the 95% interval, or when its positive share rose since the previous period by more "
    "than chance and is now 70% or more, and it is not a worry"
)
COMMENT_RULE = "most of at least {threshold} comments on a theme were {lean}"
RULES = {"working": WORKING_RULE, "worries": WORRY_RULE, "comments": COMMENT_RULE}


def highlights(
    core: Sequence[QuestionRow], themes: Sequence[ThemeFindings], quotes: Sequence[ThemeQuotes]
) -> dict[str, tuple[Highlight, ...]]:
    """Up to five of each from the answers (strongest first), then comment themes with a lean."""
    rows = [*core, *(row for theme in themes for row in theme.questions)]
    rated = [row for row in rows if _rated(row)]
    worries = [row for row in rated if is_worry(row)]
    working = [row for row in rated if is_working(row) and row not in worries]
    worries.sort(key=lambda row: -_now(row, "negative").low)
    working.sort(key=lambda row: -_now(row, "positive").low)
    return {
        "working": tuple(
            [_answer(row, "positive") for row in working[:MOST]] + _comments(quotes, POSITIVE)
        ),
        "worries": tuple(
            [_answer(row, "negative") for row in worries[:MOST]] + _comments(quotes, NEGATIVE)
        ),
    }


def is_worry(row: QuestionRow) -> bool:
    """Whether a question meets the worry rule (see ``WORRY_RULE``)."""
    return _meets(row, "negative", WORRY_NEGATIVE)


def is_working(row: QuestionRow) -> bool:
    """Whether a question meets the first part of the working rule (see ``WORKING_RULE``)."""
    return _meets(row, "positive", WORKING_POSITIVE)


def _meets(row: QuestionRow, side: str, floor: float) -> bool:
    now, before = _now(row, side), _before(row, side)
    rose = compare(now, before) == Trend.UP
    return now.low >= floor or (rose and now.share >= floor)


def _rated(row: QuestionRow) -> bool:
    figures = row.result.figures if row.result else None
    return (
        figures is not None
        and figures.share_positive is not None
        and figures.share_negative is not None
    )


def _now(row: QuestionRow, side: str) -> Proportion:
    return getattr(row.result.figures, f"share_{side}")


def _before(row: QuestionRow, side: str) -> Proportion | None:
    previous = row.result.previous
    return getattr(previous, f"share_{side}", None) if previous else None


def _answer(row: QuestionRow, side: str) -> Highlight:
    """The question, and the figures its rule read: now, and the previous period with the change."""
    now, before = _now(row, side), _before(row, side)
    basis = f"{side} {format_interval(now)}, {format_count(now.positive, now.n)} answers"
    if before is None:
        basis += "; previous period: not available"
    else:
        moved = {Trend.UP: "rose", Trend.DOWN: "fell"}.get(compare(now, before), "no clear change")
        basis += f"; previous period {format_interval(before)}: {moved}"
    return Highlight(row.question.text, basis)


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
                    f"{format_count(leaning, theme.comments)} comments",
                )
            )
    return found
