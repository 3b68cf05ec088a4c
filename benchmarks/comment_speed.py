"""How fast comments are read, on one core: analyse_comment, and the submit path's reading.

    .venv/bin/python benchmarks/comment_speed.py [--baseline REV]

Reads the test file's 925 comments (their texts only) several times over, pinned to one CPU.
Prints comments per second for `analyse_comment` (target: 2,000) and for
`safeguarding_verdict`, the reading done inside every submit. With --baseline (default: the
commit before the learned model), the same texts are read in the same run by that revision's
submit-path reading (its rules, then sentiment and the safety net's word lists where they
applied), from a temporary git worktree, so both figures share the machine's state. Exits 1 if
analyse_comment is below target or the submit reading is slower than the baseline's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST_FILE = ROOT / "tests" / "data" / "comments_test.jsonl"
TARGET = 2000
ROUNDS = 5
BASELINE = "660f9ea"  # the last commit whose submit path used rules and the safety net only

# Run in a child so each side imports its own `analysis` package.
TIMER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
texts = json.load(open(sys.argv[2]))
mode = sys.argv[3]
if mode == "new":
    from analysis import analyse_comment, safeguarding_verdict
    readers = {"analyse_comment": lambda t, a: analyse_comment(t, a),
               "submit reading": lambda t, a: safeguarding_verdict(t, a)}
else:
    from analysis import analyse_comment, safeguarding_verdict, sentiment_label
    from analysis.safeguarding import mentions_person_or_body
    def old_submit(t, a):  # survey_app/safeguarding/detection.py::_read before the model
        if safeguarding_verdict(t, a).flagged:
            return
        if a == "young_people" and sentiment_label(t) == "negative":
            mentions_person_or_body(t)
    readers = {"analyse_comment": lambda t, a: analyse_comment(t, a),
               "submit reading": old_submit}
for name, read in readers.items():
    for text, audience in texts[:50]:
        read(text, audience)  # load models and word lists first
    best = 0.0
    for _ in range(int(sys.argv[4])):
        started = time.perf_counter()
        for text, audience in texts:
            read(text, audience)
        best = max(best, len(texts) / (time.perf_counter() - started))
    print(json.dumps({"reader": name, "per_second": round(best)}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE, help="git revision to compare with")
    args = parser.parse_args(argv)
    texts = [[row["text"], row["audience"]] for row in map(json.loads, _lines(TEST_FILE))]
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "texts.json"
        data.write_text(json.dumps(texts), encoding="utf-8")
        worktree = Path(scratch) / "baseline"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(worktree), args.baseline],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        try:
            new = _time(ROOT, data, "new")
            old = _time(worktree, data, "old")
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, check=False
            )
    print(f"{len(texts)} comments, best of {ROUNDS} rounds, one CPU")
    print(f"{'':<20}{'now':>10}{args.baseline:>12}")
    for reader in ("analyse_comment", "submit reading"):
        print(f"{reader:<20}{new[reader]:>10,}{old[reader]:>12,}  comments/s")
    problems = []
    if new["analyse_comment"] < TARGET:
        problems.append(f"analyse_comment {new['analyse_comment']:,}/s < {TARGET:,}/s")
    if new["submit reading"] < old["submit reading"]:
        problems.append("the submit path's reading is slower than the baseline's")
    print("Targets met." if not problems else "TARGETS NOT MET: " + "; ".join(problems))
    return 1 if problems else 0


def _time(root: Path, data: Path, mode: str) -> dict[str, int]:
    command = ["taskset", "-c", "0", sys.executable, "-c", TIMER, str(root), str(data), mode,
               str(ROUNDS)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return {row["reader"]: row["per_second"] for row in rows}


def _lines(path: Path):
    with path.open(encoding="utf-8") as lines:
        yield from (line for line in lines if line.strip() and not line.startswith("#"))


if __name__ == "__main__":
    start = time.perf_counter()
    code = main()
    print(f"({time.perf_counter() - start:.0f} s)")
    sys.exit(code)
