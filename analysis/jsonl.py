"""JSON-lines export: one record a line, ``{"type": "round" | "response" | "answer" | ...}``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import MISSING, dataclass, fields
from datetime import date, datetime
from typing import TextIO

from analysis.records import AnswerRecord, QuestionRecord, ResponseRecord, RoundRecord

Record = RoundRecord | ResponseRecord | AnswerRecord | QuestionRecord

_TYPES: dict[str, type] = {
    "round": RoundRecord,
    "response": ResponseRecord,
    "answer": AnswerRecord,
    "question": QuestionRecord,
}
_NAMES = {cls: name for name, cls in _TYPES.items()}
_DATES = {"opens", "closes"}
_DATETIMES = {"started_at", "submitted_at"}


class ExportError(ValueError):
    """A line of an export that cannot be read, with its line number."""


@dataclass(frozen=True)
class Export:
    """A whole export, read into memory (use ``read_jsonl`` to stream instead)."""

    rounds: tuple[RoundRecord, ...]
    responses: tuple[ResponseRecord, ...]
    answers: tuple[AnswerRecord, ...]
    questions: tuple[QuestionRecord, ...] = ()


def write_jsonl(out: TextIO, records: Iterable[Record]) -> int:
    """Write records one a line, dates as ISO strings; returns how many were written."""
    written = 0
    for record in records:
        out.write(json.dumps(_to_json(record), ensure_ascii=False) + "\n")
        written += 1
    return written


def read_jsonl(lines: Iterable[str]) -> Iterator[Record]:
    """Read records one line at a time, skipping blank lines."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _from_line(line, number)


def load_export(lines: Iterable[str]) -> Export:
    """Read a whole export into rounds, responses and answers."""
    order = (RoundRecord, ResponseRecord, AnswerRecord, QuestionRecord)
    groups: dict[type, list[Record]] = {cls: [] for cls in order}
    for record in read_jsonl(lines):
        groups[type(record)].append(record)
    return Export(*(tuple(groups[cls]) for cls in order))


def _to_json(record: Record) -> dict:
    row: dict = {"type": _NAMES[type(record)]}
    for field in fields(record):
        value = getattr(record, field.name)
        row[field.name] = value.isoformat() if isinstance(value, date) else value
    return row


def _from_line(line: str, number: int) -> Record:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise ExportError(f"line {number}: not JSON ({error.msg})") from None
    if not isinstance(row, dict) or row.get("type") not in _TYPES:
        raise ExportError(f"line {number}: 'type' must be one of {', '.join(_TYPES)}")
    cls = _TYPES[row.pop("type")]
    try:
        return cls(**_fields_of(cls, row))
    except (TypeError, ValueError) as error:
        raise ExportError(f"line {number}: {error}") from None


def _fields_of(cls: type, row: dict) -> dict:
    known = {field.name: field for field in fields(cls)}
    unknown = sorted(set(row) - set(known))
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}")
    missing = [n for n, f in known.items() if n not in row and f.default is MISSING]
    if missing:
        raise ValueError(f"missing field(s) {', '.join(missing)}")
    return {name: _parse(name, value) for name, value in row.items()}


def _parse(name: str, value: object) -> object:
    if isinstance(value, list):
        return tuple(value)  # a frozen record keeps its lists as tuples
    if value is None or not isinstance(value, str):
        return value
    if name in _DATES:
        return date.fromisoformat(value)
    if name in _DATETIMES:
        return datetime.fromisoformat(value)
    return value
