"""What in a response needs a person to look at it, and how soon: the service's policy.

Urgent (24-hour review, reviewers mailed):
  - free text that the learned model OR the phrase rules flag (`analysis.safeguarding_verdict`;
    the model is trained from analysis/data/corpus/, the rules live in
    analysis/data/safeguarding/);
  - free text the model cannot read (another script or language): a person reads it on the
    same 24-hour clock, because nothing has judged it safe;
  - an answer a question bank marks `alert_on` (the lowest point of "How safe do you feel here?");
  - "I'd like someone to talk to me", or a name left for that.
Routine (read within 7 days, no mail): every other young person's free text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from analysis import safeguarding_verdict
from survey_app.banks import Question

ROUTINE_AUDIENCES = frozenset({"young_people"})


@dataclass(frozen=True)
class Concern:
    """One reason a response must be reviewed; `reasons` may quote the answer's words."""

    source: str
    urgent: bool
    categories: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Given:
    """One stored answer, as the policy reads it."""

    question_id: str
    value: str | None
    text: str | None


def concerns_for(
    answers: Iterable[Given],
    questions: dict[str, Question],
    audience: str,
    *,
    asked_to_talk: bool = False,
    final: bool = True,
) -> list[Concern]:
    """Every concern in a response; routine reads wait until it is final (sent)."""
    answers = list(answers)
    found = [c for c in (_alert(answers, questions), _asked(asked_to_talk)) if c]
    found.extend(_free_text([a.text for a in answers if a.text], audience, final))
    return found


def _alert(answers: list[Given], questions: dict[str, Question]) -> Concern | None:
    reasons = []
    for answer in answers:
        question = questions.get(answer.question_id)
        if question is not None and answer.value in question.alert_on:
            option = question.option(answer.value)
            said = option.text if option else answer.value
            reasons.append(f'answered "{said}" to "{question.text}"')
    return Concern("alert_answer", True, (), tuple(reasons)) if reasons else None


def _asked(asked_to_talk: bool) -> Concern | None:
    if not asked_to_talk:
        return None
    return Concern("asked_to_talk", True, (), ("asked for someone to talk to them",))


def _free_text(texts: list[str], audience: str, final: bool) -> list[Concern]:
    if not texts:
        return []
    categories: dict[str, None] = {}
    reasons: dict[str, None] = {}
    unread: dict[str, None] = {}
    for text in texts:
        verdict = safeguarding_verdict(text, audience)
        if not verdict.understood:
            unread.update(dict.fromkeys(verdict.reasons))
        elif verdict.flagged:
            categories.update(dict.fromkeys(verdict.categories))
            reasons.update(dict.fromkeys(verdict.reasons))
    found = []
    if reasons:
        found.append(Concern("free_text", True, tuple(sorted(categories)), tuple(reasons)))
    if unread:
        found.append(Concern("not_understood", True, (), tuple(unread)))
    if found:
        return found
    if final and audience in ROUTINE_AUDIENCES:
        return [Concern("routine_read", False, (), ("every young person's free text is read",))]
    return []
