"""Homes and services as units of work for administrators, each change audited."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from survey_app import audit
from survey_app.extensions import db
from survey_app.models import OFSTED_RATINGS, Home, Service, User


class AdminError(ValueError):
    """Why a home or service cannot be saved, in words for the administrator."""


def services() -> list[Service]:
    return list(db.session.execute(select(Service).order_by(Service.name)).scalars())


def homes() -> list[Home]:
    return list(db.session.execute(select(Home).order_by(Home.code)).scalars())


def home_managers() -> list[User]:
    stmt = select(User).where(User.role == "home_manager", User.active).order_by(User.name)
    return list(db.session.execute(stmt).scalars())


def save_home(home: Home | None, values: dict, actor: User) -> Home:
    """Create (home is None) or change a home; the code is kept upper-case and unique."""
    code = values["code"].strip().upper()
    clash = db.session.execute(select(Home).where(Home.code == code)).scalar()
    if clash is not None and clash is not home:
        raise AdminError(f"Another home already has the code {code}.")
    if values["ofsted_rating"] not in ("", *OFSTED_RATINGS):
        raise AdminError("Choose an Ofsted rating from the list.")
    service = _required(Service, values["service_id"], "service")
    manager = _manager(values["registered_manager_id"])
    before = _home_facts(home) if home else None
    if home is None:
        home = Home(service=service)
        db.session.add(home)
    home.code, home.name, home.service, home.registered_manager = (
        code,
        values["name"].strip(),
        service,
        manager,
    )
    home.ofsted_rating = values["ofsted_rating"] or None
    home.ofsted_inspected_on = values["ofsted_inspected_on"]
    db.session.flush()
    action = "home.created" if before is None else "home.updated"
    audit.record(
        action,
        actor,
        target=("home", home.id),
        home_id=home.id,
        before=before,
        after=_home_facts(home),
    )
    db.session.commit()
    return home


def save_service(service: Service | None, name: str, actor: User) -> Service:
    name = name.strip()
    clash = db.session.execute(select(Service).where(Service.name == name)).scalar()
    if clash is not None and clash is not service:
        raise AdminError(f"A service called {name} already exists.")
    before = service.name if service else None
    service = service or Service()
    db.session.add(service)
    service.name = name
    db.session.flush()
    audit.record(
        "service.created" if before is None else "service.updated",
        actor,
        target=("service", service.id),
        before=before,
        after=name,
    )
    db.session.commit()
    return service


def _required(model, key: int | None, what: str):
    found = db.session.get(model, key) if key else None
    if found is None:
        raise AdminError(f"Choose a {what} from the list.")
    return found


def _manager(user_id: int | None) -> User | None:
    if not user_id:
        return None
    user = db.session.get(User, user_id)
    if user is None or user.role != "home_manager":
        raise AdminError("The registered manager must be a home manager's account.")
    return user


def _home_facts(home: Home) -> dict:
    inspected: date | None = home.ofsted_inspected_on
    return {
        "code": home.code,
        "name": home.name,
        "service": home.service.name if home.service else None,
        "registered_manager": home.registered_manager.email if home.registered_manager else None,
        "ofsted_rating": home.ofsted_rating,
        "ofsted_inspected_on": inspected.isoformat() if inspected else None,
    }
