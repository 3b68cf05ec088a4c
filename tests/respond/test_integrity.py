"""Answers are stored once, and a response never changes after it is marked sent."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.exc import IntegrityError


def _begun(app, code: str):
    """(invitation, response, survey) for a code whose response has been started."""
    from survey_app.banks import get_banks
    from survey_app.respond import service
    from survey_app.respond.survey import survey_for

    with app.app_context():
        invitation, response = service.find(code)
        response = service.start(invitation, response, "en-GB")
        return invitation, response, survey_for(invitation.round, get_banks())


def _answers(questions, choose=0) -> dict:
    """An answer for every question: the `choose`th positive option (or option), or words."""
    data = {}
    for q in questions:
        if q.kind == "text":
            data[q.id] = f"words {choose}"
            continue
        options = sorted(q.positive) or [o.value for o in q.options]
        value = options[choose % len(options)]
        data[q.id] = [value] if q.kind == "multiple" else value
    return data


def _stored(app, response_id: int) -> list[tuple]:
    from survey_app.extensions import db
    from survey_app.models import Answer

    with app.app_context():
        rows = db.session.execute(
            db.select(Answer.question_id, Answer.value, Answer.text)
            .where(Answer.response_id == response_id)
            .order_by(Answer.question_id, Answer.value)
        )
        return [tuple(row) for row in rows]


def _all_at_once(app, *calls) -> list:
    """Run each call in its own thread, released together; their results (or exceptions)."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(n, call):
        with app.app_context():
            barrier.wait()
            try:
                results[n] = call()
            except Exception as error:  # noqa: BLE001 (reported to the test as a result)
                results[n] = error

    threads = [threading.Thread(target=run, args=(n, c)) for n, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_an_answer_key_cannot_be_stored_twice(app, make_codes):
    """The database itself refuses a second row for the same response, question and option."""
    from survey_app.extensions import db
    from survey_app.models import Answer

    [code] = make_codes()
    _, response, _ = _begun(app, code)
    with app.app_context():
        db.session.add_all(
            [Answer(response_id=response.id, question_id="safe_here", value="5") for _ in "ab"]
        )
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_a_page_sent_many_times_at_once_is_stored_once(app, make_codes):
    """A double (or eightfold) tap on "Next": the page's answers are stored exactly once."""
    from survey_app.respond import service

    [code] = make_codes()
    invitation, response, survey = _begun(app, code)
    page = survey.pages[0]
    data = _answers(page.questions)

    def save():
        return service.save_page(invitation, response, page.questions, data, 1, "en-GB")

    results = _all_at_once(app, *[save] * 8)
    assert not any(isinstance(r, Exception) for r in results), results
    stored = _stored(app, response.id)
    assert len(stored) == len(set(stored)) == len(page.questions)


def test_a_page_sent_again_with_other_answers_keeps_only_the_new_ones(app, make_codes):
    """Going back and changing (or skipping) answers replaces them: one row per answer."""
    from survey_app.respond import service

    [code] = make_codes()
    invitation, response, survey = _begun(app, code)
    page = survey.pages[0]
    with app.app_context():
        service.save_page(invitation, response, page.questions, _answers(page.questions), 1, "en")
        changed = _answers(page.questions, choose=1)
        skipped = page.questions[0].id
        changed[skipped] = None
        service.save_page(invitation, response, page.questions, changed, 1, "en-GB")
    stored = _stored(app, response.id)
    assert skipped not in {question for question, _, _ in stored}
    assert len(stored) == len(page.questions) - 1


def test_a_page_saved_after_the_submit_changes_nothing(app, make_codes):
    """A page save that read the response before the submit committed is refused, not stored."""
    from survey_app.extensions import db
    from survey_app.models import Response
    from survey_app.respond import service

    [code] = make_codes()
    invitation, response, survey = _begun(app, code)
    first, last = survey.pages[0], survey.pages[-1]
    with app.app_context():
        service.save_page(invitation, response, first.questions, _answers(first.questions), 1, "en")
        sent = service.submit(
            invitation, response, survey, last.questions, _answers(last.questions), {}, "en-GB"
        )
        assert sent.stored
        before = _stored(app, response.id)
        # `response` is the record read before the submit, as a racing request holds it.
        late = _answers(first.questions, choose=1)
        assert not service.save_page(invitation, response, first.questions, late, 1, "fr")
        assert _stored(app, response.id) == before
        stored = db.session.get(Response, response.id)
        assert (stored.language, stored.updated_at) == ("en-GB", stored.submitted_at)


def test_page_saves_racing_the_submit_never_change_the_sent_response(app, make_codes):
    """Saves sent at the same moment as the submit land before it or not at all."""
    from survey_app.extensions import db
    from survey_app.models import Response
    from survey_app.respond import service

    for code in make_codes(count=4):
        invitation, response, survey = _begun(app, code)
        first, last = survey.pages[0], survey.pages[-1]

        def submit(invitation=invitation, response=response, survey=survey, last=last):
            data = _answers(last.questions)
            return service.submit(invitation, response, survey, last.questions, data, {}, "en")

        def save(n, invitation=invitation, response=response, first=first):
            data = _answers(first.questions, choose=n)
            return service.save_page(invitation, response, first.questions, data, 1, "en-GB")

        saves = [lambda n=n: save(n) for n in range(6)]
        results = _all_at_once(app, submit, *saves)
        assert not any(isinstance(r, Exception) for r in results), results
        with app.app_context():
            stored = db.session.get(Response, response.id)
            # The submit sets both to the same moment; any later write would move updated_at.
            assert stored.updated_at == stored.submitted_at
        rows = _stored(app, response.id)
        assert len(rows) == len(set(rows))
