"""The staff sign-in and dashboard meet WCAG 2.2 AA too, at 320px and at 200% text."""

from __future__ import annotations

import pytest

from tests.browser.helpers import with_axe
from tests.browser.test_every_page import check_page

pytestmark = pytest.mark.browser

PASSWORD = "a-long-browser-test-password"


@pytest.fixture
def home_manager(app, make_round):
    """A home manager for Oak House, which has an open young people's round."""
    from survey_app.accounts import AccountDetails, create_user
    from survey_app.extensions import db
    from survey_app.models import Home, Round

    with app.app_context():
        db.session.get(Round, make_round())  # creates Oak House and its open round
        home = db.session.execute(db.select(Home).filter_by(code="OAK")).scalar_one()
        details = AccountDetails(
            "manager@example.org", "Morgan Manager", "home_manager", [home.id], None
        )
        create_user(details, PASSWORD, actor=None)
    return "manager@example.org"


def test_staff_sign_in_and_dashboard_are_accessible(new_page, base_url, home_manager):
    """No axe-core WCAG 2.2 AA violation, no sideways scroll at 320px or at 200% text."""
    page = with_axe(new_page().context).new_page()
    page.goto(f"{base_url}/staff/login")
    problems = check_page(page, "staff sign-in")
    page.goto(f"{base_url}/staff/login")
    page.fill("input[name=email]", home_manager)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    assert "/staff" in page.url and "login" not in page.url, page.url
    assert "Oak House" in page.content()
    problems += check_page(page, "staff dashboard")
    # WCAG 1.4.10 lets a data table scroll sideways inside itself; the page itself must not.
    problems = [p for p in problems if not p.endswith("content cut off in ['table']")]
    assert problems == [], "\n".join(problems)
