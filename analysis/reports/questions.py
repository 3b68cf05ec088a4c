"""Questions of an audience and theme, paired with their results."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.records import QuestionRecord
from analysis.reports.model import QuestionRow
from analysis.results import QUESTION, Summary

SKIPPED_KINDS = ("text",)


def questions_of(
    questions: Sequence[QuestionRecord], audience: str, theme: str
) -> tuple[QuestionRecord, ...]:
    """An audience's closed questions in one theme, in survey order."""
    found = [
        q
        for q in questions
        if q.audience == audience and q.theme == theme and q.kind not in SKIPPED_KINDS
    ]
    return tuple(sorted(found, key=lambda q: q.position))


def question_rows(summary: Summary, questions: Sequence[QuestionRecord], home: str | None):
    """Each question's result in scope; for one home, all homes' result beside it."""
    rows = []
    for question in questions:
        keys = {"theme": question.theme, "question_id": question.question_id}
        result = summary.get(QUESTION, question.audience, home=home, **keys)
        overall = summary.get(QUESTION, question.audience, home=None, **keys) if home else None
        rows.append(QuestionRow(question, result, overall))
    return tuple(rows)
