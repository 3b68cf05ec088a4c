"""Report charts drawn with matplotlib's Figure API (never pyplot), each with a text alternative.

Colours are Okabe–Ito, safe for colour-blind readers.  A suppressed group gets no bar or point,
only the word "suppressed", and its alternative text says so.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import matplotlib
from matplotlib.figure import Figure

from analysis.fatigue import FatigueTrend
from analysis.formatting import format_day, format_interval, format_number, format_share
from analysis.results import Result

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
# Low to high for an answer scale: warm for poor answers, blue for good, grey in the middle.
SCALE_COLOURS = ("#D55E00", "#E69F00", "#BBBBBB", "#56B4E9", "#0072B2")
OTHER_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
# Roughly how wide a character of a 10-point label is, in points.
CHAR_POINTS = 5.6
_RC = {"svg.fonttype": "none", "svg.hashsalt": "analysis", "font.size": 10}

Labelled = Sequence[tuple[str, Result]]


@dataclass(frozen=True)
class Chart:
    """A chart as SVG text, with the alternative text that states its figures."""

    svg: str
    alt: str


def distribution_chart(
    rows: Labelled, value_labels: Mapping[str, str] | None = None, title: str = ""
) -> Chart:
    """Horizontal stacked bars: how each question's respondents divided across the answers."""
    value_labels = value_labels or {}
    values = _values_in_order(rows)
    colours = _colours(len(values))
    figure, axes = _figure(len(rows), title)
    for y, (_, result) in enumerate(rows):
        _stack(axes, y, result, values, colours)
    _bar_axes(axes, [label for label, _ in rows], xlabel="% of respondents")
    handles = [matplotlib.patches.Patch(color=c) for c in colours]
    figure.legend(
        handles,
        [value_labels.get(v, v) for v in values],
        loc="outside lower center",
        ncols=min(len(values), 5),
        frameon=False,
    )
    alt = "; ".join(_distribution_alt(label, result, value_labels) for label, result in rows)
    return Chart(_svg(figure), f"{title or 'Answers'}. {alt}.")


def share_chart(rows: Labelled, title: str = "") -> Chart:
    """Bars of the share of positive answers, with whiskers for the 95% interval."""
    figure, axes = _fixed_figure([label for label, _ in rows], title)
    for y, (_, result) in enumerate(rows):
        share = result.figures.share_positive if result.figures else None
        if share is None:
            axes.text(1, y, _missing(result), va="center", fontsize=9, color="#444444")
            continue
        whisker = [[100 * (share.share - share.low)], [100 * (share.high - share.share)]]
        axes.barh(y, 100 * share.share, color=OKABE_ITO["blue"], height=0.6)
        axes.errorbar(100 * share.share, y, xerr=whisker, fmt="none", ecolor="black", capsize=4)
    _bar_axes(axes, [label for label, _ in rows], xlabel="% positive (95% interval)")
    alt = "; ".join(_share_alt(label, result) for label, result in rows)
    return Chart(_svg(figure), f"{title or 'Share positive'}. {alt}.")


def response_rate_chart(trend: FatigueTrend, title: str = "") -> Chart:
    """The response rate of each round, oldest first, as a line."""
    points = [(f.round.opens, f.response_rate) for f in trend.rounds]
    verdict = "falling" if trend.falling else "not falling"
    return rate_chart(points, title or "Response rate by round", f"The rate is {verdict}.")


def rate_chart(points: Sequence[tuple[date, float | None]], title: str, verdict: str = "") -> Chart:
    """Response rates over time as a line; a point without invitations is left out."""
    shown = [(day, rate) for day, rate in points if rate is not None]
    figure = Figure(figsize=(6.5, 3.2))
    figure.subplots_adjust(left=0.1, right=0.97, top=0.88, bottom=0.22)
    axes = figure.add_subplot()
    if shown:
        axes.plot(
            [d for d, _ in shown], [100 * r for _, r in shown], marker="o", color=OKABE_ITO["blue"]
        )
    axes.set_ylim(0, 100)
    axes.set_ylabel("% of invitations answered")
    axes.set_title(title, loc="left")
    figure.autofmt_xdate()
    return Chart(_svg(figure), _rate_alt(title, points, verdict))


