"""The issue's "done when", tried as a new user would, from the command line to a printed sheet."""

from __future__ import annotations

from survey_app.cli import cli


def test_admin_creates_a_manager_who_sees_only_their_home(app, make_home, make_round, make_codes):
    """CLI admin signs in, creates a home manager, who prints codes and sees no other home."""
    oak, bee = make_home("OAK", "Oak House"), make_home("BEE", "Beech Cottage", "South and East")
    oak_round, bee_round = make_round(home_id=oak), make_round(home_id=bee)
    make_codes(4, round_id=oak_round)
    runner = app.test_cli_runner()
    made = runner.invoke(
        cli,
        [
            "users",
            "create",
            "--email",
            "admin@council.example",
            "--name",
            "Ada",
            "--role",
            "admin",
            "--password-stdin",
        ],
        input="admin password 123\n",
    )
    assert made.exit_code == 0, made.output

    admin = app.test_client()
    assert (
        admin.post(
            "/staff/login",
            data={"email": "admin@council.example", "password": "admin password 123"},
        ).status_code
        == 302
    )
    created = admin.post(
        "/staff/admin/users/new",
        data={
            "email": "oak.manager@council.example",
            "name": "Olu",
            "role": "home_manager",
            "homes": [str(oak)],
            "service": "0",
        },
    )
    link = created.get_data(as_text=True).split('value="http://survey.test')[1].split('"')[0]

    manager = app.test_client()
    assert (
        manager.post(
            link, data={"new_password": "olu's own password", "repeat": "olu's own password"}
        ).status_code
        == 302
    )
    assert (
        manager.post(
            "/staff/login",
            data={"email": "oak.manager@council.example", "password": "olu's own password"},
        ).status_code
        == 302
    )
    dashboard = manager.get("/staff/").get_data(as_text=True)
    assert "Oak House" in dashboard and "Beech Cottage" not in dashboard
    sheet = manager.get(f"/staff/rounds/{oak_round}/codes").get_data(as_text=True)
    assert sheet.count("<svg") == 4 and sheet.count('class="code"') == 4

    for url in (
        f"/staff/homes/{bee}",
        f"/staff/rounds/{bee_round}",
        f"/staff/rounds/{bee_round}/codes",
        f"/staff/rounds/{bee_round}/links",
        f"/staff/rounds/{bee_round}/comments",
        "/staff/admin/users",
        "/staff/admin/audit",
        "/staff/export/responses",
    ):
        response = manager.get(url)
        assert 400 <= response.status_code < 500, url
        assert "Beech Cottage" not in response.get_data(as_text=True)
    assert (
        manager.post(f"/staff/rounds/{bee_round}/invitations", data={"count": 1}).status_code == 404
    )

    log = admin.get("/staff/admin/audit").get_data(as_text=True)
    for action in (
        "user.created",
        "auth.login",
        "user.reset_link_issued",
        "auth.password_reset",
        "round.code_sheet_viewed",
    ):
        assert f"<td>{action}</td>" in log, action
    assert "oak.manager@council.example" in log


def test_the_demo_has_one_account_per_role(app):
    """`survey-app demo` prints the demo password, and every demo account signs in with it."""
    result = app.test_cli_runner().invoke(cli, ["demo"])
    assert "demo-password-change-me" in result.output
    for email in ("admin", "qa", "service.manager", "oak.manager", "visitor", "qpag.chair"):
        client = app.test_client()
        signed = client.post(
            "/staff/login",
            data={"email": f"{email}@demo.example", "password": "demo-password-change-me"},
        )
        assert signed.status_code == 302, email
    manager = app.test_client()
    manager.post(
        "/staff/login",
        data={"email": "oak.manager@demo.example", "password": "demo-password-change-me"},
    )
    page = manager.get("/staff/").get_data(as_text=True)
    assert "Oak House" in page and "Willow Lodge" not in page
