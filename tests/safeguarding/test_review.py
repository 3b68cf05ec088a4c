"""Reviewing a flag: who reads the words, recording the outcome once, and every view audited."""

from __future__ import annotations

import pytest

from tests.safeguarding.conftest import DISCLOSURE, LEAD_EMAIL, codes_for, flags_of, respond


@pytest.fixture
def flag(sg, app):
    """An urgent flag at Oak House, from a young person's disclosure."""
    [code] = codes_for(app, sg.world.oak_round)
    respond(app.test_client(), code, DISCLOSURE)
    [found] = flags_of(app)
    return found


def test_a_reviewer_reads_the_words_and_records_the_outcome(flag, signed_in, audit_log):
    """The registered manager sees the answer and why it was flagged, and records a review."""
    manager = signed_in("home_manager")
    page = manager.get(f"/staff/safeguarding/flags/{flag.id}").get_data(as_text=True)
    assert DISCLOSURE in page and "Why it was flagged" in page
    assert "likely a disclosure; words that weighed most" in page
    sent = manager.post(
        f"/staff/safeguarding/flags/{flag.id}/review",
        data={"outcome": "need_to_know", "notes": "Spoke to the young person; NTK sent."},
    )
    assert sent.status_code == 303
    page = manager.get(sent.location).get_data(as_text=True)
    assert "Need to Know notification" in page and "Spoke to the young person" in page
    assert "Record the review" not in page
    reviewed = [e for e in audit_log() if e["action"] == "safeguarding.flag_reviewed"]
    assert reviewed[0]["detail"]["outcome"] == "need_to_know"
    assert reviewed[0]["detail"]["late"] is False
    assert "0 urgent flags open" in manager.get("/staff/").get_data(as_text=True)


def test_a_flag_is_reviewed_once(app, flag, signed_in):
    """The lead cannot overwrite the manager's review: the first one stands (409)."""
    url = f"/staff/safeguarding/flags/{flag.id}/review"
    signed_in("home_manager").post(url, data={"outcome": "other", "notes": "First."})
    second = signed_in(LEAD_EMAIL).post(url, data={"outcome": "lado_referral", "notes": "Second."})
    assert second.status_code == 409
    assert "already been reviewed" in second.get_data(as_text=True)
    [stored] = flags_of(app)
    assert (stored.outcome, stored.notes) == ("other", "First.")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"notes": "No outcome chosen."}, "Choose the outcome"),
        ({"outcome": "made_up", "notes": "x"}, "Choose one of the outcomes listed"),
        ({"outcome": "other", "notes": "  "}, "Write a short note"),
        ({"outcome": "other", "notes": "x" * 5001}, "under 5,000 characters"),
    ],
)
def test_a_bad_review_is_refused_kindly_and_nothing_changes(app, flag, signed_in, data, message):
    """A missing or unknown outcome, or no notes: 422, the reason, and the flag still new."""
    sent = signed_in("home_manager").post(f"/staff/safeguarding/flags/{flag.id}/review", data=data)
    assert sent.status_code == 422
    assert message in sent.get_data(as_text=True)
    assert flags_of(app)[0].status == "new"


def test_a_review_without_the_form_token_is_refused(flag, sg, staff_app):
    """With CSRF protection on, a forged review is refused and nothing is recorded."""
    app = staff_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post(
        "/staff/login",
        data={"email": sg.world.emails["home_manager"], "password": "correct horse battery staple",
              "csrf_token": token},
    )  # fmt: skip
    forged = client.post(
        f"/staff/safeguarding/flags/{flag.id}/review", data={"outcome": "other", "notes": "x"}
    )
    assert forged.status_code == 400
    assert flags_of(app)[0].status == "new"


def test_viewers_who_do_not_review_see_the_flag_but_not_the_words(flag, signed_in):
    """QA sees that there is a flag and what about; not the words, the reasons or the form."""
    page = signed_in("qa_team").get(f"/staff/safeguarding/flags/{flag.id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Criminal exploitation" in html
    assert DISCLOSURE not in html and "older lads" not in html and "Record the review" not in html


def test_every_view_is_audited(flag, signed_in, audit_log):
    """The list, the flag page (saying whether the words were shown) and the dashboard."""
    signed_in("qa_team").get(f"/staff/safeguarding/flags/{flag.id}")
    manager = signed_in("home_manager")
    manager.get(f"/staff/safeguarding/flags/{flag.id}")
    manager.get("/staff/safeguarding/?show=all")
    manager.get("/staff/")
    events = [e for e in audit_log() if e["action"].startswith("safeguarding.")]
    viewed = [e for e in events if e["action"] == "safeguarding.flag_viewed"]
    assert [(e["actor_email"], e["detail"]["words_shown"]) for e in viewed] == [
        ("qa_team@example.org", False),
        ("home_manager@example.org", True),
    ]
    assert all(e["target_id"] == str(flag.id) and e["home"] == "OAK" for e in viewed)
    listed = [e["detail"]["show"] for e in events if e["action"] == "safeguarding.flags_listed"]
    assert listed == ["all", "dashboard"]
    assert all(DISCLOSURE not in str(e) for e in audit_log())


def test_the_young_persons_name_is_shown_to_reviewers(sg, app, signed_in):
    """A name left with "talk to me" is on the flag's page for the people who will go and talk."""
    [code] = codes_for(app, sg.world.oak_round)
    respond(app.test_client(), code, extra={"wants_contact": "y", "contact_name": "Jo Bloggs"})
    [flag] = flags_of(app)
    page = signed_in(LEAD_EMAIL).get(f"/staff/safeguarding/flags/{flag.id}").get_data(as_text=True)
    assert "asked for someone to talk to them" in page and "Jo Bloggs" in page
