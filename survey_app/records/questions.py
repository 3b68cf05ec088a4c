"""What the question banks say about stored answers: themes, positive answers, labels."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import ColumnElement, and_, case, false, or_, tuple_

from analysis import QuestionRecord
from survey_app.banks import OPEN_QUESTION_ID, QuestionBanks, Theme
from survey_app.models import AUDIENCES, Answer, Round

CORE = "core"


@dataclass(frozen=True)
class BankFacts:
    """The banks' facts the seam needs, as SQL expressions and plain look-ups."""

    banks: QuestionBanks

    @cached_property
    def core_pairs(self) -> list[tuple[str, str]]:
        return [(a, q.id) for a in AUDIENCES for q in self.banks.core(a).questions]

    @cached_property
    def positive_triples(self) -> list[tuple[str, str, str]]:
        return [
            (theme.audience, q.id, value)
            for theme in self.banks.all_files()
            for q in theme.questions
            for value in sorted(q.positive)
        ]

    @cached_property
    def negative_triples(self) -> list[tuple[str, str, str]]:
        return [
            (theme.audience, q.id, value)
            for theme in self.banks.all_files()
            for q in theme.questions
            for value in sorted(q.negative)
        ]

    @cached_property
    def kinds(self) -> dict[tuple[str, str], str]:
        """Each question's kind by audience and id."""
        return {(t.audience, q.id): q.kind for t in self.banks.all_files() for q in t.questions}

    @cached_property
    def rated(self) -> frozenset[tuple[str, str]]:
        """Questions that have positive answers (the others get no share positive)."""
        return frozenset((a, q) for a, q, _ in self.positive_triples)

    @cached_property
    def core_set(self) -> frozenset[tuple[str, str]]:
        return frozenset(self.core_pairs)

    @cached_property
    def good(self) -> frozenset[tuple[str, str, str]]:
        """Every (audience, question, value) that counts as a positive answer."""
        return frozenset(self.positive_triples)

    @cached_property
    def bad(self) -> frozenset[tuple[str, str, str]]:
        """Every (audience, question, value) that counts as a negative answer."""
        return frozenset(self.negative_triples)

    def core_column(self) -> ColumnElement:
        """Whether an answer is to one of its audience's core questions (needs Round joined)."""
        # Plain IN lists per audience: SQLite looks these up far faster than row values.
        return or_(
            *(
                and_(Round.audience == audience, Answer.question_id.in_(ids))
                for audience, ids in self._core_ids().items()
            )
        )

    def theme_column(self) -> ColumnElement:
        """The question's own theme: "core" for core questions, else the round's theme."""
        return case((self.core_column(), CORE), else_=Round.theme_id)

    def _core_ids(self) -> dict[str, list[str]]:
        ids: dict[str, list[str]] = {}
        for audience, question in self.core_pairs:
            ids.setdefault(audience, []).append(question)
        return ids

    def positive_column(self) -> ColumnElement:
        """Whether an answer is one of its question's positive answers."""
        if not self.positive_triples:
            return false()
        return tuple_(Round.audience, Answer.question_id, Answer.value).in_(self.positive_triples)

    def negative_column(self) -> ColumnElement:
        """Whether an answer is one of its question's negative answers."""
        if not self.negative_triples:
            return false()
        return tuple_(Round.audience, Answer.question_id, Answer.value).in_(self.negative_triples)

    def positive(self, audience: str, question_id: str, flag: object) -> bool | None:
        """A count's positive (or negative) flag; None for a question with no positive answers."""
        return bool(flag) if (audience, question_id) in self.rated else None

    def sides(self, audience: str, question_id: str, value: str) -> tuple[bool | None, ...]:
        """Whether an answer value is positive, and whether negative, as the banks declare."""
        key = (audience, question_id, value)
        return (
            self.positive(audience, question_id, key in self.good),
            self.positive(audience, question_id, key in self.bad),
        )

    def kind(self, audience: str, question_id: str) -> str:
        """A question's kind; the open question is free text, a retired question "single"."""
        if question_id == OPEN_QUESTION_ID:
            return "text"
        return self.kinds.get((audience, question_id), "single")

    def asked(self, audience: str, theme_id: str) -> int:
        """Closed questions a respondent is asked: the core ones and the theme's."""
        theme = self.banks.theme(audience, theme_id)
        themed = _closed(theme) if theme else 0
        return _closed(self.banks.core(audience)) + themed

    def theme_title(self, audience: str, theme_id: str) -> str:
        theme = self.banks.theme(audience, theme_id)
        return str(theme.title) if theme else theme_id.replace("_", " ").capitalize()


def question_records(banks: QuestionBanks) -> tuple[QuestionRecord, ...]:
    """Every closed question of every audience, with its words and its answers' words."""
    records = []
    for theme in banks.all_files():
        theme_id = CORE if theme.kind == CORE else theme.id
        for position, question in enumerate(theme.questions):
            records.append(
                QuestionRecord(
                    audience=theme.audience,
                    theme=theme_id,
                    theme_title=str(theme.title),
                    question_id=question.id,
                    kind=question.kind,
                    text=str(question.text),
                    position=position,
                    option_values=tuple(o.value for o in question.options),
                    option_labels=tuple(str(o.text) for o in question.options),
                    positive=tuple(sorted(question.positive)),
                    negative=tuple(sorted(question.negative)),
                )
            )
    return tuple(records)


def _closed(theme: Theme) -> int:
    return sum(q.kind != "text" for q in theme.questions)
