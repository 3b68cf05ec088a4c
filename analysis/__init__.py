"""Pure analysis over plain records: counts, suppression, fatigue, free text, charts.

It never imports Flask, SQLAlchemy, WTForms or ``survey_app``; the app's seam module turns
stored rows into the records in ``analysis.records`` and calls the functions below.
"""

from analysis.aggregate import summarise
from analysis.charts import Chart, distribution_chart, response_rate_chart, share_chart
from analysis.counting import count_answers
from analysis.fatigue import (
    FatigueTrend,
    RoundFatigue,
    fatigue_by_round,
    fatigue_trends,
    response_rate_trend,
    round_fatigue,
)
from analysis.formatting import (
    format_count,
    format_day,
    format_interval,
    format_number,
    format_share,
)
from analysis.jsonl import Export, ExportError, load_export, read_jsonl, write_jsonl
from analysis.periods import half_year, half_year_bounds, previous_half_year
from analysis.records import (
    AnswerRecord,
    CommentRecord,
    CountRecord,
    Counts,
    QuestionRecord,
    QuestionTotal,
    RespondentTotal,
    ResponseRecord,
    RoundRecord,
)
from analysis.results import Figures, Result, Summary, ValueShare
from analysis.stats import Proportion, proportion, wilson_interval
from analysis.suppression import DEFAULT_THRESHOLD, suppress
from analysis.text.anonymise import KnownNames, anonymise
from analysis.text.comments import (
    CommentAnalysis,
    analyse_comment,
    safeguarding_verdict,
    sentiment_label,
)
from analysis.text.quotes import Quote, ThemeQuotes, select_quotes
from analysis.text.themes import THEMES
from analysis.trend import Trend

__all__ = [
    "DEFAULT_THRESHOLD",
    "THEMES",
    "AnswerRecord",
    "Chart",
    "CommentAnalysis",
    "CommentRecord",
    "CountRecord",
    "Counts",
    "Export",
    "ExportError",
    "FatigueTrend",
    "Figures",
    "KnownNames",
    "Proportion",
    "QuestionRecord",
    "QuestionTotal",
    "Quote",
    "RespondentTotal",
    "ResponseRecord",
    "Result",
    "RoundFatigue",
    "RoundRecord",
    "Summary",
    "ThemeQuotes",
    "Trend",
    "ValueShare",
    "analyse_comment",
    "anonymise",
    "count_answers",
    "distribution_chart",
    "fatigue_by_round",
    "fatigue_trends",
    "format_count",
    "format_day",
    "format_interval",
    "format_number",
    "format_share",
    "half_year",
    "half_year_bounds",
    "load_export",
    "previous_half_year",
    "proportion",
    "read_jsonl",
    "response_rate_chart",
    "response_rate_trend",
    "round_fatigue",
    "safeguarding_verdict",
    "select_quotes",
    "sentiment_label",
    "share_chart",
    "summarise",
    "suppress",
    "wilson_interval",
    "write_jsonl",
]
