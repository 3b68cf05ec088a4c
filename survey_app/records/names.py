"""The names the service holds, as plain data, so `analysis` can keep them out of quotes."""

from __future__ import annotations

from sqlalchemy import select, union

from analysis import KnownNames
from survey_app.extensions import db
from survey_app.models import Home, Response, Service, User, Visit


def known_names() -> KnownNames:
    """Staff, visitors and people who gave their name in a survey; homes and services."""
    people = union(
        select(User.name),
        select(Visit.visitor_name),
        select(Response.contact_name),
    )
    places = union(select(Home.name), select(Service.name))
    return KnownNames(people=_names(people), places=_names(places))


def _names(query) -> tuple[str, ...]:
    found = db.session.execute(query).scalars()
    return tuple(sorted({name.strip() for name in found if name and name.strip()}))
