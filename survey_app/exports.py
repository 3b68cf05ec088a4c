"""Plain rows out as CSV or JSON; every export goes through here."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import IO, Any

FORMATS = ("csv", "json")
# A spreadsheet treats a cell starting with these as a formula; a leading ' keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A value as a spreadsheet will show it, never run it."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_rows(
    rows: Iterable[Mapping[str, Any]], columns: list[str], fmt: str, out: IO[str]
) -> int:
    """Write rows to `out` in `fmt`; returns how many were written."""
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        written = 0
        for written, row in enumerate(rows, start=1):  # noqa: B007 (count kept after the loop)
            writer.writerow({k: safe_cell(row.get(k)) for k in columns})
        return written
    return _write_json(rows, columns, out)


def _write_json(rows: Iterable[Mapping[str, Any]], columns: list[str], out: IO[str]) -> int:
    # Streamed as a JSON array, so a large export never sits in memory whole.
    out.write("[")
    written = 0
    for written, row in enumerate(rows, start=1):  # noqa: B007
        out.write(",\n" if written > 1 else "\n")
        out.write(
            json.dumps({k: row.get(k) for k in columns}, default=_json_default, ensure_ascii=False)
        )
    out.write("\n]\n")
    return written


def _json_default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")
