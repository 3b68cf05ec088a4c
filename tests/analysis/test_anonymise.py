"""Quotes lose names, initials, contact details, addresses and places."""

import pytest

from analysis import anonymise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gemma is the best staff ever", "[name] is the best staff ever"),
        ("me and Kayden went to the park", "me and [name] went to the park"),
        ("ask jake he knows", "ask [name] he knows"),  # lower-case common name
        ("I told Mrs Okonkwo about it", "I told [name] about it"),
        ("My social worker Sarah Jones never calls", "My social worker [name] never calls"),
        ("Will is my key worker", "[name] is my key worker"),
        ("Will you help me", "Will you help me"),
        ("JB and J. keep taking my stuff", "[initials] and [initials] keep taking my stuff"),
        ("ring me on 07700 900123", "ring me on [phone]"),
        ("call +44 7700 900123 or (0113) 496 0000", "call [phone] or [phone]"),
        ("my email is kayden.b@example.com", "my email is [email]"),
        ("I live at 12 Oak Road, LS6 2AB", "I live at [address], [postcode]"),
        ("her nan lives on Oakfield Avenue", "her nan lives on [address]"),
        ("i used to live in leeds", "i used to live in [place]"),
        ("we moved from Bradford to Milton Keynes", "we moved from [place] to [place]"),
        ("she is back in Tanfield now", "she is back in [place] now"),  # "in <Capitalised>"
        ("we went to Reading", "we went to [place]"),
        ("Reading is boring", "Reading is boring"),  # a word at the start, not the town
    ],
)
def test_identifying_details_become_placeholders(text, expected):
    """Each identifying detail is replaced by a bracketed placeholder."""
    assert anonymise(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I want to see my Mum at Christmas",
        "The IRO came to my LAC review on Monday",
        "I like English and Maths",
        "staff are safe innit",
        "I HATE IT HERE",
        "I walk 2 miles down the road to school",
        "I got 2 GCSEs in June",
        "We play on the Xbox and watch Netflix",
    ],
)
def test_ordinary_words_are_left_alone(text):
    """Family words, months, subjects, services and brands are not names."""
    assert anonymise(text) == text


def test_possessives_and_full_names_collapse_to_one_placeholder():
    """ "Sarah Jones's" is one name, keeping its possessive."""
    assert anonymise("I like Sarah Jones's cooking") == "I like [name]'s cooking"
