"""Small statistics: proportions with Wilson score intervals, and their differences."""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Proportion:
    """``positive`` out of ``n``, its share and a 95% Wilson score interval."""

    positive: int
    n: int
    share: float
    low: float
    high: float


def wilson_interval(positive: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion; it stays inside 0..1 for small n."""
    if n <= 0:
        raise ValueError("a proportion needs at least one observation")
    if not 0 <= positive <= n:
        raise ValueError(f"positive must be between 0 and n ({positive} of {n})")
    p = positive / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    # At 0 or n the bound is exactly 0 or 1; floating point would leave 0.9999999999999999.
    low = 0.0 if positive == 0 else max(0.0, centre - half)
    high = 1.0 if positive == n else min(1.0, centre + half)
    return low, high


def proportion(positive: int, n: int) -> Proportion:
    """A ``Proportion`` with its Wilson interval."""
    low, high = wilson_interval(positive, n)
    return Proportion(positive=positive, n=n, share=positive / n, low=low, high=high)


def difference_interval(now: Proportion, before: Proportion) -> tuple[float, float]:
    """Newcombe's hybrid score interval for ``now.share - before.share`` (method 10)."""
    difference = now.share - before.share
    low = difference - math.hypot(now.share - now.low, before.high - before.share)
    high = difference + math.hypot(now.high - now.share, before.share - before.low)
    return low, high
