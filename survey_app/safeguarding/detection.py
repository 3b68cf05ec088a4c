"""What in a response needs a person to look at it, and how soon: the service's policy.

Urgent (24-hour review, reviewers mailed):
  - free text the detector flags (rules in analysis/data/safeguarding/);
  - the safety net: a young person's free text that reads as negative and names a person or
    the body (analysis/data/safeguarding/safety_net.toml), because rules written in advance
    find only part of what young people actually write;
  - an answer a question bank marks `alert_on` (the lowest point of "How safe do you feel here?");
  - "I'd like someone to talk to me", or a name left for that.
Routine (read within 7 days, no mail): every other young person's free text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from analysis import safeguarding_verdict, sentiment_label
from analysis.safeguarding import mentions_person_or_body
from survey_app.banks import Question

# Sentiment reads many disclosures as neutral ("he put his hands where he shouldnt"), so adding
# "neutral" here would catch more of them, but would also make about one ordinary comment in
# four urgent ("I want to see my little brother more"). Those are all read within 7 days anyway.
NET_SENTIMENTS = frozenset({"negative"})
NET_AUDIENCES = frozenset({"young_people"})
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
    for text in texts:
        found, why = _read(text, audience)
        categories.update(dict.fromkeys(found))
        reasons.update(dict.fromkeys(why))
    if reasons:
        return [Concern("free_text", True, tuple(sorted(categories)), tuple(reasons))]
    if final and audience in ROUTINE_AUDIENCES:
        return [Concern("routine_read", False, (), ("every young person's free text is read",))]
    return []


def _read(text: str, audience: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The categories and reasons that make one answer urgent; empty when nothing does."""
    # The detector, then sentiment only where the safety net needs it: this runs on every
    # submit, and themes (analyse_comment's third part) are for reports, not for this.
    verdict = safeguarding_verdict(text, audience)
    if verdict.flagged:
        return verdict.categories, verdict.reasons
    if audience in NET_AUDIENCES and sentiment_label(text) in NET_SENTIMENTS:
        words = mentions_person_or_body(text)
        if words:
            quoted = ", ".join(f'"{w}"' for w in words)
            return (), (f"safety net: reads as negative and names a person or the body: {quoted}",)
    return (), ()
