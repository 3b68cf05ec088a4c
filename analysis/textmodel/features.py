"""The words and letter runs a comment is read by: one analyser shared by training and use.

Training hands `features` to scikit-learn's TfidfVectorizer; the shipped model builds the same
features from the same parts (`parts`, `inner_runs`, `crossing_runs`), so what was learned is
what is used. Letter runs (3 to 6 characters) let a misspelling ("sucidal", "cuting",
"kil my self") share most of its features with the words it stands for; runs that cross from
one word into the next, and word pairs, keep some context ("got shot" at paintball against
"got shot"). On held-out writers, runs across word boundaries found disclosures more
precisely than runs inside words alone (see analysis/models/MODEL_CARD.md).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain

from analysis.text.normalise import clean, tokenise

CHAR_SIZES = (3, 4, 5, 6)


def features(text: str, audience: str | None = None) -> list[str]:
    """Every feature of `text`: who wrote it, words, word pairs, and runs of letters."""
    singles, words = parts(text, audience)
    inner = chain.from_iterable(map(inner_runs, words))
    crossing = chain.from_iterable(map(crossing_runs, words, words[1:]))
    return [*singles, *inner, *crossing]


def parts(text: str, audience: str | None = None) -> tuple[list[str], list[str]]:
    """The features that stand alone (audience, words, word pairs), and the written words."""
    tokens = tokenise(text)
    singles = [f"a {audience}"] if audience else []
    singles += [f"w {t}" for t in tokens]
    singles += [f"b {a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    return singles, clean(text).split()


@lru_cache(maxsize=65_536)
def inner_runs(word: str) -> tuple[str, ...]:
    """Runs of letters within one written word, its start and end marked by a space."""
    padded = f" {word} "
    return tuple(f"c{padded[i : i + n]}" for n in CHAR_SIZES for i in range(len(padded) - n + 1))


@lru_cache(maxsize=65_536)
def crossing_runs(first: str, second: str) -> tuple[str, ...]:
    """Runs that take at least one letter from each of two neighbouring words."""
    line, space = f"{first} {second}", len(first)
    return tuple(
        f"c{line[i : i + n]}"
        for n in CHAR_SIZES
        for i in range(max(0, space - n + 2), min(space, len(line) - n + 1))
    )
