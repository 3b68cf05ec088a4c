"""Remove names and identifying details from a quote, leaving bracketed placeholders.

Details with a shape go first (contact details, NHS numbers, dates, addresses, postcodes,
schools), then names: the people and places the service knows, then names from lists, in any
case.  What counts as a date tied to a person: any day of a month ("4th March", "03/04/2011"),
and a month or year said with a birth or a death ("born in 2011"); "June was better" stays.
"""

from __future__ import annotations

import re

from analysis.text.anonymise.details import (
    ADDRESS,
    DATE,
    EMAIL,
    NHS_NUMBER,
    PHONE,
    POSTCODE,
    ROOM,
    SCHOOL,
    remove_details,
)
from analysis.text.anonymise.lists import is_common
from analysis.text.anonymise.names import INITIALS, NAME, PLACE, KnownNames, prepare, replace_names

__all__ = [
    "ADDRESS",
    "DATE",
    "EMAIL",
    "INITIALS",
    "NAME",
    "NHS_NUMBER",
    "NO_KNOWN_NAMES",
    "PHONE",
    "PLACE",
    "POSTCODE",
    "ROOM",
    "SCHOOL",
    "KnownNames",
    "anonymise",
    "is_common",
]

NO_KNOWN_NAMES = KnownNames()
_REPEATED = re.compile(r"(\[(\w+)\])(?:\s+\[\2\])+")


def anonymise(text: str, known: KnownNames = NO_KNOWN_NAMES) -> str:
    """``text`` with names, contact details, dates, numbers, addresses and places replaced.

    ``known`` names the service's own people and places, which go whatever their case.
    """
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = remove_details(text)
    text = replace_names(text, prepare(known))
    return _REPEATED.sub(r"\1", text)
