"""Rebuild the shipped comment model from the labelled corpus.

    python -m analysis.train [--extra labels.jsonl ...] [--out analysis/models]

Reads every file in analysis/data/corpus/, the earlier labelled files in tests/data/ (their
labels only), and any reviewer exports given with --extra (`survey-app export labels`). Of the
test file it reads only the texts, to leave those comments out of training. Needs scikit-learn
(`pip install -e '.[train]'`); the model it writes does not.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from analysis.safeguarding import assess
from analysis.safeguarding.context import contexts_in
from analysis.textmodel.corpus import CORPUS_DIRECTORY, read_corpus, read_partial
from analysis.textmodel.model import MODEL_DIRECTORY

ROOT = Path(__file__).resolve().parents[1]
TEST_FILE = ROOT / "tests" / "data" / "comments_test.jsonl"
EARLIER = (
    ROOT / "tests" / "data" / "safeguarding_labelled.jsonl",
    ROOT / "tests" / "data" / "comments_labelled.jsonl",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", type=Path, action="append", default=[], help="labels export")
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS_DIRECTORY, help="another corpus folder (alone)"
    )
    parser.add_argument("--out", type=Path, default=MODEL_DIRECTORY)
    args = parser.parse_args(argv)
    try:
        from analysis.textmodel.training import fit
    except ImportError:
        print("Training needs scikit-learn: pip install -e '.[train]'", file=sys.stderr)
        return 2
    started = time.perf_counter()
    records = read_corpus(args.corpus)
    # The earlier files belong with the shipped corpus; a corpus of one's own stands alone.
    earlier = [p for p in EARLIER if p.exists()] if args.corpus == CORPUS_DIRECTORY else []
    for path in earlier + args.extra:
        records.extend(read_partial(path))
    tested = _test_texts()
    kept = [r for r in records if _words(r.text) not in tested]
    print(f"{len(records) - len(kept)} labelled comments left out: the test file has them too")
    records = kept
    fitted = fit(
        records,
        rules=lambda text, audience: assess(text, audience).flagged,
        in_context=lambda text: bool(contexts_in(text)),
    )
    fitted.model.save(args.out)
    print(json.dumps(fitted.figures, indent=1))
    print(f"{len(records)} records, {time.perf_counter() - started:.0f} s; written to {args.out}")
    return 0


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+|[^\w\s]", text.lower()))


def _test_texts() -> set[str]:
    """The test file's texts (never its labels), so no comment is both trained and tested on."""
    if not TEST_FILE.exists():
        return set()
    with TEST_FILE.open(encoding="utf-8") as lines:
        return {
            _words(json.loads(line)["text"])
            for line in lines
            if line.strip() and not line.startswith("#")
        }


if __name__ == "__main__":
    sys.exit(main())
