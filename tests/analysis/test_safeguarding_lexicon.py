"""The lexicon files: validated on load, and the phrase language a safeguarding lead writes."""

import shutil
from pathlib import Path

import pytest

from analysis.safeguarding import (
    CATEGORIES,
    DEFAULT_DIRECTORY,
    Detector,
    LexiconError,
    load_lexicon,
)


def make_lexicon(root: Path, rules: str = "", idioms: str = "") -> Path:
    """A lexicon with the shipped normalisation, one placeholder rule per category, and more."""
    shutil.copy(DEFAULT_DIRECTORY / "normalisation.toml", root / "normalisation.toml")
    (root / "idioms.toml").write_text(idioms, encoding="utf-8")
    (root / "rules").mkdir()
    placeholders = "".join(
        f'[[rule]]\ncategory = "{c}"\nreason = "placeholder"\nphrase = "zz{c}"\n\n'
        for c in CATEGORIES
    )
    (root / "rules" / "base.toml").write_text(placeholders, encoding="utf-8")
    (root / "rules" / "test.toml").write_text(rules, encoding="utf-8")
    return root


def detector(root: Path, rules: str, idioms: str = "") -> Detector:
    return Detector(load_lexicon(make_lexicon(root, rules, idioms)))


def categories(found: Detector, text: str, audience: str = "young_people") -> tuple[str, ...]:
    return found.assess(text, audience).categories


def test_the_shipped_lexicon_loads_with_rules_for_every_category():
    """Every category has at least one rule, and every rule a reason."""
    lexicon = load_lexicon()
    covered = {category for rule in lexicon.rules for category in rule.categories}
    assert covered == set(CATEGORIES)
    assert all(rule.reason for rule in lexicon.rules)


BAD_RULES = [
    ('category = "self-harm"\nreason = "r"\nphrase = "x"', "unknown category 'self-harm'"),
    ('category = "self_harm"\nphrase = "x"', "needs a reason"),
    ('category = "self_harm"\nreason = "r"', "exactly one of phrase, phrases, regex or near"),
    ('category = "self_harm"\nreason = "r"\nphrase = "x"\nregex = "y"', "exactly one of"),
    ('category = "self_harm"\nreason = "r"\nphrase = "(a|(b|c))"', "cannot be nested"),
    ('category = "self_harm"\nreason = "r"\nphrase = "hurt.*"', "use regex = instead"),
    ('category = "self_harm"\nreason = "r"\nphrase = "* me"', "cannot start or end with a gap"),
    ('category = "self_harm"\nreason = "r"\nphrase = "hu* me"', "at least three letters"),
    ('category = "self_harm"\nreason = "r"\nregex = "(unclosed"', "bad regex"),
    ('category = "self_harm"\nreason = "r"\nregex = "x*"', "matches an empty answer"),
    ('category = "self_harm"\nreason = "r"\nphrase = "x"\nnegateable = true', "unknown key"),
    ('category = "self_harm"\nreason = "r"\nphrase = "x"\nwithin = 5', "only goes with near"),
    ('category = "self_harm"\nreason = "r"\nnear = ["x"]', "at least two parts"),
    ('category = "self_harm"\nreason = "r"\nphrases = ["x", "y"]\nat_least = 3', "at_least"),
    ('category = "self_harm"\nreason = "r"\nphrase = "x"\naudiences = ["kids"]', "audiences"),
    ('category = "self_harm"\nreason = "r"\nphrase = "x"\nfallback = "yes"', "true or false"),
]


@pytest.mark.parametrize(("body", "problem"), BAD_RULES)
def test_a_bad_rule_is_refused_with_its_file_and_entry(tmp_path, body, problem):
    """The error names the file, the entry (its number and pattern) and what is wrong."""
    root = make_lexicon(tmp_path, f"[[rule]]\n{body}\n")
    with pytest.raises(LexiconError) as caught:
        load_lexicon(root)
    message = str(caught.value)
    assert "test.toml" in message and "rule 1" in message
    assert problem in message
    assert caught.value.path.name == "test.toml"


def test_the_entry_is_named_by_its_pattern(tmp_path):
    """A lead can find the entry from the message: its number and the start of its pattern."""
    root = make_lexicon(tmp_path, '[[rule]]\ncategory = "nope"\nreason = "r"\nphrase = "kms fr"\n')
    with pytest.raises(LexiconError, match=r"rule 1 \('kms fr'\): unknown category 'nope'"):
        load_lexicon(root)


def test_a_file_that_is_not_toml_is_refused(tmp_path):
    root = make_lexicon(tmp_path, "[[rule]\n")
    with pytest.raises(LexiconError, match=r"test\.toml: \(file\): not valid TOML"):
        load_lexicon(root)


def test_a_missing_category_is_refused(tmp_path):
    """Deleting a category's file by mistake does not silently stop that category flagging."""
    root = make_lexicon(tmp_path)
    (root / "rules" / "base.toml").write_text("", encoding="utf-8")
    with pytest.raises(LexiconError, match="no rule for sexual_abuse"):
        load_lexicon(root)


