"""Assess one answer against a lexicon: which categories it signals, and why."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import product

from analysis.safeguarding.categories import AUDIENCES
from analysis.safeguarding.lexicon import Lexicon, Rule
from analysis.safeguarding.normalise import Text
from analysis.safeguarding.phrases import Phrase

Span = tuple[int, int]  # first and last word of a match
Where = tuple[Span, ...]  # the parts of an answer a rule matched, in order


@dataclass(frozen=True)
class Assessment:
    """The verdict on one answer: flagged when any category is signalled."""

    flagged: bool
    categories: tuple[str, ...]
    reasons: tuple[str, ...]
    understood: bool = True  # False when the text could not be read (another language)


class Detector:
    """A compiled lexicon with an index from words to the rules that could match them."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._always: set[int] = set()
        self._exact: dict[str, set[int]] = defaultdict(set)
        self._prefixes: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self._compiled = tuple(_Compiled.of(rule) for rule in lexicon.rules)
        self.idioms = _either(lexicon.idioms)
        self.negations = _either(lexicon.negation_phrases)
        for number, rule in enumerate(lexicon.rules):
            self._index(number, rule)

    def assess(self, text: str, audience: str = "young_people") -> Assessment:
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, not {type(text).__name__}")
        if audience not in AUDIENCES:
            raise ValueError(f"unknown audience {audience!r}; expected one of {AUDIENCES}")
        reading = _Reading(self, self.lexicon.normaliser.read(text))
        found: list[tuple[Where, int, Rule]] = []
        fallbacks: list[tuple[Where, int, Rule]] = []
        for number in sorted(self._candidates(reading.text.keys)):
            rule = self.lexicon.rules[number]
            if audience not in rule.audiences:
                continue
            if where := reading.match(rule, self._compiled[number]):
                (fallbacks if rule.fallback else found).append((where, number, rule))
        return _verdict(reading.text, sorted(found or fallbacks))

    def _index(self, number: int, rule: Rule) -> None:
        if rule.regex is not None:
            self._always.add(number)
            return
        phrases = rule.phrases or min(rule.near, key=_part_score)
        for phrase in phrases:
            if phrase.anchor is None:
                self._always.add(number)
                continue
            for word in phrase.anchor.exact:
                self._exact[word].add(number)
            for prefix in phrase.anchor.prefixes:
                self._prefixes[prefix[:3]].append((prefix, number))

    def _candidates(self, keys: tuple[str, ...]) -> set[int]:
        candidates = set(self._always)
        for key in set(keys):
            candidates.update(self._exact.get(key, ()))
            for prefix, number in self._prefixes.get(key[:3], ()):
                if key.startswith(prefix):
                    candidates.add(number)
        return candidates


@dataclass(frozen=True)
class _Compiled:
    """A rule's phrase lists, each joined into one regular expression so it is searched once."""

    phrases: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    near: tuple[re.Pattern[str] | None, ...]

    @classmethod
    def of(cls, rule: Rule) -> _Compiled:
        named = rule.at_least > 1
        near = tuple(map(_either, rule.near))
        return cls(_either(rule.phrases, named), _either(rule.unless), near)


def _either(phrases: tuple[Phrase, ...], named: bool = False) -> re.Pattern[str] | None:
    """One pattern finding any of the phrases at every word, overlapping matches included.

    Group 1 is the match; with `named`, the group pN that took part says which phrase it was.
    Phrases only start at a word, so the word-start test comes once, before the alternatives.
    """
    if not phrases:
        return None
    opening = [f"(?P<p{i}>" if named else "(?:" for i in range(len(phrases))]
    bodies = (f"{o}{p.regex})" for o, p in zip(opening, phrases, strict=True))
    return re.compile("(?<![^ ])(?=(" + "|".join(bodies) + "))")


def _part_score(part: tuple[Phrase, ...]) -> tuple:
    """How selective a part of a near rule is as the index entry: anchored, rare words first."""
    if any(phrase.anchor is None for phrase in part):
        return (True, True, 1 << 30, 0)
    scores = [phrase.anchor.score() for phrase in part if phrase.anchor]
    return (any(s[0] for s in scores), any(s[1] for s in scores), sum(s[2] for s in scores), 0)


