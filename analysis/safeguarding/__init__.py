"""Spot possible safeguarding disclosures in free-text survey answers.

    >>> assess("some older lads make me take stuff to places").categories
    ('criminal_exploitation',)

Recall comes first: a missed disclosure is the worst failure of the service, a false alarm costs
a manager a minute. What signals what lives in readable TOML files under
`analysis/data/safeguarding/` that a safeguarding lead can extend; they are validated on load.
"""

from __future__ import annotations

from functools import cache

from analysis.safeguarding.categories import AUDIENCES, CATEGORIES, CATEGORY_LABELS
from analysis.safeguarding.detector import Assessment, Detector
from analysis.safeguarding.errors import LexiconError
from analysis.safeguarding.lexicon import DEFAULT_DIRECTORY, Lexicon, load_lexicon

__all__ = [
    "AUDIENCES",
    "CATEGORIES",
    "CATEGORY_LABELS",
    "DEFAULT_DIRECTORY",
    "Assessment",
    "Detector",
    "Lexicon",
    "LexiconError",
    "assess",
    "default_detector",
    "load_lexicon",
]


@cache
def default_detector() -> Detector:
    """The detector over the shipped lexicon, compiled on first use and then kept."""
    return Detector(load_lexicon(DEFAULT_DIRECTORY))


def assess(text: str, audience: str = "young_people") -> Assessment:
    """Whether `text`, written by someone of `audience`, may disclose harm, and why."""
    return default_detector().assess(text, audience)
