"""Which answers raise flags, how urgent, once only, and never at the cost of an answer."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest

from tests.respond.helpers import fields_on, start
from tests.safeguarding.conftest import DISCLOSURE, codes_for, final_page, flags_of, respond


def _answers(app) -> list:
    from survey_app.extensions import db
    from survey_app.models import Answer

    with app.app_context():
        return list(db.session.execute(db.select(Answer.question_id, Answer.text)).all())


def _fields(client, url: str) -> dict:
    return fields_on(client.get(url).get_data(as_text=True))


def test_the_lowest_safe_here_answer_is_flagged_when_its_page_is_saved(sg, app):
    """"I don't feel safe at all" raises an urgent flag at once, even if nothing more is sent."""
    [code] = codes_for(app, sg.world.oak_round)
    client = app.test_client()
    url = start(client, code)
    data = {name: values[0] for name, values in _fields(client, url).items()}
    data.update({"safe_here": "1", "nav": "next"})
    assert client.post(url, data=data).status_code == 302
    [flag] = flags_of(app)
    assert (flag.source, flag.urgent) == ("alert_answer", True)
    assert "don't feel safe at all" in flag.reasons and "How safe do you feel here?" in flag.reasons
    assert flag.due_at - flag.created_at == timedelta(hours=24)


def test_a_very_unsafe_answer_leads_to_the_help_page(sg, app):
    """A young person who says they do not feel safe at all sees who can help after sending."""
    [code] = codes_for(app, sg.world.oak_round)
    assert respond(app.test_client(), code, "", safe="1").endswith("/safety")


def test_asking_to_talk_is_an_urgent_flag(sg, app):
    """"I'd like someone to talk to me" on the last page raises an urgent flag."""
    [code] = codes_for(app, sg.world.oak_round)
    after = respond(app.test_client(), code, extra={"wants_contact": "y", "contact_name": "Jo"})
    assert after.endswith("/thanks")
    [flag] = flags_of(app)
    assert (flag.source, flag.urgent) == ("asked_to_talk", True)
    assert "Jo" not in (flag.reasons or "")  # the name stays on the response, for reviewers


def test_sending_twice_stores_one_flag_per_reason(sg, app):
    """A double tap on "Send", or a page saved twice, adds no second flag."""
    [code] = codes_for(app, sg.world.oak_round)
    client = app.test_client()
    url = start(client, code)
    page = {name: values[0] for name, values in _fields(client, url).items()}
    page.update({"safe_here": "1", "nav": "next"})
    client.post(url, data=page)
    client.post(url, data=page)
    respond(client, code, DISCLOSURE, safe="1")
    again = {"open_comment": DISCLOSURE, "nav": "next"}
    last = client.post(final_page(app, code), data=again)
    assert last.status_code == 409  # the code is used: the first send stored everything
    assert sorted(f.source for f in flags_of(app)) == ["alert_answer", "free_text"]


def test_an_unreachable_mail_server_loses_nothing(sg, staff_app):
    """With SMTP down the answer and its flag are stored and the help page still comes next."""
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = staff_app(SMTP_URL=f"smtp://127.0.0.1:{port}")
    [code] = codes_for(app, sg.world.oak_round)
    assert respond(app.test_client(), code, DISCLOSURE).endswith("/safety")
    assert ("open_comment", DISCLOSURE) in _answers(app)
    [flag] = flags_of(app)
    assert flag.urgent and flag.notified_at is None  # the hourly command will try again


def test_without_smtp_the_flag_is_on_the_dashboard_only(sg, app, signed_in):
    """No SMTP_URL: no mail is attempted, the flag shows to the lead at once."""
    [code] = codes_for(app, sg.world.oak_round)
    respond(app.test_client(), code, DISCLOSURE)
    page = signed_in("lead@example.org").get("/staff/safeguarding/").get_data(as_text=True)
    assert "Criminal exploitation" in page and "Oak House" in page


def test_the_model_catches_a_worrying_answer_no_rule_names(sg, app):
    """Urgent, with a category and the words that weighed most, and the help page next."""
    from analysis.safeguarding import assess

    text = "honestly i dont think i will be around by christmas, ive given my stuff away"
    assert not assess(text).flagged, "the rules catch this now: pick an answer they miss"
    [code] = codes_for(app, sg.world.oak_round)
    assert respond(app.test_client(), code, text).endswith("/safety")
    [flag] = flags_of(app)
    assert (flag.source, flag.urgent) == ("free_text", True)
    assert flag.categories and "model:" in flag.reasons and "weighed most" in flag.reasons


@pytest.mark.parametrize(
    "text", ["أنا خائف من شخص في البيت", "Tôi sợ một người ở nhà này"]  # Arabic, Vietnamese
)
def test_an_answer_in_another_language_goes_to_a_person_within_24_hours(sg, app, text):
    """Not judged safe: a "not understood" flag, urgent, due within a day, saying why."""
    [code] = codes_for(app, sg.world.oak_round)
    respond(app.test_client(), code, text)
    [flag] = flags_of(app)
    assert (flag.source, flag.urgent) == ("not_understood", True)
    assert flag.due_at - flag.created_at == timedelta(hours=24)
    assert "a person must read it" in flag.reasons


def test_other_audiences_get_urgent_flags_but_no_routine_reads(sg, app):
    """A professional's worrying comment is urgent; their ordinary comment is not queued."""
    from survey_app.safeguarding.detection import Given, concerns_for

    def read(text):
        return concerns_for([Given("open_comment", None, text)], {}, "professionals")

    [worrying] = read("The young person disclosed that an older man is grooming her online")
    assert worrying.urgent and worrying.categories
    assert read("Paperwork for the review arrived late again.") == []


def test_a_professional_is_not_shown_the_young_persons_help_page(sg, app):
    """Flagged or not, a professional goes straight to the thank-you page."""
    [code] = codes_for(app, sg.world.oak_pro_round)
    after = respond(app.test_client(), code, "I am worried she is being groomed online", safe="1")
    assert after.endswith("/thanks")
    assert {f.source for f in flags_of(app)} == {"free_text", "alert_answer"}


def test_words_left_on_the_last_page_are_flagged_even_if_never_sent(sg, app):
    """A disclosure typed, then "Back" and gone: the saved words still raise an urgent flag."""
    [code] = codes_for(app, sg.world.oak_round)
    client = app.test_client()
    start(client, code)
    sent = client.post(final_page(app, code), data={"open_comment": DISCLOSURE, "nav": "back"})
    assert sent.status_code == 302
    [flag] = flags_of(app)
    assert (flag.source, flag.urgent) == ("free_text", True)
    assert flag.categories == "criminal_exploitation"


def test_a_home_name_with_a_line_break_still_sends_the_flag_mail(sg, staff_app, smtp_server):
    """CR/LF typed into a home's name cannot break the mail's subject, nor the child's send."""
    from survey_app.extensions import db
    from survey_app.models import Home

    url, received = smtp_server
    app = staff_app(SMTP_URL=url)
    with app.app_context():
        db.session.get(Home, sg.world.oak_home).name = "Oak\r\nHouse"
        db.session.commit()
    [code] = codes_for(app, sg.world.oak_round)
    assert respond(app.test_client(), code, DISCLOSURE).endswith("/safety")
    assert received
    assert all(m["Subject"].startswith("Safeguarding flag at Oak House:") for m in received)
