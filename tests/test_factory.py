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


def test_behind_a_proxy_each_client_is_counted_separately(make_app):
    """With TRUSTED_PROXIES=1, code guessing is limited per phone, not per proxy."""
    app = make_app(TRUSTED_PROXIES=1, CODE_GUESS_LIMIT_PER_CLIENT=2)
    client = app.test_client()
    for _ in range(2):
        client.get("/r/AAAA3333", headers={"X-Forwarded-For": "203.0.113.9"})
    assert client.get("/r/AAAA3333", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 429
    other = client.get("/r/AAAA3333", headers={"X-Forwarded-For": "198.51.100.7"})
    assert other.status_code == 404
