"""The issue's "done when", tried as a new user would, on the demo data."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta

from survey_app.demo_staff import DEMO_PASSWORD
from survey_app.extensions import db
from survey_app.models import Round

TODAY = date(2026, 6, 15)


def rounds_by_series() -> dict[tuple[str, str], list[tuple]]:
    """Every round, per home and audience, oldest first: (opens, closes, visit day, theme, look)."""
    series = defaultdict(list)
    for r in db.session.execute(db.select(Round).order_by(Round.opens_on, Round.id)).scalars():
        visit_day = r.visit.visit_date if r.visit else None
        series[(r.home.code, r.audience)].append(
            (r.opens_on, r.closes_on, visit_day, r.theme_id, r.presentation)
        )
    return series


def test_daily_ticks_on_the_demo_open_rounds_with_a_new_theme_and_look_every_time(
    invoke, on_day, in_app
):
    """Ticks on successive days open every planned visit's rounds 14 days before it, closing the
    day before, each round's theme and presentation different from that series' previous round."""
    on_day(TODAY)
    assert invoke("demo").exit_code == 0
    before = in_app(rounds_by_series)
    for offset in range(1, 76):
        result = invoke("schedule", "tick", "--today", TODAY + timedelta(days=offset))
        assert result.exit_code == 0, result.output
    after = in_app(rounds_by_series)
    assert len(after) == 16  # four homes, four audiences
    for key, rounds in after.items():
        new = rounds[len(before[key]) :]
        assert len(new) == 2, key  # the two visits planned beyond the next one
        for opens, closes, visit_day, _, _ in new:
            assert (opens, closes) == (
                visit_day - timedelta(days=14),
                visit_day - timedelta(days=1),
            )
        for previous, current in zip(rounds, rounds[1:], strict=False):
            assert current[3] != previous[3] and current[4] != previous[4], key


def test_the_demo_shows_a_late_report_across_a_bank_holiday(app, invoke, on_day, sign_in):
    """Oak House's visit of 27 April 2026 was due to be sent by 29 May (4 and 25 May are bank
    holidays), so on 15 June it is 11 working days overdue, on the visitor's dashboard."""
    on_day(TODAY)
    invoke("demo")
    client = app.test_client()
    assert sign_in(client, "visitor@demo.example", DEMO_PASSWORD).status_code == 302
    section = client.get("/staff/").get_data(as_text=True).split('id="section-schedule"')[1]
    assert "27 April 2026" in section
    assert "Not sent: 11 working days overdue" in section


def test_the_inadequate_demo_home_gets_weekly_reviews(invoke, on_day):
    """Beech Cottage is rated inadequate: its QA monitoring reviews come every week."""
    on_day(TODAY)
    invoke("demo")
    rows = json.loads(invoke("export", "schedule", "--format", "json").stdout)
    reviews = sorted(
        date.fromisoformat(r["due"])
        for r in rows
        if r["activity"] == "qa_monitoring_review"
        and r["home"] == "BEE"
        and r["due"] >= TODAY.isoformat()
    )
    assert len(reviews) >= 7
    assert all(5 <= (b - a).days <= 9 for a, b in zip(reviews, reviews[1:], strict=False))
    assert not any(r["activity"] == "qa_monitoring_review" and r["home"] == "HAR" for r in rows)
