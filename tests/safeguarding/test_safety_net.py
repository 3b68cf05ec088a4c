"""The safety net's word lists: read like the rules, checked when loaded, quoted as written."""

from __future__ import annotations

import shutil

import pytest

from analysis.safeguarding import DEFAULT_DIRECTORY, LexiconError, load_safety_net
from analysis.safeguarding.safety_net import mentions_person_or_body


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("He's always on at me", ("He's",)),
        ("my arm is bad again", ("arm",)),
        ("sum1 touched me", ("sum1", "touched")),
        ("this homework is killing me", ()),
        ("i hate the food", ()),
    ],
)
def test_people_and_the_body_are_found_as_written(text, words):
    """Text-speak and contractions are read as the rules read them; the quote is what was typed."""
    assert mentions_person_or_body(text) == words


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('people = ["he"]\nbody = ["arm"]\nplaces = ["park"]\n', "unknown key 'places'"),
        ('people = ["he"]\nbody = []\n', "body: needs a list of at least one phrase"),
        ('people = ["he"]\nbody = ["up*"]\n', "body: bad phrase 'up*'"),
        ("people = [\n", "not valid TOML"),
    ],
)
def test_a_bad_file_is_refused_with_the_file_and_the_entry(tmp_path, content, problem):
    """A mistake stops loading and says where it is, as the rules' files do."""
    directory = tmp_path / "lexicon"
    shutil.copytree(DEFAULT_DIRECTORY, directory)
    (directory / "safety_net.toml").write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match="safety_net.toml") as refused:
        load_safety_net(directory)
    assert problem in str(refused.value)
