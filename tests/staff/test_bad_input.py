"""Bad input on staff pages: ids too big for the database, odd filters, header values from data.

Each gets a 404, a form error or a clear message; none reaches the database as a crash.
"""

from __future__ import annotations

import logging
import threading
import urllib.error
import urllib.request
from datetime import timedelta

import pytest

# 2^63 overflows SQLite's integer as 2^31 overflows PostgreSQL's: both must be turned away.
HUGE = [2**31, 2**63]


@pytest.mark.parametrize("huge", HUGE)
@pytest.mark.parametrize(
    "path",
    [
        "/staff/homes/{}",
        "/staff/rounds/{}",
        "/staff/rounds/{}/codes",
        "/staff/actions/{}",
        "/staff/schedule/visits/{}",
        "/staff/safeguarding/flags/{}",
        "/staff/admin/users/{}",
        "/staff/actions?home={}",
        "/staff/schedule/qa?home={}",
    ],
)
def test_an_id_too_big_for_the_database_is_404(as_role, path, huge):
    assert as_role("admin").get(path.format(huge)).status_code == 404


@pytest.mark.parametrize("huge", HUGE)
def test_an_id_too_big_linking_a_new_action_is_404(as_role, huge):
    assert as_role("qa_team").get(f"/staff/actions/new?round={huge}").status_code == 404


def test_an_id_too_big_in_a_respondent_path_is_404(client, make_codes):
    [code] = make_codes()
    assert client.get(f"/r/{code}/p/{2**63}").status_code == 404


@pytest.mark.parametrize("huge", HUGE)
def test_an_id_too_big_in_a_select_field_is_a_form_error(as_role, world, huge):
    """A select whose options the view looks up itself: the value is refused, 422."""
    response = as_role("admin").post(
        "/staff/safeguarding/leads", data={"service": str(huge), "user": str(huge)}
    )
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("format=csv", "Download these events"),
        ("until=9999-12-31", "Download these events"),
        ("home=%C2%B2", "Choose one of the options in the list."),
        (f"home={2**63}", "Choose one of the options in the list."),
        (f"page={2**63}", None),
    ],
)
def test_odd_audit_filters_are_read_or_refused_clearly(as_role, world, query, words):
    response = as_role("admin").get(f"/staff/admin/audit?{query}")
    if words is None:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert words in response.get_data(as_text=True)


def test_the_last_day_there_is_as_the_end_of_the_audit_filter_keeps_everything(as_role, world):
    admin = as_role("admin")
    response = admin.get("/staff/admin/audit/export?format=json&until=9999-12-31")
    assert response.status_code == 200 and response.json


def test_a_home_code_with_a_quote_gives_a_well_formed_download_name(
    as_role, world, make_home, make_round, today
):
    """RFC 6266: a plain ASCII fallback, and the exact name in filename*."""
    odd = make_home('O"K', "Odd Quote House", "North and West")
    # A pack holds closed rounds only.
    make_round(home_id=odd, opens=today - timedelta(days=20), closes=today - timedelta(days=10))
    response = as_role("qa_team").get('/staff/reports/previsit?home=O"K&format=pdf')
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="previsit-O_K-')
    assert "filename*=UTF-8''previsit-O%22K-" in disposition
    assert disposition.count('"') == 2


def test_calendar_feeds_are_never_kept_by_a_cache(as_role, world, app):
    manager = as_role("home_manager")
    page = manager.post("/staff/schedule/calendar/issue").get_data(as_text=True)
    path = "/calendar/" + page.split("/calendar/")[1].split(".ics")[0] + ".ics"
    response = app.test_client().get(path)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"


def test_the_development_server_log_hides_codes_and_tokens(app, caplog, monkeypatch):
    """Request lines for /r/<code>, calendar feeds and reset links keep their secret out."""
    from werkzeug.serving import make_server

    # The migrations' logging set-up (alembic's fileConfig) switched existing loggers off.
    monkeypatch.setattr(logging.getLogger("werkzeug"), "disabled", False)

    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    secrets = ["QWERTY23", "calsecret123", "resettoken456"]
    paths = [f"/r/{secrets[0]}/p/1", f"/calendar/{secrets[1]}.ics", f"/staff/reset/{secrets[2]}"]
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            for path in paths:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{server.port}{path}").close()
                except urllib.error.HTTPError as refused:
                    refused.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "werkzeug")
    assert "/r/***/p/1" in logged and "/calendar/***.ics" in logged
    assert not any(secret in logged for secret in secrets)
