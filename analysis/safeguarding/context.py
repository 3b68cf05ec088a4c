"""Contexts that make a phrase rule's match doubtful: games and sport, hyperbole, the past,
everyday complaints (the cold, tea time, phones at bedtime), and good practice.

A rule matches words ("got shot", "kill me", "missing"); these say what kind of talk the words
sit in. They never flag anything and never clear anything on their own: `analysis.text.comments`
drops a rule's flag only when the learned model, too, finds the answer unlikely to disclose harm.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from analysis.safeguarding.errors import LexiconError
from analysis.safeguarding.lexicon import DEFAULT_DIRECTORY, read_toml

FILE_NAME = "context.toml"
KINDS = ("games_sport", "hyperbole", "past_resolved", "everyday", "good_practice")
_APOSTROPHES = re.compile("['\u2019`]")


def load_contexts(directory: Path = DEFAULT_DIRECTORY) -> dict[str, re.Pattern[str]]:
    """One pattern per context kind; LexiconError names a bad or missing entry."""
    path = Path(directory) / FILE_NAME
    data = read_toml(path)
    patterns = {}
    for kind in KINDS:
        entries = data.get(kind)
        if not entries or not all(isinstance(e, str) for e in entries):
            raise LexiconError(path, kind, "needs a list of regular expressions")
        try:
            patterns[kind] = re.compile("|".join(f"(?:{e})" for e in entries))
        except re.error as error:
            raise LexiconError(path, kind, f"not a regular expression: {error}") from None
    if unknown := set(data) - set(KINDS):
        raise LexiconError(path, sorted(unknown)[0], f"unknown context; expected {KINDS}")
    return patterns


@cache
def default_contexts() -> dict[str, re.Pattern[str]]:
    return load_contexts()


def contexts_in(text: str) -> tuple[str, ...]:
    """The context kinds `text` shows, by the shipped patterns; empty if none."""
    plain = _APOSTROPHES.sub("", text.lower())
    return tuple(kind for kind, pattern in default_contexts().items() if pattern.search(plain))
