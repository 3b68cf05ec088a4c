"""Staff fixtures: accounts per role, signing in through the real form, two homes to compare."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

PASSWORD = "correct horse battery staple"


# The same algorithm (argon2id) at a cost fit for tests that sign in hundreds of times.
FAST_HASH = {"ARGON2_TIME_COST": 1, "ARGON2_MEMORY_KIB": 64, "ARGON2_PARALLELISM": 1}


@pytest.fixture
def staff_app(make_app):
    """make_app with cheap password hashing."""
    return lambda **overrides: make_app(**{**FAST_HASH, **overrides})


@pytest.fixture
def app(staff_app):
    return staff_app()


@pytest.fixture
def make_user(app):
    """Create an account through the public accounts API and return its id."""
    from survey_app.accounts import AccountDetails, create_user
    from survey_app.extensions import db
    from survey_app.models import Home, Service

    def factory(role, email=None, homes=(), service=None, password=PASSWORD, name="Test Person"):
        with app.app_context():
            home_ids = [
                db.session.execute(db.select(Home.id).filter_by(code=c)).scalar_one() for c in homes
            ]
            service_id = (
                db.session.execute(db.select(Service.id).filter_by(name=service)).scalar_one()
                if service
                else None
            )
            details = AccountDetails(
                email or f"{role}@example.org", name, role, home_ids, service_id
            )
            return create_user(details, password, actor=None).id

    return factory


def _sign_in(client, email, password=PASSWORD):
    return client.post("/staff/login", data={"email": email, "password": password})


@pytest.fixture
def sign_in():
    """Sign in through the login form, as a person would."""
    return _sign_in


@dataclass
class World:
    """Two homes in two services, a young people's round at each, and one user per role."""

    oak_home: int
    bee_home: int
    oak_round: int
    bee_round: int
    oak_pro_round: int
    bee_pro_round: int
    emails: dict
    qa_user: int
    service: int


ROLE_SETUP = {
    "admin": {},
    "qa_team": {},
    "qpag_chair": {},
    "service_manager": {"service": "North and West"},
    "home_manager": {"homes": ("OAK",)},
    "reg44_visitor": {"homes": ("OAK",)},
}


@pytest.fixture
def world(app, make_home, make_round, make_codes, make_user) -> World:
    oak = make_home("OAK", "Oak House", "North and West")
    bee = make_home("BEE", "Beech Cottage", "South and East")
    oak_round, bee_round = make_round(home_id=oak), make_round(home_id=bee)
    make_codes(3, round_id=oak_round)
    make_codes(3, round_id=bee_round)
    emails, ids = {}, {}
    for role, setup in ROLE_SETUP.items():
        emails[role] = f"{role}@example.org"
        ids[role] = make_user(role, **setup)
    with app.app_context():
        from survey_app.extensions import db
        from survey_app.models import Home

        bee_service = db.session.get(Home, bee).service_id
    return World(
        oak,
        bee,
        oak_round,
        bee_round,
        make_round("professionals", home_id=oak),
        make_round("professionals", home_id=bee),
        emails,
        ids["qa_team"],
        bee_service,
    )


@pytest.fixture
def as_role(app, world):
    """A test client signed in as the given role."""

    def factory(role):
        client = app.test_client()
        response = _sign_in(client, world.emails[role])
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return factory


@pytest.fixture
def audit_log(app):
    """The audit log's rows, oldest first."""
    from survey_app.audit import audit_rows

    def read() -> list[dict]:
        with app.app_context():
            return list(reversed(list(audit_rows())))

    return read


@pytest.fixture
def answer(app):
    """Submit a full response for each code, through the respondent service; returns nothing."""
    from survey_app.banks import get_banks
    from survey_app.respond import service
    from survey_app.respond.survey import survey_for

    def submit(codes, comment=None, scale_value="4"):
        with app.app_context():
            for code in codes:
                invitation, response = service.find(code)
                response = service.start(invitation, response, "en-GB")
                survey = survey_for(invitation.round, get_banks())
                data = {}
                for q in survey.questions:
                    if q.kind == "text":
                        data[q.id] = comment
                    else:
                        values = [o.value for o in q.options]
                        data[q.id] = scale_value if scale_value in values else values[0]
                        if q.kind == "multiple":
                            data[q.id] = [values[0]]
                extras = {"wants_contact": False, "contact_name": None}
                if invitation.round.audience != "young_people":
                    extras = {}
                service.submit(
                    invitation, response, survey, survey.questions, data, extras, "en-GB"
                )

    return submit


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on loopback; yields its URL and the messages it received."""
    import email
    import email.policy
    import socket

    from aiosmtpd.controller import Controller

    received: list = []

    class Keep:
        async def handle_DATA(self, server, session, envelope):
            received.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
            return "250 Message accepted"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield f"smtp://127.0.0.1:{port}", received
    finally:
        controller.stop()
