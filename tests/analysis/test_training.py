"""`python -m analysis.train`: it rebuilds a model the service can load, from the corpus and
reviewers' exports, and the shipped scorer computes what scikit-learn fitted."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from analysis.safeguarding import assess
from analysis.safeguarding.context import contexts_in
from analysis.text.comments import analyse_with
from analysis.textmodel.corpus import read_corpus, read_partial
from analysis.textmodel.model import load_model

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """A few hundred corpus records, one in twenty of each writer's, in a folder of their own."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted((ROOT / "analysis" / "data" / "corpus").glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        (folder / path.name).write_text("\n".join(lines[::20]) + "\n", encoding="utf-8")
    return folder


def test_the_shipped_scorer_agrees_with_scikit_learn(small_corpus):
    """The saved arrays give the decision scores the fitted vectoriser and estimator give."""
    from analysis.textmodel.training import fit

    fitted = fit(
        read_corpus(small_corpus),
        rules=lambda text, audience: assess(text, audience).flagged,
        in_context=lambda text: bool(contexts_in(text)),
    )
    docs = [("i dont feel safe when he comes in my room", "young_people"),
            ("Communication from the home is excellent.", "professionals"),
            ("food is peak 😡", "young_people")]  # fmt: skip
    expected = fitted.disclosure.decision_function(fitted.vectorizer.transform(docs))
    got = [fitted.model.decision(text, audience)[0] for text, audience in docs]
    assert np.allclose(got, expected, atol=1e-4)


def test_train_rebuilds_a_model_from_the_corpus_and_a_reviewers_export(small_corpus, tmp_path):
    """The command writes a model that loads without the network and reads comments."""
    export = tmp_path / "labels.jsonl"
    export.write_text(
        json.dumps({"text": "he makes me keep secrets and gives me money for pics",
                    "audience": "young_people", "safeguarding": True,
                    "categories": ["sexual_abuse"], "note": "reviewer"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "model"
    result = subprocess.run(  # noqa: S603  (our own interpreter and module)
        [sys.executable, "-m", "analysis.train", "--corpus", str(small_corpus),
         "--extra", str(export), "--out", str(out)],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "written to" in result.stdout
    model = load_model(out)
    assert model.settings["training"]["records"] > len(read_corpus(small_corpus)) * 0.9
    assert analyse_with(model, "i want to kill myself", "young_people").safeguarding
    assert read_partial(export)[0].safeguarding is True


def test_the_shipped_model_is_small_and_holds_no_pickle():
    """Plain arrays and JSON, a few megabytes; loading never runs code from the file."""
    folder = ROOT / "analysis" / "models"
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    assert size < 8_000_000
    with np.load(folder / "comments.npz", allow_pickle=False) as arrays:
        assert {"vocabulary", "idf", "weights", "bias"} <= set(arrays.files)


def test_analysis_does_not_need_scikit_learn_to_read_comments():
    """Only training imports scikit-learn; reading a comment never does."""
    code = (
        "import sys, analysis; analysis.analyse_comment('hello', 'young_people');"
        "print(any(m.split('.')[0] == 'sklearn' for m in sys.modules))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "False"
