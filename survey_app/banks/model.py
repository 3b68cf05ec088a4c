"""Question banks as frozen dataclasses: what a theme, a question and a scale are."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LANGUAGE = "en-GB"
AUDIENCES = ("young_people", "professionals", "families", "staff")
KINDS = ("scale", "yes_no", "single", "multiple", "text")
PRESENTATIONS = ("emoji_faces", "thumbs", "stars", "traffic_lights", "cards", "slider", "plain")
OPEN_QUESTION_ID = "open_comment"


@dataclass(frozen=True)
class LocalText:
    """A text in several languages; English (en-GB) is always present."""

    by_language: tuple[tuple[str, str], ...]

    def get(self, language: str) -> tuple[str, str]:
        """The text in `language` if there is one, else English; with the language used."""
        found = dict(self.by_language)
        for tag in (language, language.split("-")[0], DEFAULT_LANGUAGE):
            if tag in found:
                return found[tag], tag
        return self.by_language[0][1], self.by_language[0][0]

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(tag for tag, _ in self.by_language)

    def __str__(self) -> str:
        return self.get(DEFAULT_LANGUAGE)[0]


@dataclass(frozen=True)
class Option:
    value: str
    text: LocalText
    emoji: str | None = None


@dataclass(frozen=True)
class Scale:
    """A named answer scale and which of its answers reports count as positive and negative.

    Answers in neither set (a middle "I feel OK", "Not sure") count in the total only.
    """

    points: tuple[Option, ...]
    positive: frozenset[str]
    negative: frozenset[str]


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: LocalText
    options: tuple[Option, ...] = ()
    scale: str | None = None
    positive: frozenset[str] = frozenset()
    negative: frozenset[str] = frozenset()
    alert_on: frozenset[str] = frozenset()

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)

    def score(self, value: str | None) -> int | None:
        """A scale answer's number (1 = lowest), for means computed in the database."""
        if self.kind != "scale" or value is None or not value.isdigit():
            return None
        return int(value)


@dataclass(frozen=True)
class Theme:
    """A theme module, or an audience's core questions (kind 'core')."""

    id: str
    audience: str
    kind: str
    version: int
    presentation: str
    title: LocalText
    purpose: LocalText
    questions: tuple[Question, ...]
    path: Path = field(compare=False)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass(frozen=True)
class QuestionBanks:
    """Every audience's core questions and themes, as loaded from `question_banks/`."""

    cores: dict[str, Theme]
    themes: dict[tuple[str, str], Theme]
    scales: dict[str, Scale]
    # What is built from the banks once per process (a round's survey and its page forms),
    # so a respondent's request does not rebuild it.
    built: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def core(self, audience: str) -> Theme:
        return self.cores[audience]

    def theme(self, audience: str, theme_id: str) -> Theme | None:
        return self.themes.get((audience, theme_id))

    def themes_for(self, audience: str) -> list[Theme]:
        """The audience's themes in a stable order (by id), which rotation relies on."""
        return sorted((t for (a, _), t in self.themes.items() if a == audience), key=lambda t: t.id)

    def all_files(self) -> list[Theme]:
        return [*self.cores.values(), *self.themes.values()]
