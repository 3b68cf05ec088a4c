"""The dashboard, a home's page, a round's page, code sheets, links and free text."""

from __future__ import annotations

from datetime import timedelta

import pytest

from survey_app.respond.codes import grouped


@pytest.fixture
def manager(as_role):
    return as_role("home_manager")


def test_dashboard_shows_rounds_counts_and_the_next_visit(app, manager, world, today):
    """My homes, open rounds with answered-of-invited counts, and the next Reg 44 visit."""
    from survey_app.extensions import db
    from survey_app.models import Visit

    with app.app_context():
        db.session.add(Visit(home_id=world.oak_home, visit_date=today + timedelta(days=9)))
        db.session.commit()
    page = manager.get("/staff/").get_data(as_text=True)
    assert "Oak House" in page
    assert "young people" in page and "0 of 3" in page
    assert "Next Reg 44 visit" in page and str((today + timedelta(days=9)).day) in page
    for section in ("Schedule", "Actions", "Safeguarding"):
        assert f"<h2>{section}</h2>" in page


def test_upcoming_rounds_are_listed_apart_from_open_ones(manager, make_round, world, today):
    """A round that opens next week shows under "Upcoming rounds"."""
    make_round(
        "staff",
        home_id=world.oak_home,
        opens=today + timedelta(days=7),
        closes=today + timedelta(days=14),
    )
    page = manager.get("/staff/").get_data(as_text=True)
    upcoming = page.split("Upcoming rounds")[1]
    assert "staff" in upcoming


def test_the_code_sheet_prints_every_unused_code_with_a_qr(app, manager, world, answer):
    """Each unused code appears in large type beside an inline SVG QR code and plain words."""
    from survey_app.extensions import db
    from survey_app.models import Invitation

    with app.app_context():
        codes = list(
            db.session.execute(
                db.select(Invitation.code).filter_by(round_id=world.oak_round)
            ).scalars()
        )
    answer(codes[:1])
    response = manager.get(f"/staff/rounds/{world.oak_round}/codes")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert grouped(codes[0]) not in page  # already used, so not worth handing out
    for code in codes[1:]:
        assert grouped(code) in page
    assert page.count("<svg") == 2
    assert "You don't give your name. You can skip any question." in page
    assert "Scan this or go to http://survey.test and type the code." in page
    assert "<script" not in page


def test_issuing_codes_then_printing_them(manager, world, audit_log):
    """Issuing 5 codes leads to a sheet of 8 (3 before + 5), and both steps are audited."""
    response = manager.post(f"/staff/rounds/{world.oak_round}/invitations", data={"count": 5})
    assert response.headers["Location"].endswith(f"/staff/rounds/{world.oak_round}/codes")
    sheet = manager.get(response.headers["Location"]).get_data(as_text=True)
    assert sheet.count('class="code"') == 8
    actions = [e["action"] for e in audit_log()]
    assert "round.invitations_issued" in actions and "round.code_sheet_viewed" in actions


@pytest.mark.parametrize("count", ["0", "501", "many", ""])
def test_a_bad_count_is_refused_kindly(manager, world, count):
    """Out of range or not a number: 422 with a message, and no codes issued."""
    response = manager.post(f"/staff/rounds/{world.oak_round}/invitations", data={"count": count})
    assert response.status_code == 422
    assert 'class="error"' in response.get_data(as_text=True)
    assert "3 invitations issued" in manager.get(f"/staff/rounds/{world.oak_round}").get_data(
        as_text=True
    )


def test_a_closed_round_gets_no_more_codes(manager, make_round, world, today):
    """Codes for a round that has closed would only disappoint; the page says so."""
    closed = make_round(
        home_id=world.oak_home, opens=today - timedelta(days=20), closes=today - timedelta(days=1)
    )
    response = manager.post(f"/staff/rounds/{closed}/invitations", data={"count": 2})
    assert response.status_code == 422
    assert "This round closed on" in response.get_data(as_text=True)


def test_links_page_lists_unused_links_to_copy(manager, world, app):
    """Professionals' links are shown as full URLs, one per unused invitation."""
    manager.post(f"/staff/rounds/{world.oak_pro_round}/invitations", data={"count": 2})
    page = manager.get(f"/staff/rounds/{world.oak_pro_round}/links").get_data(as_text=True)
    assert page.count('value="http://survey.test/r/') == 2
    assert "Email is not set up" in page


