"""The request as the views read it: query and form values without NUL characters.

PostgreSQL cannot store a NUL in text and fails the whole write, so a stray NUL in a comment
would lose the child's last page. NUL means nothing in any answer, so it is dropped from every
query and form value (and name) here, once, before any view or form sees it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import Flask, Request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict

NUL = "\x00"


def _clean(value: Any) -> Any:
    return value.replace(NUL, "") if isinstance(value, str) else value


class WithoutNul(ImmutableMultiDict):
    """Query and form values as werkzeug parses them, with every NUL taken out."""

    def __init__(self, mapping: Any = None) -> None:
        pairs: Iterable = MultiDict(mapping).items(multi=True) if mapping is not None else ()
        super().__init__([(_clean(key), _clean(value)) for key, value in pairs])


class SurveyRequest(Request):
    parameter_storage_class = WithoutNul


def use_survey_request(app: Flask) -> None:
    app.request_class = SurveyRequest
