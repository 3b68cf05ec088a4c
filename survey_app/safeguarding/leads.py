"""A service's safeguarding leads: named people who review every flag at its homes."""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from survey_app import audit
from survey_app.extensions import db
from survey_app.models import Service, User, safeguarding_lead


class LeadError(ValueError):
    """An assignment that cannot be made, in words for the administrator."""


def leads_by_service() -> list[tuple[Service, list[User]]]:
    """Every service with its leads, by name."""
    pairs = db.session.execute(
        select(safeguarding_lead.c.service_id, User)
        .join(User, User.id == safeguarding_lead.c.user_id)
        .order_by(User.name)
    ).all()
    services = db.session.execute(select(Service).order_by(Service.name)).scalars()
    return [(s, [user for sid, user in pairs if sid == s.id]) for s in services]


def candidates() -> list[User]:
    """Active staff who may be made a lead: anyone but an administrator."""
    stmt = select(User).where(User.active, User.role != "admin").order_by(User.name)
    return list(db.session.execute(stmt).scalars())


def add_lead(service: Service, user: User, actor: User | None) -> None:
    if user.role == "admin" or not user.active:
        raise LeadError("A safeguarding lead must be an active account, not an administrator.")
    if _is_lead(service, user):
        raise LeadError(f"{user.name} is already a safeguarding lead for {service.name}.")
    db.session.execute(insert(safeguarding_lead).values(service_id=service.id, user_id=user.id))
    audit.record(
        "safeguarding.lead_added", actor, target=("user", user.id), service=service.name
    )
    db.session.commit()


def remove_lead(service: Service, user: User, actor: User | None) -> None:
    if not _is_lead(service, user):
        raise LeadError(f"{user.name} is not a safeguarding lead for {service.name}.")
    db.session.execute(
        delete(safeguarding_lead).where(
            safeguarding_lead.c.service_id == service.id, safeguarding_lead.c.user_id == user.id
        )
    )
    audit.record(
        "safeguarding.lead_removed", actor, target=("user", user.id), service=service.name
    )
    db.session.commit()


def _is_lead(service: Service, user: User) -> bool:
    stmt = select(safeguarding_lead.c.user_id).where(
        safeguarding_lead.c.service_id == service.id, safeguarding_lead.c.user_id == user.id
    )
    return db.session.execute(stmt).first() is not None
