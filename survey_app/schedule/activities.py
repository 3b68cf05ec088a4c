"""The §7.1 quality assurance activities, read from qa_activities.toml, and when each falls due."""

import re
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from survey_app.schedule.deadlines import last_working_day_of_month, working_day_on_or_before

ACTIVITY_FILE = Path(__file__).with_name("qa_activities.toml")


class Frequency(StrEnum):
    """How often an activity falls due."""

    MONTHLY = "monthly"
    EVERY_OTHER_MONTH = "every_other_month"
    WEEKLY = "weekly"
    POST_OFSTED = "post_ofsted"
    BEFORE_EACH_REG44_VISIT = "before_each_reg44_visit"
    WITHIN_24_HOURS = "within_24_hours"
    AD_HOC = "ad_hoc"


class Scope(StrEnum):
    """Whether an activity is done for each home or once for the whole service."""

    HOME = "home"
    SERVICE = "service"


class Role(StrEnum):
    """The app role whose schedule shows the activity."""

    REGISTERED_MANAGER = "registered_manager"
    REG44_VISITOR = "reg44_visitor"
    SERVICE_MANAGER = "service_manager"
    QA_TEAM = "qa_team"
    QPAG_CHAIR = "qpag_chair"


@dataclass(frozen=True)
class Activity:
    """One row of the QA schedule."""

    id: str
    name: str
    description: str
    responsible: str
    responsible_role: Role
    frequency: Frequency
    frequency_note: str
    report_function: str
    reporting_arrangement: str
    scope: Scope
    source: str


class ActivityFileError(ValueError):
    """The activities file cannot be used; the message names the file, the key and the fault."""


_KEYS = tuple(Activity.__dataclass_fields__)
_ENUM_KEYS: dict[str, type[StrEnum]] = {
    "responsible_role": Role,
    "frequency": Frequency,
    "scope": Scope,
}
_ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")


def load_activities(path: Path = ACTIVITY_FILE) -> tuple[Activity, ...]:
    """Read and validate every activity in the file, in file order."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ActivityFileError(f"{path.name}: cannot be read: {error}") from error
    extra = sorted(set(data) - {"activity"})
    if extra:
        raise ActivityFileError(f"{path.name}: unknown top-level key '{extra[0]}'")
    tables = data.get("activity")
    if not isinstance(tables, list) or not tables:
        raise ActivityFileError(f"{path.name}: activity: expected one or more [[activity]] tables")
    activities = tuple(_parse(path, index, table) for index, table in enumerate(tables))
    _check_unique_ids(path, activities)
    return activities


def _parse(path: Path, index: int, table: Any) -> Activity:
    """One [[activity]] table as an Activity, or an error naming where it is wrong."""
    where = f"{path.name}: activity[{index}]"
    if not isinstance(table, dict):
        raise ActivityFileError(f"{where}: expected a table")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ActivityFileError(f"{where}.{unknown[0]}: unknown key")
    values = {key: _text(where, table, key) for key in _KEYS}
    if not _ID_PATTERN.fullmatch(values["id"]):
        raise ActivityFileError(f"{where}.id: '{values['id']}' is not lower_snake_case")
    for key, kind in _ENUM_KEYS.items():
        values[key] = _member(f"{where}.{key}", values[key], kind)
    return Activity(**values)


def _text(where: str, table: dict[str, Any], key: str) -> str:
    """A required, non-empty string value."""
    value = table.get(key)
    if value is None:
        raise ActivityFileError(f"{where}.{key}: missing")
    if not isinstance(value, str) or not value.strip():
        raise ActivityFileError(f"{where}.{key}: expected non-empty text, got {value!r}")
    return value.strip()


def _member(where: str, value: str, kind: type[StrEnum]) -> StrEnum:
    """The enum member spelled by value, or an error listing the allowed spellings."""
    allowed = [member.value for member in kind]
    if value not in allowed:
        raise ActivityFileError(f"{where}: '{value}' is not one of {', '.join(allowed)}")
    return kind(value)


def _check_unique_ids(path: Path, activities: tuple[Activity, ...]) -> None:
    """Refuse a file that uses an id twice, since the app stores activities by id."""
    seen: set[str] = set()
    for index, activity in enumerate(activities):
        if activity.id in seen:
            where = f"{path.name}: activity[{index}].id"
            raise ActivityFileError(f"{where}: '{activity.id}' is used twice")
        seen.add(activity.id)


@cache
def default_activities() -> tuple[Activity, ...]:
    """The activities of the packaged qa_activities.toml, read once per process."""
    return load_activities()


def get_activity(activity_id: str) -> Activity:
    """The packaged activity with this id."""
    for activity in default_activities():
        if activity.id == activity_id:
            return activity
    raise KeyError(f"No QA activity has the id '{activity_id}'.")


# Ofsted's four overall ratings, plus a compliance notice, which §7.1 treats like inadequate.
OFSTED_RATINGS = ("outstanding", "good", "requires_improvement", "inadequate", "compliance_notice")
_REVIEW_INTERVAL_DAYS = {"requires_improvement": 14, "inadequate": 7, "compliance_notice": 7}


def occurrences(
    activity: Activity,
    start: date,
    end: date,
    *,
    ofsted_rating: str | None = None,
    ofsted_inspected_on: date | None = None,
    actions_complete_on: date | None = None,
    action_plan_dates: Sequence[date] = (),
) -> list[date]:
    """The activity's due dates from start to end inclusive, in order."""
    if activity.frequency is Frequency.POST_OFSTED:
        dates = _monitoring_reviews(
            ofsted_rating, ofsted_inspected_on, actions_complete_on, action_plan_dates, end
        )
    else:
        # Ad hoc and event-driven activities (a Reg 44 visit, a concern) have no calendar of
        # their own, so nothing is generated for them.
        dates = _CADENCES.get(activity.frequency, _never)(start, end)
    return sorted({day for day in dates if start <= day <= end})


