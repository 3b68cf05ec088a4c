"""Configuration from the environment, with defaults that make the demo work untouched."""

from __future__ import annotations

import contextlib
import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask

PACKAGE_DIR = Path(__file__).resolve().parent
# In a checkout (editable install) the banks sit beside the package; otherwise run from the
# checkout or set QUESTION_BANKS_DIR.
DEFAULT_BANKS_DIR = PACKAGE_DIR.parent / "question_banks"


def load_config(app: Flask, overrides: dict[str, Any]) -> None:
    """Fill app.config from defaults, then the environment, then explicit overrides."""
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    env = os.environ
    app.config.update(
        SQLALCHEMY_DATABASE_URI=normalise_database_url(
            env.get("DATABASE_URL") or f"sqlite:///{instance / 'survey.sqlite3'}"
        ),
        SECRET_KEY=overrides.get("SECRET_KEY")
        or env.get("SECRET_KEY")
        or _instance_secret(instance),
        BASE_URL=env.get("BASE_URL", "http://127.0.0.1:5000").rstrip("/"),
        TRUSTED_PROXIES=int(env.get("TRUSTED_PROXIES", "0")),
        QUESTION_BANKS_DIR=Path(env.get("QUESTION_BANKS_DIR", DEFAULT_BANKS_DIR)),
        MIGRATIONS_DIR=PACKAGE_DIR / "migrations",
        SMTP_URL=env.get("SMTP_URL", ""),
        MAIL_FROM=env.get("MAIL_FROM", "voice@localhost"),
        SUPPRESSION_THRESHOLD=int(env.get("SUPPRESSION_THRESHOLD", "5")),
        # The months whose QPAG report carries the six-monthly voice sections (§8.3–8.4).
        VOICE_REPORT_MONTHS=parse_months(env.get("VOICE_REPORT_MONTHS", "1,7")),
        # Guessing codes: per client and across the whole service, per 15-minute window.
        CODE_GUESS_LIMIT_PER_CLIENT=int(env.get("CODE_GUESS_LIMIT_PER_CLIENT", "10")),
        CODE_GUESS_LIMIT_OVERALL=int(env.get("CODE_GUESS_LIMIT_OVERALL", "1000")),
        # Staff sign-in: failures allowed per account and per client in 15 minutes.
        LOGIN_LIMIT_PER_ACCOUNT=int(env.get("LOGIN_LIMIT_PER_ACCOUNT", "5")),
        LOGIN_LIMIT_PER_CLIENT=int(env.get("LOGIN_LIMIT_PER_CLIENT", "20")),
        # A staff session ends after this long without a request.
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=int(env.get("IDLE_TIMEOUT_MINUTES", "30"))),
        # An action this many days past its due date is a candidate for escalation (§8.8).
        ESCALATION_GRACE_DAYS=int(env.get("ESCALATION_GRACE_DAYS", "14")),
        RESET_LINK_HOURS=int(env.get("RESET_LINK_HOURS", "24")),
        # The daily schedule: rounds open this many days before each Reg 44 visit, and QA
        # activities are put on the schedule this many days ahead.
        ROUND_LEAD_DAYS=int(env.get("ROUND_LEAD_DAYS", "14")),
        QA_HORIZON_DAYS=int(env.get("QA_HORIZON_DAYS", "56")),
        # argon2id cost; the defaults are argon2-cffi's (RFC 9106 low-memory profile).
        ARGON2_TIME_COST=int(env.get("ARGON2_TIME_COST", "3")),
        ARGON2_MEMORY_KIB=int(env.get("ARGON2_MEMORY_KIB", "65536")),
        ARGON2_PARALLELISM=int(env.get("ARGON2_PARALLELISM", "4")),
        # A survey may take a while on a slow phone; the session bounds the token instead.
        WTF_CSRF_TIME_LIMIT=None,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=env.get("BASE_URL", "").startswith("https://"),
        BABEL_DEFAULT_LOCALE="en_GB",
        BABEL_DEFAULT_TIMEZONE="Europe/London",
        MAX_CONTENT_LENGTH=256 * 1024,
        # A database that stops answering must cost a request seconds, not every thread for
        # minutes: connecting, waiting for a pooled connection, and each statement are bounded.
        # Respondent requests get the short statement limit; staff pages and the CLI (reports,
        # exports) the longer one. SQLite's busy timeout bounds a wait for its write lock.
        DATABASE_CONNECT_TIMEOUT_S=int(env.get("DATABASE_CONNECT_TIMEOUT_S", "3")),
        DATABASE_POOL_TIMEOUT_S=int(env.get("DATABASE_POOL_TIMEOUT_S", "5")),
        DATABASE_STATEMENT_TIMEOUT_MS=int(env.get("DATABASE_STATEMENT_TIMEOUT_MS", "30000")),
        RESPONDENT_STATEMENT_TIMEOUT_MS=int(env.get("RESPONDENT_STATEMENT_TIMEOUT_MS", "4000")),
        SQLITE_BUSY_TIMEOUT_MS=int(env.get("SQLITE_BUSY_TIMEOUT_MS", "5000")),
    )
    app.config.update(overrides)


def parse_months(text: str) -> tuple[int, ...]:
    """Month numbers written "1,7"; anything else stops the app with what is wrong."""
    try:
        months = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError:
        months = (0,)
    if not all(1 <= month <= 12 for month in months):
        raise ValueError(f"VOICE_REPORT_MONTHS: give month numbers 1-12 like 1,7 (not {text!r})")
    return months


def normalise_database_url(url: str) -> str:
    """Use the psycopg 3 driver for plain postgres URLs, as hosting platforms hand them out."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _instance_secret(instance: Path) -> str:
    """Generate a secret once and keep it, so sessions survive restarts without set-up."""
    path = instance / "secret_key"
    if not path.exists():
        # Written aside and linked into place, so two workers starting at once never read a
        # half-written file: the first link wins, the other finds it there, both read the same.
        draft = instance / f".secret_key.{os.getpid()}"
        draft.write_text(secrets.token_urlsafe(48))
        draft.chmod(0o600)
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
        draft.unlink()
    return path.read_text().strip()
