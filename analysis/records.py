"""Plain records that the app's seam produces and every analysis function takes.

Two ways in, so the app never has to load a million answers to draw a chart:
- ``CountRecord``, ``QuestionTotal`` and ``RespondentTotal`` rows computed by the database
  (GROUP BY), or
- ``AnswerRecord`` rows streamed from an export and counted by ``analysis.counting``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

AUDIENCES = ("young_people", "professionals", "families", "staff")
KINDS = ("scale", "yes_no", "single", "multiple", "text")


@dataclass(frozen=True)
class RoundRecord:
    """One survey round: a home, an audience, a theme, its dates and how many were invited."""

    round_id: str
    home: str
    home_name: str
    audience: str
    theme: str
    theme_title: str
    presentation: str
    opens: date
    closes: date
    invitations: int


@dataclass(frozen=True)
class ResponseRecord:
    """One person's response to a round, submitted or abandoned (``submitted_at`` is None)."""

    response_id: str
    round_id: str
    home: str
    audience: str
    started_at: datetime
    submitted_at: datetime | None
    seconds: float | None
    answered: int
    asked: int
    straightlined: bool
    language: str = "en-GB"
    respondent_role: str | None = None


@dataclass(frozen=True)
class AnswerRecord:
    """One answer of a submitted response; a multiple-choice answer is one record per option.

    ``theme`` is the theme the question belongs to ("core" for the audience's core questions).
    ``positive`` and ``negative`` are None where the question has no positive answers (text,
    plain single choice); which answers they are is the question bank's declaration.
    """

    response_id: str
    round_id: str
    home: str
    audience: str
    theme: str
    question_id: str
    kind: str
    value: str | None
    text: str | None
    positive: bool | None
    score: int | None
    submitted_at: datetime
    language: str = "en-GB"
    negative: bool | None = None


@dataclass(frozen=True)
class QuestionRecord:
    """A question as a report names it: its words, its answers' words, its place in the survey.

    ``theme`` is "core" for the audience's core questions; ``theme_title`` is the theme's name.
    """

    audience: str
    theme: str
    theme_title: str
    question_id: str
    kind: str
    text: str
    position: int
    option_values: tuple[str, ...] = ()
    option_labels: tuple[str, ...] = ()
    # The answers the question banks declare positive and negative (values, not words).
    positive: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()

    def labels(self) -> dict[str, str]:
        """Each answer value's words, for charts and tables."""
        return dict(zip(self.option_values, self.option_labels, strict=True))


@dataclass(frozen=True)
class CommentRecord:
    """One free-text answer to the open question, with where and when it was given."""

    round_id: str
    home: str
    audience: str
    theme: str
    text: str
    submitted_at: datetime


@dataclass(frozen=True)
class CountRecord:
    """How many respondents gave ``value`` to a question at a home in a period.

    SQL: ``SELECT period, home, audience, theme, question_id, kind, value, score, positive,
    COUNT(DISTINCT response_id) ... GROUP BY`` all but the count.
    """

    period: str
    home: str
    audience: str
    theme: str
    question_id: str
    kind: str
    value: str
    score: int | None
    positive: bool | None
    respondents: int
    negative: bool | None = None


@dataclass(frozen=True)
class QuestionTotal:
    """How many distinct respondents answered a question, and how many positively and negatively.

    Needed beside the value counts because a multiple-choice question's counts do not add up
    to its respondents.  SQL: ``COUNT(DISTINCT response_id)`` and
    ``COUNT(DISTINCT response_id) FILTER (WHERE positive)`` grouped by the question.
    """

    period: str
    home: str
    audience: str
    theme: str
    question_id: str
    kind: str
    respondents: int
    positive: int
    negative: int = 0


@dataclass(frozen=True)
class RespondentTotal:
    """How many distinct respondents answered any question of a theme (or, theme None, at all)."""

    period: str
    home: str
    audience: str
    theme: str | None
    respondents: int


@dataclass(frozen=True)
class Counts:
    """Everything aggregation needs: value counts, question totals and respondent totals."""

    values: tuple[CountRecord, ...] = ()
    questions: tuple[QuestionTotal, ...] = ()
    respondents: tuple[RespondentTotal, ...] = ()