def _months(start: date, end: date) -> Iterator[tuple[int, int]]:
    """Every (year, month) from start's month to end's month."""
    for index in range(start.year * 12 + start.month - 1, end.year * 12 + end.month):
        year, month0 = divmod(index, 12)
        yield year, month0 + 1


def _monthly(start: date, end: date) -> list[date]:
    """The last working day of each month."""
    # The month's end is the latest a monthly task can be done and still be "this month's";
    # a weekend or bank holiday moves it earlier, never into the next month.
    return [last_working_day_of_month(year, month) for year, month in _months(start, end)]


def _every_other_month(start: date, end: date) -> list[date]:
    """The last working day of each odd-numbered month (January, March, May ...)."""
    # Anchored to the calendar, not to a stored first date, so every caller agrees on the
    # months; a year has an even number of months, so the pattern is the same every year.
    return [day for day in _monthly(start, end) if day.month % 2 == 1]


def _weekly(start: date, end: date) -> list[date]:
    """Each week's Friday, or the working day before it when the Friday is a bank holiday."""
    # Friday closes the working week the weekly monitoring covers. The week holding end is
    # included whole, as a bank-holiday Friday after end can move back inside the range.
    monday = start - timedelta(days=start.weekday())
    weeks = range(0, (end - monday).days + 1, 7)
    return [working_day_on_or_before(monday + timedelta(days=k + 4)) for k in weeks]


def _never(start: date, end: date) -> list[date]:
    """No generated dates: the activity is ad hoc or triggered by an event."""
    return []


_CADENCES: dict[Frequency, Callable[[date, date], list[date]]] = {
    Frequency.MONTHLY: _monthly,
    Frequency.EVERY_OTHER_MONTH: _every_other_month,
    Frequency.WEEKLY: _weekly,
}


def _monitoring_reviews(
    rating: str | None,
    inspected_on: date | None,
    complete_on: date | None,
    plan_dates: Sequence[date],
    end: date,
) -> list[date]:
    """QA monitoring reviews after an Ofsted inspection, stopping once its actions are complete."""
    if rating is None or rating == "outstanding":
        return []
    if rating == "good":
        dates = list(plan_dates)  # good with requirements: the Ofsted action plan's own dates
    elif rating in _REVIEW_INTERVAL_DAYS:
        dates = _every(_REVIEW_INTERVAL_DAYS[rating], _inspection_date(rating, inspected_on), end)
    else:
        expected = ", ".join(OFSTED_RATINGS)
        raise ValueError(f"Unknown Ofsted rating '{rating}'; expected one of {expected}.")
    # A review on or after the day the actions are complete has nothing left to check.
    return [day for day in dates if complete_on is None or day < complete_on]


def _inspection_date(rating: str, inspected_on: date | None) -> date:
    """The inspection date a review cycle counts from; required for a cycle."""
    if inspected_on is None:
        raise ValueError(f"A '{rating}' rating needs the inspection date to schedule reviews from.")
    return inspected_on


def _every(interval_days: int, inspected_on: date, end: date) -> list[date]:
    """Every interval after the inspection until end, each on a working day."""
    # A review due on a weekend or bank holiday is brought forward, never pushed past its cycle;
    # one interval beyond end is generated because bringing it forward may land it inside.
    steps = range(interval_days, (end - inspected_on).days + interval_days + 1, interval_days)
    return [working_day_on_or_before(inspected_on + timedelta(days=k)) for k in steps]
