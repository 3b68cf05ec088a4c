"""How dates and counts read to staff in schedule messages."""

from datetime import date

# Spelled out here rather than with strftime("%B") so the words never depend on the server locale.
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """A date as staff write it, e.g. '3 March 2026'."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def plural(count: int, noun: str) -> str:
    """A count with its noun, e.g. '1 day', '3 days'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def quoted_list(names: list[str]) -> str:
    """Names quoted and joined as in prose, e.g. "'a', 'b' and 'c'"."""
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
