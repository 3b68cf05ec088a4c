"""A survey can be done with the keyboard alone: Tab, Space and Enter, focus always visible."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# What has focus now: its kind, name/value, whether it is checked, where it is, and whether
# the focus shows (an outline, on the control or on the option box around it).
FOCUSED_JS = """() => {
  const el = document.activeElement;
  const box = el.closest('.opt') || el;
  const shown = [el, box].some(e => {
    const s = getComputedStyle(e);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  });
  const all = [...document.querySelectorAll('a[href], button, input, textarea')];
  return {tag: el.tagName.toLowerCase(), type: el.type || '', name: el.name || '',
          value: el.value || '', checked: !!el.checked, text: el.textContent.trim(),
          shown: shown, order: all.indexOf(el)};
}"""


def tab(page) -> dict:
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED_JS)


def continue_from_safety_page(page, visited: list[dict]) -> None:
    """Tab to "Carry on" and press Enter."""
    for _ in range(40):
        focused = tab(page)
        visited.append(focused)
        if focused["tag"] == "a" and focused["text"] == "Carry on":
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
    raise AssertionError("never reached Carry on")


def answer_page_by_keyboard(page, visited: list[dict]) -> None:
    """Tab through the page; Space picks the first answer of each question; Enter on Next."""
    answered: set[str] = set()
    for _ in range(80):
        focused = tab(page)
        visited.append(focused)
        if focused["type"] in ("radio", "checkbox") and focused["name"] not in answered:
            if focused["name"] != "wants_contact":
                page.keyboard.press("Space")
                answered.add(focused["name"])
        elif focused["tag"] == "textarea":
            page.keyboard.type("Typed with the keyboard only")
        elif focused["name"] == "nav" and focused["value"] == "next":
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
    raise AssertionError(f"never reached Next; focus went {[v['name'] for v in visited[-10:]]}")


def test_a_survey_can_be_completed_with_the_keyboard_only(app, page, base_url, make_codes):
    """From the link to the thank-you page with Tab, Space and Enter; answers are stored."""
    [code] = make_codes()
    page.goto(f"{base_url}/r/{code}")
    visited: list[dict] = []
    for _ in range(20):
        focused = tab(page)
        visited.append(focused)
        if focused["tag"] == "button" and "/start" in page.evaluate(
            "document.activeElement.form ? document.activeElement.form.action : ''"
        ):
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for _ in range(10):
        if "/thanks" in page.url:
            break
        if "/safety" in page.url:
            # The first answer of "How safe do you feel here?" is the lowest: the safety page
            # comes next, and its "Carry on" link must be reachable by keyboard too.
            continue_from_safety_page(page, visited)
            continue
        answer_page_by_keyboard(page, visited)
    assert page.url.endswith(f"/r/{code}/thanks")
    assert all(v["shown"] for v in visited), [v for v in visited if not v["shown"]][:3]
    with app.app_context():
        from survey_app.extensions import db
        from survey_app.models import Response

        response = db.session.execute(db.select(Response)).scalar_one()
        given = {a.question_id: a.value or a.text for a in response.answers}
        assert response.submitted_at is not None
        assert given["open_comment"] == "Typed with the keyboard only"
        assert len(given) >= 6


def test_tab_order_follows_the_page(page, base_url, make_codes):
    """Tab visits the controls in reading order: skip link, language and text size, the
    questions, Back, Next, then the help link; nothing is skipped and nothing jumps back."""
    [code] = make_codes()
    from tests.browser.helpers import start_survey

    start_survey(page, base_url, code)
    page.evaluate("document.activeElement.blur()")
    orders, seen = [], []
    for _ in range(60):
        focused = tab(page)
        if focused["order"] < 0 or (orders and focused["order"] <= orders[-1]):
            break
        orders.append(focused["order"])
        seen.append(focused)
    assert seen[0]["text"] == "Skip to main content"
    names = [v["name"] for v in seen]
    assert names.index("choose_lang") < names.index("safe_here") < names.index("nav")
    assert [v["value"] for v in seen if v["name"] == "nav"] == ["back", "next"]
    assert seen[-1]["text"].startswith("Need help?")
    # Each radio group is one Tab stop; arrow keys move inside it, as in every browser.
    assert names.count("safe_here") == 1


def test_enter_in_a_field_goes_on_rather_than_switching_language(page, base_url, make_codes):
    """The language buttons come first on the page, yet Enter in the name box sends the page."""
    [code] = make_codes()
    from tests.browser.helpers import start_survey

    start_survey(page, base_url, code)
    last = page.get_attribute("progress", "max")
    page.goto(f"{base_url}/r/{code}/p/{last}")
    page.check("input[name=wants_contact]")
    page.fill("input[name=contact_name]", "Sam")
    with page.expect_navigation():
        page.press("input[name=contact_name]", "Enter")
    assert page.url.endswith("/thanks")
    assert page.evaluate("document.documentElement.lang") == "en-GB"
