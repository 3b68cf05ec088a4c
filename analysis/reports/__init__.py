"""Reports built from plain records: the voice report, the QPAG report, the pre-visit pack."""

from analysis.reports.figures import COLUMNS, FigureRow, figure_rows
from analysis.reports.html import render_html
from analysis.reports.inputs import (
    ActionItem,
    DipSample,
    Finding,
    FlagRecord,
    HomeRecord,
    Period,
    ScheduledCheck,
    Source,
    ThematicReview,
    VisitRecord,
    YouSaidWeDid,
    month_period,
    not_recorded,
)
from analysis.reports.model import PrevisitPack, VoiceReport
from analysis.reports.output import FORMATS, MEDIA_TYPES, report_bytes, write_report
from analysis.reports.previsit import PrevisitInputs, build_previsit_pack
from analysis.reports.qpag import QpagInputs, QpagReport, build_qpag_report
from analysis.reports.voice import VoiceInputs, build_voice_report

__all__ = [
    "COLUMNS",
    "FORMATS",
    "MEDIA_TYPES",
    "ActionItem",
    "DipSample",
    "FigureRow",
    "Finding",
    "FlagRecord",
    "HomeRecord",
    "Period",
    "PrevisitInputs",
    "PrevisitPack",
    "QpagInputs",
    "QpagReport",
    "ScheduledCheck",
    "Source",
    "ThematicReview",
    "VisitRecord",
    "VoiceInputs",
    "VoiceReport",
    "YouSaidWeDid",
    "build_previsit_pack",
    "build_qpag_report",
    "build_voice_report",
    "figure_rows",
    "month_period",
    "not_recorded",
    "render_html",
    "report_bytes",
    "write_report",
]
