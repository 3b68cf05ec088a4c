"""Identifying details that have a shape: contact details, numbers, dates, addresses, schools."""

from __future__ import annotations

import re

from analysis.text.anonymise.lists import is_common, lists, tags

EMAIL, PHONE, NHS_NUMBER = "[email]", "[phone]", "[NHS number]"
POSTCODE, ADDRESS, SCHOOL, DATE = "[postcode]", "[address]", "[school]", "[date]"
ROOM = "[room]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])\(?(?:\+44|0)[\d\s()-]{7,15}\d(?!\d)")
# Ten digits, however grouped ("943 476 5919", "9434765919"): an NHS number, or as telling.
_NHS = re.compile(r"(?<![\d+])\d(?:[ -]?\d){9}(?!\d)")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_MONTH = rf"(?:{_MONTHS})\.?"
# A day of the month pins down a birthday, an admission or an incident: always removed.
_DAY_DATE = re.compile(
    rf"\b(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})"
    rf"|{_YEAR}-\d{{2}}-\d{{2}}"
    rf"|(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\s+(?:the\s+)?{_DAY}(?:,?\s+{_YEAR})?)(?![\w/])",
    re.IGNORECASE,
)
# A month, a year or a bare day is removed only when it says when someone was born or died.
_FEAST_DAYS = r"christmas\s+(?:day|eve)|new\s+year'?s\s+(?:day|eve)|boxing\s+day|halloween"
_PART_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+{_YEAR}|{_MONTH}|{_YEAR}|{_FEAST_DAYS}"
    r"|(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))(?![\w/])",
    re.IGNORECASE,
)
_PERSONAL = re.compile(
    r"\b(?:born|birth|birthdays?|b-?days?|b'days?|d\.?o\.?b\.?|turn(?:s|ed|ing)?\s+\d+|"
    r"died|death|passed\s+away|funeral|anniversary)(?![a-z])",
    re.IGNORECASE,
)
# "4th March is my birthday": the words after a date tie it to a person only straight away.
_PERSONAL_AFTER = re.compile(
    r"\W*(?:is|was|will\s+be|'s)?\s*(?:my|his|her|their|our|your|the)?\s*"
    r"(?:birthday|b-?day|b'day|date\s+of\s+birth|d\.?o\.?b)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.!?;\n]|\bbut\b|\bthen\b", re.IGNORECASE)

_STREETS = (
    "road|rd|street|st|avenue|ave|lane|ln|close|drive|way|crescent|grove|place|court|"
    "terrace|gardens|walk|mews|row|hill|view|square|green|rise|parade|vale"
)
_NUMBERED_ADDRESS = re.compile(
    rf"\b\d{{1,4}}[a-z]?,?\s+(?:[a-z'-]+\s+){{0,3}}(?:{_STREETS})\b", re.IGNORECASE
)
_FLAT = re.compile(r"\b(?:flat|apartment|apt)\s+\d+[a-z]?\b,?", re.IGNORECASE)
# "the lad in room 4": everyone in the home knows whose room that is.
_ROOM = re.compile(r"\b(?:room|bedroom)\s+(?:no\.?\s*)?\d+[a-z]?\b", re.IGNORECASE)
_NAMED_STREET = re.compile(
    r"\b(?:[A-Z][a-z'-]+\s+){1,2}(?:Road|Street|Avenue|Lane|Close|Drive|Crescent|Grove|"
    r"Terrace|Gardens|Way|Mews|Rise|Parade)\b"
)
# "i live on cherry tree lane": a street in lower case counts after a word saying where.
_LOWER_STREET = re.compile(
    r"\b(?:on|at|to|off|near|in)\s+((?:[a-z'-]+\s+){1,3}"
    r"(?:road|street|avenue|lane|crescent|grove|terrace|gardens|mews)\b)"
)

_SCHOOL_MODIFIERS = (
    r"(?:(?:c\s+of\s+e|ce|rc|catholic|church\s+of\s+england|community|junior|infant|nursery|"
    r"primary|secondary|high|grammar|girls'?|boys'?)\s+)*"
)
_SCHOOL_KINDS = (
    _SCHOOL_MODIFIERS
    + r"(?:primary|academy|school|college|high|juniors|infants|grammar|comprehensive)"
    + r"(?:\s+school)?"
)
_NAME_WORD = r"[A-Z][A-Za-z'-]*"
_SCHOOL_CAPITALISED = re.compile(
    rf"\b(?:(?:St\.?|Saint)\s+)?{_NAME_WORD}(?:\s+(?:(?:of|the|and|upon)\s+)?{_NAME_WORD}){{0,3}}"
    rf"\s+(?i:{_SCHOOL_KINDS})\b"
)
# In lower case "high" alone is too often just high.
_SCHOOL_LOWER = re.compile(
    rf"\b(?:(?:st\.?|saint)\s+)?(?:[a-z'-]+\s+){{1,2}}{_SCHOOL_MODIFIERS}"
    r"(?:primary|academy|high\s+school|school|college|juniors|infants|grammar\s+school)\b"
)
_KINDS = re.compile(_SCHOOL_KINDS, re.IGNORECASE)