def _verdict(text: Text, found: list[tuple[Where, int, Rule]]) -> Assessment:
    categories: set[str] = set()
    reasons: dict[str, None] = {}
    for where, _number, rule in found:
        quote = _quote(text, where)
        for category in rule.categories:
            categories.add(category)
            reasons[f'{category}: "{quote}" ({rule.reason})'] = None
    return Assessment(bool(categories), tuple(sorted(categories)), tuple(reasons))


def _quote(text: Text, where: Where) -> str:
    """What the young person wrote there; parts far apart are joined with an ellipsis."""
    merged: list[list[int]] = []
    for first, last in sorted(where):
        if merged and first - merged[-1][1] <= 4:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return " … ".join(text.excerpt(first, last) for first, last in merged)


class _Reading:
    """One answer being matched; pattern matches are computed once and shared by rules."""

    def __init__(self, detector: Detector, text: Text) -> None:
        self.lexicon, self.text = detector.lexicon, text
        self._detector = detector
        self._found: dict[int, list[tuple[Span, str | None]]] = {}

    def match(self, rule: Rule, compiled: _Compiled) -> Where | None:
        """Where the rule matches, outside idioms, exclusions and negations; None if nowhere."""
        if rule.near:
            return self._near(rule, compiled)
        if rule.at_least > 1:
            return self._several(rule, compiled)
        if rule.regex is not None:
            spans = self._regex_spans(rule.regex)
        else:
            spans = self.spans(compiled.phrases)
        return next(((s,) for s in spans if self._accepted(rule, compiled, s)), None)

    def spans(self, pattern: re.Pattern[str] | None) -> list[Span]:
        return [span for span, _ in self._matches(pattern)]

    def _matches(self, pattern: re.Pattern[str] | None) -> list[tuple[Span, str | None]]:
        if pattern is None:
            return []
        if id(pattern) not in self._found:
            token_range = self.text.token_range
            self._found[id(pattern)] = [
                (token_range(m.start(1), m.end(1), squeezed=True), _which(m))
                for m in pattern.finditer(self.text.squeezed)
            ]
        return self._found[id(pattern)]

    def _regex_spans(self, regex: re.Pattern[str]) -> list[Span]:
        return [
            self.text.token_range(m.start(), m.end(), squeezed=False)
            for m in regex.finditer(self.text.plain)
            if m.end() > m.start()
        ]

    def _near(self, rule: Rule, compiled: _Compiled) -> Where | None:
        parts = [
            [s for s in self.spans(part) if self._accepted(rule, compiled, s)]
            for part in compiled.near
        ]
        for combination in product(*parts):
            if max(s[1] for s in combination) - min(s[0] for s in combination) < rule.within:
                return tuple(combination)
        return None

    def _several(self, rule: Rule, compiled: _Compiled) -> Where | None:
        """At least `rule.at_least` different phrases of the rule, in separate places."""
        taken: dict[str | None, Span] = {}
        for span, phrase in self._matches(compiled.phrases):
            if phrase not in taken and self._accepted(rule, compiled, span):
                taken[phrase] = span
        return tuple(sorted(taken.values())) if len(taken) >= rule.at_least else None

    def _accepted(self, rule: Rule, compiled: _Compiled, span: Span) -> bool:
        return self._counts(compiled, span) and not self._negated(rule, span)

    def _counts(self, compiled: _Compiled, span: Span) -> bool:
        """False when the match lies wholly inside an idiom or one of the rule's exclusions."""
        outside = self.spans(self._detector.idioms) + self.spans(compiled.unless)
        return not any(a <= span[0] and span[1] <= b for a, b in outside)

    def _negated(self, rule: Rule, span: Span) -> bool:
        if not rule.negatable:
            return False
        keys, lexicon = self.text.keys, self.lexicon
        reach = range(max(0, span[0] - lexicon.negation_window), span[0])
        return any(
            keys[i] in lexicon.negators and keys[i + 1] not in lexicon.negation_breakers
            for i in reach
        ) or any(end in reach for _, end in self.spans(self._detector.negations))


def _which(match: re.Match[str]) -> str | None:
    """The named phrase group that matched, if the pattern names them."""
    return next((name for name, value in match.groupdict().items() if value is not None), None)
