"""One free-text answer read for sentiment, themes and safeguarding."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.safeguarding import AUDIENCES as SAFEGUARDING_AUDIENCES
from analysis.safeguarding import Assessment, assess
from analysis.text.sentiment import score_sentiment
from analysis.text.themes import detect_themes


@dataclass(frozen=True)
class CommentAnalysis:
    """What an answer says: its sentiment, polarity (-1..1), themes and any safeguarding flag."""

    sentiment: str
    polarity: float
    themes: tuple[str, ...]
    safeguarding: bool
    reasons: tuple[str, ...]
    categories: tuple[str, ...] = ()  # the safeguarding categories the reasons name


def analyse_comment(text: str, audience: str) -> CommentAnalysis:
    """Sentiment, themes and safeguarding flag of one answer from one audience."""
    score = score_sentiment(text)
    found = _safeguarding(text, audience)
    return CommentAnalysis(
        sentiment=score.label,
        polarity=score.polarity,
        themes=detect_themes(text, audience),
        safeguarding=found.flagged,
        reasons=found.reasons,
        categories=found.categories,
    )


def safeguarding_verdict(text: str, audience: str) -> Assessment:
    """The safeguarding detector's verdict alone: what a submit needs, without the themes."""
    return _safeguarding(text, audience)


def sentiment_label(text: str) -> str:
    """"positive", "neutral" or "negative", as analyse_comment would say."""
    return score_sentiment(text).label


def _safeguarding(text: str, audience: str) -> Assessment:
    """The safeguarding detector's verdict, so every caller of analyse_comment gets it."""
    return assess(text, audience if audience in SAFEGUARDING_AUDIENCES else "young_people")
