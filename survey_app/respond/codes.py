"""Invitation codes: short enough to type on a phone, long enough not to be guessed."""

from __future__ import annotations

import re
import secrets

# No 0/O, 1/I/L, U/V, 5/S or 2/Z: letters a child could misread from a printed card.
ALPHABET = "ABCDEFGHJKMNPQRTWXY346789"
LENGTH = 8  # 25**8 ≈ 1.5e11 codes; with guessing limited, finding a live one is hopeless.
_STRIP = re.compile(r"[\s\-_.]")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str | None:
    """The stored form of what someone typed (any case, spaces or dashes), or None if impossible."""
    code = _STRIP.sub("", typed or "").upper()
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def grouped(code: str) -> str:
    """'ABCD-EFGH': two groups of four are easier to read out and type."""
    return f"{code[:4]}-{code[4:]}"
