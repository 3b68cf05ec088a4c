"""The word lists anonymising reads: our own data files, Faker's name lists, TextBlob's lexicon.

Everything here ships inside an installed package, so nothing is fetched at run time.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from analysis.text.lexicon import load_toml

# Faker's person providers (MIT licence) hold first names and surnames per locale, from
# national statistics.  These locales cover the names most often met in English children's
# homes: British and Irish, and those of the largest groups of children who arrive from abroad.
NAME_LOCALES = (
    "en_GB",
    "en_IE",
    "en_US",
    "en_IN",
    "ar_AA",
    "bn_BD",
    "fa_IR",
    "pl_PL",
    "ro_RO",
    "tr_TR",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "fr_FR",
    "es_ES",
    "it_IT",
    "pt_PT",
)
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*")


@dataclass(frozen=True)
class Lists:
    """Word lists for anonymising, from ``data/anonymise.toml``, ``data/places.toml`` and Faker."""

    keep: frozenset[str]
    acronyms: frozenset[str]
    first_names: frozenset[str]
    surnames: frozenset[str]
    prepositions: frozenset[str]
    places: re.Pattern
    places_capitalised: re.Pattern
    slang: frozenset[str]
    not_address: frozenset[str]
    generic_school: frozenset[str]


def is_common(word: str) -> bool:
    """Whether a word is an ordinary English word (TextBlob's bundled tagger lexicon)."""
    return word.lower() in _tags()


def tags(word: str) -> tuple[str, ...]:
    """The word's part-of-speech tags in the lexicon, commonest first; () if unknown."""
    return _tags().get(word.lower(), ())


@cache
def _tags() -> MappingProxyType:
    # Brill's lexicon ships with TextBlob: ~94,000 words with their tags; a word seen in lower
    # case with a commonest tag other than proper noun is an ordinary word.
    path = resources.files("textblob.en").joinpath("en-lexicon.txt")
    with path.open(encoding="utf-8") as handle:
        rows = (line.split() for line in handle if not line.startswith(";;;"))
        found = {r[0]: tuple(r[1:]) for r in rows if len(r) > 1 and r[0].islower()}
    return MappingProxyType({w: t for w, t in found.items() if t[0] != "NNP"})


@cache
def lists() -> Lists:
    data = load_toml("anonymise.toml")
    keep = frozenset(data["keep"])
    place_data = load_toml("places.toml")
    places = [p for p in place_data["places"] if p not in keep]
    words = set(place_data["also_words"])
    ordinary = [p for p in places if " " not in p and (is_common(p) or p in words)]
    first, last = _package_names()
    return Lists(
        keep=keep,
        acronyms=frozenset(data["acronyms"]),
        # Our own list may hold names that are also words ("Will", "Grace"); a package's name
        # that is an ordinary word ("Us", "Edit") is left out, or every capitalised one would go.
        first_names=frozenset(data["names"]) | frozenset(n for n in first if not is_common(n)),
        surnames=frozenset(s.lower() for s in (*last, *data["surnames"])),
        prepositions=frozenset(data["place_prepositions"]),
        places=alternation([p for p in places if p not in ordinary], re.IGNORECASE),
        places_capitalised=alternation(ordinary, 0),
        slang=frozenset(load_toml("spelling.toml")["spelling"]),
        not_address=frozenset(data["not_address"]),
        generic_school=frozenset(data["generic_school"]),
    )


def _package_names() -> tuple[set[str], set[str]]:
    """First names and surnames from Faker, in Latin script, three letters or more."""
    first: set[str] = set()
    last: set[str] = set()
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            first.update(getattr(provider, attribute, ()) or ())
        last.update(getattr(provider, "last_names", ()) or ())
    return _latin(first), _latin(last)


def _latin(names: set[str]) -> set[str]:
    return {n for n in names if len(n) >= 3 and _LATIN_NAME.fullmatch(n)}


def alternation(words, flags: int) -> re.Pattern:
    """A pattern matching any of ``words`` as whole words, longest first."""
    ordered = sorted(words, key=len, reverse=True)
    if not ordered:
        return re.compile(r"(?!)")
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b", flags)
