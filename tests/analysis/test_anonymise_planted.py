"""A set of quotes with identifiers planted in them keeps none; ordinary quotes keep their words.

The quotes are in ``tests/data/anonymise_planted.jsonl`` (each lists what was planted in it)
and ``tests/data/anonymise_control.jsonl`` (no identifiers at all), in the voices of young
people, professionals, families and staff.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from analysis import KnownNames, anonymise

DATA = Path(__file__).parents[1] / "data"
# What the app would pass: the names of its staff, visitors, homes and services.
KNOWN = KnownNames(
    people=(
        "Sarah Jones",
        "Mark Okafor",
        "Priya Chandrasekhar",
        "Tom Greenwood",
        "Bev Hollis",
        "Pat Morgan (independent visitor)",
    ),
    places=("Oak House", "Willow Lodge", "Hollybrook", "North and West"),
)
_TOKEN = re.compile(r"[\w'/-]+")


def _rows(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _still_there(identifier: str, text: str) -> bool:
    """The identifier, in any case, as a whole; or its digits, however they are spaced."""
    pattern = r"(?<![A-Za-z0-9])" + re.escape(identifier) + r"(?![A-Za-z0-9])"
    if re.search(pattern, text, re.IGNORECASE):
        return True
    digits = re.sub(r"\D", "", identifier)
    return len(digits) >= 4 and digits in re.sub(r"\D", "", text)


def test_the_planted_set_is_large_and_varied():
    """At least 100 quotes, every voice, each naming identifiers that are really in it."""
    rows = _rows("anonymise_planted.jsonl")
    assert len(rows) >= 100
    assert {r["voice"] for r in rows} == {"young_people", "professionals", "families", "staff"}
    for row in rows:
        assert row["identifiers"] and all(i in row["text"] for i in row["identifiers"]), row


def test_no_planted_identifier_is_left():
    """Names in any case, dates tied to a person, NHS numbers, addresses, schools: 0 left."""
    left = []
    for row in _rows("anonymise_planted.jsonl"):
        quoted = anonymise(row["text"], KNOWN)
        left += [f"{i!r} in {quoted!r}" for i in row["identifiers"] if _still_there(i, quoted)]
    assert not left, f"{len(left)} identifiers left:\n" + "\n".join(left)


def test_ordinary_quotes_keep_their_words():
    """Quotes with no identifiers lose at most 1 word in 100 (today: none)."""
    words = removed = 0
    lost = []
    for row in _rows("anonymise_control.jsonl"):
        before = Counter(_TOKEN.findall(row["text"]))
        gone = before - Counter(_TOKEN.findall(anonymise(row["text"], KNOWN)))
        words += sum(before.values())
        removed += sum(gone.values())
        lost += [f"{w!r} from {row['text']!r}" for w in gone]
    assert words > 500
    assert removed <= words // 100, f"{removed} of {words} words removed:\n" + "\n".join(lost)
