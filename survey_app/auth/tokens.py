"""Password reset links: signed, expiring, and dead once the password has changed."""

from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadData, TimestampSigner, URLSafeTimedSerializer

from survey_app import clock
from survey_app.extensions import db
from survey_app.models import User

SALT = "password-reset"


class _ClockSigner(TimestampSigner):
    """Timestamps from survey_app.clock, so expiry follows the service's one clock."""

    def get_timestamp(self) -> int:
        return int(clock.now().timestamp())


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT, signer=_ClockSigner)


def _fingerprint(user: User) -> str:
    # Bound to the current hash and session nonce: setting a password (with the link or
    # otherwise) changes both, so a link works once.
    material = f"{user.password_hash}:{user.session_nonce}".encode()
    return hashlib.sha256(material).hexdigest()[:24]


def make_reset_token(user: User) -> str:
    return _serializer().dumps([user.id, _fingerprint(user)])


def user_for_reset_token(token: str) -> User | None:
    """The active user a still-valid, unused token was made for, else None."""
    max_age = current_app.config["RESET_LINK_HOURS"] * 3600
    try:
        user_id, fingerprint = _serializer().loads(token, max_age=max_age)
    except (BadData, TypeError, ValueError):
        return None
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or not user.active or _fingerprint(user) != fingerprint:
        return None
    return user
