"""Signing in and out, changing and resetting passwords: each one unit of work, audited."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from survey_app import audit
from survey_app.auth import passwords
from survey_app.clock import now
from survey_app.extensions import db
from survey_app.models import User
from survey_app.models.staff import new_session_nonce
from survey_app.ratelimit import counts, record

LOGIN_WINDOW = timedelta(minutes=15)


class Refusal(enum.Enum):
    """Why a sign-in failed; the page says the same for a wrong email and a wrong password."""

    BAD_CREDENTIALS = 401
    TOO_MANY_TRIES = 429


@dataclass(frozen=True)
class SignIn:
    user: User | None
    refusal: Refusal | None = None


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def find_user(email: str) -> User | None:
    stmt = select(User).where(User.email == normalise_email(email))
    return db.session.execute(stmt).scalar_one_or_none()


def authenticate(email: str, password: str, client: str) -> SignIn:
    """Check the password unless this account or client has failed too often lately."""
    email = normalise_email(email)[:254]
    keys = (f"login:acct:{email}", f"login:ip:{client}")
    limits = (
        current_app.config["LOGIN_LIMIT_PER_ACCOUNT"],
        current_app.config["LOGIN_LIMIT_PER_CLIENT"],
    )
    found = counts(list(keys), LOGIN_WINDOW)
    if any(found.get(key, 0) >= limit for key, limit in zip(keys, limits, strict=True)):
        audit.record("auth.login_throttled", actor_email=email)
        db.session.commit()
        return SignIn(None, Refusal.TOO_MANY_TRIES)
    user = find_user(email)
    if user is None or not user.active:
        passwords.spend_equal_time(password)
    elif passwords.verify(user.password_hash, password):
        return SignIn(_signed_in(user, password))
    for key in keys:
        record(key, LOGIN_WINDOW)
    audit.record(
        "auth.login_failed",
        actor_email=email,
        reason="disabled account" if user is not None else "wrong email or password",
    )
    db.session.commit()
    return SignIn(None, Refusal.BAD_CREDENTIALS)


def _signed_in(user: User, password: str) -> User:
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    user.last_login_at = now()
    audit.record("auth.login", user, target=("user", user.id))
    db.session.commit()
    return user


def sign_out(user: User) -> None:
    """Signing out ends every session of the account, so a copied cookie is useless."""
    user.session_nonce = new_session_nonce()
    audit.record("auth.logout", user, target=("user", user.id))
    db.session.commit()


def change_password(user: User, current: str, new: str) -> str | None:
    """Set a new password after checking the current one; returns the problem, if any."""
    if not passwords.verify(user.password_hash, current):
        return "That is not your current password."
    return _set_password(user, new, "auth.password_changed")


def reset_password(user: User, new: str) -> str | None:
    """Set a password through a reset link; returns the problem, if any."""
    return _set_password(user, new, "auth.password_reset")


def _set_password(user: User, new: str, action: str) -> str | None:
    problem = passwords.problem_with(new)
    if problem:
        return problem
    user.password_hash = passwords.hash_password(new)
    user.session_nonce = new_session_nonce()  # other sessions, and reset links, end here
    audit.record(action, user, target=("user", user.id))
    db.session.commit()
    return None
