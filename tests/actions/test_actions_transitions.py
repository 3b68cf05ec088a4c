"""Moving actions between statuses: what is allowed, who may, and the dated history it leaves."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def proposed(as_role, oak_visit, propose_on_plan):
    """An action a home manager proposed on Oak House's action plan."""
    return propose_on_plan(as_role("home_manager"), oak_visit, "Plan menus with young people")


def test_the_whole_life_of_an_action_is_dated_in_its_history(as_role, proposed, move, today):
    """Proposed → approved → in progress → done: each step, who made it and when, on its page."""
    manager, service_manager = as_role("home_manager"), as_role("service_manager")
    assert move(service_manager, proposed, "approved").status_code == 303
    assert move(manager, proposed, "in_progress").status_code == 303
    assert (
        move(manager, proposed, "done", "Menus planned every Sunday since May.").status_code == 303
    )
    page = manager.get(f"/staff/actions/{proposed}").get_data(as_text=True)
    history = page.split("<h2>History</h2>")[1]
    entries = re.findall(r'<time datetime="([^"]+)">', history)
    assert len(entries) == 4
    assert all(stamp.startswith(str(today.year)) for stamp in entries)
    for words in ("Proposed.", "Approved.", "Marked in progress.", "Marked done. Menus planned"):
        assert words in history
    assert history.index("Proposed.") < history.index("Approved.") < history.index("Marked done")
    assert "Menus planned every Sunday since May." in page.split("<h2>Status</h2>")[0]


@pytest.mark.parametrize(
    ("steps", "refused", "words"),
    [
        ((), "done", "This action is proposed, so it cannot be made done now."),
        ((), "in_progress", "cannot be made in progress now"),
        (("approved",), "approved", "This action is approved, so it cannot be made approved"),
        (("approved",), "returned", "cannot be made returned for changes now"),
        (("cancelled",), "approved", "This action is cancelled"),
    ],
)
def test_moves_that_do_not_fit_the_status_are_refused_kindly(
    as_role, proposed, move, action_row, steps, refused, words
):
    """409 with words that say why and what is possible; the action is unchanged."""
    chair = as_role("qpag_chair")
    for step in steps:
        assert move(chair, proposed, step, "Not needed.").status_code == 303
    before = action_row(proposed).status
    response = move(chair, proposed, refused, "some words")
    assert response.status_code == 409
    assert words in response.get_data(as_text=True)
    assert action_row(proposed).status == before


def test_a_status_that_does_not_exist_is_a_bad_request(as_role, proposed, move, action_row):
    """No form sends an unknown status; if one arrives it is a 400 that says so."""
    response = move(as_role("qpag_chair"), proposed, "finished")
    assert response.status_code == 400
    assert "“finished” is not a status an action can have." in response.get_data(as_text=True)
    assert action_row(proposed).status == "proposed"


@pytest.mark.parametrize(
    ("to", "needs"),
    [("returned", "comment"), ("cancelled", "reason")],
)
def test_returning_or_cancelling_needs_words(as_role, proposed, move, action_row, to, needs):
    """A return needs its comment and a cancellation its reason: 422, and nothing changes."""
    response = move(as_role("service_manager"), proposed, to, "   ")
    assert response.status_code == 422
    assert f"Give the {needs} before you" in response.get_data(as_text=True)
    assert action_row(proposed).status == "proposed"


def test_done_needs_evidence_unless_it_was_saved_before(as_role, proposed, move, action_row):
    """Marking done without evidence is refused; with evidence saved earlier it is accepted."""
    manager = as_role("home_manager")
    move(as_role("service_manager"), proposed, "approved")
    refused = move(manager, proposed, "done")
    assert refused.status_code == 422 and "Give the evidence" in refused.get_data(as_text=True)
    saved = manager.post(f"/staff/actions/{proposed}/evidence", data={"evidence": "Minutes."})
    assert saved.status_code == 303
    assert move(manager, proposed, "done").status_code == 303
    action = action_row(proposed)
    assert action.status == "done" and action.evidence == "Minutes." and action.done_on


