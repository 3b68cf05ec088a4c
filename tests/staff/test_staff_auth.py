"""Signing in and out, throttling, session rotation and expiry, passwords and reset links."""

from __future__ import annotations

from datetime import timedelta

import pytest

from survey_app import clock

EMAIL = "manager@example.org"


@pytest.fixture
def manager(make_home, make_user):
    make_home("OAK", "Oak House")
    return make_user("home_manager", email=EMAIL, homes=("OAK",))


def _session_cookie(client):
    cookie = client.get_cookie("session")
    return cookie.value if cookie else None


def test_a_user_signs_in_and_reaches_the_dashboard(client, manager, sign_in, audit_log):
    """The right password leads to the dashboard; the sign-in is audited."""
    response = sign_in(client, EMAIL)
    assert response.status_code == 302 and response.headers["Location"] == "/staff/"
    assert "Oak House" in client.get("/staff/").get_data(as_text=True)
    assert audit_log()[-1]["action"] == "auth.login"


def test_email_is_matched_whatever_its_case(client, manager, sign_in):
    """People type their address in any case, with spaces around it."""
    assert sign_in(client, "  Manager@Example.ORG ").status_code == 302


def test_unknown_email_and_wrong_password_get_the_same_message(client, manager, sign_in, audit_log):
    """Nobody can learn from the page whether an account exists; both failures are audited."""
    unknown = sign_in(client, "nobody@example.org")
    wrong = sign_in(client, EMAIL, "not the right password")
    assert unknown.status_code == wrong.status_code == 401
    message = "That email and password do not match an account."
    assert message in unknown.get_data(as_text=True) and message in wrong.get_data(as_text=True)
    assert [e["action"] for e in audit_log()].count("auth.login_failed") == 2


def test_failures_are_throttled_per_account(staff_app, manager, sign_in):
    """After the per-account limit even the right password is refused, from any client."""
    app = staff_app(LOGIN_LIMIT_PER_ACCOUNT=3)
    for _ in range(3):
        assert sign_in(app.test_client(), EMAIL, "wrong password!").status_code == 401
    other_client = app.test_client()
    other_client.environ_base["REMOTE_ADDR"] = "10.0.0.9"
    refused = sign_in(other_client, EMAIL)
    assert refused.status_code == 429
    assert "Too many attempts" in refused.get_data(as_text=True)


def test_failures_are_throttled_per_client(staff_app, manager, sign_in):
    """One client trying many accounts is stopped, with the same message for every account."""
    app = staff_app(LOGIN_LIMIT_PER_CLIENT=3)
    client = app.test_client()
    for n in range(3):
        assert sign_in(client, f"guess{n}@example.org").status_code == 401
    assert sign_in(client, EMAIL).status_code == 429
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "10.0.0.7"
    assert sign_in(elsewhere, EMAIL).status_code == 302


def test_signing_in_starts_a_new_session(client, manager, sign_in):
    """The session cookie changes at sign-in and carries nothing from before it."""
    client.get("/staff/login")
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    before = _session_cookie(client)
    sign_in(client, EMAIL)
    assert _session_cookie(client) != before
    with client.session_transaction() as session:
        assert "planted" not in session


def test_signing_out_ends_every_copy_of_the_session(app, client, manager, sign_in):
    """A cookie copied before signing out no longer opens any page."""
    sign_in(client, EMAIL)
    copied = _session_cookie(client)
    assert client.post("/staff/logout").status_code == 302
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/staff/").status_code == 302


def test_idle_sessions_expire(staff_app, manager, sign_in):
    """A session untouched for longer than IDLE_TIMEOUT is signed out; an active one lives on."""
    app = staff_app(PERMANENT_SESSION_LIFETIME=timedelta(minutes=5))
    client = app.test_client()
    sign_in(client, EMAIL)
    with client.session_transaction() as session:
        session["staff_seen"] = clock.now().timestamp() - 4 * 60
    assert client.get("/staff/").status_code == 200  # 4 minutes idle: still fine, and refreshed
    with client.session_transaction() as session:
        session["staff_seen"] = clock.now().timestamp() - 6 * 60
    expired = client.get("/staff/")
    assert expired.status_code == 302 and "/staff/login" in expired.headers["Location"]
    assert client.get("/staff/").status_code == 302  # and it stays signed out
    assert "without activity" in client.get("/staff/login").get_data(as_text=True)


