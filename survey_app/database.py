"""Engine set-up: SQLite tuned for concurrent writers, PostgreSQL as it comes."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import Engine, event

from survey_app.extensions import db

SQLITE_BUSY_TIMEOUT_S = 30


def init_database(app: Flask) -> None:
    """Attach Flask-SQLAlchemy and make SQLite safe for many simultaneous submissions."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}))
    if uri.startswith("sqlite"):
        options.setdefault("connect_args", {"timeout": SQLITE_BUSY_TIMEOUT_S})
    else:
        options.setdefault("pool_pre_ping", True)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    db.init_app(app)


@event.listens_for(Engine, "connect")
def _sqlite_on_connect(dbapi_connection, connection_record) -> None:  # noqa: ARG001
    if not _is_sqlite(dbapi_connection):
        return
    # We issue BEGIN ourselves (below), so the driver must not open transactions implicitly.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin_immediate(conn) -> None:
    # A deferred transaction that reads and then writes fails at once with "database is locked"
    # when another writer got in first (the busy timeout does not apply to that upgrade).
    # Taking the write lock at BEGIN makes writers queue on the busy timeout instead.
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _is_sqlite(dbapi_connection) -> bool:
    return type(dbapi_connection).__module__.startswith("sqlite3")
