"""Demo staff: one account per role, with a password printed by `survey-app demo` only."""

from __future__ import annotations

from sqlalchemy import func, select

from survey_app.auth.passwords import hash_password
from survey_app.extensions import db
from survey_app.models import Home, Service, User, safeguarding_lead

DEMO_PASSWORD = "demo-password-change-me"  # noqa: S105 (the demo's documented password)
# email, name, role, home codes, service name
DEMO_USERS = (
    ("admin@demo.example", "Alex Admin", "admin", (), None),
    ("qa@demo.example", "Quinn QA", "qa_team", (), None),
    ("service.manager@demo.example", "Sam Service", "service_manager", (), "North and West"),
    ("oak.manager@demo.example", "Morgan Oak", "home_manager", ("OAK",), None),
    ("visitor@demo.example", "Pat Morgan", "reg44_visitor", ("OAK", "WIL"), None),
    ("qpag.chair@demo.example", "Chris Chair", "qpag_chair", (), None),
)
DEMO_SAFEGUARDING_LEAD = ("qa@demo.example", "North and West")


def seed_demo_staff() -> list[str]:
    """Create the demo accounts once (only while there are no accounts); returns their emails."""
    if db.session.execute(select(func.count(User.id))).scalar():
        return []
    homes = {h.code: h for h in db.session.execute(select(Home)).scalars()}
    services = {s.name: s for s in db.session.execute(select(Service)).scalars()}
    password_hash = hash_password(DEMO_PASSWORD)
    for email, name, role, codes, service in DEMO_USERS:
        user = User(
            email=email,
            name=name,
            role=role,
            password_hash=password_hash,
            homes=[homes[c] for c in codes if c in homes],
            service=services.get(service),
        )
        db.session.add(user)
        if role == "home_manager":
            for code in codes:
                if code in homes:
                    homes[code].registered_manager = user
    _demo_lead(services)
    db.session.commit()
    return [row[0] for row in DEMO_USERS]


def _demo_lead(services: dict[str, Service]) -> None:
    email, service_name = DEMO_SAFEGUARDING_LEAD
    service = services.get(service_name)
    if service is None:
        return
    db.session.flush()
    user = db.session.execute(select(User).filter_by(email=email)).scalar_one()
    db.session.execute(safeguarding_lead.insert().values(user_id=user.id, service_id=service.id))
