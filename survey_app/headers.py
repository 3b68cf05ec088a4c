"""Header values built from data people typed (home names and codes): one line, safely quoted.

A CR or LF in a mail subject makes the email library refuse the message, and a `"` in a
filename ends the quoted string early; both come from a home's name or code, so every such
header goes through here.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
# Characters every browser reads unquoted in the plain `filename=` fallback.
NOT_PLAIN = re.compile(r"[^A-Za-z0-9._-]+")


def one_line(text: str) -> str:
    """The text with line breaks and other control characters turned into single spaces."""
    return " ".join(CONTROL.sub(" ", text).split())


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    """RFC 6266: an ASCII `filename` for old clients and the exact name in `filename*`."""
    name = one_line(filename)
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    plain = NOT_PLAIN.sub("_", plain).strip("_.") or "download"
    return f"{disposition}; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"
