"""The migrations are the schema: upgrading gives exactly what the models describe."""

from collections.abc import Iterator

import pytest
from flask_migrate import check
from sqlalchemy import text

from survey_app import create_app
from tests.conftest import throwaway_database


def test_migrations_match_the_models(app):
    """`survey-app db check` finds nothing to generate on a freshly migrated database."""
    with app.app_context():
        check()  # raises (exit) when models and migrations differ


@pytest.fixture
def fresh_database(tmp_path) -> Iterator[str]:
    """An empty database of the kind under test (a new one on the PostgreSQL server)."""
    with throwaway_database("survey_migration", tmp_path / "fresh.sqlite3") as url:
        yield url


def test_upgrading_removes_duplicate_answers_before_keying_them(fresh_database):
    """0008 keeps one row of each answer stored twice, keeps every option of a multiple
    choice, forgets respondent names, and lets home actions follow their home's service."""
    from flask_migrate import upgrade

    from survey_app.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_database, "TESTING": True})
    with app.app_context():
        upgrade(revision="0007_flag_missed")
        with db.engine.begin() as connection:
            for statement in _BEFORE_0008:
                connection.execute(text(statement))
        upgrade()
        with db.engine.connect() as connection:
            answers = connection.execute(
                text("SELECT question_id, choice, value, text FROM answer ORDER BY id")
            ).all()
            columns = connection.execute(text("SELECT * FROM response")).keys()
            action = connection.execute(text("SELECT home_id, service_id FROM action")).one()
        db.engine.dispose()
    assert [tuple(row) for row in answers] == [
        ("safe_here", "", "5", None),
        ("activities", "music", "music", None),
        ("activities", "sport", "sport", None),
        ("open_comment", "", None, "the second copy"),
    ]
    assert "respondent_name" not in columns
    assert tuple(action) == (1, None)


_BEFORE_0008 = [
    "INSERT INTO service (id, name) VALUES (1, 'North'), (2, 'South')",
    "INSERT INTO home (id, code, name, service_id) VALUES (1, 'OAK', 'Oak House', 2)",
    "INSERT INTO survey_round (id, home_id, audience, theme_id, theme_version, presentation,"
    " opens_on, closes_on, created_at) VALUES (1, 1, 'young_people', 't', 1, 'faces',"
    " '2026-01-01', '2026-01-08', '2026-01-01 00:00:00+00')",
    "INSERT INTO invitation (id, round_id, code, created_at)"
    " VALUES (1, 1, 'ABCD2345', '2026-01-01 00:00:00+00')",
    "INSERT INTO response (id, invitation_id, round_id, started_at, updated_at, pages_done,"
    " language, wants_contact, respondent_name) VALUES (1, 1, 1, '2026-01-02 00:00:00+00',"
    " '2026-01-02 00:00:00+00', 1, 'en-GB', false, 'A. Name')",
    "INSERT INTO answer (id, response_id, question_id, value, score, text) VALUES"
    " (1, 1, 'safe_here', '5', 5, NULL), (2, 1, 'safe_here', '5', 5, NULL),"
    " (3, 1, 'activities', 'sport', NULL, NULL), (4, 1, 'activities', 'music', NULL, NULL),"
    " (5, 1, 'activities', 'sport', NULL, NULL),"
    " (6, 1, 'open_comment', NULL, NULL, 'the first copy'),"
    " (7, 1, 'open_comment', NULL, NULL, 'the second copy')",
    "INSERT INTO staff_user (id, email, name, role, password_hash, session_nonce, active,"
    " created_at) VALUES (1, 'a@example.org', 'A', 'qa_team', 'x', 'n', true,"
    " '2026-01-01 00:00:00+00')",
    "INSERT INTO action (id, title, description, source_kind, home_id, service_id, owner_id,"
    " due_on, status, created_at) VALUES (1, 'Fix it', '', 'audit', 1, 1, 1, '2026-02-01',"
    " 'proposed', '2026-01-01 00:00:00+00')",
]
