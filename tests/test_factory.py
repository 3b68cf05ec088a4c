"""The application factory and the health check."""

from survey_app import create_app


def test_config_overrides_are_applied(migrated):
    """Test config passed to the factory wins over the environment's defaults."""
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": migrated, "BASE_URL": "https://x"}
    )
    assert app.testing
    assert app.config["BASE_URL"] == "https://x"


def test_healthz_answers_when_database_is_up(client):
    """GET /healthz is 200 with the database reachable."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_healthz_reports_a_dead_database(make_app, tmp_path):
    """With the database unreachable, /healthz says so with 503 instead of crashing."""
    app = make_app(SQLALCHEMY_DATABASE_URI="postgresql+psycopg://nobody@127.0.0.1:1/none")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
