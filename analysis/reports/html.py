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


def render_html(report, template: str) -> str:
    """The report through its template (``voice.html``, ``qpag.html``, ``previsit.html``)."""
    charts = count(1)
    return (
        _environment()
        .get_template(template)
        .render(report=report, svg=lambda chart: inline_svg(chart, f"c{next(charts)}"))
    )


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
