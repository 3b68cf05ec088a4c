"""The safety net's word lists: people and the body, for answers no rule was written for.

Rules find the disclosures someone thought of; a young person may say it another way. So the
service also treats as urgent a young person's answer that reads as negative and names a
person or the body. This module finds those words; `analysis.text.comments` combines them
with the answer's sentiment. The lists live in `safety_net.toml` beside the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.safeguarding.errors import LexiconError
from analysis.safeguarding.lexicon import (
    DEFAULT_DIRECTORY,
    _compiled,
    _no_unknown_keys,
    load_lexicon,
    read_toml,
)
from analysis.safeguarding.normalise import Normaliser
from analysis.safeguarding.phrases import Phrase

FILE_NAME = "safety_net.toml"
KINDS = ("people", "body")


@dataclass(frozen=True)
class SafetyNet:
    """Compiled word lists, read the way the rules read an answer."""

    normaliser: Normaliser
    patterns: dict[str, re.Pattern[str]]

    def mentions(self, text: str) -> tuple[str, ...]:
        """The words of `text`, as written, that name a person or the body; empty if none."""
        reading = self.normaliser.read(text)
        found: dict[str, None] = {}
        for pattern in self.patterns.values():
            for match in pattern.finditer(reading.squeezed):
                first, last = reading.token_range(match.start(1), match.end(1), squeezed=True)
                found[reading.excerpt(first, last)] = None
        return tuple(found)


def load_safety_net(
    directory: Path | str = DEFAULT_DIRECTORY, normaliser: Normaliser | None = None
) -> SafetyNet:
    """Load and check `safety_net.toml`; a bad entry raises LexiconError naming it."""
    directory = Path(directory)
    normaliser = normaliser or load_lexicon(directory).normaliser
    path = directory / FILE_NAME
    data = read_toml(path)
    _no_unknown_keys(path, "(file)", data, set(KINDS))
    patterns = {}
    for kind in KINDS:
        if not data.get(kind):
            raise LexiconError(path, kind, "needs a list of at least one phrase")
        patterns[kind] = _either(_compiled(path, kind, data[kind], normaliser))
    return SafetyNet(normaliser, patterns)


def _either(phrases: tuple[Phrase, ...]) -> re.Pattern[str]:
    """Any of the phrases, found at every word start (group 1 is the match)."""
    return re.compile("(?<![^ ])(?=(" + "|".join(f"(?:{p.regex})" for p in phrases) + "))")


@cache
def default_safety_net() -> SafetyNet:
    """The shipped lists, read with the shipped detector's normaliser (loaded once)."""
    from analysis.safeguarding import default_detector  # the package imports this module

    return load_safety_net(DEFAULT_DIRECTORY, default_detector().lexicon.normaliser)


def mentions_person_or_body(text: str) -> tuple[str, ...]:
    """The words of `text` naming a person or the body, by the shipped lists."""
    return default_safety_net().mentions(text)
