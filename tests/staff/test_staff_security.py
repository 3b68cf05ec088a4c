"""CSRF on staff forms, security headers on every response, and an append-only audit log."""

from __future__ import annotations

from pathlib import Path

import pytest

from survey_app.permissions import markdown_table


def test_a_post_without_a_csrf_token_is_refused(staff_app, world):
    """With CSRF on (as in production), signing in or issuing codes without the token fails."""
    app = staff_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    refused = client.post(
        "/staff/login",
        data={"email": "admin@example.org", "password": "correct horse battery staple"},
    )
    assert refused.status_code == 400
    assert client.get("/staff/").status_code == 302  # still signed out


def test_a_post_with_the_token_is_accepted(staff_app, world):
    """The same sign-in with the page's token works, so the refusal above is the token's doing."""
    app = staff_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    accepted = client.post(
        "/staff/login",
        data={
            "email": "admin@example.org",
            "csrf_token": token,
            "password": "correct horse battery staple",
        },
    )
    assert accepted.status_code == 302
    assert client.post("/staff/logout").status_code == 400  # the sign-out form needs it too


@pytest.mark.parametrize(
    "path", ["/staff/login", "/staff/", "/staff/admin/users", "/staff/nothing"]
)
def test_security_headers_are_on_staff_responses(as_role, world, path):
    """A strict CSP without inline script, no framing, no sniffing, no referrer, no caching."""
    response = as_role("admin").get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP in this test


def test_hsts_is_sent_behind_https(make_app):
    """When BASE_URL is https (a TLS-terminating proxy in front), HSTS is on every response."""
    app = make_app(BASE_URL="https://voice.example.gov.uk")
    for path in ("/staff/login", "/"):
        assert "max-age=" in app.test_client().get(path).headers["Strict-Transport-Security"]


def test_no_staff_page_carries_inline_script(as_role, world):
    """The pages work under the CSP: no <script> blocks, no on* handlers."""
    client = as_role("home_manager")
    for path in (
        "/staff/",
        f"/staff/rounds/{world.oak_round}",
        f"/staff/rounds/{world.oak_round}/codes",
    ):
        page = client.get(path).get_data(as_text=True)
        assert "<script" not in page and " onclick=" not in page


def test_audit_events_cannot_be_changed_or_deleted(app, as_role, world):
    """Code that tries to edit or delete an audit row is stopped."""
    from survey_app.extensions import db
    from survey_app.models import AuditEvent, AuditLogIsAppendOnly

    as_role("admin")
    with app.app_context():
        event = db.session.execute(db.select(AuditEvent)).scalars().first()
        event.action = "nothing happened"
        with pytest.raises(AuditLogIsAppendOnly):
            db.session.commit()
        db.session.rollback()
        db.session.delete(db.session.merge(event))
        with pytest.raises(AuditLogIsAppendOnly):
            db.session.commit()


def test_the_readme_shows_the_permission_table():
    """The README's permission table is the one the code enforces."""
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    assert markdown_table() in readme
