"""Answer counts per question, shown only where enough people answered to keep them anonymous."""

from __future__ import annotations

from dataclasses import dataclass

from survey_app.respond.survey import Survey


@dataclass(frozen=True)
class OptionCount:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class QuestionSummary:
    text: str
    answered: int
    options: tuple[OptionCount, ...]

    @property
    def suppressed(self) -> bool:
        return not self.options


def summarise(
    survey: Survey, chosen: dict[str, dict[str, int]], answered: dict[str, int], threshold: int
) -> list[QuestionSummary]:
    """One summary per closed question; fewer than `threshold` answers there: no figures."""
    summaries = []
    for question in survey.questions:
        if question.kind == "text":
            continue
        n = answered.get(question.id, 0)
        options: tuple[OptionCount, ...] = ()
        if n >= threshold:
            counts = chosen.get(question.id, {})
            options = tuple(
                OptionCount(
                    str(o.text), counts.get(o.value, 0), round(100 * counts.get(o.value, 0) / n)
                )
                for o in question.options
            )
        summaries.append(QuestionSummary(str(question.text), n, options))
    return summaries
