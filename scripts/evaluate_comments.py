"""Evaluate ``analysis.analyse_comment`` on the labelled answers in tests/data.

Prints sentiment accuracy and macro-F1, per-theme precision and recall, and the answers it
gets wrong; exits 1 if sentiment macro-F1 is below 0.8.

    python scripts/evaluate_comments.py [--errors] [path/to/labelled.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.text.evaluation import evaluate, load_labelled  # noqa: E402  (path set just above)

DEFAULT = ROOT / "tests" / "data" / "comments_labelled.jsonl"
MINIMUM_MACRO_F1 = 0.8


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true", help="list the answers it gets wrong")
    args = parser.parse_args(argv)
    report = evaluate(load_labelled(args.path))
    print(report.describe())
    if args.errors:
        for line in report.mistakes:
            print(json.dumps(line, ensure_ascii=False))
    return 0 if report.sentiment_macro_f1 >= MINIMUM_MACRO_F1 else 1


if __name__ == "__main__":
    sys.exit(main())
