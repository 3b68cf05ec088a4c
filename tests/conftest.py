"""Fixtures: a real database (SQLite file, or a fresh PostgreSQL database), migrated once."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from survey_app import create_app
from survey_app.config import normalise_database_url

BASE_URL = "http://survey.test"


@contextmanager
def throwaway_database(prefix: str, sqlite_path: Path) -> Iterator[str]:
    """SQLite by default; with TEST_DATABASE_URL a new database on that server, dropped after."""
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        yield f"sqlite:///{sqlite_path}"
        return
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_database_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield (
            make_url(normalise_database_url(server))
            .set(database=name)
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> Iterator[str]:
    """SQLite by default; with TEST_DATABASE_URL a throwaway database on that PostgreSQL server."""
    with throwaway_database("survey_test", tmp_path_factory.mktemp("db") / "test.sqlite3") as url:
        yield url


@pytest.fixture(scope="session")
def migrated(database_url) -> str:
    """Bring the test database to the current schema through the real migrations."""
    from flask_migrate import upgrade

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "TESTING": True})
    with app.app_context():
        upgrade()
        from survey_app.extensions import db

        db.engine.dispose()
    return database_url


@pytest.fixture(scope="session")
def cleaner(migrated):
    """One app kept for emptying the tables between tests, whatever the test's app did."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": migrated, "TESTING": True})
    yield app
    with app.app_context():
        from survey_app.extensions import db

        db.engine.dispose()


@pytest.fixture
def make_app(migrated, cleaner):
    """A factory for apps on the test database; tables are emptied after each test."""
    apps = []

    def factory(**overrides):
        config = {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": migrated,
            "SECRET_KEY": "test-secret",
            "BASE_URL": BASE_URL,
            "WTF_CSRF_ENABLED": False,
        }
        config.update(overrides)
        app = create_app(config)
        apps.append(app)
        return app

    yield factory
    with cleaner.app_context():
        _empty_tables()
    for app in apps:
        with app.app_context():
            from survey_app.extensions import db

            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def today() -> date:
    from survey_app import clock

    return clock.today()


@pytest.fixture
def make_home(app):
    """Create a home (and its service) and return it."""
    from survey_app.extensions import db
    from survey_app.models import Home, Service

    def factory(code="OAK", name="Oak House", service="North and West", rating="good"):
        with app.app_context():
            found = db.session.execute(db.select(Service).filter_by(name=service)).scalar()
            home = Home(
                code=code, name=name, service=found or Service(name=service), ofsted_rating=rating
            )
            db.session.add(home)
            db.session.commit()
            return home.id

    return factory


@pytest.fixture
def make_round(app, make_home, today):
    """Open a round for an audience (default: young people, open today) and return its id."""
    from survey_app.banks import get_banks
    from survey_app.extensions import db
    from survey_app.models import Home
    from survey_app.rounds import open_round

    def factory(audience="young_people", theme=None, home_id=None, opens=None, closes=None):
        with app.app_context():
            home = db.session.get(Home, home_id or make_home())
            banks = get_banks()
            chosen = banks.theme(audience, theme) if theme else banks.themes_for(audience)[0]
            opens = opens or today - timedelta(days=2)
            closes = closes or today + timedelta(days=7)
            return open_round(home, chosen, opens, closes).id

    return factory


@pytest.fixture
def make_codes(app, make_round):
    """Issue `count` invitation codes for a round (a new young-people round by default)."""
    from survey_app.extensions import db
    from survey_app.models import Round
    from survey_app.rounds import issue_invitations

    def factory(count=1, round_id=None, **round_args):
        with app.app_context():
            round_ = db.session.get(Round, round_id or make_round(**round_args))
            return [i.code for i in issue_invitations(round_, count)]

    return factory


def _empty_tables() -> None:
    from survey_app.extensions import db
    from survey_app.models import Base

    tables = [t for t in reversed(Base.metadata.sorted_tables)]
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(table.delete())
    db.session.commit()
