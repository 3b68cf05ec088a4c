"""Password hashing with argon2id, and the rules a new password must meet."""

from __future__ import annotations

import contextlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

MIN_LENGTH = 12
MAX_LENGTH = 256
# A hash that no password matches: accounts made by an administrator start with it.
UNUSABLE_PREFIX = "!"


def _hasher() -> PasswordHasher:
    config = current_app.config
    return PasswordHasher(
        time_cost=config["ARGON2_TIME_COST"],
        memory_cost=config["ARGON2_MEMORY_KIB"],
        parallelism=config["ARGON2_PARALLELISM"],
    )


def problem_with(password: str) -> str | None:
    """Why a new password is refused, or None when it is fine."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters; a few words together is easy to remember."
    if len(password) > MAX_LENGTH:
        return f"Use at most {MAX_LENGTH} characters."
    return None


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def unusable_hash() -> str:
    return UNUSABLE_PREFIX + secrets.token_urlsafe(24)


def verify(stored: str, password: str) -> bool:
    """Whether the password matches; unusable or damaged hashes match nothing."""
    if stored.startswith(UNUSABLE_PREFIX):
        spend_equal_time(password)
        return False
    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return not stored.startswith(UNUSABLE_PREFIX) and _hasher().check_needs_rehash(stored)


def spend_equal_time(password: str) -> None:
    """Verify against a throwaway hash, so an unknown email takes as long as a wrong password."""
    with contextlib.suppress(VerificationError):
        _hasher().verify(_dummy_hash(), password)


def _dummy_hash() -> str:
    key = "_dummy_password_hash"
    cached = current_app.extensions.get(key)
    if cached is None:
        cached = current_app.extensions[key] = hash_password(secrets.token_urlsafe(16))
    return cached
