"""The phrase language of the lexicon files, compiled to regular expressions over read text.

A phrase is plain words, matched whole and in order, read the same way as answers are
(so "dont", "don't" and "do not" are one phrase). Three marks:

    word*      any word starting with "word"  (hurt* → hurt, hurts, hurting, hurtin)
    *   **     up to three / up to six words of any kind in between
    (a|b c|)   one of the alternatives; an empty one makes the group optional
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.safeguarding.normalise import Normaliser, clean_word, raw_tokens, squeeze

GAPS = {"*": 3, "**": 6}
_PIECE = re.compile(r"(\s+)|([()|])|(\*+)|([^\s()|*]+)")
_REGEX_LOOK = re.compile(r"[.?+\[\]{}^$\\]")
# Words so common that matching them first would not narrow anything down.
_COMMON = frozenset(
    ("a", "am", "and", "are", "as", "at", "be", "but", "do", "for", "had", "has", "have", "he",
     "her", "him", "i", "in", "is", "it", "me", "my", "no", "not", "of", "on", "or", "she", "so",
     "that", "the", "them", "they", "this", "to", "up", "us", "was", "we", "with", "you", "your")
)  # fmt: skip


class PhraseError(ValueError):
    """A phrase that cannot be compiled; the loader adds the file and the entry."""


@dataclass(frozen=True)
class Word:
    raw: str
    prefix: bool = False


@dataclass(frozen=True)
class Gap:
    words: int


@dataclass(frozen=True)
class Group:
    alternatives: tuple[tuple[Word, ...], ...]


@dataclass(frozen=True)
class Anchor:
    """Words of which at least one must be in an answer for the phrase to possibly match."""

    exact: frozenset[str]
    prefixes: frozenset[str]

    def score(self) -> tuple[bool, bool, int, int]:
        words = self.exact | self.prefixes
        common = bool(words & _COMMON)
        return (common, bool(self.prefixes), len(words), -min(len(w) for w in words))


@dataclass(frozen=True)
class Phrase:
    """A compiled phrase: `regex` matches it at a word start of the squeezed text."""

    text: str
    regex: str
    anchor: Anchor | None


def compile_phrase(text: str, normaliser: Normaliser) -> Phrase:
    """Compile one phrase; raises PhraseError saying what is wrong with it."""
    if not isinstance(text, str) or not text.strip():
        raise PhraseError("a phrase must be a non-empty string")
    items = _parse(text)
    parts: list[str] = []
    anchors: list[Anchor] = []
    for item in items:
        fragment, anchor = _compile_item(item, normaliser)
        parts.append(fragment)
        anchors.extend(anchor)
    if not anchors:
        raise PhraseError(f"{text!r} has no word that must be present")
    return Phrase(text, "".join(parts), min(anchors, key=Anchor.score))


def _parse(text: str) -> list[Word | Gap | Group]:
    items: list[Word | Gap | Group] = []
    group: list[list[Word]] | None = None
    previous = ""
    for match in _PIECE.finditer(text):
        space, mark, stars, word = match.groups()
        target = items if group is None else group[-1]
        if word is not None:
            if _REGEX_LOOK.search(word):
                raise PhraseError(f"{word!r} looks like a regular expression: use regex = instead")
            target.append(Word(word))
        elif stars is not None:
            if previous == "word" and stars == "*":
                target[-1] = Word(target[-1].raw, prefix=True)
            elif stars not in GAPS:
                raise PhraseError(f"{stars!r}: use * (up to 3 words) or ** (up to 6 words)")
            elif group is not None:
                raise PhraseError("a gap (* or **) cannot be inside ( )")
            else:
                items.append(Gap(GAPS[stars]))
        elif mark == "(":
            if group is not None:
                raise PhraseError("groups ( ) cannot be nested")
            group = [[]]
        elif mark == "|":
            if group is None:
                raise PhraseError("| is only allowed inside ( )")
            group.append([])
        elif mark == ")":
            if group is None:
                raise PhraseError(") without (")
            items.append(Group(tuple(tuple(alternative) for alternative in group)))
            group = None
        previous = "word" if word is not None else ("space" if space else "mark")
    if group is not None:
        raise PhraseError("( without )")
    _check_gaps(items)
    return items


def _check_gaps(items: list[Word | Gap | Group]) -> None:
    if isinstance(items[0], Gap) or isinstance(items[-1], Gap):
        raise PhraseError("a phrase cannot start or end with a gap (* or **)")
    for left, right in zip(items, items[1:], strict=False):
        if isinstance(left, Gap) and isinstance(right, Gap):
            raise PhraseError("two gaps in a row")


def _compile_item(item: Word | Gap | Group, normaliser: Normaliser) -> tuple[str, list[Anchor]]:
    if isinstance(item, Gap):
        return f"(?:[^ ]+ ){{0,{item.words}}}", []
    if isinstance(item, Word):
        keys = _keys(item, normaliser)
        anchors = [_anchor(item, key) for key in keys]
        return "".join(_fragment(item, key) for key in keys), anchors
    fragments, firsts = [], []
    for alternative in item.alternatives:
        keys = [(word, key) for word in alternative for key in _keys(word, normaliser)]
        fragments.append("".join(_fragment(word, key) for word, key in keys))
        # Any word of an alternative must be present for it to match, so the rarest will do.
        anchors = [_anchor(word, key) for word, key in keys]
        firsts.append(min(anchors, key=Anchor.score) if anchors else None)
    group = "(?:" + "|".join(fragments) + ")"
    if None in firsts:
        return group, []
    anchor = Anchor(
        frozenset().union(*(a.exact for a in firsts if a)),
        frozenset().union(*(a.prefixes for a in firsts if a)),
    )
    return group, [anchor]


def _keys(word: Word, normaliser: Normaliser) -> list[str]:
    if word.prefix:
        stem = squeeze(clean_word(word.raw))
        if len(stem) < 3 or len(raw_tokens(word.raw)) != 1:
            raise PhraseError(f"{word.raw}*: a prefix needs at least three letters of one word")
        return [stem]
    tokens = raw_tokens(word.raw)
    keys = [normaliser.key(w) for token in tokens for w in normaliser.words(token.group())]
    if not keys:
        raise PhraseError(f"{word.raw!r} has no letters or emoji in it")
    return keys


def _fragment(word: Word, key: str) -> str:
    return re.escape(key) + ("[^ ]* " if word.prefix else " ")


def _anchor(word: Word, key: str) -> Anchor:
    if word.prefix:
        return Anchor(frozenset(), frozenset({key}))
    return Anchor(frozenset({key}), frozenset())
