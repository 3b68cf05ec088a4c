"""Which bank texts lack a language: every text a respondent may read, with where it lives."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from survey_app.banks.model import LocalText, QuestionBanks


@dataclass(frozen=True)
class MissingText:
    where: str  # file and key, e.g. "young_people/core.toml questions[0].text"
    audiences: frozenset[str]  # who reads it
    languages: tuple[str, ...]  # the shipped languages it lacks
    english: str


def missing_translations(banks: QuestionBanks, languages: Iterable[str]) -> list[MissingText]:
    """Every text without one of `languages`; English stands in for it on the page."""
    wanted = tuple(languages)
    found = []
    for where, audiences, text in bank_texts(banks):
        lacking = tuple(tag for tag in wanted if not _has(text, tag))
        if lacking:
            found.append(MissingText(where, audiences, lacking, str(text)))
    return found


def bank_texts(banks: QuestionBanks) -> Iterator[tuple[str, frozenset[str], LocalText]]:
    """Titles, purposes, questions and their own options, then the shared scales."""
    for theme in sorted(banks.all_files(), key=lambda t: (t.audience, t.kind != "core", t.id)):
        file, readers = f"{theme.audience}/{theme.path.name}", frozenset({theme.audience})
        yield f"{file} title", readers, theme.title
        yield f"{file} purpose", readers, theme.purpose
        for i, question in enumerate(theme.questions):
            yield f"{file} questions[{i}].text", readers, question.text
            if question.kind in ("single", "multiple"):
                for j, option in enumerate(question.options):
                    yield f"{file} questions[{i}].options[{j}].text", readers, option.text
    for name, scale in sorted(banks.scales.items()):
        readers = _scale_readers(banks, name)
        for j, option in enumerate(scale.points):
            yield f"_scales.toml {name}.points[{j}].text", readers, option.text


def _scale_readers(banks: QuestionBanks, name: str) -> frozenset[str]:
    return frozenset(
        theme.audience
        for theme in banks.all_files()
        for q in theme.questions
        if q.scale == name or (name == "yes_no" and q.kind == "yes_no")
    )


def _has(text: LocalText, language: str) -> bool:
    """As the pages see it: Dari (fa-AF) is served by a plain "fa" text too."""
    return text.get(language)[1].split("-")[0] == language.split("-")[0]
