"""Measure the safeguarding detector on a labelled set and fail if it misses too much.

Usage: evaluate_safeguarding.py [PATH]   (default: tests/data/safeguarding_labelled.jsonl)

Prints recall and precision per category and overall (flagged vs not flagged), every miss and
every false alarm. Exits 1 if overall or any category's recall is below 0.95, or precision
below 0.5.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # so it runs from a checkout without installing

from analysis.safeguarding import assess  # noqa: E402 (needs the path above)
from analysis.safeguarding.evaluation import evaluate, format_report, load_examples  # noqa: E402

DEFAULT_PATH = ROOT / "tests" / "data" / "safeguarding_labelled.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args(argv)
    examples = load_examples(args.path)
    report = evaluate(examples, assess)
    print(f"{args.path}: {len(examples)} answers\n")
    print(format_report(report))
    problems = report.failures()
    print("\nTargets met." if not problems else "\nTARGETS NOT MET:\n  " + "\n  ".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
