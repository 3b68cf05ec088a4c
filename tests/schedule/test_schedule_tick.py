"""`survey-app schedule tick`: rounds open before each visit, close the day before, and rotate."""

from __future__ import annotations

import shutil
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from survey_app.extensions import db
from survey_app.models import AUDIENCES, AuditEvent, QaOccurrence, Round

DAY = timedelta(days=1)


def all_rounds() -> list[dict]:
    stmt = db.select(Round).order_by(Round.opens_on, Round.id)
    return [
        {
            "home": r.home.code,
            "audience": r.audience,
            "theme": r.theme_id,
            "presentation": r.presentation,
            "opens": r.opens_on,
            "closes": r.closes_on,
            "visit": r.visit_id,
            "reason": r.rotation_reason,
            "closed_on": r.closed_on,
        }
        for r in db.session.execute(stmt).scalars()
    ]


def counts() -> tuple[int, int, int]:
    """Rounds, QA occurrences and audit events: what a run of the tick could change."""
    return tuple(
        db.session.execute(db.select(db.func.count()).select_from(model)).scalar()
        for model in (Round, QaOccurrence, AuditEvent)
    )


def opened(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("open rounds: Opened")]


def test_successive_days_open_and_close_rounds_around_each_visit(invoke, plan, in_app, on_day):
    """Rounds open 14 days before each visit, close the day before, rotate; reruns do nothing."""
    on_day(date(2026, 2, 2))
    visit_ids = plan(date(2026, 3, 16), count=3)
    visit_dates = (date(2026, 3, 16), date(2026, 4, 16), date(2026, 5, 16))
    for visit_id, visit_date in zip(visit_ids, visit_dates, strict=True):
        opening = visit_date - timedelta(days=14)

        early = invoke("schedule", "tick", "--today", opening - DAY)
        assert early.exit_code == 0, early.output
        assert opened(early.output) == []

        first = invoke("schedule", "tick", "--today", opening)
        assert len(opened(first.output)) == len(AUDIENCES), first.output
        mine = [r for r in in_app(all_rounds) if r["visit"] == visit_id]
        assert {r["audience"] for r in mine} == set(AUDIENCES)
        assert {(r["opens"], r["closes"]) for r in mine} == {(opening, visit_date - DAY)}

        before = in_app(counts)
        again = invoke("schedule", "tick", "--today", opening)
        assert again.exit_code == 0 and "Nothing to do" in again.output
        assert in_app(counts) == before

        closing = invoke("schedule", "tick", "--today", visit_date)
        assert closing.output.count("close rounds: Closed") == len(AUDIENCES)
        assert all(
            r["closed_on"] == visit_date for r in in_app(all_rounds) if r["visit"] == visit_id
        )

    series = defaultdict(list)
    for r in in_app(all_rounds):
        series[r["audience"]].append(r)
    for audience, rounds in series.items():
        assert len(rounds) == 3
        for previous, current in zip(rounds, rounds[1:], strict=False):
            assert current["theme"] != previous["theme"], audience
            assert current["presentation"] != previous["presentation"], audience
            assert current["reason"].startswith("Chosen because")


def test_the_lead_time_is_configurable(staff_app, plan, in_app, on_day):
    """With ROUND_LEAD_DAYS=7 the rounds open a week before the visit, not two."""
    on_day(date(2026, 2, 2))
    plan(date(2026, 3, 16))
    runner = staff_app(ROUND_LEAD_DAYS=7).test_cli_runner()
    assert opened(runner.invoke(args=["schedule", "tick", "--today", "2026-03-08"]).output) == []
    result = runner.invoke(args=["schedule", "tick", "--today", "2026-03-09"])
    assert len(opened(result.output)) == len(AUDIENCES)
    assert {r["opens"] for r in in_app(all_rounds)} == {date(2026, 3, 9)}


def test_visits_close_together_never_have_two_rounds_open_at_once(invoke, plan, in_app, on_day):
    """A visit a week after another: its rounds open on the first visit's day, after those close."""
    on_day(date(2026, 2, 2))
    plan(date(2026, 3, 10))
    plan(date(2026, 3, 17))
    invoke("schedule", "tick", "--today", "2026-03-03")
    assert {r["closes"] for r in in_app(all_rounds)} == {date(2026, 3, 9)}
    invoke("schedule", "tick", "--today", "2026-03-10")
    second = [r for r in in_app(all_rounds) if r["closes"] == date(2026, 3, 16)]
    assert len(second) == len(AUDIENCES) and {r["opens"] for r in second} == {date(2026, 3, 10)}


def test_a_pinned_theme_is_used_by_the_next_round_only(
    invoke, plan, in_app, on_day, signed_in, people
):
    """The QA team pins a theme; the next tick uses it, says so, and the pin is then spent."""
    on_day(date(2026, 2, 2))
    plan(date(2026, 3, 16), count=3)
    invoke("schedule", "tick", "--today", "2026-03-02")
    first = next(r for r in in_app(all_rounds) if r["audience"] == "young_people")
    pinned = "food_and_home" if first["theme"] != "food_and_home" else "feeling_safe"
    qa = signed_in("qa_team")
    response = qa.post(
        "/staff/schedule/themes/pins", data={"home": people.oak, "theme": f"young_people:{pinned}"}
    )
    assert response.status_code == 303
    assert "No pins" not in qa.get("/staff/schedule/themes").get_data(as_text=True)

    invoke("schedule", "tick", "--today", "2026-04-02")
    young = [r for r in in_app(all_rounds) if r["audience"] == "young_people"]
    assert young[1]["theme"] == pinned
    assert young[1]["reason"].startswith("Pinned by the QA team")
    assert "No pins" in qa.get("/staff/schedule/themes").get_data(as_text=True)

    invoke("schedule", "tick", "--today", "2026-05-02")
    young = [r for r in in_app(all_rounds) if r["audience"] == "young_people"]
    assert young[2]["reason"].startswith("Chosen because")