def remove_details(text: str) -> str:
    """``text`` with contact details, numbers, dates, addresses and schools replaced."""
    text = _EMAIL.sub(EMAIL, text)
    text = _dates(text)
    text = _PHONE.sub(_phone, text)
    text = _NHS.sub(NHS_NUMBER, text)
    text = _POSTCODE.sub(POSTCODE, text)
    text = _FLAT.sub(ADDRESS, text)
    text = _ROOM.sub(ROOM, text)
    text = _NUMBERED_ADDRESS.sub(_address, text)
    text = _NAMED_STREET.sub(ADDRESS, text)
    text = _LOWER_STREET.sub(_lower_street, text)
    text = _SCHOOL_CAPITALISED.sub(_school, text)
    return _SCHOOL_LOWER.sub(_school, text)


def _dates(text: str) -> str:
    text = _DAY_DATE.sub(DATE, text)
    return _PART_DATE.sub(_part_date, text)


def _part_date(match: re.Match) -> str:
    # "my birthday may be fun": "may" in lower case alone is the verb.
    return DATE if _personal(match) and match.group() != "may" else match.group()


def _personal(match: re.Match) -> bool:
    """Whether the date is in the same clause as words about a birth or a death."""
    before = _CLAUSE_END.split(match.string[max(0, match.start() - 60) : match.start()])[-1]
    return bool(_PERSONAL.search(before) or _PERSONAL_AFTER.match(match.string, match.end()))


def _phone(match: re.Match) -> str:
    digits = sum(ch.isdigit() for ch in match.group())
    return PHONE if 8 <= digits <= 13 else match.group()


def _address(match: re.Match) -> str:
    words = match.group().replace(",", " ").split()[1:]
    street_capitalised = words[-1][0].isupper()
    inner = [w.lower() for w in words[:-1]]
    if set(inner) & lists().not_address - ({"the"} if street_capitalised else set()):
        return match.group()
    # "19 but sounds way older": a street's name is made of nouns and adjectives.
    if not street_capitalised and not all(_street_word(w) for w in inner):
        return match.group()
    return ADDRESS


def _street_word(word: str) -> bool:
    known = tags(word)
    return not known or known[0] in ("NN", "NNS", "NNP", "JJ")


def _lower_street(match: re.Match) -> str:
    words = match.group(1).split()[:-1]
    if set(words) & lists().not_address:
        return match.group()
    return match.group()[: match.start(1) - match.start()] + ADDRESS


def _school(match: re.Match) -> str:
    """The school's own name and kind become "[school]"; generic words before it stay."""
    spans = [m.span() for m in re.finditer(r"\S+", match.group())]
    words = [match.group()[a:b] for a, b in spans]
    kind = next(i for i in range(len(words)) if _KINDS.fullmatch(" ".join(words[i:])))
    if words[0].lower().rstrip(".") in ("st", "saint"):
        first = 0
    elif words[0][0].isupper():
        # "Sir John Cass Primary": every capitalised word of the name, after generic ones.
        first = next((i for i in range(kind) if _names_a_school(words[i])), kind)
    else:
        # In lower case only the word just before the kind: "teachers at college" is no name.
        first = kind - 1 if kind and _names_a_school(words[kind - 1]) else kind
    if first == kind:
        return match.group()
    return match.group()[: spans[first][0]] + SCHOOL


def _names_a_school(word: str) -> bool:
    lower = word.lower().rstrip(".")
    if lower in ("st", "saint"):
        return True
    if lower in lists().generic_school or lower in ("of", "the", "and", "upon"):
        return False
    if word[0].isupper():
        # A capitalised name word is a noun or adjective, or no word at all: not "As the".
        found, known = lists(), tags(lower)
        listed = word in found.keep or word in found.acronyms
        return not listed and (not known or known[0] in ("NN", "NNS", "NNP", "JJ"))
    # In lower case only a word no dictionary knows, or a plural noun, names one: "oakfield
    # academy", "kings high school", but not "good school" or "my son's school".
    base = lower.removesuffix("'s")
    return not is_common(base) or tags(base)[0] == "NNS" and not lower.endswith("'s")
