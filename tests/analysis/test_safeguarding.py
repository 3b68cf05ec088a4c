"""The safeguarding detector: what it flags, what it leaves alone, and how it says why."""

import dataclasses
import statistics
import subprocess
import sys
import time

import pytest

from analysis.safeguarding import (
    AUDIENCES,
    CATEGORIES,
    CATEGORY_LABELS,
    Assessment,
    assess,
    default_detector,
)

# The examples named in the issue, and the slang, misspellings and emoji it asks for.
DISCLOSURES = [
    ("some older lads make me take stuff to places", "criminal_exploitation"),
    ("been going country for my cuz", "criminal_exploitation"),
    ("they got me running a line now", "criminal_exploitation"),
    ("i owe money to some older boys", "criminal_exploitation"),
    ("i got plugged and went on the train", "criminal_exploitation"),
    ("been trapping in another town", "criminal_exploitation"),
    ("i dont want to be here anymore", "self_harm"),
    ("kms", "self_harm"),
    ("i want to unalive myself", "self_harm"),
    ("thinking about sucide alot", "self_harm"),
    ("been hurtin myself again", "self_harm"),
    ("i want to kiiiill myself", "self_harm"),
    ("took a load of 💊 last night", "self_harm"),
    ("i scratch my arms till they bleed 🩸", "self_harm"),
    ("someone online keeps asking for pics", "online_grooming"),
    ("he keeps asking me to sn", "online_grooming"),
    ("dont feel safe", "feeling_unsafe"),
    ("not safe", "feeling_unsafe"),
    ("i never feel safe here", "feeling_unsafe"),
    ("i don’t feel safe", "feeling_unsafe"),
    ("im scard to go to sleep", "feeling_unsafe"),
    ("a staff grabbed me", "staff_allegation"),
    ("one of the staff touches me", "staff_allegation"),
    ("staff hit me", "staff_allegation"),
    ("when i go to my dads he hits me", "family_contact_harm"),
    ("i got bruises and dont know how", "unexplained_injury"),
    ("staff said not to tell about my arm", "unexplained_injury"),
    ("the opps are after me", "threats_extortion"),
    ("the ops said im next", "threats_extortion"),
    ("got a shank for protection", "threats_extortion"),
    ("got threatened on the way home 🔪", "threats_extortion"),
    ("kids keep telling me to kys", "bullying"),
    ("i get bullyed every day", "bullying"),
    ("i ran away last weekend", "going_missing"),
    ("they lock the fridge and we go to bed hungry", "neglect"),
    ("i was raped last year", "sexual_abuse"),
    ("I am worried X is being exploited", "criminal_exploitation"),
]

# Clear idiom and everyday talk that must not raise an alarm.
NOT_DISCLOSURES = [
    "this homework is killing me",
    "I'd die for a pizza",
    "staff are the bomb",
    "the food here is sick",
    "I'm dead 😂",
    "that film was killer",
    "safe bro",
    "i feel safe",
    "i feel safe here and staff are nice",
    "i dont feel unsafe here",
    "i have never felt unsafe",
    "nobody bullies me",
    "im not being bullied",
    "staff help me when im sad",
    "we talked about online safety at school",
    "we did a lesson about county lines",
    "i went missing my mum but contact was good",
    "staff grabbed me a hot choc",
    "staff hit the roof when i dyed my hair 😂",
    "i got shanked so many times in warzone 😂",
    "i ran away from a goose 😂",
    "i owe my mate a fiver lol",
    "my phone is dead",
    "i would kill for some chips",
    "the wifi keeps going off",
    "can we have more pocket money",
    "💊",
    "",
]


@pytest.mark.parametrize(("text", "category"), DISCLOSURES)
def test_disclosures_flag_their_category(text, category):
    """Direct, indirect, slang, misspelt and emoji disclosures flag the right category."""
    result = assess(text)
    assert result.flagged
    assert category in result.categories


@pytest.mark.parametrize("text", NOT_DISCLOSURES)
def test_idioms_and_everyday_answers_do_not_flag(text):
    """Idiom, reassurance and ordinary complaints are not disclosures."""
    result = assess(text)
    assert result == Assessment(False, (), ())


def test_the_issue_examples():
    """The issue's pair: the exploitation answer flags, the homework idiom does not."""
    assert assess("some older lads make me take stuff to places").categories == (
        "criminal_exploitation",
    )
    assert not assess("this homework is killing me").flagged


def test_an_idiom_does_not_hide_a_disclosure_in_the_same_answer():
    """Only the idiom itself is ignored; the rest of the answer is still read."""
    result = assess("this homework is killing me and i want to die")
    assert result.categories == ("self_harm",)


def test_reasons_name_the_category_and_quote_what_was_written():
    """Each reason reads 'category: "the words as written" (why)'."""
    result = assess("kms tbh. and some older lads make me take stuff to places")
    assert result.reasons
    assert all(reason.split(":")[0] in result.categories for reason in result.reasons)
    assert 'self_harm: "kms" (' in result.reasons[0]
    assert any(r.startswith('criminal_exploitation: "') and "make me take stuff" in r
               for r in result.reasons)  # fmt: skip


def test_categories_are_sorted_and_unique():
    """Several signals of several kinds give each category once, in order."""
    result = assess("my dad hits me and i want to die and i want to kill myself")
    assert list(result.categories) == sorted(set(result.categories))
    assert {"family_contact_harm", "self_harm"} <= set(result.categories)


def test_assessment_is_a_frozen_dataclass():
    """A verdict cannot be changed after the fact."""
    result = assess("kms")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.flagged = False  # type: ignore[misc]


def test_fourteen_categories_each_with_a_label():
    """The rule-era twelve plus physical and emotional abuse, each with a human label."""
    assert len(CATEGORIES) == 14
    assert {"physical_abuse", "emotional_abuse"} <= set(CATEGORIES)
    assert set(CATEGORIES) == set(CATEGORY_LABELS)
    assert all(label.strip() for label in CATEGORY_LABELS.values())
    assert "staff_allegation" in CATEGORIES and "LADO" in CATEGORY_LABELS["staff_allegation"]


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_audience_is_read(audience):
    """Professionals', families' and staff answers are read as well as young people's."""
    assert assess("I am worried she is being sexually exploited", audience).flagged


def test_unknown_audience_and_non_text_are_refused():
    """A typo in the audience or a missing answer is a programming error, not a pass."""
    with pytest.raises(ValueError, match="unknown audience"):
        assess("kms", "children")
    with pytest.raises(TypeError):
        assess(None)  # type: ignore[arg-type]


def test_patterns_are_compiled_once():
    """The shipped lexicon is loaded and compiled on first use, then reused."""
    assert default_detector() is default_detector()


def test_a_typical_answer_takes_well_under_a_millisecond():
    """Median time per typical answer stays well below 1 ms once the lexicon is compiled."""
    answers = [text for text, _ in DISCLOSURES] + NOT_DISCLOSURES
    assess("warm up")
    timings = []
    for text in answers * 5:
        start = time.perf_counter()
        assess(text)
        timings.append(time.perf_counter() - start)
    assert statistics.median(timings) < 0.001


def test_importing_the_detector_loads_no_web_or_database_code():
    """A fresh interpreter that uses the detector never imports Flask, SQLAlchemy or the app."""
    code = (
        "import sys, analysis.safeguarding as s; s.assess('kms');"
        "print(','.join(m for m in sys.modules"
        " if m.split('.')[0] in ('flask', 'sqlalchemy', 'wtforms', 'survey_app')))"
    )
    result = subprocess.run(  # noqa: S603  (our own interpreter, fixed arguments)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
