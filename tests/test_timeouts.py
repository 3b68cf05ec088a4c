"""A database that hangs costs a request seconds and gives the kind 503 page, never a hang."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.respond.helpers import start


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP server on loopback that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(timeout=5)
    for connection in held:
        connection.close()
    listener.close()


def _timed(client, method: str, path: str, **kwargs):
    started = time.monotonic()
    response = client.open(path, method=method, **kwargs)
    return response, time.monotonic() - started


def test_a_database_that_never_answers_gives_503_within_10_seconds(make_app, silent_server):
    """Respondent pages show the kind 503 page, and /healthz says the database is down."""
    app = make_app(
        SQLALCHEMY_DATABASE_URI=f"postgresql+psycopg://postgres@127.0.0.1:{silent_server}/x"
    )
    client = app.test_client()
    for method, path in (("GET", "/r/ABCD2345"), ("POST", "/"), ("GET", "/healthz")):
        response, seconds = _timed(client, method, path, data={"code": "ABCD2345"})
        assert response.status_code == 503 and seconds < 10, (path, seconds)
    page = client.get("/r/ABCD2345")
    assert page.status_code == 503 and "Anything you already sent is saved" in page.get_data(
        as_text=True
    )
    assert client.get("/healthz").get_json() == {"status": "database unavailable"}


def test_a_page_sent_while_the_database_is_locked_gives_503_in_seconds(
    make_app, make_codes, migrated
):
    """A write stuck behind a lock another connection holds gives up quickly, kindly."""
    app = make_app(RESPONDENT_STATEMENT_TIMEOUT_MS=1000, SQLITE_BUSY_TIMEOUT_MS=1000)
    client = app.test_client()
    [code] = make_codes()
    url = start(client, code)
    with _locked(migrated):
        response, seconds = _timed(client, "POST", url, data={"safe_here": "5", "nav": "next"})
    assert response.status_code == 503 and seconds < 5, seconds
    assert "Anything you already sent is saved" in response.get_data(as_text=True)
    # Once the lock is gone the same page goes through.
    assert client.post(url, data={"safe_here": "5", "nav": "next"}).status_code == 302


class _locked:
    """Another connection holding the lock that answer writes need, until the block ends."""

    def __init__(self, url: str) -> None:
        self.url = url

    def __enter__(self):
        if self.url.startswith("sqlite"):
            self.connection = sqlite3.connect(make_url(self.url).database, isolation_level=None)
            self.connection.execute("BEGIN IMMEDIATE")
            return self
        self.engine = create_engine(self.url.replace("postgresql://", "postgresql+psycopg://"))
        self.connection = self.engine.connect()
        self.connection.execute(text("LOCK TABLE answer IN EXCLUSIVE MODE"))
        return self

    def __exit__(self, *exc) -> None:
        self.connection.rollback()
        self.connection.close()
        if not self.url.startswith("sqlite"):
            self.engine.dispose()
