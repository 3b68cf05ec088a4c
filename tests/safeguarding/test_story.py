"""The issue's "done when", tried as a new user would: over HTTP, with a real SMTP server."""

from __future__ import annotations

import re
from datetime import timedelta

from tests.safeguarding.conftest import DISCLOSURE, LEAD_EMAIL, codes_for, flags_of, respond


def test_a_disclosure_reaches_the_manager_and_the_young_person_sees_help(
    sg, staff_app, smtp_server, signed_in
):
    """The answer raises a 24-hour flag on the manager's dashboard, a mail without the words
    goes to the registered manager and the safeguarding lead, and the help page comes next."""
    url, received = smtp_server
    app = staff_app(SMTP_URL=url)
    [code] = codes_for(app, sg.world.oak_round)
    young_person = app.test_client()

    after = respond(young_person, code, DISCLOSURE)

    assert after.endswith(f"/r/{code}/safety")
    page = young_person.get(after).get_data(as_text=True)
    for words in ("worrying you", "will read what you wrote", "0800 1111", "childline.org.uk",
                  "adult you trust", "advocate", "IRO", "999", "talk to you"):  # fmt: skip
        assert words in page, words
    assert 'name="contact_name"' in page
    assert young_person.get(f"/r/{code}/thanks").status_code == 200

    [flag] = flags_of(app)
    assert flag.urgent and flag.categories == "criminal_exploitation"
    assert timedelta(hours=23, minutes=59) < flag.due_at - flag.created_at <= timedelta(hours=24)

    manager = signed_in("home_manager", on_app=app)
    dashboard = manager.get("/staff/").get_data(as_text=True)
    section = dashboard[dashboard.index('id="section-safeguarding"') :]
    assert "1 urgent flag open" in section
    assert "Criminal exploitation" in section
    due = flag.due_at.astimezone(_london()).strftime("%H:%M")
    assert due in section and f"/staff/safeguarding/flags/{flag.id}" in section

    assert sorted(m["To"] for m in received) == [sg.world.emails["home_manager"], LEAD_EMAIL]
    quoted = re.findall(r'"([^"]+)"', flag.reasons)
    assert quoted  # the reasons quote the young person's words …
    for mail in received:
        whole = mail.as_string()
        assert "Criminal exploitation" in mail.get_content()
        assert f"http://survey.test/staff/safeguarding/flags/{flag.id}" in mail.get_content()
        for words in (DISCLOSURE, "older lads", "take stuff", *quoted):  # … mails never do
            assert words not in whole


def test_an_idiom_raises_no_urgent_flag_but_is_still_read(sg, staff_app, smtp_server):
    """'this homework is killing me': thank-you page next, no mail, a routine read in 7 days."""
    app = staff_app(SMTP_URL=smtp_server[0])
    [code] = codes_for(app, sg.world.oak_round)
    after = respond(app.test_client(), code, "this homework is killing me")
    assert after.endswith("/thanks")
    [flag] = flags_of(app)
    assert (flag.source, flag.urgent, flag.categories) == ("routine_read", False, "")
    assert flag.due_at - flag.created_at == timedelta(days=7)
    assert smtp_server[1] == []


def _london():
    from survey_app.clock import LONDON

    return LONDON
