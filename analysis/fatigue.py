"""Survey fatigue, measured rather than assumed: per round and its trend across rounds."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median

from analysis.records import ResponseRecord, RoundRecord
from analysis.suppression import DEFAULT_THRESHOLD, primary_reason

# A fall of two percentage points a round, kept up over three rounds, is worth a look.
FALLING_SLOPE = -0.02
MIN_ROUNDS = 3


@dataclass(frozen=True)
class RoundFatigue:
    """Fatigue measures for one round.

    ``response_rate`` is submitted responses over invitations, ``completion_rate`` submitted
    over started.  The measures drawn from answers (item non-response, straight-lining,
    median seconds) are None, with a reason, when fewer than the threshold submitted.
    """

    round: RoundRecord
    started: int
    submitted: int
    response_rate: float | None
    completion_rate: float | None
    item_nonresponse: float | None
    straightlining: float | None
    median_seconds: float | None
    suppressed: str | None


@dataclass(frozen=True)
class FatigueTrend:
    """The response rate across one series of rounds, oldest first, and whether it is falling."""

    home: str | None
    audience: str
    rounds: tuple[RoundFatigue, ...]
    slope: float | None
    falling: bool


class FatiguePool:
    """Running totals of responses, so rounds (and groups of rounds) are measured as they stream."""

    def __init__(self) -> None:
        self.started = 0
        self.submitted = 0
        self.asked = 0
        self.answered = 0
        self.straightlined = 0
        self.seconds: list[float] = []

    def add(self, response: ResponseRecord) -> None:
        """Count one response; only submitted ones feed the answer-based measures."""
        self.started += 1
        if response.submitted_at is None:
            return
        self.submitted += 1
        self.asked += response.asked
        self.answered += min(response.answered, response.asked)
        self.straightlined += response.straightlined
        if response.seconds is not None:
            self.seconds.append(response.seconds)

    def merge(self, other: FatiguePool) -> None:
        """Add another pool's totals to this one."""
        self.started += other.started
        self.submitted += other.submitted
        self.asked += other.asked
        self.answered += other.answered
        self.straightlined += other.straightlined
        self.seconds.extend(other.seconds)

    def measures(self, invitations: int, threshold: int) -> dict:
        """The fatigue measures, answer-based ones None (with a reason) below the threshold."""
        hidden = primary_reason(threshold) if self.submitted < threshold else None
        return {
            "started": self.started,
            "submitted": self.submitted,
            "response_rate": _ratio(self.submitted, invitations),
            "completion_rate": _ratio(self.submitted, self.started),
            "item_nonresponse": None if hidden else _ratio(self.asked - self.answered, self.asked),
            "straightlining": None if hidden else _ratio(self.straightlined, self.submitted),
            "median_seconds": None if hidden or not self.seconds else median(self.seconds),
            "suppressed": hidden,
        }


def round_fatigue(
    round_: RoundRecord, responses: Iterable[ResponseRecord], threshold: int = DEFAULT_THRESHOLD
) -> RoundFatigue:
    """Fatigue measures for one round from its responses (others are ignored)."""
    pool = FatiguePool()
    for response in responses:
        if response.round_id == round_.round_id:
            pool.add(response)
    return RoundFatigue(round=round_, **pool.measures(round_.invitations, threshold))


def fatigue_by_round(
    rounds: Iterable[RoundRecord],
    responses: Iterable[ResponseRecord],
    threshold: int = DEFAULT_THRESHOLD,
) -> tuple[RoundFatigue, ...]:
    """Fatigue measures for every round, oldest first."""
    by_round: dict[str, list[ResponseRecord]] = defaultdict(list)
    for response in responses:
        by_round[response.round_id].append(response)
    ordered = sorted(rounds, key=lambda r: (r.opens, r.home, r.audience, r.round_id))
    return tuple(round_fatigue(r, by_round[r.round_id], threshold) for r in ordered)


def fatigue_trends(fatigues: Iterable[RoundFatigue]) -> tuple[FatigueTrend, ...]:
    """One response-rate trend per home and audience."""
    series: dict[tuple[str, str], list[RoundFatigue]] = defaultdict(list)
    for fatigue in fatigues:
        series[(fatigue.round.home, fatigue.round.audience)].append(fatigue)
    return tuple(response_rate_trend(series[key], *key) for key in sorted(series))


def response_rate_trend(
    fatigues: Sequence[RoundFatigue], home: str | None, audience: str
) -> FatigueTrend:
    """Least-squares slope of the response rate per round; falling when steep enough."""
    ordered = tuple(sorted(fatigues, key=lambda f: f.round.opens))
    rates = [f.response_rate for f in ordered if f.response_rate is not None]
    slope = _slope(rates) if len(rates) >= 2 else None
    falling = slope is not None and len(rates) >= MIN_ROUNDS and slope <= FALLING_SLOPE
    return FatigueTrend(home, audience, ordered, slope, falling)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _slope(values: Sequence[float]) -> float:
    xs = range(len(values))
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(values)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, values, strict=True)) / spread
