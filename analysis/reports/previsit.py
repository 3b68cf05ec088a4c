"""The pre-visit evidence pack: what a home's people said in the rounds before a Reg 44 visit."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from analysis.aggregate import summarise
from analysis.charts import share_chart
from analysis.fatigue import FatiguePool
from analysis.records import (
    AUDIENCES,
    CommentRecord,
    Counts,
    QuestionRecord,
    ResponseRecord,
    RoundRecord,
)
from analysis.reports.brief import visitor_brief
from analysis.reports.cells import is_hidden
from analysis.reports.fatigue import round_measures
from analysis.reports.inputs import FlagRecord, HomeRecord, Source, not_recorded
from analysis.reports.model import AUDIENCE_NAMES, PrevisitPack, RoundResults
from analysis.reports.questions import question_rows, questions_of
from analysis.results import HOME
from analysis.suppression import DEFAULT_THRESHOLD
from analysis.text.anonymise import NO_KNOWN_NAMES, KnownNames
from analysis.text.quotes import select_quotes

LATEST, BEFORE = "latest", "before"


@dataclass(frozen=True)
class PrevisitInputs:
    """A home, its visit, and per audience its latest round closed before the visit and the one
    before that.

    ``counts`` label the latest rounds' answers ``"latest"`` and the earlier rounds' ``"before"``;
    ``comments`` hold both rounds' (the earlier ones show what changed since the last visit).
    """

    home: HomeRecord
    visit_date: date
    questions: tuple[QuestionRecord, ...]
    latest: dict[str, RoundRecord]
    before: dict[str, RoundRecord]
    counts: Counts
    responses: Iterable[ResponseRecord]
    comments: Iterable[CommentRecord]
    flags: Source[FlagRecord] = field(default_factory=not_recorded)
    threshold: int = DEFAULT_THRESHOLD
    generated_on: date | None = None
    known_names: KnownNames = NO_KNOWN_NAMES


def build_previsit_pack(inputs: PrevisitInputs) -> PrevisitPack:
    """One part per audience: the latest round's results, quotes and response figures."""
    summary = summarise(inputs.counts, LATEST, BEFORE, inputs.threshold)
    pools = {r.round_id: FatiguePool() for r in inputs.latest.values()}
    for response in inputs.responses:
        if response.round_id in pools:
            pools[response.round_id].add(response)
    comments: dict[str, list[str]] = {}
    for comment in inputs.comments:
        comments.setdefault(comment.round_id, []).append(comment.text)
    parts = tuple(_audience(audience, inputs, summary, pools, comments) for audience in AUDIENCES)
    flags = inputs.flags
    if flags.recorded:
        flags = Source(tuple(f for f in flags.items if f.home == inputs.home.code))
    return PrevisitPack(
        title="Pre-visit evidence pack",
        home=inputs.home.code,
        home_name=inputs.home.name,
        visit_date=inputs.visit_date,
        generated_on=inputs.generated_on or date.today(),
        threshold=inputs.threshold,
        audiences=parts,
        flags=flags,
    )


def _audience(audience, inputs: PrevisitInputs, summary, pools, comments) -> RoundResults:
    title = AUDIENCE_NAMES[audience]
    round_ = inputs.latest.get(audience)
    if round_ is None:
        return RoundResults(audience, title, None, None, None, (), None, (), None)
    home = inputs.home.code
    rows = (
        *question_rows(summary, questions_of(inputs.questions, audience, "core"), home),
        *question_rows(summary, questions_of(inputs.questions, audience, round_.theme), home),
    )
    rated = [
        (row.question.text, row.result)
        for row in rows
        if row.result is not None and row.question.kind in ("scale", "yes_no")
    ]
    latest = comments.get(round_.round_id, ())
    previous = inputs.before.get(audience)
    earlier = comments.get(previous.round_id, ()) if previous else ()
    respondents = summary.get(HOME, audience, home=home)
    return RoundResults(
        audience=audience,
        title=title,
        round=round_,
        previous_round=previous,
        respondents=respondents,
        questions=rows,
        chart=share_chart(rated, f"{title}: {round_.theme_title}") if rated else None,
        # One home: its visitor meets the children anyway, so a small group is quoted.
        quotes=select_quotes(
            latest,
            audience,
            threshold=inputs.threshold,
            one_home=True,
            known=inputs.known_names.with_places((inputs.home.name, inputs.home.service)),
        ),
        fatigue=round_measures(round_, pools[round_.round_id], inputs.threshold),
        brief=visitor_brief(
            audience,
            round_.theme_title,
            latest,
            earlier,
            inputs.threshold,
            inputs.known_names.with_places((inputs.home.name, inputs.home.service)),
        ),
        counts_hidden=is_hidden(respondents),
    )
