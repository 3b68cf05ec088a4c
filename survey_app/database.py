"""Engine set-up: SQLite tuned for concurrent writers, PostgreSQL as it comes."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from flask import Flask, current_app, has_request_context, request
from sqlalchemy import Connection, Engine, event

from survey_app.extensions import db

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# How the next SQLite transaction begins, when a unit of work says so explicitly.
_BEGIN: ContextVar[str | None] = ContextVar("sqlite_begin", default=None)


def init_database(app: Flask) -> None:
    """Attach Flask-SQLAlchemy, every wait bounded; SQLite safe for simultaneous submissions."""
    config = app.config
    uri = config["SQLALCHEMY_DATABASE_URI"]
    options = dict(config.get("SQLALCHEMY_ENGINE_OPTIONS", {}))
    if uri.startswith("sqlite"):
        # The driver's timeout is SQLite's busy timeout (how long to wait for the write lock).
        options.setdefault("connect_args", {"timeout": config["SQLITE_BUSY_TIMEOUT_MS"] / 1000})
    else:
        options.setdefault("pool_pre_ping", True)
        options.setdefault("pool_timeout", config["DATABASE_POOL_TIMEOUT_S"])
        if uri.startswith("postgresql"):
            statement_ms = config["DATABASE_STATEMENT_TIMEOUT_MS"]
            options.setdefault(
                "connect_args",
                {
                    # Covers the whole handshake, so a server that accepts and never answers
                    # fails the request in seconds.
                    "connect_timeout": config["DATABASE_CONNECT_TIMEOUT_S"],
                    "options": f"-c statement_timeout={statement_ms}",
                },
            )
    config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    db.init_app(app)
    # Set per transaction with SET LOCAL, so it never outlives the respondent's request.
    app.extensions["respondent_timeout"] = (
        f"SET LOCAL statement_timeout = {int(config['RESPONDENT_STATEMENT_TIMEOUT_MS'])}"
    )


@contextmanager
def reading() -> Iterator[None]:
    """Reads in a plain transaction that is ended afterwards, so it never blocks a writer."""
    token = _BEGIN.set("BEGIN")
    try:
        yield
    finally:
        db.session.commit()
        _BEGIN.reset(token)


@contextmanager
def writing() -> Iterator[None]:
    """Start a fresh transaction holding the write lock; the caller commits it inside."""
    _end_session_transaction()
    token = _BEGIN.set("BEGIN IMMEDIATE")
    try:
        with _writer_queue():
            yield
    finally:
        _BEGIN.reset(token)


@contextmanager
def core_reading() -> Iterator[Connection]:
    """A Core connection in a read transaction, for the respondent's busiest requests.

    The ORM session's bookkeeping on begin and commit cost more than SQLite's work on a
    submit (benchmarks/submit_throughput.py), so respondent requests read and write through
    plain connections. Like reading(), it never holds the write lock.
    """
    token = _BEGIN.set("BEGIN")
    try:
        with db.engine.connect() as connection:
            connection.begin()
            _respondent_timeout(connection)
            yield connection
            connection.commit()
    finally:
        _BEGIN.reset(token)


@contextmanager
def core_writing() -> Iterator[Connection]:
    """A Core connection holding the write lock; committed on leaving unless rolled back."""
    _end_session_transaction()
    token = _BEGIN.set("BEGIN IMMEDIATE")
    try:
        # Checked out before queueing: every moment inside the queue makes the others wait.
        with db.engine.connect() as connection, _writer_queue():
            connection.begin()
            try:
                _respondent_timeout(connection)
                yield connection
                connection.commit()  # does nothing when the caller rolled back
            except BaseException:
                connection.rollback()  # before the queue moves on, not after
                raise
    finally:
        _BEGIN.reset(token)


def _respondent_timeout(connection: Connection) -> None:
    """Respondent statements are tiny: one that waits seconds is waiting on something broken,
    and a kind "try again" page in seconds is better than a phone left spinning."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(current_app.extensions["respondent_timeout"])


def _end_session_transaction() -> None:
    """A session transaction left open on a POST may hold SQLite's write lock: end it first."""
    # registry.has(): a request that never used the session need not create one to ask.
    if db.session.registry.has() and db.session().in_transaction():
        db.session.commit()


@contextmanager
def _writer_queue() -> Iterator[None]:
    """On SQLite, queue writers on a file lock, which wakes the next one the moment it frees.

    SQLite's own busy handler polls with sleeps of up to 100 ms, so under a burst of
    submissions most of the wait would be spent asleep with the database idle.
    """
    path = db.engine.url.database if db.engine.dialect.name == "sqlite" else None
    if not path or path == ":memory:":
        yield
        return
    fd = os.open(f"{path}-writer.lock", os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


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
    cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn) -> None:
    # A deferred transaction that reads and then writes fails at once with "database is locked"
    # when another writer got in first (the busy timeout does not apply to that upgrade).
    # So anything that may write takes the write lock at BEGIN and queues on the busy timeout;
    # GET requests, and reads wrapped in reading(), begin deferred and never wait.
    if conn.dialect.name != "sqlite":
        return
    mode = _BEGIN.get()
    if mode is None:
        safe = has_request_context() and request.method in SAFE_METHODS
        mode = "BEGIN" if safe else "BEGIN IMMEDIATE"
    conn.exec_driver_sql(mode)


def _is_sqlite(dbapi_connection) -> bool:
    return type(dbapi_connection).__module__.startswith("sqlite3")
