"""One free-text answer read for sentiment, themes and (later) safeguarding."""

from __future__ import annotations

from dataclasses import dataclass

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


def analyse_comment(text: str, audience: str) -> CommentAnalysis:
    """Sentiment, themes and safeguarding flag of one answer from one audience."""
    score = score_sentiment(text)
    flagged, reasons = _safeguarding(text)
    return CommentAnalysis(
        sentiment=score.label,
        polarity=score.polarity,
        themes=detect_themes(text, audience),
        safeguarding=flagged,
        reasons=reasons,
    )


def _safeguarding(text: str) -> tuple[bool, tuple[str, ...]]:
    """Placeholder: never flags.

    The safeguarding detector lives in ``analysis.safeguarding`` (written separately); the lead
    wires it in here, and only here, so every caller of ``analyse_comment`` gets it at once.
    """
    return False, ()