def test_the_idle_timeout_comes_from_the_environment(monkeypatch, make_app):
    """IDLE_TIMEOUT_MINUTES sets the idle limit; 30 minutes when unset."""
    assert make_app().permanent_session_lifetime == timedelta(minutes=30)
    monkeypatch.setenv("IDLE_TIMEOUT_MINUTES", "10")
    assert make_app().permanent_session_lifetime == timedelta(minutes=10)


def test_session_cookie_flags(staff_app, manager, sign_in):
    """The session cookie is HttpOnly and SameSite=Lax, and Secure when served over HTTPS."""
    app = staff_app(SESSION_COOKIE_SECURE=True)
    client = app.test_client()
    response = client.post(
        "/staff/login",
        data={"email": EMAIL, "password": "correct horse battery staple"},
        base_url="https://survey.test",
    )
    header = response.headers["Set-Cookie"]
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Secure" in header


def test_disabled_accounts_cannot_sign_in_and_lose_their_session(
    app, client, manager, sign_in, runner
):
    """Disabling an account ends its open session at once and refuses the next sign-in."""
    sign_in(client, EMAIL)
    assert client.get("/staff/").status_code == 200
    assert runner.invoke(args=["users", "disable", "--email", EMAIL]).exit_code == 0
    assert client.get("/staff/").status_code == 302
    refused = sign_in(app.test_client(), EMAIL)
    assert refused.status_code == 401
    assert "do not match an account" in refused.get_data(as_text=True)


def test_change_password(client, manager, sign_in, app):
    """The current password is checked, the new one must be 12+ characters, and then it works."""
    sign_in(client, EMAIL)
    wrong = client.post(
        "/staff/password",
        data={
            "current_password": "nope",
            "new_password": "a much longer password",
            "repeat": "a much longer password",
        },
    )
    assert wrong.status_code == 422 and "not your current password" in wrong.get_data(as_text=True)
    short = client.post(
        "/staff/password",
        data={
            "current_password": "correct horse battery staple",
            "new_password": "short",
            "repeat": "short",
        },
    )
    assert short.status_code == 422 and "at least 12 characters" in short.get_data(as_text=True)
    done = client.post(
        "/staff/password",
        data={
            "current_password": "correct horse battery staple",
            "new_password": "a much longer password",
            "repeat": "a much longer password",
        },
    )
    assert done.status_code == 302
    assert client.get("/staff/").status_code == 200  # this browser stays signed in
    assert sign_in(app.test_client(), EMAIL).status_code == 401
    assert sign_in(app.test_client(), EMAIL, "a much longer password").status_code == 302


def _reset_link(runner) -> str:
    result = runner.invoke(args=["users", "reset-link", "--email", EMAIL])
    assert result.exit_code == 0, result.output
    return result.output.strip().removeprefix("http://survey.test")


def test_a_reset_link_works_once(client, manager, runner, sign_in, app):
    """The link sets a new password; used again, it is refused."""
    link = _reset_link(runner)
    assert client.get(link).status_code == 200
    new = {"new_password": "brand new password 1", "repeat": "brand new password 1"}
    assert client.post(link, data=new).status_code == 302
    assert sign_in(app.test_client(), EMAIL, "brand new password 1").status_code == 302
    again = client.post(
        link, data={"new_password": "attacker password 2", "repeat": "attacker password 2"}
    )
    assert again.status_code == 410 and "no longer works" in again.get_data(as_text=True)


def test_a_reset_link_expires(client, manager, runner, monkeypatch):
    """After RESET_LINK_HOURS (24) the link is refused."""
    link = _reset_link(runner)
    later = clock.now() + timedelta(hours=25)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert client.get(link).status_code == 410


def test_a_tampered_reset_link_is_refused(client, manager, runner):
    """Changing a character of the token makes it worthless."""
    link = _reset_link(runner)
    tampered = link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB")
    assert client.get(tampered).status_code == 410


def test_sign_in_only_redirects_within_the_staff_pages(client, manager):
    """A next= pointing elsewhere is ignored, so the sign-in page cannot send people away."""
    data = {"email": EMAIL, "password": "correct horse battery staple"}
    response = client.post("/staff/login?next=https://evil.example/", data=data)
    assert response.headers["Location"] == "/staff/"
    client.post("/staff/logout")
    response = client.post("/staff/login?next=/staff/homes/1", data=data)
    assert response.headers["Location"] == "/staff/homes/1"


def test_empty_sign_in_form_is_a_kind_422(client):
    """Blank fields are named, not a crash."""
    response = client.post("/staff/login", data={})
    assert response.status_code == 422
    assert "Enter your email." in response.get_data(as_text=True)
