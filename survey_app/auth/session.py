"""Staff sessions: who is signed in, a fresh session at sign-in, and the idle timeout."""

from __future__ import annotations

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask_login import login_user, logout_user

from survey_app import clock
from survey_app.extensions import db, login_manager
from survey_app.models import User

SEEN_KEY = "staff_seen"


def init_sessions(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to see that page."
    # A session cookie used from a different browser or address is dropped, not trusted.
    login_manager.session_protection = "strong"
    login_manager.user_loader(load_user)
    app.before_request(end_idle_session)


def load_user(session_id: str) -> User | None:
    """The active user whose id and session nonce match the cookie."""
    user_id, _, nonce = session_id.partition(":")
    if not user_id.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_nonce != nonce:
        return None
    return user


def start_session(user: User) -> None:
    """A brand-new session at sign-in: nothing from before it carries over."""
    session.clear()
    login_user(user)
    session.permanent = True
    session[SEEN_KEY] = clock.now().timestamp()


def end_session() -> None:
    logout_user()
    session.clear()


def end_idle_session():
    """Sign out a session idle for longer than the configured lifetime; else note this request."""
    if "_user_id" not in session:
        return None
    seen = session.get(SEEN_KEY)
    idle_limit = current_app.permanent_session_lifetime.total_seconds()
    current = clock.now().timestamp()
    if not isinstance(seen, int | float) or current - seen > idle_limit:
        end_session()
        if request.blueprint in ("staff", "admin", "actions"):
            flash("You were signed out after a while without activity. Please sign in again.")
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return None
    session[SEEN_KEY] = current
    return None
