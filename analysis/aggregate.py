"""Aggregate counts per question, theme, home and overall, with suppression and trends."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from analysis.periods import previous_half_year
from analysis.records import Counts
from analysis.results import HOME, LEVELS, QUESTION, THEME, Figures, Result, Summary, ValueShare
from analysis.stats import proportion
from analysis.suppression import DEFAULT_THRESHOLD, suppress
from analysis.trend import compare

# (level, audience, home or None for all homes, theme, question_id)
Key = tuple[str, str, str | None, str | None, str | None]


@dataclass
class _Cell:
    """A mutable running total for one group while counting."""

    kind: str | None = None
    respondents: int = 0
    positive: int = 0
    negative: int = 0
    rated: int = 0
    values: Counter = field(default_factory=Counter)

    def absorb(self, other: _Cell) -> None:
        """Add the same group's totals from another home; one respondent has one home."""
        self.kind = self.kind or other.kind
        self.respondents += other.respondents
        self.rate(other)
        self.values.update(other.values)

    def rate(self, question: _Cell) -> None:
        """Pool a question's positive and negative answers into its theme or home."""
        self.positive += question.positive
        self.negative += question.negative
        self.rated += question.rated


def summarise(
    counts: Counts,
    period: str,
    previous: str | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> Summary:
    """Figures for ``period`` and the one before it, small groups suppressed, with trends."""
    previous = previous or previous_half_year(period)
    now, now_hidden = _period(counts, period, threshold)
    before, before_hidden = _period(counts, previous, threshold)
    results = tuple(
        _result(key, now[key], now_hidden.get(key), _shown(before, before_hidden, key))
        for key in sorted(now, key=_order)
    )
    return Summary(period, previous, threshold, results)


def _period(counts: Counts, period: str, threshold: int) -> tuple[dict[Key, _Cell], dict]:
    cells = _cells(counts, period)
    sizes = {key: cell.respondents for key, cell in cells.items()}
    return cells, suppress(sizes, _families(cells), threshold)


def _shown(cells: dict[Key, _Cell], hidden: dict, key: Key) -> Figures | None:
    return None if key not in cells or key in hidden else _figures(key, cells[key])


def _result(key: Key, cell: _Cell, reason: str | None, previous: Figures | None) -> Result:
    level, audience, home, theme, question_id = key
    figures = None if reason else _figures(key, cell)
    now_share = figures.share_positive if figures else None
    before_share = previous.share_positive if previous else None
    return Result(
        level=level,
        audience=audience,
        home=home,
        theme=theme,
        question_id=question_id,
        kind=cell.kind,
        figures=figures,
        previous=None if reason else previous,
        trend=compare(now_share, before_share),
        suppressed=reason,
    )


def _cells(counts: Counts, period: str) -> dict[Key, _Cell]:
    cells: dict[Key, _Cell] = defaultdict(_Cell)
    _add_questions(cells, counts, period)
    _add_respondents(cells, counts, period)
    _add_all_homes(cells)
    return dict(cells)


def _add_questions(cells: dict[Key, _Cell], counts: Counts, period: str) -> None:
    """Question cells from value counts and totals; their ratings also feed theme and home."""
    rated_questions = set()
    for row in (r for r in counts.values if r.period == period):
        key = (QUESTION, row.audience, row.home, row.theme, row.question_id)
        cells[key].values[(row.value, row.score)] += row.respondents
        if row.positive is not None:
            rated_questions.add(key)
    for row in (r for r in counts.questions if r.period == period):
        key = (QUESTION, row.audience, row.home, row.theme, row.question_id)
        cell = cells[key]
        cell.kind, cell.respondents = row.kind, row.respondents
        cell.positive, cell.negative = row.positive, row.negative
        cell.rated = row.respondents if key in rated_questions else 0
        for parent in (_theme_of(key), _home_of(key)):
            cells[parent].rate(cell)


def _add_respondents(cells: dict[Key, _Cell], counts: Counts, period: str) -> None:
    """Distinct respondents for theme and home cells; fall back to the largest question."""
    for row in (r for r in counts.respondents if r.period == period):
        level = HOME if row.theme is None else THEME
        cells[(level, row.audience, row.home, row.theme, None)].respondents = row.respondents
    for key, cell in list(cells.items()):
        if key[0] == QUESTION:
            for parent in (_theme_of(key), _home_of(key)):
                cells[parent].respondents = max(cells[parent].respondents, cell.respondents)


def _add_all_homes(cells: dict[Key, _Cell]) -> None:
    """Each home's cells summed into the all-homes cell; one respondent belongs to one home."""
    for (level, audience, home, theme, question_id), cell in list(cells.items()):
        if home is not None:
            cells[(level, audience, None, theme, question_id)].absorb(cell)


def _theme_of(key: Key) -> Key:
    return (THEME, key[1], key[2], key[3], None)


def _home_of(key: Key) -> Key:
    return (HOME, key[1], key[2], None, None)


def _families(cells: Iterable[Key]) -> list[tuple[Key, list[Key]]]:
    """Every (total, children) pair whose children add up to the total."""
    families: dict[Key, list[Key]] = defaultdict(list)
    for key in cells:
        level, audience, home, theme, _ = key
        if home is not None:
            families[(level, audience, None, theme, key[4])].append(key)
        if level == QUESTION:
            families[_theme_of(key)].append(key)
        elif level == THEME:
            families[_home_of(key)].append(key)
    return [(total, sorted(children, key=_order)) for total, children in families.items()]


def _figures(key: Key, cell: _Cell) -> Figures:
    share = proportion(cell.positive, cell.rated) if cell.rated else None
    negative = proportion(cell.negative, cell.rated) if cell.rated else None
    if key[0] != QUESTION:
        return Figures(cell.respondents, share, None, (), negative)
    return Figures(cell.respondents, share, _mean(cell), _distribution(cell), negative)


def _mean(cell: _Cell) -> float | None:
    scored = [(score, n) for (_, score), n in cell.values.items() if score is not None]
    if cell.kind != "scale" or not scored:
        return None
    return sum(score * n for score, n in scored) / sum(n for _, n in scored)


def _distribution(cell: _Cell) -> tuple[ValueShare, ...]:
    """Values in scale order (lowest score first), unscored values after, by name."""
    ordered = sorted(cell.values.items(), key=lambda item: (item[0][1] is None, item[0]))
    base = cell.respondents or 1
    return tuple(ValueShare(value, n, n / base, score) for (value, score), n in ordered)


def _order(key: Key) -> tuple:
    level, audience, home, theme, question_id = key
    return (audience, LEVELS.index(level), home or "", theme or "", question_id or "")
