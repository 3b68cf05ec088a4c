"""Rate limits kept in the database, so every gunicorn worker sees the same count."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from survey_app.clock import now
from survey_app.extensions import db
from survey_app.models import RateCounter


def window_start(at: datetime, window: timedelta) -> datetime:
    seconds = int(window.total_seconds())
    epoch = int(at.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=at.tzinfo)


def _stored(key: str) -> str:
    """Keys built from user input (an email, say) may be long; the column holds 120."""
    return key if len(key) <= 120 else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def counts(keys: list[str], window: timedelta) -> dict[str, int]:
    """The current window's count for each key (missing keys have none)."""
    start = window_start(now(), window)
    stored = {_stored(key): key for key in keys}
    stmt = select(RateCounter.key, RateCounter.count).where(
        RateCounter.key.in_(stored), RateCounter.window_start == start
    )
    return {stored[key]: number for key, number in db.session.execute(stmt)}


def record(key: str, window: timedelta) -> None:
    """Add one to the key's current window; the caller's unit of work commits it."""
    start = window_start(now(), window)
    insert = pg_insert if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(RateCounter).values(key=_stored(key), window_start=start, count=1)
    # An upsert, so two workers counting the same new window at once cannot collide.
    db.session.execute(
        stmt.on_conflict_do_update(
            index_elements=[RateCounter.key, RateCounter.window_start],
            set_={"count": RateCounter.count + 1},
        )
    )
    # Old windows are never read again; clearing them here keeps the table tiny.
    db.session.execute(delete(RateCounter).where(RateCounter.window_start < start - window))
