"""Shared set-up for benchmarks: a fresh app with demo data, served by gunicorn."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def demo_environment(postgres_server: str | None = None):
    """A temporary instance with a migrated database and the demo data: a SQLite file, or a
    throwaway database on `postgres_server` (a postgresql:// URL), dropped afterwards."""
    with tempfile.TemporaryDirectory() as folder, _database(folder, postgres_server) as url:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=url,
            SECRET_KEY="benchmark-only-secret",  # noqa: S106 (a throwaway instance)
            BASE_URL="http://127.0.0.1",
        )
        for args in (["db", "upgrade"], ["demo"]):
            subprocess.run([BIN / "survey-app", *args], env=env, check=True, capture_output=True)
        yield env


@contextmanager
def _database(folder: str, postgres_server: str | None):
    if postgres_server is None:
        yield f"sqlite:///{folder}/bench.sqlite3"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from survey_app.config import normalise_database_url

    server = normalise_database_url(postgres_server)
    name = f"survey_bench_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def invite(env: dict, count: int, home: str = "OAK", audience: str = "young_people") -> list[str]:
    codes: list[str] = []
    while len(codes) < count:
        batch = min(500, count - len(codes))
        out = subprocess.run(
            [
                BIN / "survey-app",
                "invite",
                "--home",
                home,
                "--audience",
                audience,
                "--count",
                str(batch),
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        codes += [line.rsplit("/", 1)[1] for line in out.split()]
    return codes


class Served(NamedTuple):
    port: int
    pid: int  # gunicorn's master; its workers are its children

    def cpu_seconds(self) -> float | None:
        """CPU time used so far by the master and its workers (Linux /proc), else None."""
        try:
            children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
            total = 0
            for pid in [self.pid, *map(int, children)]:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
        except OSError:
            return None
        return total / os.sysconf("SC_CLK_TCK")


@contextmanager
def gunicorn(env: dict, app: str = "survey_app:create_app()", workers: int = 2, threads: int = 8):
    """Serve `app` on a free port; yields where (Served), stops it afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [
            BIN / "gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--chdir",
            str(Path(__file__).resolve().parents[1]),
            "--worker-class",
            "gthread",
            "--threads",
            str(threads),
            "--keep-alive",
            "75",
            "--log-level",
            "warning",
            app,
        ],
        env=env,
    )
    try:
        _wait_until_up(port)
        yield Served(port, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")
