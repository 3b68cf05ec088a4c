"""Choose a few representative, anonymised quotes per theme for a report."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from analysis.suppression import DEFAULT_THRESHOLD
from analysis.text.anonymise import NO_KNOWN_NAMES, KnownNames, anonymise
from analysis.text.comments import CommentAnalysis, analyse_comment
from analysis.text.sentiment import NEGATIVE, NEUTRAL, POSITIVE
from analysis.text.themes import THEMES

MIN_WORDS = 4
IDEAL_WORDS = 20
_SENTIMENTS = (POSITIVE, NEUTRAL, NEGATIVE)


@dataclass(frozen=True)
class Quote:
    """One anonymised comment chosen to stand for others."""

    theme: str
    text: str
    sentiment: str
    polarity: float


@dataclass(frozen=True)
class ThemeQuotes:
    """A theme's quotes, and how the comments on it divide by sentiment.

    The counts are None when fewer than the threshold commented on the theme; ``withheld``
    says that such a theme's comments were not quoted either (a report beyond one home).
    """

    theme: str
    comments: int | None
    sentiments: dict[str, int] | None
    quotes: tuple[Quote, ...]
    withheld: bool = False


@dataclass(frozen=True)
class _Candidate:
    text: str
    analysis: CommentAnalysis
    words: int


def select_quotes(
    comments: Iterable[str],
    audience: str,
    per_theme: int = 2,
    threshold: int = DEFAULT_THRESHOLD,
    *,
    one_home: bool = False,
    known: KnownNames = NO_KNOWN_NAMES,
) -> tuple[ThemeQuotes, ...]:
    """Up to ``per_theme`` quotes for each theme mentioned, mirroring its mix of sentiment.

    Comments flagged for safeguarding are never quoted; one comment is quoted once at most.
    A theme fewer than ``threshold`` commented on is quoted only in a report on ``one_home``,
    whose reader knows its people anyway; across homes a quote could single someone out.
    ``known`` names the service's people and places, removed from every quote.
    """
    candidates = _candidates(comments, audience)
    used: set[str] = set()
    chosen = []
    for theme in THEMES:
        on_theme = [c for c in candidates if theme in c.analysis.themes]
        if not on_theme:
            continue
        if len(on_theme) < threshold and not one_home:
            chosen.append(ThemeQuotes(theme, None, None, (), withheld=True))
        else:
            chosen.append(_theme_quotes(theme, on_theme, per_theme, threshold, used, known))
    return tuple(chosen)


def _candidates(comments: Iterable[str], audience: str) -> list[_Candidate]:
    seen: set[str] = set()
    found = []
    for text in (c.strip() for c in comments):
        key = " ".join(text.lower().split())
        if not key or key in seen:
            continue
        seen.add(key)
        analysis = analyse_comment(text, audience)
        if not analysis.safeguarding:
            found.append(_Candidate(text, analysis, len(text.split())))
    return found


def _theme_quotes(theme, on_theme, per_theme, threshold, used, known) -> ThemeQuotes:
    groups = {s: [c for c in on_theme if c.analysis.sentiment == s] for s in _SENTIMENTS}
    quotes = []
    for sentiment, slots in _allocate(groups, per_theme).items():
        for candidate in _typical(groups[sentiment], slots, used):
            used.add(candidate.text)
            quotes.append(
                Quote(
                    theme,
                    anonymise(candidate.text, known),
                    sentiment,
                    candidate.analysis.polarity,
                )
            )
    shown = len(on_theme) >= threshold
    counts = {s: len(g) for s, g in groups.items()} if shown else None
    return ThemeQuotes(theme, len(on_theme) if shown else None, counts, tuple(quotes))


def _allocate(groups: dict[str, list], slots: int) -> dict[str, int]:
    """Slots per sentiment in proportion to its comments (largest remainder)."""
    eligible = {s: len([c for c in g if c.words >= MIN_WORDS]) for s, g in groups.items()}
    total = sum(eligible.values())
    slots = min(slots, total)
    if not slots:
        return {}
    exact = {s: slots * n / total for s, n in eligible.items()}
    given = {s: int(share) for s, share in exact.items()}
    by_remainder = sorted(exact, key=lambda s: (given[s] - exact[s], _SENTIMENTS.index(s)))
    for sentiment in by_remainder[: slots - sum(given.values())]:
        given[sentiment] += 1
    return {s: n for s, n in given.items() if n}


def _typical(group: list[_Candidate], slots: int, used: set[str]) -> list[_Candidate]:
    """The comments nearest the group's median feeling, of a readable length, unused first."""
    usable = [c for c in group if c.words >= MIN_WORDS]
    if not usable:
        return []
    middle = statistics.median(c.analysis.polarity for c in usable)
    ranked = sorted(
        usable,
        key=lambda c: (
            c.text in used,
            round(abs(c.analysis.polarity - middle), 2),
            abs(c.words - IDEAL_WORDS) // 5,
            len(c.analysis.themes),
            c.text,
        ),
    )
    return [c for c in ranked if c.text not in used][:slots]
