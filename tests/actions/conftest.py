"""Action fixtures: the staff world (one user per role, Oak House and Beech Cottage), a Reg 44
visit with findings at each home, and helpers to propose and move actions over HTTP."""

# The staff fixtures imported below are used as fixture parameters, which ruff reads as
# redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest

# The staff fixtures (accounts per role, signing in through the real form, the two-home world).
from tests.staff.conftest import (  # noqa: F401
    FAST_HASH,
    answer,
    app,
    as_role,
    audit_log,
    make_user,
    sign_in,
    staff_app,
    world,
)

FINDINGS = (
    ("good", "Young people spoke warmly about their key workers."),
    ("adverse", "Young people said the meals are the same every week."),
)


@pytest.fixture
def make_visit(app, today):
    """A Reg 44 visit some days ago at a home, with findings; returns its id."""
    from survey_app.extensions import db
    from survey_app.models import Visit, VisitFinding

    def factory(home_id, days_ago=5, findings=FINDINGS):
        with app.app_context():
            day = today - timedelta(days=days_ago)
            visit = Visit(home_id=home_id, visit_date=day, done_on=day, visitor_name="Pat")
            for kind, text in findings:
                visit.findings.append(VisitFinding(kind=kind, text=text))
            db.session.add(visit)
            db.session.commit()
            return visit.id

    return factory


@pytest.fixture
def oak_visit(world, make_visit):
    return make_visit(world.oak_home)


@pytest.fixture
def bee_visit(world, make_visit):
    return make_visit(world.bee_home)


@pytest.fixture
def user_id(app, world):
    """The id of the world's account for a role."""
    from survey_app.extensions import db
    from survey_app.models import User

    def find(role):
        with app.app_context():
            stmt = db.select(User.id).filter_by(email=world.emails[role])
            return db.session.execute(stmt).scalar_one()

    return find


@pytest.fixture
def propose_on_plan(user_id, today):
    """POST an action on a visit's action plan as the given client; returns the new id."""

    def propose(client, visit_id, title, due_in=30, owner_role="home_manager", **extra):
        data = {
            "title": title,
            "description": f"{title}, with young people.",
            "owner": str(user_id(owner_role)),
            "due_on": (today + timedelta(days=due_in)).isoformat(),
            "finding": "0",
            **extra,
        }
        response = client.post(f"/staff/visits/{visit_id}/action-plan", data=data)
        assert response.status_code == 303, response.get_data(as_text=True)
        page = client.get(f"/staff/visits/{visit_id}/action-plan").get_data(as_text=True)
        shown = re.escape(html.escape(title, quote=False))
        ids = re.findall(r'href="/staff/actions/(\d+)">' + shown + "<", page)
        return int(ids[-1])

    return propose


@pytest.fixture
def move(world):
    """POST a status move on an action's page."""

    def post(client, action_id, to, note=""):
        return client.post(f"/staff/actions/{action_id}/move", data={"to": to, "note": note})

    return post


@pytest.fixture
def invoke(app):
    """Run `survey-app ARGS` against the test app, as the installed command would."""
    from survey_app.cli import cli

    runner = app.test_cli_runner()

    def run(*args):
        return runner.invoke(cli, list(args))

    return run


@pytest.fixture
def action_row(app):
    """Read an action back through the model, for checks a page would not show in full."""
    from survey_app.extensions import db
    from survey_app.models import Action

    def read(action_id):
        with app.app_context():
            action = db.session.get(Action, action_id)
            db.session.expunge(action)
            return action

    return read


@pytest.fixture
def travel(monkeypatch):
    """Set the service's clock to noon in England on a given day (until the test ends)."""
    from datetime import datetime, time

    from survey_app import clock

    def to(day):
        moment = datetime.combine(day, time(12), tzinfo=clock.LONDON)
        monkeypatch.setattr(clock, "now", lambda: moment)
        monkeypatch.setattr(clock, "today", lambda: day)

    return to
