"""Check labelled comment files against the labelling guide (analysis/data/corpus/GUIDE.md).

    python scripts/check_labels.py FILE.jsonl [FILE.jsonl ...]

Prints each bad line with its number and what is wrong, then counts per kind, audience and
category; exits 1 if any line is bad.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.textmodel.corpus import CorpusError, read_labelled  # noqa: E402 (path set above)


def main(argv: list[str]) -> int:
    bad = 0
    for name in argv:
        try:
            records = read_labelled(Path(name))
        except CorpusError as error:
            print(error)
            bad += 1
            continue
        kinds = Counter(r.kind for r in records)
        audiences = Counter(r.audience for r in records)
        categories = Counter(c for r in records for c in r.categories)
        print(f"{name}: {len(records)} records; {dict(kinds)}; {dict(audiences)}")
        print(f"  categories: {dict(sorted(categories.items()))}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
