"""Mail through SMTP_URL: personal links to professionals and families, set-password links."""

from __future__ import annotations

import pytest

from survey_app.mail import MailError, parse_smtp_url


@pytest.fixture
def mailing(staff_app, smtp_server, world):
    url, received = smtp_server
    app = staff_app(SMTP_URL=url)
    return app, received


def _signed_in(app, email):
    client = app.test_client()
    client.post("/staff/login", data={"email": email, "password": "correct horse battery staple"})
    return client


def test_each_address_gets_its_own_link_by_email(mailing, world, audit_log):
    """Two addresses: two emails, each with a different working link, and nothing else personal."""
    app, received = mailing
    client = _signed_in(app, world.emails["home_manager"])
    response = client.post(
        f"/staff/rounds/{world.oak_pro_round}/links",
        data={"addresses": "sw@council.example\nIRO@Council.example"},
    )
    assert response.status_code == 303
    assert sorted(m["To"] for m in received) == ["iro@council.example", "sw@council.example"]
    links = [line for m in received for line in m.get_content().splitlines() if "/r/" in line]
    assert len(set(links)) == 2 and all(link.startswith("http://survey.test/r/") for link in links)
    assert received[0]["Subject"] == "Your views about Oak House"
    for link in links:
        assert app.test_client().get(link.removeprefix("http://survey.test")).status_code == 200
    emailed = [e for e in audit_log() if e["action"] == "round.links_emailed"][0]
    assert emailed["detail"]["sent"] == 2
    assert "sw@council.example" not in str(audit_log())  # addresses are not kept


def test_bad_addresses_send_nothing(mailing, world):
    """One bad address: the form is shown again naming it, and no email goes out."""
    app, received = mailing
    client = _signed_in(app, world.emails["home_manager"])
    response = client.post(
        f"/staff/rounds/{world.oak_pro_round}/links",
        data={"addresses": "good@example.org\nnot-an-address"},
    )
    assert response.status_code == 422
    assert "not-an-address" in response.get_data(as_text=True)
    assert received == []


def test_a_new_account_gets_its_set_password_link_by_email(mailing, world):
    """Creating a user mails them a link; following it lets them set a password and sign in."""
    app, received = mailing
    admin = _signed_in(app, world.emails["admin"])
    response = admin.post(
        "/staff/admin/users/new",
        data={
            "email": "new.manager@example.org",
            "name": "New Manager",
            "role": "home_manager",
            "homes": [str(world.oak_home)],
            "service": "0",
        },
    )
    assert response.status_code == 200 and "emailed" in response.get_data(as_text=True)
    assert received[0]["To"] == "new.manager@example.org"
    link = next(line for line in received[0].get_content().splitlines() if "/staff/reset/" in line)
    path = link.removeprefix("http://survey.test")
    newcomer = app.test_client()
    assert (
        newcomer.post(
            path, data={"new_password": "my own long password", "repeat": "my own long password"}
        ).status_code
        == 302
    )
    signed = newcomer.post(
        "/staff/login",
        data={"email": "new.manager@example.org", "password": "my own long password"},
    )
    assert signed.status_code == 302


def test_an_unreachable_mail_server_is_reported(staff_app, world):
    """SMTP_URL pointing at nothing: the page says the mail could not be sent, no crash."""
    app = staff_app(SMTP_URL="smtp://127.0.0.1:1")
    client = _signed_in(app, world.emails["home_manager"])
    response = client.post(
        f"/staff/rounds/{world.oak_pro_round}/links", data={"addresses": "someone@example.org"}
    )
    assert response.status_code == 422
    assert "0 of 1 emails were sent" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("url", "host", "port", "tls", "starttls", "user"),
    [
        ("smtp://mail.example", "mail.example", 25, False, False, None),
        ("smtp://u%40x:p@mail.example:587", "mail.example", 587, False, True, "u@x"),
        ("smtp://mail.example:2525?starttls=1", "mail.example", 2525, False, True, None),
        ("smtps://u:p@mail.example", "mail.example", 465, True, False, "u"),
    ],
)
def test_smtp_urls_are_understood(url, host, port, tls, starttls, user):
    """Host, port, TLS or STARTTLS, and the login are read from SMTP_URL."""
    settings = parse_smtp_url(url)
    assert (settings.host, settings.port, settings.tls, settings.starttls, settings.username) == (
        host,
        port,
        tls,
        starttls,
        user,
    )


def test_a_malformed_smtp_url_is_refused():
    """Only smtp:// and smtps:// with a host make sense."""
    with pytest.raises(MailError):
        parse_smtp_url("http://mail.example")


def test_managers_are_reminded_before_a_round_closes(staff_app, smtp_server, world, today):
    """`reminders send --days 7` mails Oak's manager about Oak's two rounds, with counts only."""
    from survey_app.cli import cli

    url, received = smtp_server
    app = staff_app(SMTP_URL=url)
    result = app.test_cli_runner().invoke(cli, ["reminders", "send", "--days", "7"])
    assert result.exit_code == 0, result.output
    assert "2 reminder emails sent" in result.output  # the fixtures' rounds close in 7 days
    assert {m["To"] for m in received} == {"home_manager@example.org"}
    subjects = sorted(m["Subject"] for m in received)
    assert subjects == [
        "Oak House: professionals survey closes soon",
        "Oak House: young people survey closes soon",
    ]
    body = next(m for m in received if "young people" in m["Subject"]).get_content()
    assert "So far 0 of 3 people invited have answered" in body
    assert f"http://survey.test/staff/rounds/{world.oak_round}" in body


def test_reminders_need_smtp(app, world):
    """Without SMTP_URL the command says so and fails."""
    from survey_app.cli import cli

    result = app.test_cli_runner().invoke(cli, ["reminders", "send"])
    assert result.exit_code != 0 and "SMTP_URL is not set" in result.output
