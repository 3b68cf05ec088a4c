"""The six-monthly voice report (§8.3, §8.4, Regulation 45): built from counts and records."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from analysis.aggregate import summarise
from analysis.records import (
    AUDIENCES,
    CommentRecord,
    Counts,
    QuestionRecord,
    ResponseRecord,
    RoundRecord,
)
from analysis.reports.audience import AudienceContext, audience_section
from analysis.reports.fatigue import fatigue_sections
from analysis.reports.inputs import (
    FlagRecord,
    HomeRecord,
    Period,
    Source,
    YouSaidWeDid,
    not_recorded,
)
from analysis.reports.model import AnswerSides, VoiceReport
from analysis.suppression import DEFAULT_THRESHOLD
from analysis.text.anonymise import NO_KNOWN_NAMES, KnownNames


@dataclass(frozen=True)
class VoiceInputs:
    """Everything the voice report is built from; ``responses`` and ``comments`` may stream.

    ``counts`` must hold the period and the period before it (``Period.key`` labels), for
    every home, so that suppression is the same whichever home a report is for.
    ``known_names``: the service's people (and places besides ``homes``), kept out of quotes.
    """

    period: Period
    homes: tuple[HomeRecord, ...]
    questions: tuple[QuestionRecord, ...]
    counts: Counts
    rounds: tuple[RoundRecord, ...]
    responses: Iterable[ResponseRecord]
    comments: Iterable[CommentRecord]
    home: str | None = None
    flags: Source[FlagRecord] = field(default_factory=not_recorded)
    you_said: Source[YouSaidWeDid] = field(default_factory=not_recorded)
    threshold: int = DEFAULT_THRESHOLD
    generated_on: date | None = None
    source: str = ""
    known_names: KnownNames = NO_KNOWN_NAMES


def build_voice_report(inputs: VoiceInputs) -> VoiceReport:
    """Both voice sections (and families' and staff's), across homes or for one home."""
    period, threshold = inputs.period, inputs.threshold
    summary = summarise(inputs.counts, period.key, period.previous().key, threshold)
    names = {h.code: h.name for h in inputs.homes}
    fatigue = fatigue_sections(inputs.rounds, inputs.responses, names, inputs.home, threshold)
    comments = _comments_by_audience(inputs.comments, inputs.home)
    places = (name for h in inputs.homes for name in (h.name, h.service))
    known_names = inputs.known_names.with_places(places)
    sections = tuple(
        audience_section(
            AudienceContext(
                audience=audience,
                summary=summary,
                questions=inputs.questions,
                homes=inputs.homes,
                home=inputs.home,
                rounds=inputs.rounds,
                period=period,
                threshold=threshold,
                known_names=known_names,
            ),
            comments.get(audience, ()),
            fatigue[audience],
            inputs.flags,
            inputs.you_said,
        )
        for audience in AUDIENCES
    )
    scope = f"{names.get(inputs.home, inputs.home)} ({inputs.home})" if inputs.home else "All homes"
    return VoiceReport(
        title="Six-monthly voice report",
        scope=scope,
        home=inputs.home,
        period_label=period.label,
        previous_label=period.previous().label,
        generated_on=inputs.generated_on or date.today(),
        threshold=threshold,
        sections=sections,
        source=inputs.source,
        answer_sides=answer_sides(inputs.questions),
    )


def answer_sides(questions: Iterable[QuestionRecord]) -> tuple[AnswerSides, ...]:
    """Each scale's positive and negative answers in words, as the question banks declare them.

    A scale is known by its answers' words; where a question reverses its scale (No is the good
    answer to "Has someone been unkind to you?"), the scale's usual reading is the one shown.
    """
    found: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for question in questions:
        if question.kind in ("scale", "yes_no") and question.positive:
            labels = question.labels().items()
            good, bad = set(question.positive), set(question.negative)
            sides = AnswerSides(
                positive=tuple(w for v, w in labels if v in good),
                negative=tuple(w for v, w in labels if v in bad),
                neither=tuple(w for v, w in labels if v not in good | bad),
            )
            found[question.option_labels][sides] += 1
    return tuple(counts.most_common(1)[0][0] for counts in found.values())


def _comments_by_audience(comments: Iterable[CommentRecord], home: str | None) -> dict:
    """The comments' words per audience (only the words are kept while streaming)."""
    found: dict[str, list[str]] = defaultdict(list)
    for comment in comments:
        if home is None or comment.home == home:
            found[comment.audience].append(comment.text)
    return found
