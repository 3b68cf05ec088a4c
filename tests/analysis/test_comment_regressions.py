# ruff: noqa: E501  (each example is one comment as written; wrapping would hide it)
"""Regression examples: one of every kind the old phrase rules missed, and every kind of false
alarm they raised (issue 18), written afresh in words that appear in no labelled file.
"""

import pytest

from analysis import analyse_comment

MISSED_BEFORE = [
    # indirect suicidal thoughts, no method named
    (
        "young_people",
        "honestly whats the point in any of it, they'd all get on better if i just wasnt around",
    ),
    # self-harm where "cut" is a bare verb
    ("young_people", "i cut again on sunday night and staff dont know"),
    # harm to a brother or sister seen at family contact
    (
        "young_people",
        "at contact my dad grabbed my little sister by the arm really hard and she cried all the way back",
    ),
    # saving up tablets
    (
        "young_people",
        "ive been keeping my night meds in a sock instead of taking them, got quite a few now",
    ),
    # fear that shows as avoidance behind "it's fine"
    (
        "young_people",
        "its fine honestly, i just stay in my room after school so the older ones leave me alone",
    ),
    # a professional: whereabouts repeatedly unknown
    (
        "professionals",
        "For the fourth time this month nobody at the home could tell me where he had been overnight.",
    ),
    # a parent: violence from another child that staff do nothing about
    (
        "families",
        "another lad keeps punching my son and the staff just shrug and say there is nothing they can do",
    ),
    # key words misspelt
    ("young_people", "sumtimes i feel like killin myself an no1 knows"),
]

FALSE_ALARMS_BEFORE = [
    # gaming slang
    ("young_people", "got merked in fortnite by my keyworker lmao, rematch tomorrow"),
    # sport
    ("young_people", "i got shot about ten times at paintball on saturday, best trip ever"),
    # hyperbole
    ("young_people", "staff will literally kill me if im late back again haha"),
    ("young_people", "i nearly died of embarrassment when they sang happy birthday in the chippy"),
    # everyday complaints
    ("young_people", "the house is freezing in the mornings and im always starving before tea"),
    ("young_people", "they take our phones off us at half 10 which is long"),
    # a professional describing good practice that names a risk
    (
        "professionals",
        "The missing episode in October was handled well: police were informed promptly and the return interview was done the next day.",
    ),
    (
        "professionals",
        "Self-harm risk is well managed and staff follow the CAMHS safety plan consistently.",
    ),
    # problems in the past, resolved
    (
        "young_people",
        "i used to get bullied at my old school but its sorted now and i like my new one",
    ),
    # praise that mentions photos or the dentist: the model still reads this one as a
    # disclosure ("photos of me", and the pronoun-heavy wording its disclosures share); a
    # known failure, in MODEL_CARD.md. strict: the test says when a retrained model gets it.
    pytest.param(
        "young_people",
        "staff put photos of me and my brother up in my room and the dentist was fine, didnt hurt",
        marks=pytest.mark.xfail(strict=True, reason="known false alarm: see MODEL_CARD.md"),
    ),
]


@pytest.mark.parametrize(("audience", "text"), MISSED_BEFORE)
def test_kinds_once_missed_are_flagged(audience, text):
    """Each kind of disclosure the phrase rules used to miss is now flagged, with reasons."""
    result = analyse_comment(text, audience)
    assert result.safeguarding, text
    assert result.reasons and result.categories


@pytest.mark.parametrize(("audience", "text"), FALSE_ALARMS_BEFORE)
def test_kinds_once_false_alarms_are_not_flagged(audience, text):
    """Each kind of everyday talk the phrase rules used to flag is left alone."""
    assert not analyse_comment(text, audience).safeguarding, text


def test_sarcasm_and_a_cheerful_disclosure_read_as_negative():
    """Sarcasm is a complaint; a disclosure said brightly is still negative."""
    assert analyse_comment("oh great another meeting about me 🙄", "young_people").sentiment == (
        "negative"
    )
    cheerful = analyse_comment(
        "best home ever 😊 only thing is mums new boyfriend keeps asking me to keep secrets",
        "young_people",
    )
    assert cheerful.safeguarding and cheerful.sentiment == "negative"