def test_home_staff_see_counts_but_no_answers_below_the_threshold(manager, world, answer, app):
    """With 3 of 5 needed answers, the round page gives counts only."""
    from survey_app.extensions import db
    from survey_app.models import Invitation

    with app.app_context():
        codes = list(
            db.session.execute(
                db.select(Invitation.code).filter_by(round_id=world.oak_round)
            ).scalars()
        )
    answer(codes, comment="I want to see my brother more")
    page = manager.get(f"/staff/rounds/{world.oak_round}").get_data(as_text=True)
    assert "3 answered" in page
    assert "Answers are shown once at least 5 people have answered" in page
    assert "<th>People</th>" not in page
    assert "brother" not in page


def test_aggregates_appear_from_the_threshold_without_free_text(manager, world, answer, make_codes):
    """At 5 answers the page shows counts per answer; free text never reaches home staff."""
    codes = make_codes(5, round_id=world.oak_round)
    answer(codes, comment="I want to see my brother more")
    page = manager.get(f"/staff/rounds/{world.oak_round}").get_data(as_text=True)
    assert "<th>People</th>" in page
    assert "<td>5</td>" in page and "100%" in page
    assert "brother" not in page
    assert "Read the free-text answers" not in page
    assert manager.get(f"/staff/rounds/{world.oak_round}/comments").status_code == 403


def test_the_threshold_is_an_admin_setting(as_role, world, answer, make_codes):
    """Raising the suppression threshold to 6 hides the aggregates of a 5-answer round."""
    codes = make_codes(5, round_id=world.oak_round)
    answer(codes)
    admin = as_role("admin")
    saved = admin.post(
        "/staff/admin/settings", data={"free_text_retention_days": 365, "suppression_threshold": 6}
    )
    assert saved.status_code == 302
    page = as_role("home_manager").get(f"/staff/rounds/{world.oak_round}").get_data(as_text=True)
    assert "at least 6 people" in page


def test_free_text_is_shown_to_the_visitor_and_every_view_audited(
    as_role, world, answer, make_codes, audit_log
):
    """The Reg 44 visitor reads comments for their home; each view is logged with who and what."""
    answer(make_codes(2, round_id=world.oak_round), comment="staff actually listen to me")
    visitor = as_role("reg44_visitor")
    page = visitor.get(f"/staff/rounds/{world.oak_round}/comments").get_data(as_text=True)
    assert page.count("staff actually listen to me") == 2
    visitor.get(f"/staff/rounds/{world.oak_round}/comments")
    views = [e for e in audit_log() if e["action"] == "free_text.viewed"]
    assert len(views) == 2
    assert views[0]["actor_email"] == "reg44_visitor@example.org" and views[0]["home"] == "OAK"
    assert visitor.get(f"/staff/rounds/{world.bee_round}/comments").status_code == 404


def test_the_admin_does_not_read_free_text(as_role, world, answer, make_codes):
    """Administrators manage accounts; they do not read what young people wrote."""
    answer(make_codes(1, round_id=world.oak_round), comment="private words")
    admin = as_role("admin")
    assert admin.get(f"/staff/rounds/{world.oak_round}/comments").status_code == 403
    assert "private words" not in admin.get(f"/staff/rounds/{world.oak_round}").get_data(
        as_text=True
    )


def test_home_page_shows_the_homes_facts(manager, world):
    """Name, code, service and Ofsted rating of the home, and its rounds."""
    page = manager.get(f"/staff/homes/{world.oak_home}").get_data(as_text=True)
    assert "Oak House" in page and "North and West" in page and "good" in page
    assert f"/staff/rounds/{world.oak_round}" in page


def test_the_responses_export_holds_only_covered_homes_and_is_audited(
    as_role, world, answer, make_codes, audit_log
):
    """QA's export contains answers with free text, and the export is in the audit log."""
    answer(make_codes(1, round_id=world.oak_round), comment="export me")
    response = as_role("qa_team").get("/staff/export/responses?format=csv")
    body = response.get_data(as_text=True)
    assert body.splitlines()[0].startswith("response_id,round_id,home")
    assert "export me" in body
    assert audit_log()[-1]["action"] == "export.responses"
    assert as_role("qa_team").get("/staff/export/responses?format=xml").status_code == 400


def test_opening_a_round_is_audited(world, audit_log):
    """Rounds are changes to what people are asked, so each one opened is in the audit log."""
    opened = [e for e in audit_log() if e["action"] == "round.opened"]
    assert {e["home"] for e in opened} == {"OAK", "BEE"} and len(opened) == 4
    assert opened[0]["detail"]["audience"] == "young_people"
