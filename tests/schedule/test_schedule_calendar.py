"""Each user's calendar feed: an unguessable link, what is due for them only, revocable."""

from __future__ import annotations

from datetime import UTC, date, datetime

from survey_app.extensions import db
from survey_app.models import CalendarToken, Round
from survey_app.schedule.ical import CalendarEvent, calendar_text


def issue_link(client) -> str:
    """Make a feed link on the account page; returns its path."""
    page = client.post("/staff/schedule/calendar/issue").get_data(as_text=True)
    url = page.split('aria-label="Your calendar link"')[0].rsplit('value="', 1)[1].split('"')[0]
    assert url.startswith("http://survey.test/calendar/") and url.endswith(".ics")
    return url.removeprefix("http://survey.test")


def unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


def test_the_visitor_s_feed_holds_their_visits_and_report_deadlines(
    app, plan, signed_in, on_day, invoke, answer, make_codes, in_app
):
    """Visits and both deadlines as all-day events, their role's QA items; no answers, no others."""
    on_day(date(2026, 1, 5))
    plan(date(2026, 1, 20))
    plan(date(2026, 2, 20), home="bee")
    invoke("schedule", "tick", "--today", "2026-01-06")
    round_id = in_app(lambda: db.session.execute(db.select(Round.id)).scalars().first())
    answer(make_codes(2, round_id=round_id), comment="Secret words from a young person")
    visitor = signed_in("reg44_visitor")
    path = issue_link(visitor)

    client = app.test_client()  # a calendar program: not signed in
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    body = response.get_data(as_text=True)
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    lines = unfold(body)
    assert "DTSTART;VALUE=DATE:20260120" in lines
    assert "SUMMARY:Reg 44 visit: Oak House (OAK)" in lines
    assert "SUMMARY:Reg 44 report to complete: Oak House (OAK)" in lines
    assert "DTSTART;VALUE=DATE:20260203" in lines  # report due 2 weeks after 20 January
    assert "SUMMARY:Reg 44 report to check and send: Oak House (OAK)" in lines
    assert "Beech Cottage" not in body  # not their home
    assert "Secret words" not in body
    assert "Fire safety" not in body  # the home manager's job, not the visitor's
    assert sum(line.startswith("UID:") for line in lines) == body.count("BEGIN:VEVENT")


def test_a_home_manager_s_feed_holds_their_home_s_activities(
    app, signed_in, invoke, people, on_day
):
    """Their role's activities at their home; not service-wide ones nor another home's."""
    on_day(date(2026, 3, 2))
    invoke("schedule", "tick", "--today", "2026-03-02")
    path = issue_link(signed_in("home_manager"))
    lines = unfold(app.test_client().get(path).get_data(as_text=True))
    assert "SUMMARY:Fire safety: Oak House (OAK)" in lines
    assert "DTSTART;VALUE=DATE:20260331" in lines
    assert not any("Beech Cottage" in line or "GDPR" in line for line in lines)


def test_revoking_or_replacing_the_link_ends_the_old_one(app, signed_in, people, in_app, audit_log):
    """Revoked or replaced links answer 404; only a hash is stored; each change is audited."""
    manager = signed_in("home_manager")
    first = issue_link(manager)
    second = issue_link(manager)
    feed = app.test_client()
    assert feed.get(first).status_code == 404
    assert feed.get(second).status_code == 200
    secret = second.removeprefix("/calendar/").removesuffix(".ics")
    stored = in_app(lambda: list(db.session.execute(db.select(CalendarToken.token_hash)).scalars()))
    assert len(stored) == 2 and secret not in stored

    assert manager.post("/staff/schedule/calendar/revoke").status_code == 303
    assert feed.get(second).status_code == 404
    assert "You have no link" in manager.get("/staff/schedule/calendar").get_data(as_text=True)
    actions = [e["action"] for e in audit_log()]
    assert actions.count("calendar.issued") == 2 and actions.count("calendar.revoked") == 1


def test_made_up_links_are_404(app, people):
    """Any link that was never issued is a plain 404."""
    client = app.test_client()
    for path in ("/calendar/nothing.ics", "/calendar/" + "a" * 43 + ".ics", "/calendar/x" * 50):
        assert client.get(path).status_code == 404


def test_a_disabled_account_s_feed_stops(app, signed_in, invoke, people):
    """Disabling an account ends its feed too."""
    path = issue_link(signed_in("home_manager"))
    assert invoke("users", "disable", "--email", "home_manager@example.org").exit_code == 0
    assert app.test_client().get(path).status_code == 404


def test_long_and_non_ascii_text_is_escaped_and_folded_at_75_octets():
    """RFC 5545: commas and semicolons escaped, lines folded without splitting a character."""
    event = CalendarEvent("x@test", date(2026, 3, 2), "Ŵelsh; naïve, " * 12, "two\nlines")
    text = calendar_text([event], "Test", datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
    raw = text.encode("utf-8").split(b"\r\n")
    assert all(len(line) <= 75 for line in raw)
    for line in raw:
        line.decode("utf-8")  # each physical line is whole UTF-8: no character was split
    lines = unfold(text)
    assert "SUMMARY:" + "Ŵelsh\\; naïve\\, " * 12 in lines
    assert "DESCRIPTION:two\\nlines" in lines and "DTSTAMP:20260301T093000Z" in lines
    assert "DTEND;VALUE=DATE:20260303" in lines
