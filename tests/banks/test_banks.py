"""Question banks: the shipped content, and how a bad file is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import textstat

from survey_app.banks import BankError, load_banks

BANKS = Path(__file__).resolve().parents[2] / "question_banks"


@pytest.fixture(scope="module")
def banks():
    return load_banks(BANKS)


def test_every_audience_has_its_core_and_enough_themes(banks):
    """Young people: 8+ themes; professionals 4+; families and staff 2+ each."""
    counts = {
        a: len(banks.themes_for(a)) for a in ("young_people", "professionals", "families", "staff")
    }
    assert counts["young_people"] >= 8 and counts["professionals"] >= 4
    assert counts["families"] >= 2 and counts["staff"] >= 2
    for audience in counts:
        assert banks.core(audience).questions


def test_young_people_themes_use_at_least_five_presentations(banks):
    styles = {t.presentation for t in banks.themes_for("young_people")}
    assert len(styles) >= 5


def test_young_peoples_core_asks_the_four_things_that_matter(banks):
    """Safe here, adults listen, happy here, an adult they trust."""
    text = " ".join(str(q.text).lower() for q in banks.core("young_people").questions)
    for words in ("safe", "listen", "happy", "trust"):
        assert words in text


def test_themes_have_four_to_six_questions(banks):
    for theme in banks.themes.values():
        assert 4 <= len(theme.questions) <= 6, theme.path


def young_people_texts():
    loaded = load_banks(BANKS)
    for theme in [loaded.core("young_people"), *loaded.themes_for("young_people")]:
        for question in theme.questions:
            yield f"{theme.id}:{question.id}", str(question.text)
            for option in question.options:
                yield f"{theme.id}:{question.id}:{option.value}", str(option.text)


@pytest.mark.parametrize(("where", "text"), list(young_people_texts()))
def test_young_peoples_text_is_easy_to_read(where, text):
    """Every question and answer a young person reads scores Flesch reading ease ≥ 80."""
    assert textstat.flesch_reading_ease(text) >= 80, f"{where}: {text!r}"


@pytest.fixture
def bank_copy(tmp_path) -> Path:
    target = tmp_path / "question_banks"
    shutil.copytree(BANKS, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


MISTAKES = [
    # (file, old text, new text, key named in the error, words of the problem)
    (
        "young_people/food_and_home.toml",
        'presentation = "',
        'presentation = "hologram',
        "presentation",
        "is not one of",
    ),
    (
        "young_people/food_and_home.toml",
        'id = "food_and_home"',
        'id = "food"',
        "id",
        "must equal the file name",
    ),
    (
        "young_people/food_and_home.toml",
        'audience = "young_people"',
        'audience = "staff"',
        "audience",
        "must equal the folder",
    ),
    ("young_people/food_and_home.toml", "version = 1", "version = 0", "version", "whole number"),
    ("young_people/food_and_home.toml", 'kind = "scale"', 'kind = "essay"', "questions[", "kind"),
    (
        "young_people/food_and_home.toml",
        "version = 1",
        "version = 1\nvershun = 2",
        "vershun",
        "unknown key",
    ),
    ("young_people/core.toml", 'scale = "safe5"', 'scale = "nope5"', ".scale", "unknown scale"),
    (
        "young_people/food_and_home.toml",
        "[[questions]]",
        "[[questions]\n",
        "(file)",
        "not valid TOML",
    ),
    ("young_people/food_and_home.toml", 'en-GB = "', 'fr = "', "en-GB", "needs an en-GB text"),
    (
        "_scales.toml",
        'positive = ["3", "4", "5"]  # Good or better; Poor and Fair are negative\n',
        "",
        "quality5.positive",
        "is missing: name the answers that count as positive",
    ),
    (
        "_scales.toml",
        'positive = ["4", "5"]  # Often or Always\nnegative = ["1", "2"]\n',
        'positive = ["4", "5"]\n',
        "often5.negative",
        "is missing: name the answers that count as negative",
    ),
    (
        "_scales.toml",
        'positive = ["4", "5"]  # Agree or Strongly agree\nnegative = ["1", "2"]',
        'positive = ["4", "5"]\nnegative = ["2", "4"]',
        "agree5.negative",
        "'4' is also positive",
    ),
    (
        "_scales.toml",
        'positive = ["4", "5"]  # Good or Great\nnegative = ["1", "2"]',
        'positive = ["4", "5"]\nnegative = []',
        "good5.negative",
        "must name at least one answer",
    ),
    (
        "young_people/food_and_home.toml",
        'negative = ["never"]\n',
        "",
        "questions[1].negative",
        "is missing",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "key", "problem"), MISTAKES)
def test_a_bad_file_is_refused_with_its_name_key_and_problem(
    bank_copy, name, old, new, key, problem
):
    edit(bank_copy / name, old, new)
    with pytest.raises(BankError) as caught:
        load_banks(bank_copy)
    message = str(caught.value)
    assert name.split("/")[-1] in message and key in message and problem in message


def test_a_question_id_used_twice_is_refused(bank_copy):
    core = load_banks(bank_copy).core("young_people").questions[0].id
    theme = bank_copy / "young_people/food_and_home.toml"
    first_id = load_banks(bank_copy).theme("young_people", "food_and_home").questions[0].id
    edit(theme, f'id = "{first_id}"', f'id = "{core}"')
    with pytest.raises(BankError, match="food_and_home.toml: questions\\[0\\].id: .* also in core"):
        load_banks(bank_copy)


def test_a_missing_core_file_is_refused(bank_copy):
    (bank_copy / "staff/core.toml").unlink()
    with pytest.raises(BankError, match="staff has no core questions file"):
        load_banks(bank_copy)


def test_a_choice_question_needs_two_options(bank_copy):
    path = bank_copy / "young_people/zz_test.toml"
    path.write_text(
        'id = "zz_test"\naudience = "young_people"\nkind = "theme"\nversion = 1\n'
        'presentation = "cards"\ntitle = { en-GB = "Test" }\npurpose = { en-GB = "Test" }\n'
        '[[questions]]\nid = "zz_one"\nkind = "single"\ntext = { en-GB = "Pick" }\n'
        'options = [ { value = "a", text = { en-GB = "A" } } ]\n',
        encoding="utf-8",
    )
    with pytest.raises(BankError, match=r"zz_test.toml: questions\[0\].options: .*at least 2"):
        load_banks(bank_copy)


def test_positive_answers_must_be_real_answers(bank_copy):
    path = bank_copy / "young_people/zz_test.toml"
    path.write_text(
        'id = "zz_test"\naudience = "young_people"\nkind = "theme"\nversion = 1\n'
        'presentation = "thumbs"\ntitle = { en-GB = "Test" }\npurpose = { en-GB = "Test" }\n'
        '[[questions]]\nid = "zz_one"\nkind = "yes_no"\ntext = { en-GB = "Yes?" }\n'
        'positive = ["maybe"]\nnegative = ["no"]\n',
        encoding="utf-8",
    )
    with pytest.raises(BankError, match=r"questions\[0\].positive: 'maybe' is not one of"):
        load_banks(bank_copy)


def test_every_scale_names_its_positive_and_negative_answers(banks):
    """On the five-point quality scale Good or better is positive; Poor and Fair negative."""
    words = {o.value: str(o.text) for o in banks.scales["quality5"].points}
    assert sorted(words[v] for v in banks.scales["quality5"].positive) == [
        "Excellent",
        "Good",
        "Very good",
    ]
    assert sorted(words[v] for v in banks.scales["quality5"].negative) == ["Fair", "Poor"]
    for name, scale in banks.scales.items():
        assert scale.positive and scale.negative and not scale.positive & scale.negative, name


def test_questions_take_their_scales_positive_and_negative_answers(banks):
    """cp_plan_knowledge (quality5) counts Good, Very good and Excellent as positive."""
    question = banks.theme("professionals", "care_planning_and_reviews").question(
        "cp_plan_knowledge"
    )
    assert question.positive == {"3", "4", "5"} and question.negative == {"1", "2"}
    unkind = banks.theme("young_people", "feeling_safe").question("fs_unkind")
    assert unkind.positive == {"no"} and unkind.negative == {"yes"}


def test_banks_check_refuses_a_scale_without_positive_answers(make_app, bank_copy):
    """`survey-app banks check` names the file, the scale and what is missing."""
    edit(bank_copy / "_scales.toml", 'positive = ["4", "5"]  # Often or Always\n', "")
    bad = make_app(QUESTION_BANKS_DIR=bank_copy).test_cli_runner().invoke(args=["banks", "check"])
    assert bad.exit_code == 1
    assert "_scales.toml: often5.positive: is missing" in bad.output


def test_banks_check_command_reports_ok_and_refuses_a_bad_file(make_app, bank_copy):
    """`survey-app banks check` lists every file; on a bad one it exits 1 naming it."""
    good = make_app(QUESTION_BANKS_DIR=bank_copy).test_cli_runner().invoke(args=["banks", "check"])
    assert good.exit_code == 0 and "files valid" in good.output
    edit(bank_copy / "families/core.toml", "version = 1", 'version = "one"')
    bad = make_app(QUESTION_BANKS_DIR=bank_copy).test_cli_runner().invoke(args=["banks", "check"])
    assert bad.exit_code == 1
    assert "families/core.toml: version: must be a whole number" in bad.output
