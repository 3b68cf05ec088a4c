"""Every respondent page, in every shipped language: WCAG 2.2 AA by axe-core, 320px, 200% text."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from survey_app.respond.language import SUPPORTED
from tests.browser.conftest import PHONE, chromium_path, launch
from tests.browser.helpers import (
    axe_violations,
    clipped,
    sideways_overflow,
    text_at_200_percent,
    with_axe,
)
from tests.browser.visits import RESPONDENT_VISITS, Where

pytestmark = pytest.mark.browser


def check_page(page, name: str) -> list[str]:
    """Problems on the page as it stands: axe, sideways scrolling at 320px, then 200% text."""
    problems = [f"{name}: {v}" for v in axe_violations(page)]
    if (extra := sideways_overflow(page)) > 0:
        problems.append(f"{name}: scrolls sideways by {extra}px at 320px")
    text_at_200_percent(page)
    if (extra := sideways_overflow(page)) > 0:
        problems.append(f"{name}: at 200% text, scrolls sideways by {extra}px")
    if cut := clipped(page):
        problems.append(f"{name}: at 200% text, content cut off in {cut}")
    return problems


def sweep(where: Where, visits) -> list[str]:
    """Make each visit in one language; what is wrong on each page it reaches.

    Staff pages (sign-in, dashboard) join as visits of their own, swept in en-GB.
    """
    problems: list[str] = []
    for visit in visits:
        try:
            for name in visit(where):
                lang = where.page.evaluate("document.documentElement.lang")
                if lang != where.language:
                    problems.append(f"{where.language} {name}: lang is {lang!r}")
                problems += [f"{where.language} {p}" for p in check_page(where.page, name)]
        except Exception as error:  # one broken visit must not hide the others' results
            problems.append(f"{where.language} {visit.__name__}: could not be visited: {error}")
    return problems


def test_every_respondent_page_is_accessible(make_app, serve, styled_codes, today):
    """Every respondent page in every shipped language: no axe-core WCAG 2.2 AA violation,
    `lang` set, no sideways scrolling at 320px, nothing cut off at 200% text.

    Two languages at a time run side by side, each in its own browser, to keep the suite quick.
    """
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    # Room for every language's made-up codes, which count as guesses from one address.
    base_url = serve(make_app(CODE_GUESS_LIMIT_PER_CLIENT=100))

    def serve_app(**config) -> str:
        return serve(make_app(**config))

    def in_language(language: str) -> list[str]:
        with sync_playwright() as playwright:
            browser = launch(playwright, path)
            try:
                page = with_axe(browser.new_context(viewport=PHONE, locale="en-GB")).new_page()
                page.set_default_timeout(20_000)
                where = Where(page, base_url, language, styled_codes, serve_app, today)
                return sweep(where, RESPONDENT_VISITS)
            finally:
                browser.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        problems = [p for found in pool.map(in_language, SUPPORTED) for p in found]
    assert not problems, "\n".join(problems)
