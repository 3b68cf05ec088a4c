"""Safeguarding fixtures: the staff world, with Oak's registered manager and a service lead."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

# The staff fixtures by name (app, world, make_user, smtp_server, staff_app, audit_log …).
from tests.staff.conftest import *  # noqa: F403 (pytest finds fixtures by their names)
from tests.staff.conftest import PASSWORD, World

LEAD_EMAIL = "lead@example.org"
DISCLOSURE = "some older lads make me take stuff to places"


@dataclass
class Safeguarding:
    world: World
    lead: int
    registered_manager: int


@pytest.fixture
def sg(app, world, make_user) -> Safeguarding:
    """Oak's home manager is its registered manager; a QA person leads North and West."""
    from survey_app.extensions import db
    from survey_app.models import Home, Service, User
    from survey_app.safeguarding.leads import add_lead

    lead = make_user("qa_team", email=LEAD_EMAIL, name="Lee Lead")
    with app.app_context():
        manager = db.session.execute(
            db.select(User).filter_by(email=world.emails["home_manager"])
        ).scalar_one()
        db.session.get(Home, world.oak_home).registered_manager = manager
        db.session.commit()
        service = db.session.execute(db.select(Service).filter_by(name="North and West")).scalar()
        add_lead(service, db.session.get(User, lead), None)
        return Safeguarding(world, lead, manager.id)


@pytest.fixture
def signed_in(app, sg):
    """A client signed in as one of the world's roles, or by email."""

    def factory(role_or_email: str, on_app=None):
        client = (on_app or app).test_client()
        email = sg.world.emails.get(role_or_email, role_or_email)
        response = client.post("/staff/login", data={"email": email, "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)[:300]
        return client

    return factory


PAGE = re.compile(r'action="(/r/\w+/p/(\d+))"')


def respond(client, code: str, comment: str | None = None, safe: str = "4", extra=None):
    """A young person's whole survey over HTTP; returns the final redirect's location."""
    from tests.respond.helpers import fields_on, start

    url = start(client, code)
    while True:
        html = client.get(url).get_data(as_text=True)
        data = {"nav": "next"}
        for name, values in fields_on(html).items():
            if name == "wants_contact":
                continue
            if not values:
                data[name] = comment or ""
            elif name in ("safe_here", "pro_children_safe"):
                data[name] = safe
            else:
                data[name] = values[0]
        final = "Send my answers" in html
        if final and extra:
            data.update(extra)
        response = client.post(url, data=data)
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        if final:
            return response.location
        url = response.location


def flags_of(app) -> list:
    """Every flag, oldest first, detached from any session."""
    from survey_app.extensions import db
    from survey_app.models import Flag

    with app.app_context():
        found = list(db.session.execute(db.select(Flag).order_by(Flag.id)).scalars())
        db.session.expunge_all()
        return found


def codes_for(app, round_id: int, count: int = 1) -> list[str]:
    from survey_app.extensions import db
    from survey_app.models import Round
    from survey_app.rounds import issue_invitations

    with app.app_context():
        return [i.code for i in issue_invitations(db.session.get(Round, round_id), count)]


def final_page(app, code: str) -> str:
    """The URL of the last page (the open question) of this code's survey."""
    from survey_app.banks import get_banks
    from survey_app.extensions import db
    from survey_app.models import Invitation
    from survey_app.respond.survey import survey_for

    with app.app_context():
        invitation = db.session.execute(db.select(Invitation).filter_by(code=code)).scalar_one()
        return f"/r/{code}/p/{len(survey_for(invitation.round, get_banks()).pages)}"
