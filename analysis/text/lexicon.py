"""The word lists behind text analysis, read once from the TOML files in ``analysis/data``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Sense:
    """A word scored by its neighbours: ``otherwise`` after ``after`` or before ``before``."""

    score: float
    otherwise: float
    after: frozenset[str]
    before: frozenset[str]
    at_start: float | None


@dataclass(frozen=True)
class SentimentLexicon:
    """Everything the sentiment scorer reads: word scores, phrases, senses and negation."""

    words: MappingProxyType
    phrases: MappingProxyType
    senses: MappingProxyType
    intensifiers: MappingProxyType
    negators: frozenset[str]
    negation_factor: float
    standalone: MappingProxyType
    hedges: frozenset[str]
    hedged: float
    excess: MappingProxyType
    boundaries: frozenset[str]
    after_counts_double: frozenset[str]
    before_counts_double: frozenset[str]
    neutral: frozenset[str]
    positive_from: float
    negative_below: float


def load_toml(name: str) -> dict[str, Any]:
    """One data file from ``analysis/data`` as a dict."""
    with resources.files("analysis").joinpath("data", name).open("rb") as handle:
        return tomllib.load(handle)


@cache
def spelling() -> tuple[MappingProxyType, MappingProxyType]:
    """Single-word and two-word replacements for text-speak and misspellings."""
    data = load_toml("spelling.toml")
    return MappingProxyType(data["spelling"]), MappingProxyType(data["phrases"])


@cache
def emoji() -> MappingProxyType:
    """Emoji and emoticons with their polarity."""
    data = load_toml("emoji.toml")
    return MappingProxyType({**data["emoji"], **data["emoticons"]})


@cache
def sentiment_lexicon() -> SentimentLexicon:
    """The sentiment lexicon, checked enough to fail loudly on a malformed file."""
    data = load_toml("sentiment.toml")
    negation, contrast = data["negation"], data["contrast"]
    return SentimentLexicon(
        words=MappingProxyType(data["words"]),
        phrases=MappingProxyType({tuple(k.split()): v for k, v in data["phrases"].items()}),
        senses=MappingProxyType({k: _sense(v) for k, v in data["senses"].items()}),
        intensifiers=MappingProxyType(data["intensifiers"]),
        negators=frozenset(negation["negators"]),
        negation_factor=float(negation["factor"]),
        standalone=MappingProxyType(negation["standalone"]),
        hedges=frozenset(negation["hedges"]),
        hedged=float(negation["hedged"]),
        excess=MappingProxyType(data["excess"]),
        boundaries=frozenset(negation["boundaries"]),
        after_counts_double=frozenset(contrast["after_counts_double"]),
        before_counts_double=frozenset(contrast["before_counts_double"]),
        neutral=frozenset(data.get("neutral", {}).get("words", ())),
        positive_from=float(data["labels"]["positive_from"]),
        negative_below=float(data["labels"]["negative_below"]),
    )


def _sense(table: dict[str, Any]) -> Sense:
    return Sense(
        score=float(table["score"]),
        otherwise=float(table["otherwise"]),
        after=frozenset(table.get("after", ())),
        before=frozenset(table.get("before", ())),
        at_start=table.get("at_start"),
    )
