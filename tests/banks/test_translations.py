"""Translations in the question banks: complete for young people, reported where missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from survey_app.banks import load_banks, missing_translations
from survey_app.respond.language import SUPPORTED
from survey_app.respond.survey import OPEN_QUESTION
from tests.respond.test_languages import bank_without

BANKS = Path(__file__).resolve().parents[2] / "question_banks"
SHIPPED = [tag for tag in SUPPORTED if tag != "en-GB"]


def test_young_peoples_questions_themes_and_scales_are_in_every_shipped_language():
    """Core, every theme (title, purpose, questions, answers) and their scales: nothing missing."""
    gaps = [
        f"{gap.where}: no {', '.join(gap.languages)}"
        for gap in missing_translations(load_banks(BANKS), SHIPPED)
        if "young_people" in gap.audiences
    ]
    assert not gaps, "\n".join(gaps)


@pytest.mark.parametrize("language", SHIPPED)
def test_the_open_question_is_in_every_shipped_language(language):
    assert OPEN_QUESTION.text.get(language)[1] == language


def test_yes_no_answers_come_from_the_scales_file_with_their_pictures():
    yes_no = load_banks(BANKS).scales["yes_no"].points
    assert [(o.value, o.emoji) for o in yes_no] == [("yes", "👍"), ("no", "👎"), ("not_sure", "🤷")]
    assert yes_no[0].text.get("ar") == ("نعم", "ar")


def test_banks_check_lists_each_missing_translation_as_a_warning(make_app, tmp_path):
    """`survey-app banks check` names the file, key and languages missing, and still passes."""
    copy = bank_without(tmp_path, "How safe do you feel here?", "vi")
    result = make_app(QUESTION_BANKS_DIR=copy).test_cli_runner().invoke(args=["banks", "check"])
    assert result.exit_code == 0, result.output
    assert (
        "warning  young_people/core.toml questions[0].text: no vi ('How safe do you feel here?')"
        in result.output
    )
    assert "warning  professionals/core.toml" in result.output  # adults' texts: English only
    assert "shown in English" in result.output


def test_banks_check_finds_no_gap_in_the_young_peoples_texts(runner):
    result = runner.invoke(args=["banks", "check"])
    assert result.exit_code == 0
    assert "young_people/" not in "".join(
        line for line in result.output.splitlines() if line.startswith("warning")
    )
