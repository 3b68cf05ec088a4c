"""When the rounds before a Reg 44 visit open and close (§7.1: "in advance of each visit")."""

from dataclasses import dataclass
from datetime import date, timedelta

DEFAULT_LEAD_DAYS = 14


@dataclass(frozen=True)
class RoundWindow:
    """The days a visit's rounds are open: from opens to closes, both included."""

    opens: date
    closes: date

    def holds(self, day: date) -> bool:
        """Whether the rounds should be open on this day."""
        return self.opens <= day <= self.closes


def round_window(
    visit: date, lead_days: int = DEFAULT_LEAD_DAYS, previous_visit: date | None = None
) -> RoundWindow:
    """Open lead_days before the visit, close the day before it, so the visitor has the evidence."""
    if lead_days < 1:
        raise ValueError(f"Rounds must open at least one day before a visit, not {lead_days}.")
    closes = visit - timedelta(days=1)
    opens = visit - timedelta(days=lead_days)
    # Visits closer together than the lead time: the next rounds wait until the day of the
    # previous visit, when its rounds have closed, so one audience never has two rounds open.
    if previous_visit is not None and previous_visit < visit:
        opens = max(opens, previous_visit)
    return RoundWindow(min(opens, closes), closes)
