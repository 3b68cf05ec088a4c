"""Reviewers teach the model: closed flags and missed disclosures export as labelled data that
identifies nobody, and the weekly monitoring counts what the detector missed."""

from __future__ import annotations

import json

from tests.safeguarding.conftest import DISCLOSURE, LEAD_EMAIL, codes_for, flags_of, respond

ORDINARY = "Sam Okafor and me made pizza with staff on friday, it was good"


def _review(client, flag_id: int, outcome: str):
    return client.post(
        f"/staff/safeguarding/flags/{flag_id}/review",
        data={"outcome": outcome, "notes": "Read and acted on."},
    )


def _labels(app) -> list[dict]:
    result = app.test_cli_runner().invoke(args=["export", "labels", "--out", "-"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_closed_flags_export_as_labels_without_the_child(sg, app, signed_in, audit_log):
    """A confirmed concern and a routine read with no concern become two labelled answers."""
    first, second = codes_for(app, sg.world.oak_round, 2)
    respond(app.test_client(), first, DISCLOSURE)
    respond(app.test_client(), second, ORDINARY)
    urgent, routine = flags_of(app)
    assert (urgent.source, routine.source) == ("free_text", "routine_read")
    manager = signed_in("home_manager")
    assert _review(manager, urgent.id, "need_to_know").status_code == 303
    assert _review(manager, routine.id, "no_further_action").status_code == 303

    labels = sorted(_labels(app), key=lambda row: row["safeguarding"])
    assert [(row["safeguarding"], row["audience"]) for row in labels] == [
        (False, "young_people"),
        (True, "young_people"),
    ]
    assert labels[1]["text"] == DISCLOSURE and labels[1]["categories"]
    assert "Okafor" not in labels[0]["text"] and "pizza" in labels[0]["text"]
    assert set(labels[0]) == {"text", "audience", "safeguarding", "categories", "note"}
    assert [e for e in audit_log() if e["action"] == "export.labels"]


def test_a_reviewer_marks_what_the_detector_missed(sg, app, signed_in):
    """Marked once (a second time, or on an urgent flag, is refused), counted weekly, exported."""
    [code] = codes_for(app, sg.world.oak_round)
    respond(app.test_client(), code, "the food is nice and i like my room")
    [routine] = flags_of(app)
    lead = signed_in(LEAD_EMAIL)
    page = lead.get(f"/staff/safeguarding/flags/{routine.id}").get_data(as_text=True)
    assert "Should have been flagged" in page
    marked = lead.post(f"/staff/safeguarding/flags/{routine.id}/missed")
    assert marked.status_code == 303
    again = lead.post(f"/staff/safeguarding/flags/{routine.id}/missed")
    assert again.status_code == 409 and "already marked" in again.get_data(as_text=True)

    [stored] = flags_of(app)
    week = stored.missed_at.strftime("%G-W%V")
    summary = lead.get(f"/staff/safeguarding/weekly?week={week}").get_data(as_text=True)
    assert "should have flagged: <strong>1</strong>" in summary
    [label] = _labels(app)
    assert label["safeguarding"] is True and "should have been flagged" in label["note"]


def test_an_urgent_flag_cannot_be_marked_missed(sg, app, signed_in):
    """The detector found it; there is nothing to teach."""
    [code] = codes_for(app, sg.world.oak_round)
    respond(app.test_client(), code, DISCLOSURE)
    [urgent] = flags_of(app)
    refused = signed_in("home_manager").post(f"/staff/safeguarding/flags/{urgent.id}/missed")
    assert refused.status_code == 409
    assert "already flagged" in refused.get_data(as_text=True)


def test_only_reviewers_may_mark_a_miss(sg, app, signed_in):
    """Someone who may not review the flag gets 404 and nothing changes."""
    [code] = codes_for(app, sg.world.oak_round)
    respond(app.test_client(), code, "the food is nice")
    [routine] = flags_of(app)
    assert signed_in("qa_team").post(
        f"/staff/safeguarding/flags/{routine.id}/missed"
    ).status_code in (403, 404)
    assert flags_of(app)[0].missed_at is None
