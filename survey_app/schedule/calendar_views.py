"""Your calendar feed: issue, show once, revoke; and the feed itself, found by its secret link."""

from __future__ import annotations

from flask import Response, abort, current_app, flash, redirect, render_template, url_for

from survey_app import clock
from survey_app.headers import content_disposition
from survey_app.permissions import require
from survey_app.schedule import calendar_feed
from survey_app.schedule.blueprint import bp, feed_bp, me

TOKEN_LENGTH = 43  # secrets.token_urlsafe(32)


@bp.get("/calendar")
@require("calendar.feed")
def calendar_page():
    return render_template("schedule/calendar.html", token=calendar_feed.active_token(me()))


@bp.post("/calendar/issue")
@require("calendar.feed")
def issue_feed():
    secret = calendar_feed.issue(me())
    url = url_for("calendar.feed", token=secret, _external=False)
    # Shown on this page only: the link is stored hashed, so it cannot be shown again.
    return render_template(
        "schedule/calendar.html", token=calendar_feed.active_token(me()), new_url=_absolute(url)
    )


@bp.post("/calendar/revoke")
@require("calendar.feed")
def revoke_feed():
    ended = calendar_feed.revoke(me())
    flash(
        "Your calendar link is revoked; calendars using it stop updating."
        if ended
        else "You had no calendar link to revoke."
    )
    return redirect(url_for("schedule.calendar_page"), 303)


def _absolute(path: str) -> str:
    return current_app.config["BASE_URL"] + path


@feed_bp.get("/<token>.ics")
def feed(token: str):
    user = calendar_feed.user_for_token(token) if len(token) <= 2 * TOKEN_LENGTH else None
    if user is None:
        abort(404)
    return Response(
        calendar_feed.feed(user, clock.today()),
        mimetype="text/calendar",
        headers={
            "Content-Disposition": content_disposition("your-voice.ics", "inline"),
            # The feed URL is its own key: no cache, shared or the calendar app's, may keep it.
            "Cache-Control": "private, no-store",
        },
    )
