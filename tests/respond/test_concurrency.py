"""Simultaneous submissions: none is lost, none fails with "database is locked"."""

from __future__ import annotations

import threading

from tests.respond.helpers import start


def _ready_to_send(client, code: str) -> str:
    url = start(client, code)
    while "Send my answers" not in client.get(url).get_data(as_text=True):
        url = client.post(url, data={"safe_here": "5", "nav": "next"}).location
    return url


def _send_all_at_once(clients, urls, comment: str) -> list[int]:
    """Each client sends its last page at the same moment; the statuses they got."""
    barrier = threading.Barrier(len(urls))
    statuses: list[int] = []

    def send(client, url, n):
        barrier.wait()
        response = client.post(url, data={"open_comment": f"{comment} {n}", "nav": "next"})
        statuses.append(response.status_code)

    threads = [
        threading.Thread(target=send, args=(c, u, n))
        for n, (c, u) in enumerate(zip(clients, urls, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def test_twenty_simultaneous_final_submissions_are_all_stored(app, make_codes):
    """20 young people pressing 'Send' at the same moment all get their answers stored."""
    round_codes = make_codes(count=20)
    clients = [app.test_client() for _ in round_codes]
    urls = [_ready_to_send(c, code) for c, code in zip(clients, round_codes, strict=True)]
    statuses = _send_all_at_once(clients, urls, "comment")
    assert statuses == [302] * 20
    with app.app_context():
        from survey_app.extensions import db
        from survey_app.models import Answer, Response

        sent = db.select(db.func.count(Response.id)).where(Response.submitted_at.is_not(None))
        assert db.session.execute(sent).scalar() == 20
        comments = db.session.execute(db.select(Answer.text).where(Answer.text.is_not(None)))
        assert sorted(comments.scalars()) == sorted(f"comment {n}" for n in range(20))


def test_the_same_response_sent_five_times_at_once_is_stored_once(app, make_codes):
    """A double (or quintuple) tap racing itself: one set of answers is kept, nothing fails."""
    [code] = make_codes()
    clients = [app.test_client() for _ in range(5)]
    urls = [_ready_to_send(client, code) for client in clients]
    statuses = _send_all_at_once(clients, urls, "tap")
    # Sent before the first commit: thanked (302); after it: told it was already sent (409).
    assert sorted(set(statuses)) in ([302], [302, 409]) and len(statuses) == 5
    with app.app_context():
        from survey_app.extensions import db
        from survey_app.models import Answer, Response

        sent = db.select(db.func.count(Response.id)).where(Response.submitted_at.is_not(None))
        assert db.session.execute(sent).scalar() == 1
        comments = db.session.execute(db.select(Answer.text).where(Answer.text.is_not(None)))
        assert len(comments.scalars().all()) == 1
