"""Quotes lose names, initials, contact details, dates, NHS numbers, addresses, schools, places."""

import pytest

from analysis import KnownNames, anonymise


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
        ("jane doe is kind", "[name] is kind"),  # a surname that is also a word, after a name
        ("I like Sarah Brown", "I like [name]"),
        ("Mrs Smith-Jones shouted", "[name] shouted"),
        ("me and smith-jones had a fight", "me and [name] had a fight"),
        ("ELLIE IS ANNOYING", "[name] IS ANNOYING"),
        ("I was born 03/04/2011", "I was born [date]"),
        ("my birthday is 4th March", "my birthday is [date]"),
        ("DOB 3.4.11", "DOB [date]"),
        ("I was born in March 2011", "I was born in [date]"),
        ("mum passed away in 2019", "mum passed away in [date]"),
        ("March 4th is my birthday", "[date] is my birthday"),
        ("my NHS number is 943 476 5919", "my NHS number is [NHS number]"),
        ("NHS 9434765919", "NHS [NHS number]"),
        ("I go to St Mary's Primary", "I go to [school]"),
        ("Oakfield Academy is rubbish", "[school] is rubbish"),
        ("back to kings high school", "back to [school]"),
        ("i live on cherry tree lane", "i live on [address]"),
        ("the boy in room 4 is loud", "the boy in [room] is loud"),
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
        "June was better than May",
        "I love school but high school is scary",
        "my birthday was great",
        "I am 14 and it's my birthday in 2 weeks",
        "Will you help me",
        "i will cook dinner tonight",
        "teachers at college are kind",
        "I never get told anything about my son's school",
        "dinner is at 5:30 which is way too early",
    ],
)
def test_ordinary_words_are_left_alone(text):
    """Family words, months, subjects, services, brands, ages and kinds of school stay."""
    assert anonymise(text) == text


def test_possessives_and_full_names_collapse_to_one_placeholder():
    """ "Sarah Jones's" is one name, keeping its possessive."""
    assert anonymise("I like Sarah Jones's cooking") == "I like [name]'s cooking"


def test_the_service_s_own_people_and_homes_go_in_any_case():
    """Names the app passes in are removed however they are written, whole or in part."""
    known = KnownNames(people=("Priya Chandrasekhar", "Will Green"), places=("Oak House",))
    assert anonymise("chandrasekhar is strict", known) == "[name] is strict"
    assert anonymise("will green never listens", known) == "[name] never listens"
    assert anonymise("I miss oak house", known) == "I miss [place]"
    assert anonymise("I will do my homework", known) == "I will do my homework"
