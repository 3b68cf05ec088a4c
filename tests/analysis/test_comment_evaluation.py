"""The corpus, the held-apart test file, and the shipped model's figures on that file."""

import dataclasses
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from analysis.safeguarding import AUDIENCES, CATEGORIES
from analysis.text.comments import analyse_with
from analysis.textmodel.corpus import read_corpus, read_partial
from analysis.textmodel.evaluation import TARGETS, evaluate
from analysis.textmodel.model import CommentModel, default_model

ROOT = Path(__file__).resolve().parents[2]
TEST_FILE = ROOT / "tests" / "data" / "comments_test.jsonl"
THEMES_SHIPPED = 0.77  # theme micro-F1 of the shipped model on the test file: 0.772


@pytest.fixture(scope="module")
def test_records():
    return read_partial(TEST_FILE)


@pytest.fixture(scope="module")
def report(test_records):
    return evaluate(test_records)


def test_the_corpus_is_large_and_covers_every_category():
    """4,000+ labelled comments, 800+ disclosures across every category, 800+ traps."""
    corpus = read_corpus()
    per_category = Counter(c for r in corpus for c in r.categories)
    assert len(corpus) >= 4000
    assert sum(r.safeguarding for r in corpus) >= 800
    assert sum(r.kind == "trap" for r in corpus) >= 800
    assert all(per_category[c] >= 30 for c in CATEGORIES), per_category
    assert {r.audience for r in corpus} == set(AUDIENCES)


def test_the_test_file_is_large_and_apart(test_records):
    """800+ comments, 150+ disclosures and 150+ traps, none of them in the corpus as written."""
    assert len(test_records) >= 800
    assert sum(r.safeguarding for r in test_records) >= 150
    assert sum(r.kind == "trap" for r in test_records) >= 150
    assert {c for r in test_records for c in r.categories} == set(CATEGORIES)
    assert TEST_FILE.read_text(encoding="utf-8").startswith("# The held-apart test file")


def test_the_shipped_model_meets_the_safeguarding_and_sentiment_targets(report):
    """Recall 0.97 at precision 0.60, recall 0.90 in every category, sentiment macro-F1 0.80."""
    assert report.flag.recall >= TARGETS["recall"]
    assert report.flag.precision >= TARGETS["precision"]
    low = {c: t.recall for c, t in report.categories.items() if t.recall < 0.90}
    assert low == {}
    assert report.sentiment_macro_f1 >= TARGETS["sentiment_macro_f1"]


def test_themes_hold_at_least_the_shipped_figure(report):
    """Theme micro-F1 is 0.772 on the test file, short of the 0.80 target (MODEL_CARD.md);
    a retrained model must not fall below what ships."""
    assert report.theme_micro_f1 >= THEMES_SHIPPED


def test_the_target_test_fails_when_the_model_is_switched_off(test_records):
    """With the model unable to flag (rules alone), recall falls and the failure names it."""
    model = default_model()
    silent = CommentModel.__new__(CommentModel)
    silent.__dict__.update(model.__dict__)
    silent.settings = {**model.settings, "disclosure_threshold": 1.01}
    report = evaluate(test_records, lambda text, audience: analyse_with(silent, text, audience))
    assert any(problem.startswith("disclosure recall") for problem in report.failures())


def test_a_disclosure_missed_makes_the_evaluation_name_it():
    """A labelled disclosure the analysis does not flag is listed as a miss."""
    record = dataclasses.replace(
        read_partial(TEST_FILE)[0], text="the sky is a nice colour", safeguarding=True,
        categories=("neglect",), kind="disclosure",
    )  # fmt: skip
    report = evaluate([record])
    assert report.misses == [record]
    assert "neglect recall 0.000 < 0.90" in report.failures()


@pytest.mark.parametrize("script", ["evaluate_safeguarding.py", "evaluate_comments.py"])
def test_the_evaluation_scripts_print_figures_and_exit_1_below_target(script, report, tmp_path):
    """Each script prints the figures and exits 0 only when its targets are met."""
    path = ROOT / "scripts" / script
    run = subprocess.run(  # noqa: S603  (our own interpreter and script)
        [sys.executable, str(path)], capture_output=True, text=True, check=False
    )
    assert "disclosure recall" in run.stdout and "theme micro-F1" in run.stdout
    missed = [p for p in report.failures() if ("F1" in p) == (script == "evaluate_comments.py")]
    assert run.returncode == (1 if missed else 0), run.stdout[-1500:]
    wrong = tmp_path / "wrong.jsonl"
    rows = [
        {"text": "I love it here", "audience": "young_people", "sentiment": "negative",
         "themes": ["food"], "categories": ["neglect"]},
    ]  # fmt: skip
    wrong.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    bad = subprocess.run(  # noqa: S603
        [sys.executable, str(path), str(wrong)], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1
    assert "TARGETS NOT MET" in bad.stdout
