"""analyse_comment on awkward input: a clear result every time, never an exception."""

import pytest

from analysis import analyse_comment, safeguarding_verdict

AUDIENCES = ("young_people", "professionals", "families", "staff")


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_answers_are_neutral_and_unflagged(text, audience):
    """Nothing written: neutral, no themes, no flag, nothing to read."""
    result = analyse_comment(text, audience)
    assert (result.sentiment, result.themes, result.safeguarding) == ("neutral", (), False)
    assert result.understood


@pytest.mark.parametrize("text", ["😭😭😭", "👍😊", "🤷", "💀💀"])
def test_emoji_only_answers_are_read(text):
    """An answer of emoji alone gets a sentiment and polarity, and is not sent for translation."""
    result = analyse_comment(text, "young_people")
    assert result.sentiment in ("positive", "neutral", "negative")
    assert -1 <= result.polarity <= 1
    assert result.understood


def test_a_five_thousand_character_answer_is_read_to_the_end():
    """A disclosure at the end of a very long answer is still found."""
    text = "the food is ok and the wifi is slow. " * 135 + "my uncle touches me when i visit"
    assert len(text) > 4_900
    result = analyse_comment(text, "young_people")
    assert result.safeguarding
    assert "sexual_abuse" in result.categories


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("لا أشعر بالأمان في هذا البيت", "Arabic"),  # Arabic
        ("من اینجا احساس امنیت نمی کنم", "Arabic"),  # Dari, in the Perso-Arabic script
        ("Tôi không cảm thấy an toàn ở đây", "Vietnamese"),
        ("Мне здесь страшно", "Cyrillic"),
        ("toi khong thich o day va toi muon ve nha ngay bay gio", "never seen"),  # no marks
    ],
)
def test_a_comment_in_another_language_goes_to_a_person(text, why):
    """Never judged neutral and safe: flagged for a person to read, saying why."""
    result = analyse_comment(text, "young_people")
    assert result.safeguarding and not result.understood
    assert why in result.reasons[0]
    assert safeguarding_verdict(text, "families").understood is False


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "no",
        "n/a",
        "Staff are lovely 😊",
        "café trip was good, had a croissant",  # a few accents are still English
        "wagwan, house is calm innit, mandem are safe",  # slang is English
    ],
)
def test_short_and_slangy_english_is_understood(text):
    """Short answers, slang and a borrowed accented word are read, not sent for translation."""
    assert analyse_comment(text, "young_people").understood


def test_unknown_audience_is_read_as_a_young_person():
    """An audience the model does not know gets the strictest reading, not an error."""
    assert analyse_comment("i want to die", "visitors").safeguarding


def test_a_model_flag_names_the_words_that_weighed_most():
    """The reviewer sees which words made the model flag it."""
    result = analyse_comment("honestly i dont see the point of being here any more", "young_people")
    assert result.safeguarding
    model_reasons = [r for r in result.reasons if r.startswith("model:")]
    assert model_reasons and '"' in model_reasons[0]
