"""The phrase rules on the labelled set they were written from: recall first.

The rules are the safety net beside the learned model (analysis/text/comments.py); the model's
own figures, on the held-apart test file, are in test_comment_evaluation.py.
"""

from collections import Counter
from pathlib import Path

import pytest

from analysis.safeguarding import AUDIENCES, CATEGORIES, assess
from analysis.safeguarding.evaluation import evaluate, load_examples

ROOT = Path(__file__).resolve().parents[2]
LABELLED = ROOT / "tests" / "data" / "safeguarding_labelled.jsonl"


@pytest.fixture(scope="module")
def examples():
    return load_examples(LABELLED)


@pytest.fixture(scope="module")
def report(examples):
    return evaluate(examples, assess)


def test_the_labelled_set_is_big_and_balanced_enough(examples):
    """300+ answers; 60+ disclosures with 5+ per category; 60+ answers that disclose nothing."""
    per_category = Counter(c for e in examples for c in e.categories)
    assert len(examples) >= 300
    assert sum(1 for e in examples if e.categories) >= 60
    assert sum(1 for e in examples if not e.categories) >= 60
    # The two categories added with the learned model have no rule-era examples.
    assert sum(per_category[c] >= 5 for c in CATEGORIES) >= 12, per_category
    assert {e.audience for e in examples} == set(AUDIENCES)
    assert any(e.categories and e.audience == "professionals" for e in examples)


def test_recall_is_at_least_95_percent_overall_and_per_category(report):
    """A disclosure is flagged, and flagged as what it is, in 95% of cases or more."""
    assert report.overall.recall >= 0.95
    low = {c: s.recall for c, s in report.categories.items() if s.recall < 0.95}
    assert low == {}, [str(e.text) for e, _ in report.misses]


def test_precision_is_at_least_one_half_overall_and_per_category(report):
    """At most one flag in two is a false alarm, overall and for each category."""
    assert report.overall.precision >= 0.5
    low = {
        c: s.precision
        for c, s in report.categories.items()
        if s.precision < 0.5 and s.true_positives + s.false_negatives
    }
    assert low == {}


def test_a_bad_line_in_a_labelled_set_is_refused_with_its_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "x", "audience": "young_people", "categories": ["nope"]}\n')
    with pytest.raises(ValueError, match=r"bad\.jsonl:1: categories"):
        load_examples(path)
