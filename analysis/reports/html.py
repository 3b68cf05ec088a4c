"""Reports as one self-contained HTML file: inline CSS, charts as inline SVG, nothing fetched.

The templates live in ``analysis`` (Jinja2 used directly, not through Flask) so the same
report renders from the app, from its CLI and from ``python -m analysis`` on an export.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import count

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from analysis.charts import Chart
from analysis.formatting import format_day, format_number, format_share
from analysis.reports import cells
from analysis.reports.highlights import RULES
from analysis.reports.inputs import Source
from analysis.reports.kpis import NOT_RECORDED
from analysis.reports.model import AUDIENCE_NAMES, comment_theme_name

_PROLOG = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')
_OPEN_TAG = re.compile(r"<svg\b[^>]*>")
_BODY = re.compile(r"<body>(.*)</body>", re.DOTALL)


def render_html(report, template: str, prefix: str = "c") -> str:
    """The report through its template (``voice.html``, ``qpag.html``, ``previsit.html``)."""
    charts = count(1)
    parts = {}
    if getattr(report, "voice", None) is not None:  # a QPAG report carrying the voice sections
        parts["voice_sections"] = _body(render_html(report.voice, "voice.html", prefix="v"))
    return (
        _environment()
        .get_template(template)
        .render(
            report=report, svg=lambda chart: inline_svg(chart, f"{prefix}{next(charts)}"), **parts
        )
    )


def _body(html: str) -> Markup:
    """A rendered report's body, to include in another: the same words and figures, one page
    style. Its charts' ids are prefixed apart from the host's."""
    found = _BODY.search(html)
    # Rendered from our own autoescaped template a line above.
    return Markup(found.group(1) if found else "")  # noqa: S704


def inline_svg(chart: Chart | None, prefix: str) -> Markup:
    """A chart as an accessible inline ``<svg>``, its ids prefixed so charts never clash."""
    if chart is None:
        return Markup("")
    svg = _METADATA.sub("", _PROLOG.sub("", chart.svg, count=1))
    ids = set(_ID.findall(svg))
    svg = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    for old in ids:
        svg = svg.replace(f"#{old})", f"#{prefix}-{old})")
        svg = svg.replace(f'"#{old}"', f'"#{prefix}-{old}"')
    title = f'<title id="{prefix}-title">{escape(chart.alt)}</title>'
    opening = (
        f'<svg role="img" aria-labelledby="{prefix}-title" '
        + _OPEN_TAG.match(svg).group()[4:]
        + title
    )
    # matplotlib wrote the SVG from our figures; the only text added here is escaped above.
    return Markup(_OPEN_TAG.sub(lambda _: opening, svg, count=1))  # noqa: S704


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("analysis.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        day=format_day,
        number=format_number,
        share=lambda v: format_share(v) if v is not None else cells.NOT_APPLICABLE,
        seconds=_seconds,
        audience=lambda a: AUDIENCE_NAMES.get(a, a),
        comment_theme=comment_theme_name,
    )
    env.globals.update(cells=cells, not_recorded=NOT_RECORDED, Source=Source, rules=RULES)
    return env


def _seconds(value: float | None) -> str:
    if value is None:
        return cells.NOT_APPLICABLE
    minutes, seconds = divmod(round(value), 60)
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"
