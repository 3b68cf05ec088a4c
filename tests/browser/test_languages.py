"""Switching language mid-survey, in a real browser: answers kept, layout mirrored."""

from __future__ import annotations

import pytest

from tests.browser.helpers import next_page, press, start_survey

pytestmark = pytest.mark.browser


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_switching_to_arabic_mid_survey_keeps_answers_and_mirrors_the_layout(
    app, runner, page, base_url, make_codes
):
    """An answer not yet sent survives the switch; the page turns right-to-left; the answers
    sent before and after are all stored, with Arabic as the response's language."""
    [code] = make_codes()
    start_survey(page, base_url, code)
    page.check("input[name=safe_here][value='4']")
    next_page(page)
    page.check("input[name=happy_here][value='5']")  # chosen, not yet sent
    english_next, english_back = box(page, "main [value=next]"), box(page, "main [value=back]")
    assert english_back["x"] < english_next["x"]

    press(page, "button[name=choose_lang][value=ar]")
    assert page.url.endswith(f"/r/{code}/p/2")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    assert page.is_checked("input[name=happy_here][value='5']")
    assert "ما مدى سعادتك في العيش هنا؟" in page.inner_text("main")
    # Mirrored: Back on the right, Next to its left; each answer's button right of its words.
    assert box(page, "main [value=back]")["x"] > box(page, "main [value=next]")["x"]
    assert box(page, ".opt input")["x"] > box(page, ".opt .w")["x"]
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"

    press(page, "main [value=back]")
    assert page.is_checked("input[name=safe_here][value='4']")
    assert page.evaluate("document.documentElement.lang") == "ar"

    last = page.get_attribute("progress", "max")
    page.goto(f"{base_url}/r/{code}/p/{last}")
    page.fill("textarea", "المكان هنا جميل")
    next_page(page)
    assert page.url.endswith("/thanks") and "شكرًا لك!" in page.inner_text("h1")

    from tests.respond.test_journey import export_json

    rows = export_json(runner)
    stored = {r["question_id"]: (r["value"] or r["free_text"], r["language"]) for r in rows}
    assert stored["safe_here"] == ("4", "ar") and stored["happy_here"] == ("5", "ar")
    assert stored["open_comment"] == ("المكان هنا جميل", "ar")
