"""Every way a code or a page can go wrong gets a kind page and a 4xx, never a 500."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.respond.helpers import answer_everything, checked, fields_on, start


def test_unknown_code_typed_in_is_refused_kindly(client):
    """A mistyped code gets 404 and a message saying what to do."""
    response = client.post("/", data={"code": "ABCD-EFGH"})
    assert response.status_code == 404
    assert "We could not find that code" in response.get_data(as_text=True)


def test_code_is_accepted_in_any_case_with_spaces_or_dashes(client, make_codes):
    """'abcd efgh' finds ABCDEFGH: children type codes however they can."""
    [code] = make_codes()
    typed = f" {code[:4].lower()}-{code[4:].lower()} "
    response = client.post("/", data={"code": typed})
    assert response.status_code == 302 and response.location.endswith(f"/r/{code}")


def test_unknown_link_is_404(client):
    response = client.get("/r/ZZZZ9999")
    assert response.status_code == 404
    assert "We could not find that code" in response.get_data(as_text=True)


def test_used_code_is_refused_kindly(client, make_codes):
    """The same code used again after sending is refused with 409 and told it was saved."""
    [code] = make_codes()
    answer_everything(client, code)
    again = client.get(f"/r/{code}")
    assert again.status_code == 409
    assert "already been used" in again.get_data(as_text=True)
    assert client.post(f"/r/{code}/start").status_code == 409


def test_closed_round_is_refused_kindly(client, make_codes, today):
    """After the round closes the code gets 410 and a pointer to someone to talk to."""
    [code] = make_codes(opens=today - timedelta(days=20), closes=today - timedelta(days=1))
    response = client.get(f"/r/{code}")
    assert response.status_code == 410
    assert "This survey has closed" in response.get_data(as_text=True)


def test_round_not_yet_open_says_when(client, make_codes, today):
    """Before the round opens, the code gets 403 and the opening date."""
    opens = today + timedelta(days=3)
    [code] = make_codes(opens=opens, closes=today + timedelta(days=10))
    response = client.get(f"/r/{code}")
    html = response.get_data(as_text=True)
    assert response.status_code == 403
    assert "has not started yet" in html and str(opens.year) in html


def test_an_unfinished_survey_cannot_go_on_after_closing(app, client, make_codes, today):
    """Answers already given stay stored; the page says the survey has closed."""
    [code] = make_codes()
    url = start(client, code)
    name, values = next(iter(fields_on(client.get(url).get_data(as_text=True)).items()))
    client.post(url, data={name: values[0], "nav": "next"})
    with app.app_context():
        from survey_app.extensions import db
        from survey_app.models import Round

        round_ = db.session.execute(db.select(Round)).scalar_one()
        round_.closes_on = today - timedelta(days=1)
        db.session.commit()
    assert client.get(url).status_code == 410
    result = app.test_cli_runner().invoke(args=["export", "responses", "--format", "csv"])
    assert f"{name}" in result.stdout


def test_guessing_codes_is_limited_per_client(make_app):
    """After too many unknown codes from one client, even a good code waits (429)."""
    app = make_app(CODE_GUESS_LIMIT_PER_CLIENT=3)
    client = app.test_client()
    statuses = [
        client.post("/", data={"code": f"AAAA{n}{n}{n}{n}"}).status_code for n in (3, 4, 6, 7)
    ]
    assert statuses == [404, 404, 404, 429]
    assert "Too many tries" in client.get("/r/ABCDEFGH").get_data(as_text=True)


def test_guessing_codes_is_limited_overall(make_app):
    """Unknown codes from many clients add up to a service-wide limit."""
    app = make_app(CODE_GUESS_LIMIT_OVERALL=2)
    for n, address in enumerate(("10.0.0.1", "10.0.0.2", "10.0.0.3")):
        client = app.test_client()
        status = client.get(
            f"/r/AAAA{n + 3}{n + 3}{n + 3}{n + 3}", environ_base={"REMOTE_ADDR": address}
        ).status_code
    assert status == 429


def test_guessing_elsewhere_does_not_stop_someone_part_way_through(make_app, make_codes):
    """Once the overall limit trips, a young person who had already opened their code carries
    on and sends; a browser that had not opened it is refused (429), so guessing still stops."""
    app = make_app(CODE_GUESS_LIMIT_OVERALL=2)
    [code] = make_codes()
    client = app.test_client()
    url = start(client, code)
    for n, address in enumerate(("10.0.0.1", "10.0.0.2")):
        guesser = app.test_client()
        guesser.get(f"/r/AAAA{n + 3}{n + 3}{n + 3}{n + 3}", environ_base={"REMOTE_ADDR": address})
    assert app.test_client().get(f"/r/{code}").status_code == 429
    assert client.get(url).status_code == 200
    answer_everything(client, code)
    assert client.get(f"/r/{code}").status_code == 409


def test_a_made_up_answer_is_refused_and_the_rest_kept(client, make_codes):
    """A value that is not an option gets 422 and a kind message; the valid answers stay ticked."""
    [code] = make_codes()
    url = start(client, code)
    fields = list(fields_on(client.get(url).get_data(as_text=True)).items())
    (first, first_values), (second, _) = fields[0], fields[1]
    response = client.post(url, data={first: first_values[0], second: "999", "nav": "next"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Please choose one of the answers shown" in html
    assert checked(html)[first] == [first_values[0]]


def test_too_long_a_comment_is_refused_and_kept(client, make_codes):
    """A 2,001-letter comment gets 422 with the text still in the box to shorten."""
    [code] = make_codes()
    url = start(client, code)
    while "Send my answers" not in (html := client.get(url).get_data(as_text=True)):
        url = client.post(url, data={"nav": "next"}).location
    text = "x" * 2001
    response = client.post(url, data={"open_comment": text, "nav": "next"})
    assert response.status_code == 422
    assert "under 2,000 letters" in response.get_data(as_text=True)
    assert text in response.get_data(as_text=True)
    assert "Send my answers" in html


@pytest.mark.parametrize("path", ["/r/{code}/p/0", "/r/{code}/p/99", "/r/{code}/p/x"])
def test_pages_that_do_not_exist_are_404(client, make_codes, path):
    [code] = make_codes()
    start(client, code)
    assert client.get(path.format(code=code)).status_code == 404


def test_pages_before_start_send_you_to_the_welcome(client, make_codes):
    """Opening a question page before pressing Start goes to the welcome page, creating nothing."""
    [code] = make_codes()
    response = client.get(f"/r/{code}/p/1")
    assert response.status_code == 302 and response.location.endswith(f"/r/{code}")


def test_thanks_before_sending_goes_back_to_the_survey(client, make_codes):
    [code] = make_codes()
    assert client.get(f"/r/{code}/thanks").status_code == 302


def test_a_page_without_its_token_is_refused_but_shown_again_with_the_answers(make_app, make_codes):
    """With CSRF on, a POST without a token is refused (400) and the answers are re-shown."""
    app = make_app(WTF_CSRF_ENABLED=True)
    [code] = make_codes()
    client = app.test_client()
    assert client.post(f"/r/{code}/start").status_code == 400
    response = client.post(f"/r/{code}/p/1", data={"safe_here": "4", "nav": "next"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Everything you sent before is saved" in html
    assert checked(html).get("safe_here") == ["4"]


def test_unexpected_method_is_405_not_500(client):
    assert client.put("/").status_code == 405


def test_a_very_long_email_at_sign_in_is_refused_not_crashed(client):
    """Rate-limit keys built from a 250-letter email still fit the database."""
    response = client.post("/staff/login", data={"email": "a" * 240 + "@x.org", "password": "nope"})
    assert response.status_code in (200, 401, 422)
    assert client.get("/healthz").status_code == 200
