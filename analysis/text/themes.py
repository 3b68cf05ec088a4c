"""Which of the report's themes an answer touches, by keyword and stem lists per theme."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from analysis.text.lexicon import load_toml
from analysis.text.normalise import tokenise

THEMES = (
    "safety",
    "staff_relationships",
    "being_listened_to",
    "food",
    "home_environment",
    "education",
    "health_wellbeing",
    "family_contact",
    "friends_activities",
    "independence_future",
    "rules_fairness",
    "communication",
    "care_planning",
    "placement_stability",
)
AUDIENCE_KEYS = ("young_people", "professionals", "families", "staff")

Pattern = tuple[str, ...]


@dataclass(frozen=True)
class Matcher:
    """Compiled patterns: whole words, stems and phrases, matched by one regular expression."""

    words: frozenset[str]
    stems: tuple[str, ...]
    phrases: tuple[Pattern, ...]
    regex: re.Pattern | None = field(default=None, compare=False)

    def found_in(self, tokens: tuple[str, ...]) -> bool:
        """Whether any word, stem or phrase occurs in the tokens."""
        # Tokens joined by single spaces: a blanked token leaves two spaces, so no word or
        # phrase can match across it, just as no pattern matches an empty token.
        return self.regex is not None and self.regex.search(" ".join(tokens)) is not None

    def blank(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """Tokens with every matching phrase replaced by blanks, so its words match nothing."""
        if self.regex is None:
            return tokens
        blanked = [
            "" if t in self.words or t.startswith(self.stems or ("\0",)) else t for t in tokens
        ]
        for phrase in self.phrases:
            for i in _starts(phrase, tokens):
                blanked[i : i + len(phrase)] = [""] * len(phrase)
        return tuple(blanked)


@dataclass(frozen=True)
class ThemeRule:
    """The patterns that mark one theme, and the runs of words that never count for it."""

    theme: str
    patterns: Matcher
    by_audience: dict[str, Matcher]
    exclude: Matcher

    def matches(self, tokens: tuple[str, ...], audience: str) -> bool:
        """Whether any pattern for this audience occurs outside the excluded runs."""
        tokens = self.exclude.blank(tokens)
        extra = self.by_audience.get(audience)
        return self.patterns.found_in(tokens) or (extra is not None and extra.found_in(tokens))


def detect_themes(text: str, audience: str) -> tuple[str, ...]:
    """The themes an answer mentions, in the report's order."""
    tokens = tokenise(text)
    return tuple(rule.theme for rule in theme_rules() if rule.matches(tokens, audience))


@cache
def theme_rules() -> tuple[ThemeRule, ...]:
    """Theme rules from ``data/themes.toml``, refusing unknown themes or audiences."""
    data = load_toml("themes.toml")
    unknown = set(data) - set(THEMES)
    if unknown:
        raise ValueError(f"themes.toml: unknown theme(s) {', '.join(sorted(unknown))}")
    return tuple(_rule(theme, data.get(theme, {})) for theme in THEMES)


def _rule(theme: str, table: dict) -> ThemeRule:
    unknown = set(table) - {"words", "exclude", *AUDIENCE_KEYS}
    if unknown:
        raise ValueError(f"themes.toml [{theme}]: unknown key(s) {', '.join(sorted(unknown))}")
    return ThemeRule(
        theme=theme,
        patterns=_patterns(table.get("words", ())),
        by_audience={a: _patterns(table[a]) for a in AUDIENCE_KEYS if a in table},
        exclude=_patterns(table.get("exclude", ())),
    )


def _patterns(entries) -> Matcher:
    # Patterns go through the same tokeniser as answers so "i'm 18" and "im 18" agree.
    patterns = [tuple(_keep_star(entry)) for entry in entries]
    singles = [p[0] for p in patterns if len(p) == 1]
    return Matcher(
        words=frozenset(w for w in singles if not w.endswith("*")),
        stems=tuple(w[:-1] for w in singles if w.endswith("*")),
        phrases=tuple(p for p in patterns if len(p) > 1),
        regex=_regex(patterns),
    )


def _regex(patterns: list[Pattern]) -> re.Pattern | None:
    """One expression for every pattern, each matching whole space-separated tokens."""
    if not patterns:
        return None
    alternatives = sorted({" ".join(map(_token_regex, p)) for p in patterns}, key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(alternatives) + r")(?!\S)")


def _token_regex(pattern: str) -> str:
    # "stem*" is any token starting with the stem; a token never holds a space.
    return re.escape(pattern[:-1]) + r"\S*" if pattern.endswith("*") else re.escape(pattern)


def _keep_star(entry: str) -> list[str]:
    return [tokenise(part)[0] + ("*" if part.endswith("*") else "") for part in entry.split()]


def _starts(pattern: Pattern, tokens: tuple[str, ...]):
    """Positions where the pattern begins in the tokens."""
    if not pattern[0].endswith("*") and pattern[0] not in tokens:
        return  # the common case, settled without a scan
    size = len(pattern)
    for i in range(len(tokens) - size + 1):
        if all(_word_matches(p, t) for p, t in zip(pattern, tokens[i : i + size], strict=True)):
            yield i


def _word_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return bool(token) and token.startswith(pattern[:-1])
    return token == pattern
