"""Languages over HTTP: choosing one, keeping answers when switching, English standing in."""

from __future__ import annotations

import json
import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from babel.dates import format_date

from survey_app.respond.language import SUPPORTED
from tests.respond.helpers import checked, fields_on, start

BANKS = Path(__file__).resolve().parents[2] / "question_banks"


def bank_without(tmp_path: Path, english: str, language: str) -> Path:
    """A copy of the question banks where the text `english` has lost its `language` version."""
    target = tmp_path / "question_banks"
    shutil.copytree(BANKS, target)
    for path in target.rglob("*.toml"):
        text = path.read_text(encoding="utf-8")
        found = re.search(rf'\{{ en-GB = "{re.escape(english)}"[^}}]*\}}', text)
        if found:
            table = re.sub(rf', {language} = "[^"]*"', "", found.group(0))
            path.write_text(text.replace(found.group(0), table), encoding="utf-8")
            return target
    raise AssertionError(f"{english!r} is in no bank file")


def html_tag(html: str) -> str:
    return re.search(r"<html[^>]*>", html).group(0)


@pytest.mark.parametrize(("language", "direction"), [(t, d) for t, (_, d) in SUPPORTED.items()])
def test_each_language_sets_lang_and_direction(client, language, direction):
    """`?lang=` on any page sets <html lang> and dir; the page's words are in that language."""
    html = client.get(f"/help?lang={language}").get_data(as_text=True)
    assert html_tag(html) == f'<html lang="{language}" dir="{direction}">'
    if language != "en-GB":
        assert "Who you can talk to" not in html


def test_the_choice_is_kept_for_the_following_pages(client, make_codes):
    [code] = make_codes()
    client.get("/help?lang=fa-AF")
    html = client.get(f"/r/{code}").get_data(as_text=True)
    assert html_tag(html) == '<html lang="fa-AF" dir="rtl">'
    assert "سلام! ما می‌خواهیم صدای شما را بشنویم" in html


def test_an_unknown_language_is_ignored(client):
    response = client.get("/help?lang=xx-<b>")
    assert response.status_code == 200
    assert html_tag(response.get_data(as_text=True)) == '<html lang="en-GB" dir="ltr">'


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("ar-SD,ar;q=0.9,en;q=0.5", "ar"),
        ("fa", "fa-AF"),
        ("prs", "fa-AF"),
        ("vi-VN", "vi"),
        ("de-DE,de;q=0.9", "en-GB"),
        ("en-US", "en-GB"),
    ],
)
def test_before_choosing_the_browsers_language_is_used(client, accept, expected):
    """A phone set to Arabic opens the survey in Arabic; one we have no language for, English."""
    html = client.get("/", headers={"Accept-Language": accept}).get_data(as_text=True)
    assert f'lang="{expected}"' in html_tag(html)


def test_every_page_offers_each_language_keeping_the_address(client, make_codes):
    """Links to the other languages point at the same page; the current one is marked."""
    [code] = make_codes()
    html = client.get(f"/r/{code}?lang=vi").get_data(as_text=True)
    for tag in ("en-GB", "ar", "fa-AF"):
        assert f'href="/r/{code}?lang={tag}" lang="{tag}"' in html
    assert '<span class="on" aria-current="true">Tiếng Việt</span>' in html


