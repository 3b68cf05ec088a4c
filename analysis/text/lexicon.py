"""The word lists behind text analysis, read once from the TOML files in ``analysis/data``."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any


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
