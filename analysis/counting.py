"""Count a stream of answers into the same totals the database would compute with GROUP BY."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime

from analysis.periods import half_year
from analysis.records import AnswerRecord, CountRecord, Counts, QuestionTotal, RespondentTotal

PeriodOf = Callable[[date | datetime], str]


class _Tally:
    """Distinct respondents per key; sets, because one respondent may send several rows."""

    def __init__(self) -> None:
        self.values: dict[tuple, set[str]] = defaultdict(set)
        self.questions: dict[tuple, set[str]] = defaultdict(set)
        self.positive: dict[tuple, set[str]] = defaultdict(set)
        self.negative: dict[tuple, set[str]] = defaultdict(set)
        self.respondents: dict[tuple, set[str]] = defaultdict(set)

    def add(self, answer: AnswerRecord, period: str) -> None:
        """Count one answer row."""
        base = (period, answer.home, answer.audience)
        question = (*base, answer.theme, answer.question_id, answer.kind)
        self.questions[question].add(answer.response_id)
        if answer.positive:
            self.positive[question].add(answer.response_id)
        if answer.negative:
            self.negative[question].add(answer.response_id)
        if answer.value is not None:
            value = (*question, answer.value, answer.score, answer.positive, answer.negative)
            self.values[value].add(answer.response_id)
        self.respondents[(*base, answer.theme)].add(answer.response_id)
        self.respondents[(*base, None)].add(answer.response_id)

    def counts(self) -> Counts:
        """The tallies as plain records, in a stable order."""
        values = (
            CountRecord(*key[:-1], len(ids), negative=key[-1]) for key, ids in self.values.items()
        )
        questions = (
            QuestionTotal(
                *key, len(ids), len(self.positive.get(key, ())), len(self.negative.get(key, ()))
            )
            for key, ids in self.questions.items()
        )
        respondents = (RespondentTotal(*key, len(ids)) for key, ids in self.respondents.items())
        return Counts(
            values=tuple(sorted(values, key=_sort_key)),
            questions=tuple(sorted(questions, key=_sort_key)),
            respondents=tuple(sorted(respondents, key=_sort_key)),
        )


def count_answers(answers: Iterable[AnswerRecord], period_of: PeriodOf = half_year) -> Counts:
    """Count answers per period, home, audience, theme, question and value."""
    tally = _Tally()
    for answer in answers:
        tally.add(answer, period_of(answer.submitted_at))
    return tally.counts()


def _sort_key(record: object) -> tuple:
    return tuple("" if v is None else str(v) for v in vars(record).values())