def test_switching_language_on_a_question_page_keeps_the_answers(app, make_codes):
    """The switch button sends the page: the answers come back ticked, now in Arabic, and are
    saved, but the page is not counted as done (a resumed survey starts there again)."""
    [code] = make_codes()
    client = app.test_client()
    url = start(client, code)
    response = client.post(url, data={"safe_here": "4", "choose_lang": "ar"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html_tag(html) == '<html lang="ar" dir="rtl">'
    assert checked(html) == {"safe_here": ["4"]}
    assert "ما مدى شعورك بالأمان هنا؟" in html
    again = app.test_client()
    assert checked(again.get(start(again, code)).get_data(as_text=True)) == {"safe_here": ["4"]}


def test_switching_language_on_the_last_page_does_not_send_the_survey(client, make_codes):
    """Nothing is sent by a switch: the comment, the tick and the name are all still there."""
    [code] = make_codes()
    url = start(client, code)
    while "Send my answers" not in client.get(url).get_data(as_text=True):
        url = client.post(url, data={"nav": "next"}).location
    data = {"open_comment": "hi", "wants_contact": "y", "contact_name": "Sam", "choose_lang": "vi"}
    html = client.post(url, data=data).get_data(as_text=True)
    assert "Gửi câu trả lời" in html
    assert "\nhi</textarea>" in html and 'value="Sam"' in html
    assert re.search(r'<input checked[^>]*name="wants_contact"', html)
    assert client.get(f"/r/{code}/thanks").status_code == 302  # not sent


def test_a_switch_with_a_mistake_shows_the_message_in_the_new_language(client, make_codes):
    """Numbers are written the language's way: 2,000 in English, 2.000 in Vietnamese."""
    [code] = make_codes()
    url = start(client, code)
    while "Send my answers" not in client.get(url).get_data(as_text=True):
        url = client.post(url, data={"nav": "next"}).location
    text = "x" * 2001
    english = client.post(url, data={"open_comment": text, "nav": "next"})
    assert "under 2,000 letters" in english.get_data(as_text=True)
    response = client.post(url, data={"open_comment": text, "choose_lang": "vi"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Hãy viết dưới 2.000 ký tự nhé." in html and text in html


def test_bigger_text_is_a_choice_that_stays(client, make_codes):
    """`?text=big` (a link on every page) makes the text bigger on the following pages too."""
    [code] = make_codes()
    assert 'class="big' not in client.get("/help").get_data(as_text=True)
    client.get("/help?text=big")
    html = client.get(f"/r/{code}").get_data(as_text=True)
    assert '<body class="big' in html and "?text=normal" in html
    client.get("/?text=normal")
    assert '<body class="big' not in client.get("/help").get_data(as_text=True)


def test_bigger_text_button_on_a_question_page_keeps_the_answers(client, make_codes):
    [code] = make_codes()
    url = start(client, code)
    html = client.post(url, data={"safe_here": "2", "choose_text": "big"}).get_data(as_text=True)
    assert '<body class="big' in html and checked(html) == {"safe_here": ["2"]}


def test_english_standing_in_for_a_translation_is_marked(make_app, make_codes, tmp_path):
    """A question without Arabic is shown in English inside lang="en" on the Arabic page."""
    app = make_app(QUESTION_BANKS_DIR=bank_without(tmp_path, "How safe do you feel here?", "ar"))
    [code] = make_codes()
    client = app.test_client()
    client.get("/?lang=ar")
    html = client.get(start(client, code)).get_data(as_text=True)
    assert '<span lang="en" dir="ltr">How safe do you feel here?</span>' in html
    assert "هل يستمع إليك الكبار هنا؟" in html  # the next question has its Arabic
    assert html.count('lang="en"') == 1


def test_dates_are_written_the_languages_way(client, make_codes, today):
    """A survey not open yet says when it opens, with the month in the reader's language."""
    opens = today + timedelta(days=3)
    [code] = make_codes(opens=opens, closes=today + timedelta(days=9))
    for tag, locale in (("ar", "ar"), ("vi", "vi"), ("en-GB", "en_GB")):
        html = client.get(f"/r/{code}?lang={tag}").get_data(as_text=True)
        assert format_date(opens, "long", locale=locale) in html


def test_answers_given_in_arabic_are_exported_with_their_language(client, runner, make_codes):
    """The export keeps each answer with the language the survey was answered in."""
    [code] = make_codes()
    client.get("/?lang=ar")
    url = start(client, code)
    while True:
        html = client.get(url).get_data(as_text=True)
        data = {
            name: values[0] if values else "المكان هنا جميل"
            for name, values in fields_on(html).items()
            if name != "wants_contact"
        }
        response = client.post(url, data={**data, "nav": "next"})
        if response.location.endswith("/thanks"):
            break
        url = response.location
    result = runner.invoke(args=["export", "responses", "--format", "json"])
    rows = json.loads(result.stdout)
    assert rows and {r["language"] for r in rows} == {"ar"}
    assert any(r["free_text"] == "المكان هنا جميل" for r in rows)


def test_question_pages_load_the_read_aloud_script_and_no_inline_script(client, make_codes):
    """Read-aloud is an external file that only adds to the page; nothing runs inline."""
    [code] = make_codes()
    html = client.get(start(client, code)).get_data(as_text=True)
    assert '<script src="/static/readaloud.js" defer></script>' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers either
    with client.get("/static/readaloud.js") as script:
        assert "speechSynthesis" in script.get_data(as_text=True)


def test_only_respondent_pages_follow_the_chosen_language(app):
    """Pages outside the respondent journey (staff, health) keep to English."""
    from survey_app.respond.language import babel_locale

    with app.test_request_context("/help?lang=ar"):
        assert babel_locale() == "ar"
    with app.test_request_context("/nowhere?lang=fa-AF"):
        assert babel_locale() == "fa_AF"  # the app's own error pages are respondents' too
    with app.test_request_context("/healthz?lang=ar"):
        assert babel_locale() == "en_GB"
