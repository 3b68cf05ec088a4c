"""Measure the safeguarding decision (model OR rules) on the held-apart test file.

    python scripts/evaluate_safeguarding.py [--errors] [FILE.jsonl ...]

Default: tests/data/comments_test.jsonl, which no training or tuning ever reads. Prints recall
and precision overall, per category and per audience, and how many traps were flagged; with
--errors, every miss and false alarm. Exits 1 below target: recall 0.97, precision 0.60,
recall 0.90 in every category.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.textmodel.corpus import read_partial  # noqa: E402 (path set above)
from analysis.textmodel.evaluation import describe, evaluate  # noqa: E402

TEST_FILE = ROOT / "tests" / "data" / "comments_test.jsonl"
FIGURES = ("recall", "precision", "category recall")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[TEST_FILE])
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    records = [r for path in args.paths for r in read_partial(path)]
    report = evaluate(records)
    print(describe(report))
    if args.errors:
        print("\nMISSED:", *(f"  [{r.audience}] {r.text}" for r in report.misses), sep="\n")
        print("\nFALSE ALARMS:", *(f"  [{r.audience}] {r.text}" for r in report.alarms), sep="\n")
    problems = [p for p in report.failures() if any(f in p for f in FIGURES)]
    print("\nTargets met." if not problems else "\nTARGETS NOT MET:\n  " + "\n  ".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
