"""Turn an answer into comparable words: lower case, no apostrophes, text-speak spelled out.

Every word keeps the place in the original answer it came from, so a reason can quote what the
young person actually wrote ("kms"), not what the detector read ("kill myself").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+(?:['’‘ʼ`´][^\W_]+)*|[^\w\s]")
_APOSTROPHE = re.compile(r"['’‘ʼ`´]")
_LONG_RUN = re.compile(r"([^\W\d_])\1{2,}")
_ANY_RUN = re.compile(r"([^\W\d_])\1+")
# Gender signs and skin tones only decorate an emoji; the emoji itself is what carries meaning.
_DECORATION = frozenset("♂♀")


def clean_word(raw: str) -> str:
    """Lower case, apostrophes dropped, a letter repeated three or more times cut to two."""
    return _LONG_RUN.sub(r"\1\1", _APOSTROPHE.sub("", raw.lower()))


def squeeze(word: str) -> str:
    """Every run of a repeated letter cut to one, so "kill", "kil" and "killll" compare equal."""
    return _ANY_RUN.sub(r"\1", word)


def raw_tokens(text: str) -> list[re.Match[str]]:
    """Words and emoji of `text`; punctuation, spaces and emoji decorations are dropped."""
    return [m for m in _TOKEN.finditer(text) if _is_wanted(m.group())]


def _is_wanted(token: str) -> bool:
    if token[0].isalnum():
        return True
    return unicodedata.category(token) == "So" and token not in _DECORATION


@dataclass(frozen=True)
class Text:
    """An answer as the detector reads it, with the way back to what was written."""

    source: str
    words: tuple[str, ...]
    keys: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    plain: str
    squeezed: str
    plain_starts: tuple[int, ...]
    squeezed_starts: tuple[int, ...]

    def token_range(self, start: int, end: int, *, squeezed: bool) -> tuple[int, int]:
        """First and last word index covered by characters start..end of one of the texts."""
        starts = self.squeezed_starts if squeezed else self.plain_starts
        first = bisect_right(starts, start) - 1
        return first, max(first, bisect_right(starts, max(start, end - 1)) - 1)

    def excerpt(self, first: int, last: int) -> str:
        return self.source[self.spans[first][0] : self.spans[last][1]]


CACHE_SIZE = 50_000  # distinct words remembered; beyond it words are simply read each time


class Normaliser:
    """Reads answers word by word, replacing text-speak, contractions and misspellings."""

    def __init__(
        self,
        replacements: Mapping[str, tuple[str, ...]],
        in_phrases: Mapping[str, str] | None = None,
    ) -> None:
        self._exact = dict(replacements)
        self._squeezed = {squeeze(key): value for key, value in replacements.items()}
        self._in_phrases = dict(in_phrases or {})
        # Most answers reuse the same few thousand words, so each is worked out once.
        self._words: dict[str, tuple[str, ...]] = {}
        self._keys: dict[str, str] = {}

    def key(self, word: str) -> str:
        """The form phrases compare: doubled letters as one, and `in_phrases` applied."""
        found = self._keys.get(word)
        if found is None:
            found = squeeze(self._in_phrases.get(word, word))
            if len(self._keys) < CACHE_SIZE:
                self._keys[word] = found
        return found

    def words(self, raw: str) -> tuple[str, ...]:
        """What one written word or emoji stands for, as one or more clean words."""
        found = self._words.get(raw)
        if found is None:
            found = self._read_word(raw)
            if len(self._words) < CACHE_SIZE:
                self._words[raw] = found
        return found

    def _read_word(self, raw: str) -> tuple[str, ...]:
        word = clean_word(raw)
        if word in self._exact:
            return self._exact[word]
        if squeeze(word) != word and squeeze(word) in self._squeezed:
            return self._squeezed[squeeze(word)]
        return (word,)

    def read(self, source: str) -> Text:
        words: list[str] = []
        spans: list[tuple[int, int]] = []
        for match in raw_tokens(source):
            for word in self.words(match.group()):
                words.append(word)
                spans.append(match.span())
        keys = tuple(self.key(word) for word in words)
        return Text(
            source=source,
            words=tuple(words),
            keys=keys,
            spans=tuple(spans),
            plain=" ".join(words),
            squeezed="".join(key + " " for key in keys),
            plain_starts=_starts(words),
            squeezed_starts=_starts(keys),
        )


def _starts(words: tuple[str, ...] | list[str]) -> tuple[int, ...]:
    starts, offset = [], 0
    for word in words:
        starts.append(offset)
        offset += len(word) + 1
    return tuple(starts)
