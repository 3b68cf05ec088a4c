"""Fuzzing every route: malformed ids, NUL bytes, invalid UTF-8, big bodies, wrong methods and
unknown options, anonymously and as every staff role. Nothing may answer 5xx.

The values are drawn from a seeded generator, so a failure is repeated exactly by running the
test again; the sample per route and role keeps the test to a few seconds per database.
"""

# The staff fixtures imported below are used as fixture parameters, which ruff reads as
# redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import random
import re
from urllib.parse import quote

import pytest
from werkzeug.routing import IntegerConverter, Rule

from tests.staff.conftest import app, staff_app  # noqa: F401

SEED = 13
HUGE_IDS = ("2147483648", "9223372036854775808", "99999999999999999999999999", "0", "-1")
# Already percent-encoded, so invalid UTF-8 and NUL reach the server as raw bytes.
BAD_VALUES = (
    "%00",
    "a%00b",
    "%FF%FE",
    "%C3%28",
    "2147483648",
    "9223372036854775808",
    "-1",
    "9999-12-31",
    "0000-00-00",
    "%C2%B2",
    "csv",
    "xlsx",
    "nope",
    "",
    "x" * 300,
)
QUERY_NAMES = (
    "home", "page", "format", "since", "until", "action", "actor", "show", "status", "week",
    "month", "visit_date", "lang", "text", "next", "round", "meeting", "dip", "service",
)  # fmt: skip
WRONG_METHODS = ("PUT", "DELETE", "PATCH", "POST", "GET")
BIG_BODY = 300 * 1024
FIELD_NAME = re.compile(r'name="([^"]+)"')
OPTION_VALUE = re.compile(r'<option[^>]*value="([^"]*)"')


@pytest.fixture
def demo(app):
    """The demo's homes, rounds, answers, visits, actions, flags and one account per role."""
    from survey_app import clock
    from survey_app.actions.demo import seed_demo_actions
    from survey_app.banks import get_banks
    from survey_app.demo import seed_demo
    from survey_app.demo_schedule import seed_demo_schedule
    from survey_app.demo_staff import DEMO_PASSWORD, DEMO_USERS, seed_demo_staff
    from survey_app.extensions import db
    from survey_app.models import Invitation

    with app.app_context():
        seed_demo(get_banks(), clock.today())
        seed_demo_staff()
        seed_demo_actions(clock.today())
        seed_demo_schedule(clock.today())
        codes = list(db.session.execute(db.select(Invitation.code).limit(3)).scalars())
    return {"password": DEMO_PASSWORD, "users": DEMO_USERS, "codes": codes}


def _clients(app, demo) -> dict:
    clients = {"anonymous": app.test_client()}
    for email, _name, role, _homes, _service in demo["users"]:
        client = app.test_client()
        signed_in = client.post("/staff/login", data={"email": email, "password": demo["password"]})
        assert signed_in.status_code == 302, role
        clients[role] = client
    return clients


def _rules(app) -> list[Rule]:
    # Signing out last, so the other routes are still tried signed in.
    rules = sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint == "auth.logout", r.rule))
    return rules


def _path(rule: Rule, rng: random.Random, demo, malformed: bool) -> str:
    """The rule's URL with each variable filled, plausibly or with something malformed."""
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, IntegerConverter):
            values[name] = rng.choice(HUGE_IDS) if malformed else str(rng.randint(1, 4))
        elif malformed:
            values[name] = rng.choice(("%00", "%FF", "A%00B", "x" * 200, "%C2%B2"))
        else:
            values[name] = rng.choice(demo["codes"] + ["app.css", "NOPE2345"])
    path = rule.rule
    for name, value in values.items():
        path = re.sub(rf"<(?:[^:>]+:)?{name}>", value, path)
    return path


def _query(rng: random.Random) -> str:
    names = rng.sample(QUERY_NAMES, 4)
    return "&".join(f"{name}={rng.choice(BAD_VALUES)}" for name in names)


def _form_fields(client, path: str) -> dict[str, list[str]]:
    """The names of a page's form fields and the options its selects offer."""
    page = client.get(path)
    if page.status_code != 200 or page.mimetype != "text/html":
        return {}
    html = page.get_data(as_text=True)
    fields = {name: [] for name in FIELD_NAME.findall(html) if name != "csrf_token"}
    options = OPTION_VALUE.findall(html)
    return {name: options for name in fields}


def _bad_form(fields: dict, rng: random.Random) -> bytes:
    """A urlencoded body: every known field malformed, an unknown option or a bad value."""
    parts = []
    for name in fields or {"x": []}:
        value = rng.choice(BAD_VALUES + ("999999", "2147483648"))
        parts.append(f"{quote(name)}={value}")
    return "&".join(parts).encode("latin-1")


def _requests(rule: Rule, rng: random.Random, client, demo):
    """(method, url, body) tuples to try for one rule and one client."""
    methods = rule.methods - {"HEAD", "OPTIONS"}
    plausible = _path(rule, rng, demo, malformed=False)
    malformed = f"{_path(rule, rng, demo, malformed=True)}?{_query(rng)}"
    yield "GET" if "GET" in methods else "POST", malformed, b""
    yield rng.choice([m for m in WRONG_METHODS if m not in methods]), plausible, b""
    if "POST" in methods:
        fields = _form_fields(client, plausible) if "GET" in methods else {}
        yield "POST", f"{plausible}?{_query(rng)}", _bad_form(fields, rng)
        yield "POST", plausible, b"comment=" + b"x" * BIG_BODY


def _status(client, method: str, url: str, body: bytes) -> int:
    """The response's status; an exception escaping the app (a 500 in production) counts as 500."""
    try:
        response = client.open(
            url, method=method, data=body, content_type="application/x-www-form-urlencoded"
        )
    except Exception:  # noqa: BLE001 (whatever escapes is what the fuzz test is looking for)
        return 500
    return response.status_code


def _fuzz(app, clients, demo, failures: list) -> int:
    sent = 0
    for role, client in clients.items():
        for rule in _rules(app):
            rng = random.Random(f"{SEED}:{role}:{rule.endpoint}:{rule.rule}")
            for method, url, body in _requests(rule, rng, client, demo):
                sent += 1
                status = _status(client, method, url, body)
                if status >= 500:
                    failures.append(f"{role} {method} {url[:120]} -> {status}")
    return sent


@pytest.mark.slow
def test_no_route_answers_5xx_to_malformed_input(app, demo):
    """Every route, anonymously and as each role, with malformed values: 4xx or better."""
    failures: list[str] = []
    sent = _fuzz(app, _clients(app, demo), demo, failures)
    assert sent > 1000
    assert failures == [], "\n".join(failures)


@pytest.mark.slow
def test_posts_without_a_csrf_token_never_answer_5xx(staff_app, demo):
    """With CSRF on, as in production, a POST without a token to any route is refused: 4xx."""
    app = staff_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    failures = []
    codes = demo["codes"] + ["NOPE2345"]
    for rule in _rules(app):
        if "POST" not in rule.methods:
            continue
        for code in codes:
            path = _path(rule, random.Random(code), {"codes": [code]}, malformed=False)
            status = _status(client, "POST", path, b"comment=hello")
            if status >= 500:
                failures.append(f"POST {path} -> {status}")
    assert failures == [], "\n".join(failures)
