"""Schedule fixtures: the staff side's accounts and sign-in, a fixed 'today', the CLI, planning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from survey_app.cli import cli
from tests.staff import conftest as staff

# The staff tests' fixtures, shared: accounts with cheap hashing, signing in, the audit log.
staff_app, app, make_user, sign_in = staff.staff_app, staff.app, staff.make_user, staff.sign_in
audit_log, answer = staff.audit_log, staff.answer


@pytest.fixture
def on_day(monkeypatch):
    """Make the app's 'today' (England's date) a fixed day, as the pages and commands see it."""
    from survey_app import clock

    def set_day(day: date) -> date:
        monkeypatch.setattr(clock, "today", lambda: day)
        return day

    return set_day


@pytest.fixture
def invoke(app):
    """Run `survey-app ARGS` against the test app, as the installed command would."""
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(cli, [str(a) for a in args])


@dataclass
class People:
    """Oak House (North and West) and Beech Cottage (South and East), and one account per role."""

    oak: int
    bee: int
    emails: dict[str, str]
    ids: dict[str, int]


ACCOUNTS = {
    "admin": {},
    "qa_team": {},
    "qpag_chair": {},
    "service_manager": {"service": "North and West"},
    "home_manager": {"homes": ("OAK",)},
    "reg44_visitor": {"homes": ("OAK",)},
    "bee_manager": {"homes": ("BEE",)},
}


@pytest.fixture
def people(make_home, make_user) -> People:
    oak = make_home("OAK", "Oak House", "North and West")
    bee = make_home("BEE", "Beech Cottage", "South and East")
    emails, ids = {}, {}
    for name, setup in ACCOUNTS.items():
        role = "home_manager" if name == "bee_manager" else name
        emails[name] = f"{name}@example.org"
        ids[name] = make_user(
            role, email=emails[name], name=name.replace("_", " ").title(), **setup
        )
    return People(oak, bee, emails, ids)


@pytest.fixture
def signed_in(app, people, sign_in):
    """A test client signed in as one of the people."""

    def client_for(name: str):
        client = app.test_client()
        assert sign_in(client, people.emails[name]).status_code == 302
        return client

    return client_for


@pytest.fixture
def in_app(app):
    """Run a function inside the app (for reading the database); return what it returns."""

    def run(function, *args):
        with app.app_context():
            return function(*args)

    return run


@pytest.fixture
def plan(signed_in, people, in_app):
    """Plan monthly visits at a home through the QA team's form; returns the visits' ids."""

    def planned(first: date, count: int = 1, home: str = "oak", visitor: bool = True) -> list[int]:
        home_id = getattr(people, home)
        data = {
            "visit_date": first.isoformat(),
            "visitor": people.ids["reg44_visitor"] if visitor and home == "oak" else 0,
            "count": count,
        }
        response = signed_in("qa_team").post(f"/staff/schedule/homes/{home_id}/visits", data=data)
        assert response.status_code == 303, response.get_data(as_text=True)
        return in_app(visit_ids, home_id)[-count:]

    return planned


def visit_ids(home_id: int) -> list[int]:
    from survey_app.extensions import db
    from survey_app.models import Visit

    stmt = db.select(Visit.id).where(Visit.home_id == home_id).order_by(Visit.visit_date)
    return list(db.session.execute(stmt).scalars())
