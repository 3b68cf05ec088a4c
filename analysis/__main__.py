"""`python -m analysis EXPORT --out DIR`: the voice report from a JSON-lines export, no app needed.

The export comes from `survey-app export analysis --out FILE.jsonl`.  It writes the report as
HTML, CSV and XLSX (and PDF with ``--pdf``) into DIR.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from analysis.counting import count_answers
from analysis.jsonl import ExportError, read_jsonl
from analysis.periods import half_year, half_year_bounds
from analysis.records import (
    AnswerRecord,
    CommentRecord,
    QuestionRecord,
    ResponseRecord,
    RoundRecord,
)
from analysis.reports import HomeRecord, Period, VoiceInputs, build_voice_report, write_report
from analysis.suppression import DEFAULT_THRESHOLD

LONDON = ZoneInfo("Europe/London")
NAME = "voice-report"


def main(argv: list[str] | None = None) -> int:
    """Read the export, build the voice report, write its files; 2 on bad input."""
    args = _parser().parse_args(argv)
    try:
        period = _period(args)
        inputs = _inputs(args.export, period, args.home, args.threshold)
        report = build_voice_report(inputs)
    except (OSError, ExportError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for fmt in ("html", "csv", "xlsx", *(("pdf",) if args.pdf else ())):
        path = args.out / f"{NAME}.{fmt}"
        write_report(report, fmt, path)
        print(f"wrote {path}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path, help="a JSON-lines export")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the report to")
    parser.add_argument("--from", dest="start", type=date.fromisoformat, help="first day")
    parser.add_argument("--to", dest="end", type=date.fromisoformat, help="last day")
    parser.add_argument("--home", help="one home's code (default: all homes)")
    parser.add_argument("--threshold", type=int, default=DEFAULT_THRESHOLD)
    parser.add_argument("--pdf", action="store_true", help="write a PDF too")
    return parser


def _period(args) -> Period:
    """The period asked for, or the half year of the latest answer in the export."""
    if args.start and args.end:
        return Period(args.start, args.end)
    if args.start or args.end:
        raise ValueError("give both --from and --to, or neither")
    latest = max(
        (_day(r.submitted_at) for r in _records(args.export) if isinstance(r, AnswerRecord)),
        default=None,
    )
    if latest is None:
        raise ValueError(f"{args.export} holds no answers")
    return Period(*half_year_bounds(half_year(latest)))


def _inputs(path: Path, period: Period, home: str | None, threshold: int) -> VoiceInputs:
    previous = period.previous()
    kept: dict[type, list] = {RoundRecord: [], ResponseRecord: [], QuestionRecord: []}
    comments: list[CommentRecord] = []

    def closed_answers() -> Iterator[AnswerRecord]:
        for record in _records(path):
            if not isinstance(record, AnswerRecord):
                kept[type(record)].append(record)
            elif record.kind != "text":
                yield record
            elif record.text and _day(record.submitted_at) in period:
                comments.append(_comment(record))

    def period_of(moment: datetime) -> str:
        day = _day(moment)
        return period.key if day in period else previous.key if day in previous else "other"

    counts = count_answers(closed_answers(), period_of)
    rounds = [r for r in kept[RoundRecord] if r.closes in period]
    homes = {r.home: HomeRecord(r.home, r.home_name) for r in kept[RoundRecord]}
    if home is not None and home not in homes:
        raise ValueError(f"no home has the code {home!r} in the export")
    return VoiceInputs(
        period=period,
        homes=tuple(homes[code] for code in sorted(homes)),
        questions=tuple(kept[QuestionRecord]),
        counts=counts,
        rounds=tuple(rounds),
        responses=kept[ResponseRecord],
        comments=comments,
        home=home,
        threshold=threshold,
        source=f"from the export {path.name}",
    )


def _records(path: Path):
    with path.open(encoding="utf-8") as lines:
        yield from read_jsonl(lines)


def _comment(answer: AnswerRecord) -> CommentRecord:
    return CommentRecord(
        answer.round_id,
        answer.home,
        answer.audience,
        answer.theme,
        answer.text,
        answer.submitted_at,
    )


def _day(moment: datetime) -> date:
    """The London day of a moment (a naive one is taken as London time already)."""
    return moment.astimezone(LONDON).date() if moment.tzinfo else moment.date()


if __name__ == "__main__":
    sys.exit(main())
