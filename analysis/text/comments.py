"""One free-text answer read for sentiment, themes and safeguarding.

The learned model (`analysis.textmodel`, trained by `python -m analysis.train`) reads every
label; the phrase rules in `analysis/data/safeguarding/` stay as a safety net, so an answer
is flagged when the model OR the rules say so. An answer the model cannot read (another
script or language) is flagged for a person to read, never judged neutral and safe.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.safeguarding import AUDIENCES as SAFEGUARDING_AUDIENCES
from analysis.safeguarding import Assessment, assess
from analysis.safeguarding.context import contexts_in
from analysis.textmodel.language import unreadable
from analysis.textmodel.model import CommentModel, Vector, default_model

MAX_CATEGORIES = 3
_NOTHING = Assessment(False, (), ())


@dataclass(frozen=True)
class CommentAnalysis:
    """What an answer says: its sentiment, polarity (-1..1), themes and any safeguarding flag."""

    sentiment: str
    polarity: float
    themes: tuple[str, ...]
    safeguarding: bool
    reasons: tuple[str, ...]
    categories: tuple[str, ...] = ()  # the safeguarding categories the reasons name
    understood: bool = True  # False: another language or script; a person must read it


def analyse_comment(text: str, audience: str) -> CommentAnalysis:
    """Sentiment, themes and safeguarding flag of one answer from one audience."""
    return analyse_with(default_model(), text, audience)


def analyse_with(model: CommentModel, text: str, audience: str) -> CommentAnalysis:
    """analyse_comment with a given model: for evaluating one that is not shipped."""
    audience = _audience(audience)
    if not text.strip():
        return CommentAnalysis("neutral", 0.0, (), False, ())
    vector = model.vector(text, audience)
    verdict = _verdict(model, text, audience, vector)
    if not verdict.understood:
        return CommentAnalysis("neutral", 0.0, (), True, verdict.reasons, (), understood=False)
    reading = model.read(vector)
    sentiment = reading.sentiment
    thresholds = model.settings["theme_thresholds"]
    return CommentAnalysis(
        sentiment=max(sentiment, key=sentiment.get),
        polarity=round(sentiment["positive"] - sentiment["negative"], 3),
        themes=tuple(t for t, p in reading.themes.items() if p >= thresholds[t]),
        safeguarding=verdict.flagged,
        reasons=verdict.reasons,
        categories=verdict.categories,
    )


def safeguarding_verdict(text: str, audience: str) -> Assessment:
    """The safeguarding decision alone (model OR rules): what a submit needs."""
    audience = _audience(audience)
    if not text.strip():
        return _NOTHING
    model = default_model()
    return _verdict(model, text, audience, model.vector(text, audience))


def sentiment_label(text: str, audience: str = "young_people") -> str:
    """ "positive", "neutral" or "negative", as analyse_comment would say."""
    return analyse_comment(text, audience).sentiment


def _verdict(model: CommentModel, text: str, audience: str, vector: Vector) -> Assessment:
    if why := unreadable(text, vector.known, vector.distinct):
        reason = f"not understood: {why}; a person must read it"
        return Assessment(True, (), (reason,), understood=False)
    likely = model.disclosure(vector)
    if likely < model.settings["disclosure_threshold"]:
        rules = assess(text, audience)
        # A rule that matched in a trap's context (a game, hyperbole, the past, an everyday
        # complaint, good practice) counts unless the model, too, finds the answer unlikely:
        # below the floor chosen on held-out writers. Elsewhere a rule always counts.
        doubted = likely < model.settings["rule_context_floor"] and contexts_in(text)
        return rules if rules.flagged and not doubted else _NOTHING
    # Flagged by the model, so model OR rules is already true: the rules are not run (they
    # are the slower half of this reading, and the submit path waits for it).
    categories = _categories(model, model.categories(vector))
    words = ", ".join(f'"{w}"' for w in model.weighed_words(vector))
    reason = f"model: {likely:.0%} likely a disclosure; words that weighed most: {words}"
    return Assessment(True, tuple(sorted(categories)), (reason,))


def _categories(model: CommentModel, likely: dict[str, float]) -> list[str]:
    """The categories the model finds likely, at least the likeliest one."""
    ranked = sorted(likely.items(), key=lambda item: -item[1])
    threshold = model.settings["category_threshold"]
    chosen = [c for c, p in ranked[:MAX_CATEGORIES] if p >= threshold]
    return chosen or [ranked[0][0]]


def _audience(audience: str) -> str:
    return audience if audience in SAFEGUARDING_AUDIENCES else "young_people"
