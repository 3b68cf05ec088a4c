"""The plain pieces reports are made of; renderers only format them, never count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from analysis.charts import Chart
from analysis.fatigue import FatigueTrend, RoundFatigue
from analysis.records import QuestionRecord, RoundRecord
from analysis.reports.inputs import FlagRecord, Source, YouSaidWeDid
from analysis.results import Result
from analysis.text.quotes import Quote, ThemeQuotes

AUDIENCE_TITLES = {
    "young_people": "What young people told us",
    "professionals": "What professionals told us",
    "families": "What families told us",
    "staff": "What staff told us",
}
AUDIENCE_REFERENCES = {
    "young_people": "QA Framework §8.3",
    "professionals": "QA Framework §8.4",
    "families": "Regulation 45: the views of parents",
    "staff": "Regulation 45: the views of staff",
}
# The comment themes of ``analysis.text.themes``, as a report names them.
COMMENT_THEMES = {
    "safety": "Safety",
    "staff_relationships": "Staff and relationships",
    "being_listened_to": "Being listened to",
    "food": "Food",
    "home_environment": "The home itself",
    "education": "School and learning",
    "health_wellbeing": "Health and wellbeing",
    "family_contact": "Family contact",
    "friends_activities": "Friends and activities",
    "independence_future": "Independence and the future",
    "rules_fairness": "Rules and fairness",
    "communication": "Communication",
    "care_planning": "Care planning",
    "placement_stability": "Placement stability",
}


def comment_theme_name(theme: str) -> str:
    """A comment theme's name in a report, e.g. "Rules and fairness"."""
    return COMMENT_THEMES.get(theme, theme.replace("_", " ").capitalize())


AUDIENCE_NAMES = {
    "young_people": "Young people",
    "professionals": "Professionals",
    "families": "Families",
    "staff": "Staff",
}


@dataclass(frozen=True)
class QuestionRow:
    """A question and its result in the report's scope; ``overall`` is all homes, for comparison."""

    question: QuestionRecord
    result: Result | None
    overall: Result | None = None


@dataclass(frozen=True)
class ThemeFindings:
    """What one theme asked in the period found."""

    theme: str
    title: str
    homes_asked: int
    result: Result | None
    questions: tuple[QuestionRow, ...]
    chart: Chart | None
    homes: tuple[HomeResult, ...] = ()


@dataclass(frozen=True)
class HomeResult:
    """One home's result for a theme (in the all-homes report)."""

    home: str
    name: str
    result: Result | None


@dataclass(frozen=True)
class HomeRow:
    """One home's core indicators: its respondents, each core question's share positive, and
    ``core_pooled``: the core questions' answers pooled (the sum of their positive answers
    over the sum of their answers, the denominators the per-question figures use)."""

    home: str
    name: str
    overall: Result | None
    core: tuple[Result | None, ...]
    core_pooled: Result | None = None


@dataclass(frozen=True)
class Highlight:
    """Something that is working, or that worries people, and what it rests on."""

    text: str
    basis: str


@dataclass(frozen=True)
class PooledFatigue:
    """Fatigue measures over several rounds (a home's, or all homes')."""

    home: str | None
    name: str
    rounds: int
    invitations: int
    started: int
    submitted: int
    response_rate: float | None
    completion_rate: float | None
    item_nonresponse: float | None
    straightlining: float | None
    median_seconds: float | None
    suppressed: str | None


@dataclass(frozen=True)
class FatigueSection:
    """Response and fatigue figures for one audience."""

    overall: PooledFatigue
    homes: tuple[PooledFatigue, ...]
    rounds: tuple[RoundFatigue, ...]
    falling: tuple[FatigueTrend, ...]
    chart: Chart | None


@dataclass(frozen=True)
class FlagSummary:
    """How many possible safeguarding disclosures were flagged and how fast they were reviewed."""

    recorded: bool
    raised: int = 0
    reviewed: int = 0
    within_day: int = 0
    median_hours: float | None = None


@dataclass(frozen=True)
class AudienceSection:
    """One audience's part of the six-monthly voice report."""

    audience: str
    title: str
    reference: str
    respondents: Result | None
    core: tuple[QuestionRow, ...]
    core_chart: Chart | None
    homes: tuple[HomeRow, ...]
    homes_chart: Chart | None
    themes: tuple[ThemeFindings, ...]
    working: tuple[Highlight, ...]
    worries: tuple[Highlight, ...]
    quotes: tuple[ThemeQuotes, ...]
    fatigue: FatigueSection
    flags: FlagSummary
    you_said: Source[YouSaidWeDid]


@dataclass(frozen=True)
class AnswerSides:
    """Which answers of a scale count as positive and which as negative, in words."""

    positive: tuple[str, ...]
    negative: tuple[str, ...]
    neither: tuple[str, ...]


@dataclass(frozen=True)
class VoiceReport:
    """The six-monthly youth, professional, family and staff voice report for QPAG."""

    title: str
    scope: str
    home: str | None
    period_label: str
    previous_label: str
    generated_on: date
    threshold: int
    sections: tuple[AudienceSection, ...]
    source: str
    answer_sides: tuple[AnswerSides, ...] = ()


@dataclass(frozen=True)
class ThemeRaised:
    """A comment theme, whether it is new since the last visit, and its tone (no counts)."""

    theme: str
    name: str
    change: str
    tone: str


@dataclass(frozen=True)
class VisitorBrief:
    """One audience's themes, anonymised quotes and questions, for the visitor."""

    themes: tuple[ThemeRaised, ...]
    quotes: tuple[Quote, ...]
    questions: tuple[str, ...]


@dataclass(frozen=True)
class RoundResults:
    """One round's results for a pre-visit pack, compared with the round before it."""

    audience: str
    title: str
    round: RoundRecord | None
    previous_round: RoundRecord | None
    respondents: Result | None
    questions: tuple[QuestionRow, ...]
    chart: Chart | None
    quotes: tuple[ThemeQuotes, ...]
    fatigue: RoundFatigue | None
    brief: VisitorBrief | None = None
    counts_hidden: bool = False  # every count too small to show: a small home


@dataclass(frozen=True)
class PrevisitPack:
    """What a home's young people, professionals, families and staff said before a Reg 44 visit."""

    title: str
    home: str
    home_name: str
    visit_date: date
    generated_on: date
    threshold: int
    audiences: tuple[RoundResults, ...]
    flags: Source[FlagRecord]
