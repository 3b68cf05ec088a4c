"""Request lines in the development server's log, with respondent codes and secret tokens hidden.

A code is a child's key to their answers, a calendar token or a reset link a key to a staff
account; a log file is read by more people, and kept longer, than either should be.
"""

from __future__ import annotations

import logging
import re

from flask import Flask

SECRET_IN_PATH = re.compile(r"(/r/|/calendar/|/staff/reset/)[^/?#\s\"]+?(?=\.ics\b|[/?#\s\"]|$)")
HIDDEN = "***"


def redact(text: str) -> str:
    return SECRET_IN_PATH.sub(rf"\g<1>{HIDDEN}", text)


class RedactSecrets(logging.Filter):
    """Rewrites the record's message and arguments; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True


def redact_request_log(app: Flask) -> None:
    """Werkzeug's server (`survey-app run`) logs each request line to the "werkzeug" logger.

    The logger is the process's, shared by every app built in it: the filter is added once.
    """
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, RedactSecrets) for f in logger.filters):
        logger.addFilter(RedactSecrets())
