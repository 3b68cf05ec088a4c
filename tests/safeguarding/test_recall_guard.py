"""The recall test is a real guard: take rules out of the lexicon and it fails, naming what."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.safeguarding import CATEGORIES, Detector, load_lexicon
from analysis.safeguarding.evaluation import evaluate, load_examples
from tests.analysis.test_safeguarding_evaluation import (
    LABELLED,
)
from tests.analysis.test_safeguarding_evaluation import (
    test_recall_is_at_least_95_percent_overall_and_per_category as recall_test,
)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def examples():
    return load_examples(LABELLED)


def _report_without(lexicon, examples, keep):
    detector = Detector(dataclasses.replace(lexicon, rules=tuple(filter(keep, lexicon.rules))))
    return evaluate(examples, detector.assess)


def test_the_shipped_lexicon_passes(lexicon, examples):
    """With every rule in place the same test passes, so the failures below are the rules'."""
    recall_test(_report_without(lexicon, examples, lambda rule: True))


def test_one_rule_less_fails_the_recall_test(lexicon, examples):
    """Without the county-lines slang rule, criminal exploitation recall drops below 0.95."""
    slang = "county-lines slang: going country, running a line, trapping, shotting"
    assert any(rule.reason == slang for rule in lexicon.rules)
    report = _report_without(lexicon, examples, lambda rule: rule.reason != slang)
    with pytest.raises(AssertionError):
        recall_test(report)
    assert report.categories["criminal_exploitation"].recall < 0.95


# Categories with examples in the rules' labelled set (the two added with the learned model
# have none, so nothing there can show their rules are missing).
GUARDED = sorted({c for e in load_examples(LABELLED) for c in e.categories})


def test_every_rule_era_category_is_guarded():
    assert len(GUARDED) >= 12 and set(GUARDED) <= set(CATEGORIES)


@pytest.mark.parametrize("category", GUARDED)
def test_a_category_without_its_rules_fails_the_recall_test(lexicon, examples, category):
    """Every category is guarded: with its rules gone, the test fails and names it."""
    report = _report_without(lexicon, examples, lambda rule: category not in rule.categories)
    with pytest.raises(AssertionError):
        recall_test(report)
    assert any(problem.startswith(f"{category} recall") for problem in report.failures())