def _stack(axes, y: int, result: Result, values: list[str], colours: list[str]) -> None:
    if result.figures is None or not result.figures.distribution:
        axes.text(1, y, _missing(result), va="center", fontsize=9, color="#444444")
        return
    shares = {v.value: v.share for v in result.figures.distribution}
    left = 0.0
    for value, colour in zip(values, colours, strict=True):
        width = 100 * shares.get(value, 0.0)
        axes.barh(y, width, left=left, color=colour, height=0.6)
        if width >= 8:
            axes.text(
                left + width / 2,
                y,
                format_share(width / 100),
                ha="center",
                va="center",
                fontsize=8,
                color="black" if colour in SCALE_COLOURS[1:4] else "white",
            )
        left += width


def _figure(rows: int, title: str) -> tuple[Figure, object]:
    figure = Figure(figsize=(7, 1.2 + 0.5 * max(rows, 1)), layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(title, loc="left")
    return figure, axes


def _fixed_figure(labels: list[str], title: str) -> tuple[Figure, object]:
    """A bar chart's figure with margins worked out from its labels.

    Cheaper than constrained layout, which measures every label's text by drawing it: a
    report draws dozens of charts, and this keeps each to one drawing.
    """
    height = 1.2 + 0.5 * max(len(labels), 1)
    figure = Figure(figsize=(7, height))
    longest = max((len(label) for label in labels), default=0)
    left = min(0.55, (12 + CHAR_POINTS * longest) / (7 * 72))
    figure.subplots_adjust(left=left, right=0.97, top=1 - 0.4 / height, bottom=0.55 / height)
    axes = figure.add_subplot()
    axes.set_title(title, loc="left")
    return figure, axes


def _bar_axes(axes, labels: list[str], xlabel: str) -> None:
    axes.set_yticks(range(len(labels)), labels)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel(xlabel)
    axes.spines[["top", "right"]].set_visible(False)


def _values_in_order(rows: Labelled) -> list[str]:
    """Every answer value, lowest score first, as the distributions order them."""
    seen: dict[str, tuple] = {}
    for _, result in rows:
        for item in result.figures.distribution if result.figures else ():
            seen.setdefault(item.value, (item.score is None, item.score or 0, len(seen)))
    return sorted(seen, key=seen.__getitem__)


def _colours(count: int) -> list[str]:
    if count == len(SCALE_COLOURS):
        return list(SCALE_COLOURS)
    if count == 3:
        return [SCALE_COLOURS[0], SCALE_COLOURS[2], SCALE_COLOURS[4]]
    return [OTHER_COLOURS[i % len(OTHER_COLOURS)] for i in range(count)]


def _missing(result: Result) -> str:
    return f"suppressed ({result.suppressed})" if result.suppressed else "no answers"


def _distribution_alt(label: str, result: Result, value_labels: Mapping[str, str]) -> str:
    if result.figures is None or not result.figures.distribution:
        return f"{label}: {_missing(result)}"
    parts = [
        f"{value_labels.get(v.value, v.value)} {format_share(v.share)}"
        for v in result.figures.distribution
    ]
    return f"{label} ({format_number(result.figures.respondents)} respondents): {', '.join(parts)}"


def _share_alt(label: str, result: Result) -> str:
    share = result.figures.share_positive if result.figures else None
    if share is None:
        return f"{label}: {_missing(result)}"
    return f"{label}: {format_interval(share)} positive, {format_number(share.n)} answers"


def _rate_alt(title: str, points, verdict: str) -> str:
    parts = [
        f"{format_day(day)} {format_share(rate) if rate is not None else 'no invitations'}"
        for day, rate in points
    ]
    return f"{title}: {'; '.join(parts) or 'no rounds'}. {verdict}".strip()


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
