"""A report in the format asked for: html, pdf, xlsx or csv."""

from __future__ import annotations

import io
from pathlib import Path

from analysis.reports.figures import figure_rows
from analysis.reports.html import render_html
from analysis.reports.model import PrevisitPack, VoiceReport
from analysis.reports.pdf import write_pdf
from analysis.reports.qpag import QpagReport
from analysis.reports.spreadsheet import about_lines, write_csv, write_xlsx

FORMATS = ("html", "pdf", "xlsx", "csv")
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
_TEMPLATES = {VoiceReport: "voice.html", QpagReport: "qpag.html", PrevisitPack: "previsit.html"}


def report_bytes(report, fmt: str) -> bytes:
    """The report as the bytes of a file in ``fmt``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "csv":
        text = io.StringIO(newline="")
        write_csv(figure_rows(report), text)
        return text.getvalue().encode("utf-8")
    binary = io.BytesIO()
    if fmt == "xlsx":
        write_xlsx(figure_rows(report), binary, about_lines(*_about(report)))
        return binary.getvalue()
    html = render_html(report, _TEMPLATES[type(report)])
    if fmt == "html":
        return html.encode("utf-8")
    write_pdf(html, binary)
    return binary.getvalue()


def write_report(report, fmt: str, path: Path) -> int:
    """Write the report to ``path`` as ``fmt``; returns the bytes written."""
    return Path(path).write_bytes(report_bytes(report, fmt))


def _about(report) -> tuple:
    if isinstance(report, VoiceReport):
        return report.title, report.scope, report.period_label, report.threshold
    if isinstance(report, QpagReport):
        return report.title, report.scope, report.month_label, report.threshold
    visit = f"rounds before the visit on {report.visit_date.isoformat()}"
    return report.title, f"{report.home_name} ({report.home})", visit, report.threshold
