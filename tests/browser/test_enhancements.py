"""Read-aloud where the browser can speak; bigger text and the whole survey without JavaScript."""

from __future__ import annotations

import pytest

from tests.browser.helpers import next_page, press, start_survey

pytestmark = pytest.mark.browser

# Listen instead of speaking: what would have been said, and in which language.
RECORD_SPEECH = """
window.spoken = [];
speechSynthesis.speak = u => window.spoken.push([u.text, u.lang]);
speechSynthesis.cancel = () => {};
"""
NO_SPEECH = "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"


def test_read_aloud_speaks_the_question_and_its_answers_in_the_page_language(
    new_page, base_url, make_codes
):
    """ "Read this to me" says the question, then each answer, with the page's language."""
    page = new_page()
    page.add_init_script(RECORD_SPEECH)
    [code] = make_codes()
    start_survey(page, base_url, code, "ar")
    buttons = page.locator("button.read")
    assert buttons.count() == 2  # one per question on the page
    assert buttons.first.inner_text() == "اقرأ هذا لي"
    buttons.first.click()
    spoken = page.evaluate("window.spoken")
    assert "ما مدى شعورك بالأمان هنا؟" in spoken[0][0]
    assert [text for text, _ in spoken[1:]] == [
        "لا أشعر بالأمان أبدًا",
        "لا أشعر بالأمان كثيرًا",
        "لا بأس",
        "أشعر بالأمان",
        "أشعر بأمان كبير",
    ]
    assert {language for _, language in spoken} == {"ar"}


def test_english_standing_in_for_a_translation_is_read_as_english(
    make_app, serve, new_page, make_codes, tmp_path
):
    """A question without Arabic is shown in English, marked lang="en", and spoken as English."""
    from tests.respond.test_languages import bank_without

    app = make_app(QUESTION_BANKS_DIR=bank_without(tmp_path, "How safe do you feel here?", "ar"))
    base_url = serve(app)
    page = new_page()
    page.add_init_script(RECORD_SPEECH)
    [code] = make_codes()
    start_survey(page, base_url, code, "ar")
    assert page.get_attribute("legend [lang]", "lang") == "en"
    page.locator("button.read").first.click()
    assert page.evaluate("window.spoken")[0] == ["1. How safe do you feel here?", "en"]


def test_without_speech_there_is_no_read_aloud_button(new_page, base_url, make_codes):
    page = new_page()
    page.add_init_script(NO_SPEECH)
    [code] = make_codes()
    start_survey(page, base_url, code)
    assert page.locator("button.read").count() == 0
    assert page.locator("fieldset.q").count() == 2


def test_bigger_text_without_javascript_keeps_the_answers(new_page, base_url, make_codes):
    """With JavaScript off: "Bigger text" on a question page keeps a chosen answer and makes
    the text bigger; the survey still goes through to the end."""
    page = new_page(java_script_enabled=False)
    [code] = make_codes()
    start_survey(page, base_url, code)
    normal = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.check("input[name=safe_here][value='2']")
    press(page, "button[name=choose_text][value=big]")
    assert "big" in page.get_attribute("body", "class")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") > normal * 1.2
    assert page.is_checked("input[name=safe_here][value='2']")
    assert page.locator("button.read").count() == 0
    while "/thanks" not in page.url:
        next_page(page)
    assert "Thank you!" in page.inner_text("h1")
    page.goto(f"{base_url}/help")
    assert "big" in page.get_attribute("body", "class")  # the choice stays for the session
    press(page, "a.choice:has-text('Smaller text')")
    assert "big" not in (page.get_attribute("body", "class") or "")


def test_answers_chosen_before_a_dropped_connection_come_back(new_page, base_url, make_codes):
    """A page sent while the connection drops: on reloading it, the answers chosen are still
    ticked and the young person is told so. Once the survey is sent, the tab keeps nothing."""
    page = new_page()
    [code] = make_codes()
    start_survey(page, base_url, code)
    page.check("input[name=safe_here][value='2']")
    page.route("**/p/1", lambda route: route.abort() if route.request.method == "POST" else
               route.continue_())  # fmt: skip
    page.locator("main button[name=nav][value=next]").click()
    page.wait_for_timeout(200)
    page.unroute("**/p/1")
    page.goto(f"{base_url}/r/{code}/p/1")
    assert page.is_checked("input[name=safe_here][value='2']")
    assert page.is_visible("#kept-note")
    assert "We kept the answers" in page.inner_text("#kept-note")
    while "/thanks" not in page.url:
        next_page(page)
    kept = page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('draft:'))")
    assert kept == []


def test_answers_the_server_has_are_not_called_kept(new_page, base_url, make_codes):
    """Going back to a page that was sent shows its answers with no "we kept" note."""
    page = new_page()
    [code] = make_codes()
    start_survey(page, base_url, code)
    page.check("input[name=safe_here][value='4']")
    next_page(page)
    press(page, "main button[name=nav][value=back]")
    assert page.is_checked("input[name=safe_here][value='4']")
    assert not page.is_visible("#kept-note")


def test_a_name_is_never_kept_in_the_tab(new_page, base_url, make_codes):
    """On the last page the comment is kept while typing, the name asked for is not."""
    page = new_page()
    [code] = make_codes()
    start_survey(page, base_url, code)
    while "Send my answers" not in page.inner_text("main"):
        next_page(page)
    page.fill("textarea[name=open_comment]", "The garden is nice")
    page.fill("input[name=contact_name]", "Sam")
    kept = page.evaluate("JSON.stringify(Object.values(sessionStorage))")
    assert "The garden is nice" in kept
    assert "Sam" not in kept
