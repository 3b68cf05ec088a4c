"""What the browser tests check on a page, and how they move through a survey."""

from __future__ import annotations

import json

from axe_playwright_python.base import AXE_SCRIPT

# WCAG 2.2 level AA: axe-core's rules for A and AA of WCAG 2.0, 2.1 and 2.2.
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}


def with_axe(context):
    """Load axe-core (the copy bundled in axe-playwright-python) into every page of a context.

    Once per context rather than once per page: sending the 500 KB script each time is slow.
    """
    context.add_init_script(AXE_SCRIPT)
    return context


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.2 AA violations on the page, one readable line each."""
    found = page.evaluate(f"axe.run({json.dumps(AXE_OPTIONS)})")["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in found
    ]


def sideways_overflow(page) -> int:
    """How many CSS pixels the page scrolls sideways (0 when it fits)."""
    return page.evaluate(
        "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    )


# Elements that hide overflowing content (overflow other than visible) while their content
# is larger than their box: text cut off rather than wrapped.
CLIPPED_JS = """() => [...document.querySelectorAll('body *')].filter(el => {
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') return false;
  if (el.matches('.skip, .visually-hidden, progress, input, textarea, select')) return false;
  const hides = [style.overflowX, style.overflowY].some(v => v !== 'visible');
  return hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
}).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))"""


def clipped(page) -> list[str]:
    return page.evaluate(CLIPPED_JS)


def text_at_200_percent(page) -> None:
    """Double the text size as a reader's browser setting would (rem/em all follow the root)."""
    page.evaluate("document.documentElement.style.fontSize = '200%'")


def press(page, selector: str) -> None:
    """Click a button that sends a form, and wait for the page that comes back to load."""
    with page.expect_navigation():
        page.locator(selector).first.click()


def start_survey(page, base_url: str, code: str, language: str | None = None) -> None:
    """Open the link (in a language), press Start, land on the first question page."""
    page.goto(f"{base_url}/r/{code}" + (f"?lang={language}" if language else ""))
    press(page, "main form button[type=submit]")
    assert page.url.endswith(f"/r/{code}/p/1")


def next_page(page) -> None:
    press(page, "main button[name=nav][value=next]")
