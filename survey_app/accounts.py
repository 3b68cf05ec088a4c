"""Staff accounts as units of work: create, change, disable, list; for admin pages and CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import func, select

from survey_app import audit
from survey_app.auth import passwords
from survey_app.auth.service import find_user, normalise_email
from survey_app.auth.tokens import make_reset_token
from survey_app.extensions import db
from survey_app.models import ROLES, Home, Service, User
from survey_app.models.staff import new_session_nonce
from survey_app.permissions import SCOPE

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class AccountError(ValueError):
    """Why an account cannot be made or changed, in words for the person asking."""


@dataclass
class AccountDetails:
    email: str
    name: str
    role: str
    home_ids: list[int] = field(default_factory=list)
    service_id: int | None = None


def _checked(details: AccountDetails) -> tuple[list[Home], Service | None]:
    """The homes and service the role needs, or AccountError saying what is missing."""
    if not EMAIL.match(details.email) or len(details.email) > 254:
        raise AccountError(f"{details.email!r} is not an email address.")
    if not details.name.strip():
        raise AccountError("Give the person's name.")
    if details.role not in ROLES:
        raise AccountError(f"Unknown role {details.role!r}; choose one of: {', '.join(ROLES)}.")
    homes = [db.session.get(Home, hid) for hid in details.home_ids]
    service = db.session.get(Service, details.service_id) if details.service_id else None
    scope = SCOPE[details.role]
    if scope == "homes" and not homes:
        raise AccountError(f"A {details.role} needs at least one home.")
    if scope == "service" and service is None:
        raise AccountError(f"A {details.role} needs a service.")
    if None in homes:
        raise AccountError("One of the homes does not exist.")
    # Only the role's own kind of assignment is kept, so nothing widens access by accident.
    return (homes if scope == "homes" else []), (service if scope == "service" else None)


def create_user(details: AccountDetails, password: str | None, actor: User | None) -> User:
    """A new account; with no password it can be used only through a reset link."""
    details.email = normalise_email(details.email)
    homes, service = _checked(details)
    if find_user(details.email) is not None:
        raise AccountError(f"An account for {details.email} already exists.")
    if password is not None and (problem := passwords.problem_with(password)):
        raise AccountError(problem)
    user = User(
        email=details.email,
        name=details.name.strip(),
        role=details.role,
        homes=homes,
        service=service,
        password_hash=passwords.hash_password(password)
        if password is not None
        else passwords.unusable_hash(),
    )
    db.session.add(user)
    db.session.flush()
    audit.record(
        "user.created",
        actor,
        target=("user", user.id),
        email=user.email,
        role=user.role,
        homes=[h.code for h in homes],
        service=service.name if service else None,
    )
    db.session.commit()
    return user


def update_user(user: User, details: AccountDetails, actor: User) -> None:
    """Change name, role and assignments; a change of access ends the user's sessions."""
    details.email = user.email
    homes, service = _checked(details)
    if user.role == "admin" and details.role != "admin" and _active_admins() == 1:
        raise AccountError("This is the last administrator; make another one first.")
    before = _access(user)
    user.name, user.role, user.homes, user.service = (
        details.name.strip(),
        details.role,
        homes,
        service,
    )
    after = _access(user)
    if before != after:
        user.session_nonce = new_session_nonce()
    audit.record(
        "user.updated",
        actor,
        target=("user", user.id),
        email=user.email,
        before=before,
        after=after,
    )
    db.session.commit()


def set_active(user: User, active: bool, actor: User | None) -> None:
    if actor is not None and user.id == actor.id and not active:
        raise AccountError("You cannot disable your own account.")
    user.active = active
    user.session_nonce = new_session_nonce()
    audit.record(
        "user.enabled" if active else "user.disabled",
        actor,
        target=("user", user.id),
        email=user.email,
    )
    db.session.commit()


def reset_link(user: User, actor: User | None) -> str:
    """A single-use link to set a password; issuing it is audited, the link itself is not kept."""
    if not user.active:
        raise AccountError(f"{user.email} is disabled; enable the account first.")
    audit.record("user.reset_link_issued", actor, target=("user", user.id), email=user.email)
    db.session.commit()
    return f"{current_app.config['BASE_URL']}/staff/reset/{make_reset_token(user)}"


def all_users() -> list[User]:
    return list(db.session.execute(select(User).order_by(User.email)).scalars())


def _active_admins() -> int:
    stmt = select(func.count(User.id)).where(User.role == "admin", User.active)
    return db.session.execute(stmt).scalar() or 0


def _access(user: User) -> dict:
    return {
        "role": user.role,
        "homes": sorted(h.code for h in user.homes),
        "service": user.service.name if user.service else None,
    }
