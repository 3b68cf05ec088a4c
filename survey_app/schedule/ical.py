"""A small iCalendar (RFC 5545) writer for all-day events, so what is due shows in Outlook."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

_CRLF = "\r\n"
_FOLD_OCTETS = 75  # RFC 5545 §3.1: lines longer than this are folded


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event: a stable id (so calendars update rather than duplicate), a day, words."""

    uid: str
    day: date
    summary: str
    description: str = ""


def calendar_text(events: Iterable[CalendarEvent], name: str, stamp: datetime) -> str:
    """A whole VCALENDAR with one VEVENT per event, CRLF line endings, folded lines."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Your voice//Schedule//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for event in events:
        lines.extend(_event_lines(event, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + _CRLF for line in lines)


def _event_lines(event: CalendarEvent, stamp: datetime) -> list[str]:
    """The VEVENT block of one event."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape(event.uid)}",
        f"DTSTAMP:{stamp.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
        # DTEND is exclusive: an all-day event ends at the start of the next day.
        f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(event.summary)}",
        "TRANSP:TRANSPARENT",  # a reminder, not a meeting: it does not make anyone look busy
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    lines.append("END:VEVENT")
    return lines


def escape(text: str) -> str:
    """Text as an iCalendar TEXT value: backslash, semicolon, comma and newlines escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        # Continuation lines start with a space, which counts towards their 75 octets.
        limit = _FOLD_OCTETS if not parts else _FOLD_OCTETS - 1
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return (_CRLF + " ").join(parts)