def test_a_retired_theme_is_not_chosen_again(invoke, plan, in_app, on_day, signed_in):
    """Retiring the theme the rotation would choose next makes the next tick choose another."""
    on_day(date(2026, 2, 2))
    plan(date(2026, 3, 16), count=2)
    invoke("schedule", "tick", "--today", "2026-03-02")
    show = invoke("schedule", "show", "--home", "OAK", "--today", "2026-03-20").output
    line = next(x for x in show.splitlines() if x.strip().startswith("Professionals, opening"))
    upcoming = line.split(": ")[1].split(" ")[0]
    qa = signed_in("qa_team")
    retired = qa.post("/staff/schedule/themes/retire", data={"theme": f"professionals:{upcoming}"})
    assert retired.status_code == 303
    assert "Retired" in qa.get("/staff/schedule/themes").get_data(as_text=True)

    invoke("schedule", "tick", "--today", "2026-04-02")
    professionals = [r for r in in_app(all_rounds) if r["audience"] == "professionals"]
    assert professionals[1]["theme"] != upcoming

    restored = qa.post(
        "/staff/schedule/themes/restore", data={"theme": f"professionals:{upcoming}"}
    )
    assert restored.status_code == 303


def test_the_last_theme_in_rotation_cannot_be_retired(signed_in, people):
    """Families have two themes: retiring both would leave no survey, so the second is refused."""
    qa = signed_in("qa_team")
    assert (
        qa.post(
            "/staff/schedule/themes/retire", data={"theme": "families:feeling_welcome"}
        ).status_code
        == 303
    )
    refused = qa.post("/staff/schedule/themes/retire", data={"theme": "families:keeping_in_touch"})
    assert refused.status_code == 422
    assert "last theme in rotation" in refused.get_data(as_text=True)


def test_a_problem_is_reported_and_the_command_fails(invoke, make_home, people):
    """An inadequate home with no inspection date gets no reviews: exit 1, the rest still done."""
    make_home("WIL", "Willow Lodge", "North and West", rating="inadequate")
    result = invoke("schedule", "tick", "--today", "2026-03-02")
    assert result.exit_code == 1
    assert "Willow Lodge (WIL)" in result.output and "inspection date" in result.output
    assert "Scheduled Fire safety at Oak House (OAK)" in result.output


def test_bad_dates_and_unknown_homes_are_explained(invoke, people):
    """A date that is not YYYY-MM-DD is a usage error; an unknown home code exits 1, kindly."""
    bad = invoke("schedule", "tick", "--today", "02/03/2026")
    assert bad.exit_code == 2 and "write it as YYYY-MM-DD" in bad.output
    unknown = invoke("schedule", "show", "--home", "NOPE")
    assert unknown.exit_code == 1 and "No home has the code 'NOPE'" in unknown.output


def test_staff_can_run_the_daily_schedule_now(signed_in, plan, on_day, audit_log):
    """The QA team's button runs the same steps, shows what it did, and is audited as one event."""
    on_day(date(2026, 2, 2))
    plan(date(2026, 2, 10))
    qa = signed_in("qa_team")
    assert "Run the daily schedule now" in qa.get("/staff/").get_data(as_text=True)
    page = qa.post("/staff/schedule/run").get_data(as_text=True)
    assert "Opened the young people round at Oak House" in page
    assert "Nothing to do" in qa.post("/staff/schedule/run").get_data(as_text=True)
    ticks = [e for e in audit_log() if e["action"] == "schedule.tick"]
    assert len(ticks) == 1 and ticks[0]["actor_email"] == "qa_team@example.org"
    assert "Run the daily schedule now" not in signed_in("home_manager").get("/staff/").get_data(
        as_text=True
    )


def test_an_audience_without_themes_is_a_problem_but_the_others_open(
    staff_app, plan, in_app, on_day, tmp_path
):
    """With no staff themes in the banks, three rounds open and the staff one is reported."""
    banks = tmp_path / "banks"
    shutil.copytree(Path(__file__).resolve().parents[2] / "question_banks", banks)
    for theme in (banks / "staff").glob("*.toml"):
        if theme.name != "core.toml":
            theme.unlink()
    on_day(date(2026, 2, 2))
    plan(date(2026, 3, 16))
    runner = staff_app(QUESTION_BANKS_DIR=banks).test_cli_runner()
    result = runner.invoke(args=["schedule", "tick", "--today", "2026-03-02"])
    assert result.exit_code == 1
    assert "No staff round before the Reg 44 visit to Oak House (OAK)" in result.output
    assert "No themes are available for this audience" in result.output
    assert {r["audience"] for r in in_app(all_rounds)} == set(AUDIENCES) - {"staff"}
