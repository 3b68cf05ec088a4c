"""Bad input on the respondent's side gets a kind 4xx, never a 500, and loses no answer."""

from __future__ import annotations

import pytest

from tests.respond.helpers import answer_everything

TOO_BIG = {"open_comment": "x" * 300 * 1024}


def _stored_texts(app) -> list[str]:
    from survey_app.extensions import db
    from survey_app.models import Answer

    with app.app_context():
        stmt = db.select(Answer.text).where(Answer.text.is_not(None))
        return list(db.session.execute(stmt).scalars())


def test_a_post_over_the_limit_gets_the_kind_413_page(client, make_codes):
    """Over 256 KB on a question page: 413 with a message saying to send less, not a 500."""
    [code] = make_codes()
    client.get(f"/r/{code}")
    client.post(f"/r/{code}/start")
    response = client.post(f"/r/{code}/p/1", data=TOO_BIG)
    assert response.status_code == 413
    assert "too much to send at once" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/", "/staff/login", "/staff/admin/settings"])
def test_a_post_over_the_limit_is_never_a_500_anywhere(client, path):
    """Signed out, a staff page refuses first (a redirect or 403); the others say 413."""
    response = client.post(path, data=TOO_BIG)
    assert response.status_code in (302, 403, 413)


@pytest.mark.parametrize("kind", ["unknown", "used"])
def test_a_post_without_its_token_to_a_dead_code_is_a_clear_4xx(make_app, make_codes, kind):
    """With CSRF on, no token and a code that cannot be answered: that code's own kind page."""
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    if kind == "used":
        [code] = make_codes()
        plain = make_app().test_client()  # answered elsewhere, without CSRF in the way
        answer_everything(plain, code)
        expected, words = 409, "already been used"
    else:
        code, expected, words = "ZZZZ9999", 404, "We could not find that code"
    response = client.post(f"/r/{code}/p/1", data={"safe_here": "4", "nav": "next"})
    assert response.status_code == expected
    assert words in response.get_data(as_text=True)


def test_a_post_without_its_token_to_a_page_that_does_not_exist_is_404(make_app, make_codes):
    app = make_app(WTF_CSRF_ENABLED=True)
    [code] = make_codes()
    client = app.test_client()
    client.get(f"/r/{code}")
    assert client.post(f"/r/{code}/p/99", data={"nav": "next"}).status_code == 404


def test_a_nul_in_a_comment_is_dropped_and_the_answer_kept(app, client, make_codes):
    """PostgreSQL cannot store NUL: it is taken out, and the last page is stored and sent."""
    [code] = make_codes()
    answer_everything(client, code, comment="All\x00 good\x00")
    assert _stored_texts(app) == ["All good"]
    assert client.get(f"/r/{code}/thanks").status_code == 200


def test_nul_and_invalid_utf8_in_the_query_are_not_errors(client, make_codes):
    [code] = make_codes()
    assert client.get(f"/r/{code}?lang=%00%FF").status_code == 200
    assert client.get("/r/AB%00CD").status_code == 404
