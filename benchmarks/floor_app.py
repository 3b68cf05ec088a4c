"""The least a safe form POST can do on this stack: the floor under the submit path.

A session cookie, CSRFProtect's check, and one row written to SQLite (WAL) with the standard
library's driver, then a redirect: no ORM, no form class, no safeguarding. Whatever the
submit path costs above this is its own work; this shows how far the 0.4 target is from
what any real submit on Flask and SQLite could reach here.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import closing

from flask import Flask, redirect, request
from flask_wtf.csrf import CSRFProtect, generate_csrf

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY")  # set by the benchmark
CSRFProtect(app)
_local = threading.local()


def create_database(path: str) -> None:
    """Make the floor's database once, before its workers start (the file keeps WAL mode)."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE IF NOT EXISTS said (id INTEGER PRIMARY KEY, words TEXT)")


def _connection() -> sqlite3.Connection:
    if not hasattr(_local, "connection"):
        connection = sqlite3.connect(os.environ["FLOOR_DATABASE"], timeout=30)
        connection.execute("PRAGMA synchronous=NORMAL")
        _local.connection = connection
    return _local.connection


@app.get("/")
def form() -> str:
    return f'<input name="csrf_token" type="hidden" value="{generate_csrf()}">'


@app.post("/")
def send():
    with _connection() as connection:  # one transaction, committed on leaving
        connection.execute("INSERT INTO said (words) VALUES (?)", (request.form["words"],))
    return redirect("/thanks")


@app.get("/healthz")
def healthz() -> str:
    return "ok"
