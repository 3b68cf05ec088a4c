"""Response and fatigue figures for a report, measured while the responses stream past."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from analysis.charts import rate_chart
from analysis.fatigue import FatiguePool, RoundFatigue, fatigue_trends
from analysis.records import AUDIENCES, ResponseRecord, RoundRecord
from analysis.reports.model import AUDIENCE_NAMES, FatigueSection, PooledFatigue


def fatigue_sections(
    rounds: Iterable[RoundRecord],
    responses: Iterable[ResponseRecord],
    names: Mapping[str, str],
    home: str | None,
    threshold: int,
) -> dict[str, FatigueSection]:
    """One section per audience, for one home or (``home`` None) all homes."""
    chosen = [r for r in rounds if home is None or r.home == home]
    pools = {r.round_id: FatiguePool() for r in chosen}
    for response in responses:
        pool = pools.get(response.round_id)
        if pool is not None:
            pool.add(response)
    measured = [(r, pools[r.round_id]) for r in chosen]
    return {
        audience: _section(
            [(r, p) for r, p in measured if r.audience == audience],
            names,
            home,
            threshold,
            AUDIENCE_NAMES[audience],
        )
        for audience in AUDIENCES
    }


def round_measures(round_: RoundRecord, pool: FatiguePool, threshold: int) -> RoundFatigue:
    """One round's fatigue measures from its pool."""
    return RoundFatigue(round=round_, **pool.measures(round_.invitations, threshold))


def _section(measured, names, home, threshold, audience_name) -> FatigueSection:
    measured.sort(key=lambda item: (item[0].closes, item[0].home, item[0].round_id))
    rounds = tuple(round_measures(r, p, threshold) for r, p in measured)
    by_home: dict[str, list] = defaultdict(list)
    for item in measured:
        by_home[item[0].home].append(item)
    homes = (
        ()
        if home is not None
        else tuple(
            _pooled(code, names.get(code, code), by_home[code], threshold)
            for code in sorted(by_home)
        )
    )
    overall = _pooled(
        home, names.get(home, "All homes") if home else "All homes", measured, threshold
    )
    points = _monthly_rates(measured)
    chart = rate_chart(points, f"{audience_name}: response rate by month") if points else None
    falling = tuple(t for t in fatigue_trends(rounds) if t.falling)
    return FatigueSection(overall, homes, rounds, falling, chart)


def _pooled(home: str | None, name: str, measured: Sequence, threshold: int) -> PooledFatigue:
    pool = FatiguePool()
    for _, round_pool in measured:
        pool.merge(round_pool)
    invitations = sum(r.invitations for r, _ in measured)
    return PooledFatigue(
        home=home,
        name=name,
        rounds=len(measured),
        invitations=invitations,
        **pool.measures(invitations, threshold),
    )


def _monthly_rates(measured: Sequence) -> list[tuple[date, float | None]]:
    """All the rounds closing in each month: submitted over invited."""
    months: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for round_, pool in measured:
        month = months[round_.closes.replace(day=1)]
        month[0] += pool.submitted
        month[1] += round_.invitations
    return [(m, s / n if n else None) for m, (s, n) in sorted(months.items())]
