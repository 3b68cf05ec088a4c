"""Sentiment of a free-text answer: TextBlob's word polarities, mended for how people write here.

TextBlob scores single adjectives well but misreads these answers: "i dont feel safe" comes out
positive, "peak" (bad) and "bare nice" (very nice) mean nothing to it, and it ignores emoji.
So words are scored one at a time (our lexicon first, TextBlob's for the rest), then negation
scopes, intensifiers and "but" clauses are applied here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from textblob.en.sentiments import PatternAnalyzer

from analysis.text.lexicon import Sense, SentimentLexicon, emoji, sentiment_lexicon
from analysis.text.normalise import is_punctuation, tokenise

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
_RATING = re.compile(r"^(\d+)/(\d+)$")
_LONGEST_PHRASE = 6


@dataclass(frozen=True)
class SentimentScore:
    """A sentiment label and the polarity (-1..1) it was read from."""

    label: str
    polarity: float


def score_sentiment(text: str) -> SentimentScore:
    """Label and polarity of an answer."""
    lexicon = sentiment_lexicon()
    value = polarity(tokenise(text), lexicon)
    if value >= lexicon.positive_from:
        return SentimentScore(POSITIVE, value)
    if value < lexicon.negative_below:
        return SentimentScore(NEGATIVE, value)
    return SentimentScore(NEUTRAL, value)


def polarity(tokens: tuple[str, ...], lexicon: SentimentLexicon) -> float:
    """Weighted mean of the scored words, -1..1; 0 when nothing carries feeling."""
    scanner = _Scanner(tokens, lexicon)
    items = scanner.scan()
    total = sum(weight for _, weight in items)
    if not total:
        return 0.0
    value = sum(score * weight for score, weight in items) / total
    return round(max(-1.0, min(1.0, value)), 3)


@dataclass
class _Scanner:
    """Walks the tokens once, keeping the open negation scope and any pending intensifier."""

    tokens: tuple[str, ...]
    lexicon: SentimentLexicon
    items: list[tuple[float, float]] = field(default_factory=list)
    negator: str | None = None
    negated_found: bool = False
    hedged: bool = False
    boost: float = 1.0

    def scan(self) -> list[tuple[float, float]]:
        """(score, weight) for every scored word or phrase."""
        weights = _weights(self.tokens, self.lexicon)
        i = 0
        while i < len(self.tokens):
            i += self._step(i, weights[i])
        self._close_scope()
        return self.items

    def _step(self, i: int, weight: float) -> int:
        token, lexicon = self.tokens[i], self.lexicon
        if self._is_boundary(i):
            self._close_scope()
            return 1
        score, length = word_score(self.tokens, i, lexicon)
        if length > 1:
            self._add(score, weight)
            return length
        if token in lexicon.negators or token.endswith("n't"):
            self._close_scope()
            self.negator = token
            return 1
        if self.negator and token in lexicon.hedges:
            self.hedged = True
            return 1
        if token in lexicon.excess and self._next_is_word(i):
            return self._excess(i, weight)
        if token in lexicon.intensifiers:
            return self._intensify(token, i, weight)
        self._add(score, weight)
        return 1

    def _intensify(self, token: str, i: int, weight: float) -> int:
        """Boost the next scored word; an intensifier alone scores only if it has a sense."""
        if self._next_scores(i):
            self.boost *= self.lexicon.intensifiers[token]
        elif token in self.lexicon.senses or token in self.lexicon.words:
            self._add(word_score(self.tokens, i, self.lexicon)[0], weight)
        return 1

    def _excess(self, i: int, weight: float) -> int:
        """ "too noisy" is noisier; "too far", "too many" complain though the word is neutral."""
        score, length = word_score(self.tokens, i + 1, self.lexicon)
        if score < 0:
            self.boost *= self.lexicon.intensifiers.get(self.tokens[i], 1.0)
            return 1
        self._add(self.lexicon.excess[self.tokens[i]], weight)
        return 1 + length

    def _add(self, score: float, weight: float) -> None:
        if not score:
            return
        score *= self.boost
        self.boost = 1.0
        if self.negator is not None:
            score *= self.lexicon.negation_factor
            self.negated_found = True
        self.items.append((max(-1.0, min(1.0, score)), weight))

    def _close_scope(self) -> None:
        standalone = self.lexicon.standalone.get(self.negator or "")
        if self.hedged:
            standalone = self.lexicon.hedged
        if standalone and not self.negated_found:
            self.items.append((standalone, 1.0))
        self.negator, self.negated_found, self.hedged, self.boost = None, False, False, 1.0

    def _is_boundary(self, i: int) -> bool:
        token = self.tokens[i]
        if is_punctuation(token):
            return True
        contrast = self.lexicon.after_counts_double | self.lexicon.before_counts_double
        return token in self.lexicon.boundaries or token in contrast

    def _next_is_word(self, i: int) -> bool:
        return i + 1 < len(self.tokens) and not self._is_boundary(i + 1)

    def _next_scores(self, i: int) -> bool:
        return i + 1 < len(self.tokens) and bool(word_score(self.tokens, i + 1, self.lexicon)[0])


def word_score(tokens: tuple[str, ...], i: int, lexicon: SentimentLexicon) -> tuple[float, int]:
    """Score of the word or phrase starting at ``i``, and how many tokens it spans."""
    for length in range(min(_LONGEST_PHRASE, len(tokens) - i), 1, -1):
        phrase = tokens[i : i + length]
        if phrase in lexicon.phrases:
            return lexicon.phrases[phrase], length
    return _single_score(tokens, i, lexicon), 1


def _single_score(tokens: tuple[str, ...], i: int, lexicon: SentimentLexicon) -> float:
    token = tokens[i]
    if token in emoji():
        return emoji()[token]
    if (rating := _RATING.match(token)) is not None:
        return _rating(int(rating.group(1)), int(rating.group(2)))
    if token in lexicon.senses:
        return _sense_score(lexicon.senses[token], tokens, i, lexicon)
    if token in lexicon.words:
        return lexicon.words[token]
    if token in lexicon.neutral or not token.isalpha():
        return 0.0
    return textblob_polarity(token)


def _sense_score(sense: Sense, tokens: tuple[str, ...], i: int, lexicon: SentimentLexicon):
    before = tokens[i - 1] if i else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    opens_clause = before is None or is_punctuation(before) or before in lexicon.boundaries
    if sense.at_start is not None and opens_clause:
        return sense.at_start
    return sense.otherwise if before in sense.after or after in sense.before else sense.score


def _rating(points: int, out_of: int) -> float:
    """ "8/10" as a polarity: full marks 1, half marks 0, nothing -1."""
    return 0.0 if not out_of or points > out_of else 2 * points / out_of - 1


def _weights(tokens: tuple[str, ...], lexicon: SentimentLexicon) -> list[float]:
    """Half weight for what "but" overrides and for the clause "although" concedes."""
    weights = [1.0] * len(tokens)
    sentence_start = 0
    for i, token in enumerate(tokens):
        if is_punctuation(token) and token[0] in ".!?":
            sentence_start = i + 1
        elif token in lexicon.after_counts_double:
            weights[sentence_start:i] = [0.5] * (i - sentence_start)
        elif token in lexicon.before_counts_double:
            end = next((j for j in range(i, len(tokens)) if is_punctuation(tokens[j])), None)
            weights[i:end] = [0.5] * ((end or len(tokens)) - i)
    return weights


@cache
def textblob_polarity(word: str) -> float:
    """TextBlob's polarity for one word (its bundled lexicon; no corpora needed)."""
    return PatternAnalyzer().analyze(word).polarity
