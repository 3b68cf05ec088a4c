"""A report's figures as CSV or XLSX; every text cell is kept from being read as a formula."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from openpyxl import Workbook

from analysis.reports.figures import COLUMNS, FigureRow
from analysis.reports.inputs import Period

# A spreadsheet takes a cell starting with one of these for a formula; a leading ' keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def safe_cell(value: Any) -> Any:
    """A value a spreadsheet will show, never run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Iterable[FigureRow], out: IO[str]) -> int:
    """The figures as one long CSV table; returns how many rows were written."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    written = 0
    for written, row in enumerate(rows, start=1):  # noqa: B007 (the count is kept after the loop)
        writer.writerow([safe_cell(v) for v in row.values()])
    return written


def write_xlsx(rows: Iterable[FigureRow], out: IO[bytes], about: Iterable[tuple[str, str]]):
    """The figures as a workbook: an "About" sheet, then one sheet per section."""
    book = Workbook(write_only=True)
    info = book.create_sheet("About")
    for line in about:
        info.append([safe_cell(v) for v in line])
    sheets: dict[str, Any] = {}
    for row in rows:
        sheet = sheets.get(row.section)
        if sheet is None:
            sheet = sheets[row.section] = book.create_sheet(_sheet_title(row.section, sheets))
            sheet.append(list(COLUMNS))
        sheet.append([safe_cell(v) for v in row.values()])
    book.save(out)


def about_lines(title: str, scope: str, period: Period | str, threshold: int):
    """What the workbook holds and how to read a hidden figure."""
    label = period.label if isinstance(period, Period) else period
    return (
        ("Report", title),
        ("Scope", scope),
        ("Period", label),
        (
            "Small numbers",
            f"No figure is shown for fewer than {threshold} respondents; "
            "such a value reads 'fewer than … – not shown'.",
        ),
        ("Columns", ", ".join(COLUMNS)),
    )


def _sheet_title(section: str, taken: dict) -> str:
    title = section.translate(_SHEET_FORBIDDEN)[:31].strip() or "Figures"
    return title if title not in taken else f"{title[:28]} {len(taken)}"
