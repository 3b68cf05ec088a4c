"""Where an action applies (one home, a whole service, or every home) and who may own it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select

from survey_app.actions.errors import ActionError, NotAllowed
from survey_app.extensions import db
from survey_app.ids import parse_id
from survey_app.models import Home, Service, User, user_home
from survey_app.permissions import SCOPE, visible_home_ids, visible_homes

# Roles that can own an action: the people who do the work or see that it is done. Reg 44
# visitors are independent of the homes, and administrators run the system, so neither owns one.
OWNER_ROLES_ALL = ("qa_team", "qpag_chair")


@dataclass(frozen=True)
class Place:
    home_id: int | None = None
    service_id: int | None = None

    @property
    def key(self) -> str:
        if self.home_id:
            return f"home:{self.home_id}"
        return f"service:{self.service_id}" if self.service_id else "all"


def place_of(action) -> Place:
    """Where an action applies now: a home's action is in the home's current service."""
    if action.home_id:
        return Place(action.home_id, action.home.service_id)
    return Place(None, action.service_id)


def parse_place(value: str | None) -> Place | None:
    """A place from a form value: "home:3", "service:2" or "all"; None when it makes no sense."""
    kind, _, number = (value or "").partition(":")
    if kind == "all" and not number:
        return Place()
    if kind not in ("home", "service"):
        return None
    try:
        place_id = parse_id(number)
    except ValueError:
        return None
    return Place(place_id, None) if kind == "home" else Place(None, place_id)


def check_place(place: Place | None, actor: User) -> Place:
    """The place with its service filled in, if the person may raise actions there."""
    if place is None:
        raise ActionError("Choose the home the action is for, or a whole service.")
    scope = SCOPE.get(actor.role)
    if place.home_id:
        if place.home_id not in visible_home_ids(actor):
            raise NotAllowed("You can raise actions only for the homes you cover.")
        return Place(place.home_id, db.session.get(Home, place.home_id).service_id)
    if scope == "all":
        if place.service_id and db.session.get(Service, place.service_id) is None:
            raise ActionError("That service does not exist.")
        return place
    if scope == "service" and place.service_id == actor.service_id:
        return place
    raise NotAllowed("You can raise actions only for the homes or the service you cover.")


def place_choices(actor: User) -> list[tuple[str, str]]:
    """(value, label) for every place the person may raise an action for."""
    choices = [(Place(h.id).key, f"{h.name} ({h.code})") for h in visible_homes(actor)]
    scope = SCOPE.get(actor.role)
    if scope == "all":
        services = db.session.execute(select(Service).order_by(Service.name)).scalars()
        choices += [(Place(None, s.id).key, f"{s.name}: every home") for s in services]
        choices.append((Place().key, "Every home in every service"))
    elif scope == "service" and actor.service:
        choices.append((Place(None, actor.service_id).key, f"{actor.service.name}: every home"))
    return choices


def _owners_stmt(place: Place):
    """Active people whose role covers the place and can own an action."""
    rules = [User.role.in_(OWNER_ROLES_ALL)]
    if place.service_id:
        rules.append(and_(User.role == "service_manager", User.service_id == place.service_id))
    if place.home_id:
        assigned = select(user_home.c.user_id).where(user_home.c.home_id == place.home_id)
        rules.append(and_(User.role == "home_manager", User.id.in_(assigned)))
    return select(User).where(User.active.is_(True), or_(*rules)).order_by(User.name)


def owner_choices(place: Place) -> list[tuple[int, str]]:
    return [
        (u.id, f"{u.name} ({u.role_name})")
        for u in db.session.execute(_owners_stmt(place)).scalars()
    ]


def owner_choices_for(actor: User) -> list[tuple[int, str]]:
    """Everyone who could own an action somewhere the person may raise one."""
    home_ids = visible_home_ids(actor)
    service_ids = select(Home.service_id).where(Home.id.in_(home_ids))
    if SCOPE.get(actor.role) == "service":
        service_ids = select(Service.id).where(Service.id == actor.service_id)
    assigned = select(user_home.c.user_id).where(user_home.c.home_id.in_(home_ids))
    stmt = select(User).where(
        User.active.is_(True),
        or_(
            User.role.in_(OWNER_ROLES_ALL),
            and_(User.role == "service_manager", User.service_id.in_(service_ids)),
            and_(User.role == "home_manager", User.id.in_(assigned)),
        ),
    )
    found = db.session.execute(stmt.order_by(User.name)).scalars()
    return [(u.id, f"{u.name} ({u.role_name})") for u in found]


def eligible_owner(owner_id: int | None, place: Place) -> User:
    """The chosen owner, if their role covers the place; a kind refusal otherwise."""
    if not owner_id:
        raise ActionError("Choose who owns the action.")
    owner = db.session.execute(_owners_stmt(place).where(User.id == owner_id)).scalar()
    if owner is None:
        raise ActionError("Choose an owner who works with that home or service.")
    return owner


def place_name(home: Home | None, service: Service | None) -> str:
    if home is not None:
        return home.name
    return f"{service.name} (every home)" if service is not None else "Every home"
