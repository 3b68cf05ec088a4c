"""Turn an answer as typed into lower-case tokens with text-speak and apostrophes mended."""

from __future__ import annotations

import re
import unicodedata

from analysis.text.lexicon import emoji, spelling

_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)
_REPEATS = re.compile(r"(\w)\1{2,}")
# Variation selectors and skin tones change how an emoji looks, not what it means.
_EMOJI_EXTRAS = re.compile("[\ufe0f\u200d\U0001f3fb-\U0001f3ff]")
_EMOJI = "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]"
_TOKEN = re.compile(
    r"[:;]'?-?[()dp/]|<3"  # emoticons
    rf"|{_EMOJI}"
    r"|\d+/\d+"  # ratings such as 10/10
    r"|[a-z0-9]+(?:['-][a-z0-9]+)*"  # words, with their apostrophes and hyphens
    r"|[.!?,;:]+"
)
PUNCTUATION = frozenset(".!?,;:")


def clean(text: str) -> str:
    """Straight apostrophes, lower case, "sooooo" shortened to "soo", emoji without modifiers."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = _EMOJI_EXTRAS.sub("", text).lower()
    return _REPEATS.sub(r"\1\1", text)


def tokenise(text: str) -> tuple[str, ...]:
    """Tokens of a cleaned answer with text-speak spelled out ("gud" -> "good")."""
    words, pairs = spelling()
    tokens: list[str] = []
    for token in _TOKEN.findall(clean(text)):
        tokens.extend(words.get(token, token).split())
    return _join_pairs(tokens, pairs)


def is_emoji(token: str) -> bool:
    """Whether a token is an emoji or emoticon the lexicon knows."""
    return token in emoji()


def is_punctuation(token: str) -> bool:
    """Whether a token is sentence or clause punctuation."""
    return token[0] in PUNCTUATION


def _join_pairs(tokens: list[str], pairs) -> tuple[str, ...]:
    joined: list[str] = []
    for token in tokens:
        pair = f"{joined[-1]} {token}" if joined else ""
        if pair in pairs:
            joined[-1:] = [pairs[pair]]
        else:
            joined.append(token)
    return tuple(joined)
