"""What a respondent sees for a round: the questions, split into short pages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from survey_app.banks import OPEN_QUESTION_ID, LocalText, Question, QuestionBanks, Theme

PER_PAGE = 3
OPEN_QUESTION = Question(
    id=OPEN_QUESTION_ID,
    kind="text",
    # The service adds this question itself, so its translations live here, not in a bank file.
    text=LocalText(
        (
            ("en-GB", "Anything else you want to tell us?"),
            ("ar", "هل هناك شيء آخر تريد أن تخبرنا به؟"),
            ("fa-AF", "آیا چیز دیگری هم هست که بخواهید به ما بگویید؟"),
            ("vi", "Bạn còn điều gì khác muốn nói với chúng tôi không?"),
        )
    ),
)


# Compared by identity: a page is built once per process (see survey_for) and is the key its
# form class is cached under.
@dataclass(frozen=True, eq=False)
class Page:
    number: int  # 1-based; the last page is the open question
    questions: tuple[Question, ...]
    is_final: bool = False


@dataclass(frozen=True)
class Survey:
    core: Theme
    theme: Theme
    presentation: str
    pages: tuple[Page, ...]

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for page in self.pages for q in page.questions)

    @cached_property
    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    def page(self, number: int) -> Page | None:
        return self.pages[number - 1] if 1 <= number <= len(self.pages) else None


def survey_for(round_, banks: QuestionBanks) -> Survey:
    """Core questions then the round's theme, in the theme's look, then the open question.

    `round_` is anything with audience, theme_id and presentation (a Round, a RoundInfo).
    Built once per process for each theme and look: the banks change only with a deploy.
    """
    key = ("survey", round_.audience, round_.theme_id, round_.presentation)
    survey = banks.built.get(key)
    if survey is None:
        survey = banks.built[key] = _build(round_, banks)
    return survey


def _build(round_, banks: QuestionBanks) -> Survey:
    core = banks.core(round_.audience)
    theme = banks.theme(round_.audience, round_.theme_id)
    if theme is None:
        raise LookupError(f"theme {round_.theme_id!r} ({round_.audience}) is not in the banks")
    chunks = [*_split(core.questions), *_split(theme.questions)]
    pages = [Page(i + 1, chunk) for i, chunk in enumerate(chunks)]
    pages.append(Page(len(pages) + 1, (OPEN_QUESTION,), is_final=True))
    return Survey(core, theme, round_.presentation, tuple(pages))


def _split(questions: tuple[Question, ...]) -> list[tuple[Question, ...]]:
    """Even pages of at most PER_PAGE: 4 questions make 2 + 2, not 3 + 1."""
    count = -(-len(questions) // PER_PAGE)
    size = -(-len(questions) // count) if count else 0
    return [questions[i : i + size] for i in range(0, len(questions), size)] if size else []
