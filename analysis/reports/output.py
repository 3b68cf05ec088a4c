"""Write a report in the format asked for: html, pdf, xlsx or csv."""

from __future__ import annotations

from pathlib import Path

from analysis.reports.figures import figure_rows
from analysis.reports.html import render_html
from analysis.reports.model import PrevisitPack, VoiceReport
from analysis.reports.pdf import write_pdf
from analysis.reports.qpag import QpagReport
from analysis.reports.spreadsheet import about_lines, write_csv, write_xlsx

FORMATS = ("html", "pdf", "xlsx", "csv")
_TEMPLATES = {VoiceReport: "voice.html", QpagReport: "qpag.html", PrevisitPack: "previsit.html"}


def write_report(report, fmt: str, path: Path) -> Path:
    """Write ``report`` to ``path`` as ``fmt``; returns the path written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            write_csv(figure_rows(report), out)
    elif fmt == "xlsx":
        with path.open("wb") as out:
            write_xlsx(figure_rows(report), out, about_lines(*_about(report)))
    else:
        html = render_html(report, _TEMPLATES[type(report)])
        if fmt == "html":
            path.write_text(html, encoding="utf-8")
        else:
            with path.open("wb") as out:
                write_pdf(html, out)
    return path


def _about(report) -> tuple:
    if isinstance(report, VoiceReport):
        return report.title, report.scope, report.period_label, report.threshold
    if isinstance(report, QpagReport):
        return report.title, "All homes", report.month_label, report.threshold
    return report.title, f"{report.home_name} ({report.home})", (
        f"rounds before the visit on {report.visit_date.isoformat()}"
    ), report.threshold
