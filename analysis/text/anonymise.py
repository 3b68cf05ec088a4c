"""Remove names and identifying details from a quote, leaving bracketed placeholders.

Privacy comes before readability: a capitalised word the dictionary does not know is taken
for a name, so an odd capitalised word may be hidden too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from analysis.text.lexicon import load_toml

NAME, INITIALS, PLACE = "[name]", "[initials]", "[place]"
EMAIL, PHONE, POSTCODE, ADDRESS = "[email]", "[phone]", "[postcode]", "[address]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])\(?(?:\+44|0)[\d\s()-]{7,15}\d(?!\d)")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_STREETS = (
    "road|rd|street|st|avenue|ave|lane|ln|close|drive|way|crescent|grove|place|court|"
    "terrace|gardens|walk|mews|row|hill|view|square|green"
)
_NUMBERED_ADDRESS = re.compile(
    rf"\b\d{{1,4}}[a-z]?,?\s+(?:[a-z'-]+\s+){{0,3}}(?:{_STREETS})\b", re.IGNORECASE
)
_NAMED_STREET = re.compile(
    r"\b(?:[A-Z][a-z'-]+\s+){1,2}(?:Road|Street|Avenue|Lane|Close|"
    r"Drive|Crescent|Grove|Terrace|Gardens|Way|Mews)\b"
)
_NOT_ADDRESS_WORDS = {
    "the",
    "a",
    "an",
    "down",
    "up",
    "my",
    "our",
    "of",
    "to",
    "from",
    "miles",
    "mins",
    "minutes",
    "min",
    "hours",
    "mile",
    "times",
    "and",
    "or",
}
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-zA-Z'-]+")
_DOTTED_INITIALS = re.compile(r"\b[A-Z]\.(?:\s?[A-Z]\.)*(?=\s|$|[,;:!?])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# After a name at the start of a sentence: "Will is my key worker", not "Will you".
_SUBJECT_VERBS = {
    "is",
    "was",
    "said",
    "says",
    "has",
    "had",
    "and",
    "told",
    "tells",
    "always",
    "never",
    "helps",
    "helped",
    "gets",
    "got",
    "does",
    "did",
    "makes",
    "made",
}
_REPEATED = re.compile(r"(\[(\w+)\])(?:\s+\[\2\])+")


@dataclass(frozen=True)
class _Lists:
    """Word lists for anonymising, read from ``data/anonymise.toml`` and ``data/places.toml``."""

    keep: frozenset[str]
    acronyms: frozenset[str]
    names: frozenset[str]
    prepositions: frozenset[str]
    places: re.Pattern
    places_capitalised: re.Pattern


def anonymise(text: str) -> str:
    """``text`` with names, initials, contact details, addresses and places replaced."""
    text = text.replace("\u2019", "'")
    text = _EMAIL.sub(EMAIL, text)
    text = _PHONE.sub(_phone, text)
    text = _POSTCODE.sub(POSTCODE, text)
    text = _NUMBERED_ADDRESS.sub(_address, text)
    text = _NAMED_STREET.sub(ADDRESS, text)
    text = _TITLED.sub(NAME, text)
    text = _places(text)
    text = _DOTTED_INITIALS.sub(INITIALS, text)
    text = _WORD.sub(lambda match: _word(match, text), text)
    return _REPEATED.sub(r"\1", text)


def _phone(match: re.Match) -> str:
    digits = sum(ch.isdigit() for ch in match.group())
    return PHONE if 8 <= digits <= 13 else match.group()


def _address(match: re.Match) -> str:
    words = set(match.group().lower().replace(",", " ").split()[1:-1])
    return match.group() if words & _NOT_ADDRESS_WORDS else ADDRESS


def _places(text: str) -> str:
    lists = _lists()
    text = lists.places.sub(PLACE, text)
    # "Reading is boring": an ordinary word opening a sentence is not taken for a town.
    return lists.places_capitalised.sub(
        lambda m: m.group() if _starts_sentence(m.string, m) else PLACE, text
    )


def _word(match: re.Match, text: str) -> str:
    """The replacement for one word: a placeholder, or the word itself."""
    word = match.group()
    base, possessive = (word[:-2], word[-2:]) if word.endswith("'s") else (word, "")
    previous = _previous_word(text, match.start())
    starts = _starts_sentence(text, match) and not _subject(text, match.end())
    kind = _classify(base, previous, starts)
    return word if kind is None else kind + possessive


def _classify(word: str, previous: str, sentence_start: bool) -> str | None:
    lists = _lists()
    if word in lists.keep or word.title() in lists.keep and not word.islower():
        return None
    if word.isupper() and 2 <= len(word) <= 3:
        return None if word in lists.acronyms or is_common(word) else INITIALS
    if word.islower():
        return NAME if word.title() in lists.names and not is_common(word) else None
    if not word[0].isupper() or not word[1:].islower():
        return None
    known_name = word in lists.names
    if sentence_start:
        return NAME if known_name and not is_common(word) else None
    if previous in lists.prepositions and not known_name and not is_common(word):
        return PLACE
    return NAME if known_name or not is_common(word) else None


def _previous_word(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 20) : start])
    return words[-1].lower() if words else ""


def _subject(text: str, end: int) -> bool:
    """Whether the next word makes the word before it look like someone's name."""
    following = _WORD.findall(text[end : end + 20])
    return bool(following) and following[0] in _SUBJECT_VERBS


def _starts_sentence(text: str, match: re.Match) -> bool:
    before = text[: match.start()].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?\n"


def is_common(word: str) -> bool:
    """Whether a word is an ordinary English word (TextBlob's bundled tagger lexicon)."""
    return word.lower() in _dictionary()


@cache
def _dictionary() -> frozenset[str]:
    # Brill's lexicon ships with TextBlob: ~94,000 words with their commonest tag; a word
    # seen in lower case with a tag other than proper noun is an ordinary word.
    path = resources.files("textblob.en").joinpath("en-lexicon.txt")
    with path.open(encoding="utf-8") as handle:
        rows = (line.split() for line in handle if not line.startswith(";;;"))
        return frozenset(r[0] for r in rows if len(r) > 1 and r[0].islower() and r[1] != "NNP")


@cache
def _lists() -> _Lists:
    data = load_toml("anonymise.toml")
    keep = frozenset(data["keep"])
    places = [p for p in load_toml("places.toml")["places"] if p not in keep]
    ordinary = [p for p in places if " " not in p and is_common(p)]
    return _Lists(
        keep=keep,
        acronyms=frozenset(data["acronyms"]),
        names=frozenset(data["names"]),
        prepositions=frozenset(data["place_prepositions"]),
        places=_alternation([p for p in places if p not in ordinary], re.IGNORECASE),
        places_capitalised=_alternation(ordinary, 0),
    )


def _alternation(words: list[str], flags: int) -> re.Pattern:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b", flags)
