"""The labelled answers: enough of them, well formed, and read well enough."""

import json
import subprocess
import sys
from pathlib import Path

from analysis import THEMES
from analysis.text.evaluation import evaluate, load_labelled

ROOT = Path(__file__).resolve().parents[2]
LABELLED = ROOT / "tests" / "data" / "comments_labelled.jsonl"


def test_labelled_set_is_large_varied_and_valid():
    """At least 200 answers from all four audiences, every label and theme known."""
    items = load_labelled(LABELLED)
    assert len(items) >= 200
    assert {i.audience for i in items} == {"young_people", "professionals", "families", "staff"}
    assert {i.sentiment for i in items} == {"positive", "neutral", "negative"}
    assert {t for i in items for t in i.themes} <= set(THEMES)


def test_sentiment_macro_f1_is_at_least_0_8():
    """Sentiment macro-F1 over the labelled set stays at or above 0.8."""
    assert evaluate(load_labelled(LABELLED)).sentiment_macro_f1 >= 0.8


def test_every_theme_is_found_more_often_than_not():
    """Each theme's recall on the labelled set is at least 0.7."""
    themes = evaluate(load_labelled(LABELLED)).themes
    assert {name: s.recall for name, s in themes.items() if s.recall < 0.7} == {}


def test_evaluation_script_prints_figures_and_passes(tmp_path):
    """The script prints accuracy and macro-F1 and exits 0 above the bar, 1 below it."""
    script = ROOT / "scripts" / "evaluate_comments.py"
    good = subprocess.run(  # noqa: S603  (our own interpreter and script)
        [sys.executable, str(script)], capture_output=True, text=True, check=False
    )
    assert good.returncode == 0
    assert "sentiment macro-F1" in good.stdout and "precision" in good.stdout
    wrong = tmp_path / "wrong.jsonl"
    row = {"text": "I love it here", "audience": "young_people", "sentiment": "negative"}
    wrong.write_text(json.dumps({**row, "themes": []}) + "\n", encoding="utf-8")
    bad = subprocess.run(  # noqa: S603
        [sys.executable, str(script), str(wrong)], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1
