"""What an id may be: a whole number that fits the database's integer columns.

PostgreSQL refuses 2^31 and SQLite 2^63 with a database error, so an id beyond the column is
turned away before it reaches a query: 404 in a path or a query string, a form error (422) in a
select field. One bound for every id, applied by the URL converter, `id_arg` and `coerce_id`.
"""

from __future__ import annotations

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter, Map

# PostgreSQL's `integer`, the narrower of the two databases' id columns.
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<int:...>` in every route, bounded: a number the column cannot hold matches nothing."""

    def __init__(
        self,
        map: Map,  # noqa: A002 (werkzeug passes it by this name)
        fixed_digits: int = 0,
        min: int | None = None,  # noqa: A002 (werkzeug's own argument names)
        max: int | None = MAX_ID,  # noqa: A002
        signed: bool = False,
    ) -> None:
        bound = MAX_ID if max is None or max > MAX_ID else max
        super().__init__(map, fixed_digits, min, bound, signed)


def register_id_converter(app: Flask) -> None:
    """Before any blueprint: rules take their converter when they are added."""
    app.url_map.converters["int"] = IdConverter


def parse_id(value: object) -> int:
    """An id from text; ValueError for anything else (werkzeug and WTForms both expect that)."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.isascii() and value.isdigit():
        number = int(value)
    else:
        raise ValueError("not an id")
    if not 0 <= number <= MAX_ID:
        raise ValueError("not an id")
    return number


def coerce_id(value: object) -> int:
    """A select field's coerce: an unknown or oversized option is a form error, not a crash.

    0 stays allowed: several selects offer it for "none".
    """
    return parse_id(value)


def id_arg(name: str) -> int | None:
    """`?name=<id>`: None when absent or empty, 404 when it cannot be an id."""
    value = request.args.get(name, "")
    if not value:
        return None
    try:
        return parse_id(value)
    except ValueError:
        abort(404)


def optional_id(value: object) -> int | None:
    """A filter's coerce, where the empty choice means "any"."""
    return None if value in (None, "") else parse_id(value)