def test_a_bad_idiom_is_refused(tmp_path):
    root = make_lexicon(tmp_path, idioms='[[idiom]]\nphrase = "(killing"\n')
    with pytest.raises(LexiconError, match=r"idioms\.toml: idiom 1 .*\( without \)"):
        load_lexicon(root)


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ('[text_speak]\nidk = "i dont know"\ndont = "do not"', "'idk': replacement 'dont'"),
        ('[spelling]\n"two words" = "x"', "one word or one emoji"),
        ('[spelling]\nbullyed = "bullied"\nbulyed = "bully"', "reads the same as"),
        ("[negation]\nwindow = 9", "from 1 to 5"),
        ('[slang]\nx = "y"', "unknown key 'slang'"),
    ],
)
def test_a_bad_normalisation_entry_is_refused(tmp_path, table, problem):
    """Replacements must be spelled out in full, not collide, and sit in known tables."""
    root = make_lexicon(tmp_path)
    (root / "normalisation.toml").write_text(f"{table}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="normalisation.toml") as caught:
        load_lexicon(root)
    assert problem in str(caught.value)


def test_phrases_read_like_answers(tmp_path):
    """Apostrophes, contractions, text-speak and doubled letters do not matter to a phrase."""
    rule = '[[rule]]\ncategory = "self_harm"\nreason = "r"\nphrase = "dont want to live"'
    found = detector(tmp_path, rule)
    for text in ("i don’t want to live", "i do not want to live", "i dnt wanna liiive"):
        assert categories(found, text) == ("self_harm",), text


def test_wildcards_gaps_and_alternatives(tmp_path):
    """word* is a prefix, * up to three words, (a|b|) an optional choice."""
    rules = '[[rule]]\ncategory = "bullying"\nreason = "r"\nphrase = "(they|he|) pick* * on me"'
    found = detector(tmp_path, rules)
    assert categories(found, "they picking on me")
    assert categories(found, "he picks a lot on me")
    assert categories(found, "picked on me")
    assert not categories(found, "he picks one two three four on me")


def test_unless_cancels_only_a_match_inside_it(tmp_path):
    """An exclusion hides the match it contains, not other matches in the answer."""
    rules = (
        '[[rule]]\ncategory = "staff_allegation"\nreason = "r"\nphrase = "grabbed me"\n'
        'unless = ["grabbed me a (drink|hot choc)"]'
    )
    found = detector(tmp_path, rules)
    assert not categories(found, "staff grabbed me a hot choc")
    assert categories(found, "staff grabbed me a hot choc then grabbed me by the neck")


def test_idioms_apply_to_every_rule(tmp_path):
    found = detector(
        tmp_path,
        '[[rule]]\ncategory = "self_harm"\nreason = "r"\nphrase = "killing me"',
        idioms='[[idiom]]\nphrase = "homework is killing me"',
    )
    assert not categories(found, "this homework is killing me")
    assert categories(found, "he is killing me")


def test_negatable_rules_ignore_a_negated_match(tmp_path):
    """'nobody bullies me' does not flag; 'he will not stop bullying me' does."""
    rules = (
        '[[rule]]\ncategory = "bullying"\nreason = "r"\nphrase = "(bully*|bullied)"\n'
        "negatable = true"
    )
    found = detector(tmp_path, rules)
    assert not categories(found, "nobody bullies me")
    assert not categories(found, "i am not being bullied")
    assert categories(found, "they wont stop bullying me")
    assert categories(found, "no one knows i get bullied")


def test_fallback_rules_count_only_when_nothing_else_matched(tmp_path):
    rules = (
        '[[rule]]\ncategory = "feeling_unsafe"\nreason = "general"\nphrase = "help me"\n'
        "fallback = true\n\n"
        '[[rule]]\ncategory = "self_harm"\nreason = "specific"\nphrase = "kill myself"'
    )
    found = detector(tmp_path, rules)
    assert categories(found, "please help me") == ("feeling_unsafe",)
    assert categories(found, "please help me i want to kill myself") == ("self_harm",)


def test_near_needs_every_part_close_together(tmp_path):
    rules = (
        '[[rule]]\ncategory = "staff_allegation"\nreason = "r"\n'
        'near = ["staff", ["hit me", "kicked me"]]\nwithin = 5'
    )
    found = detector(tmp_path, rules)
    assert categories(found, "one staff kicked me")
    assert not categories(found, "staff are ok but one two three four five six hit me")


def test_at_least_needs_different_signs(tmp_path):
    rules = (
        '[[rule]]\ncategory = "neglect"\nreason = "r"\nphrases = ["dentist", "months", "hurts"]\n'
        "at_least = 2"
    )
    found = detector(tmp_path, rules)
    assert categories(found, "not been to the dentist for months")
    assert not categories(found, "dentist dentist dentist")


def test_audiences_limit_a_rule(tmp_path):
    rules = (
        '[[rule]]\ncategory = "staff_allegation"\nreason = "r"\nphrase = "restraint"\n'
        'audiences = ["young_people"]'
    )
    found = detector(tmp_path, rules)
    assert categories(found, "restraint", "young_people")
    assert not categories(found, "restraint", "staff")


def test_a_regex_rule_reads_plain_words(tmp_path):
    rules = (
        '[[rule]]\ncategory = "sexual_abuse"\nreason = "adult partner"\n'
        "regex = '\\bboyfriend is (?:1[89]|[2-9][0-9])\\b'"
    )
    found = detector(tmp_path, rules)
    assert categories(found, "my boyfriend is 24")
    assert not categories(found, "my boyfriend is 15")
