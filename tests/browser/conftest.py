"""Headless Chromium (Debian's package) driven by Playwright against a real server on loopback."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 320, "height": 640}


def chromium_path() -> str:
    """Debian's Chromium, or CHROMIUM=/path; never a browser that Playwright downloads."""
    wanted = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(wanted).exists():
        pytest.fail(
            f"Chromium not found ({wanted}). The browser tests need Debian's chromium package: "
            "`make browser` installs it as root, or `sudo apt-get install chromium`.",
            pytrace=False,
        )
    return wanted


def launch(playwright, path: str):
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser():
    """One browser for the whole run; each test gets its own context (cookies, viewport)."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as playwright:
        launched = launch(playwright, path)
        yield launched
        launched.close()


@pytest.fixture
def serve() -> Iterator:
    """Serve an app on 127.0.0.1 at a free port in a background thread; returns its base URL."""
    servers = []

    def start(app) -> str:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def base_url(app, serve) -> str:
    return serve(app)


@pytest.fixture
def new_page(browser):
    """Open a page in a fresh context: a phone-sized English browser unless told otherwise."""
    contexts = []

    def factory(viewport=PHONE, locale="en-GB", **options):
        context = browser.new_context(viewport=viewport, locale=locale, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield factory
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def styled_codes(app, make_home, today):
    """Codes for a young people's round of `theme`, shown in `presentation` (default: its own)."""
    from datetime import timedelta

    from survey_app.banks import get_banks
    from survey_app.extensions import db
    from survey_app.models import Home
    from survey_app.rounds import issue_invitations, open_round

    home_id = make_home()

    def factory(
        theme: str,
        presentation: str | None = None,
        count: int = 1,
        opens=None,
        closes=None,
        audience: str = "young_people",
    ) -> list[str]:
        with app.app_context():
            home = db.session.get(Home, home_id)
            chosen = get_banks().theme(audience, theme)
            round_ = open_round(
                home,
                chosen,
                opens or today - timedelta(days=2),
                closes or today + timedelta(days=7),
                presentation=presentation,
            )
            return [i.code for i in issue_invitations(round_, count)]

    return factory