def test_a_home_manager_cannot_approve_their_own_proposal(as_role, proposed, move, action_row):
    """Approving is the service manager's (§7.1): the home manager gets 403 and no change."""
    response = move(as_role("home_manager"), proposed, "approved")
    assert response.status_code == 403
    assert "Your role cannot approve this action." in response.get_data(as_text=True)
    assert action_row(proposed).status == "proposed"


def test_a_returned_action_is_changed_then_resubmitted(as_role, proposed, move, action_row, today):
    """Returned with a comment, the proposer edits it and resubmits; it is proposed again."""
    manager = as_role("home_manager")
    move(as_role("service_manager"), proposed, "returned", "Give a date within the month.")
    page = manager.get(f"/staff/actions/{proposed}").get_data(as_text=True)
    assert "Returned. Give a date within the month." in page
    edited = manager.post(
        f"/staff/actions/{proposed}/edit",
        data={
            "title": "Plan menus with young people",
            "description": "Sunday meetings.",
            "owner": str(action_row(proposed).owner_id),
            "due_on": today.isoformat(),
        },
    )
    assert edited.status_code == 303
    assert move(manager, proposed, "proposed").status_code == 303
    history = manager.get(f"/staff/actions/{proposed}").get_data(as_text=True)
    assert "Due date moved from" in history and "Resubmitted." in history
    assert action_row(proposed).status == "proposed"


def test_done_actions_are_reopened_only_with_a_reason(as_role, proposed, move, action_row):
    """A manager may reopen a done action, saying why; the home manager may not."""
    service_manager, manager = as_role("service_manager"), as_role("home_manager")
    move(service_manager, proposed, "approved")
    move(manager, proposed, "done", "Done.")
    assert move(manager, proposed, "in_progress", "Not really").status_code == 403
    assert move(service_manager, proposed, "in_progress", "").status_code == 422
    assert move(service_manager, proposed, "in_progress", "Menus slipped.").status_code == 303
    assert action_row(proposed).status == "in_progress" and action_row(proposed).done_on is None


def test_comments_are_dated_and_the_visitor_only_reads(as_role, proposed):
    """Staff who work on it comment; the Reg 44 visitor reads the action but cannot comment."""
    manager = as_role("home_manager")
    assert (
        manager.post(
            f"/staff/actions/{proposed}/comment", data={"text": "Menu board up."}
        ).status_code
        == 303
    )
    visitor = as_role("reg44_visitor")
    page = visitor.get(f"/staff/actions/{proposed}").get_data(as_text=True)
    assert "Menu board up." in page and "Add the comment" not in page
    refused = visitor.post(f"/staff/actions/{proposed}/comment", data={"text": "Hello"})
    assert refused.status_code == 403


def test_every_change_is_in_the_audit_log(as_role, proposed, move, audit_log):
    """Proposing, approving, comments, evidence and lines are audited against the action."""
    manager, service_manager = as_role("home_manager"), as_role("service_manager")
    move(service_manager, proposed, "approved")
    manager.post(f"/staff/actions/{proposed}/comment", data={"text": "Started."})
    manager.post(f"/staff/actions/{proposed}/evidence", data={"evidence": "Minutes."})
    manager.post(
        f"/staff/actions/{proposed}/lines",
        data={"language": "en-GB", "you_said": "Food boring.", "we_did": "Menus with you."},
    )
    service_manager.post(f"/staff/actions/{proposed}/lines/approve")
    events = [e for e in audit_log() if e["target_type"] == "action"]
    assert [e["action"] for e in events] == [
        "action.proposed",
        "action.approved",
        "action.commented",
        "action.evidence_recorded",
        "action.lines_saved",
        "action.lines_approved",
    ]
    assert {e["target_id"] for e in events} == {str(proposed)}
    assert events[1]["actor_email"] == "service_manager@example.org"
    assert all(e["home"] == "OAK" for e in events)
