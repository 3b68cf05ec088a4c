"""Measure sentiment and themes of `analyse_comment` on the held-apart test file.

    python scripts/evaluate_comments.py [FILE.jsonl ...]

Default: tests/data/comments_test.jsonl, which no training or tuning ever reads. Prints every
figure (safeguarding too); exits 1 if sentiment macro-F1 or theme micro-F1 is below 0.80.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[TEST_FILE])
    args = parser.parse_args(argv)
    report = evaluate([r for path in args.paths for r in read_partial(path)])
    print(describe(report))
    problems = [p for p in report.failures() if "F1" in p]
    print("\nTargets met." if not problems else "\nTARGETS NOT MET:\n  " + "\n  ".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
