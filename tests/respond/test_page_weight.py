"""The page weight budget: each respondent page, with the CSS and scripts it loads, ≤ 14 KB
gzip-compressed, in every language (a phone on a poor connection, a cheap data plan)."""

from __future__ import annotations

import gzip
import re
from datetime import timedelta

import pytest

from survey_app.respond.language import SUPPORTED
from tests.respond.helpers import start

BUDGET = 14 * 1024
ASSETS = re.compile(r'<(?:link rel="stylesheet" href|script src)="(/static/[^"]+)"')


def weight(client, html: str) -> int:
    """gzip bytes of the page plus every stylesheet and script it loads."""
    total = len(gzip.compress(html.encode("utf-8"), 9))
    for path in ASSETS.findall(html):
        with client.get(path) as asset:
            assert asset.status_code == 200, path
            total += len(gzip.compress(asset.get_data(), 9))
    return total


def respondent_pages(client, make_codes, make_round, make_home, today):
    """Every kind of respondent page: (name, HTML)."""
    home = make_home()
    yield "enter code", client.get("/").get_data(as_text=True)
    yield "help", client.get("/help").get_data(as_text=True)
    yield "not found", client.get("/nowhere").get_data(as_text=True)
    soon = make_codes(
        round_id=make_round(
            home_id=home, opens=today + timedelta(days=2), closes=today + timedelta(days=9)
        )
    )
    yield "not open", client.get(f"/r/{soon[0]}").get_data(as_text=True)
    for theme in ("feeling_safe", "food_and_home", "family_and_friends", "ready_for_the_future"):
        [code] = make_codes(round_id=make_round(theme=theme, home_id=home))
        yield f"{theme} welcome", client.get(f"/r/{code}").get_data(as_text=True)
        url = start(client, code)
        while True:
            html = client.get(url).get_data(as_text=True)
            yield f"{theme} {url}", html
            response = client.post(url, data={"nav": "next"})
            if response.location.endswith("/thanks"):
                break
            url = response.location
        yield f"{theme} thanks", client.get(response.location).get_data(as_text=True)


@pytest.mark.parametrize("language", list(SUPPORTED))
def test_every_respondent_page_is_within_14_kb(
    client, make_codes, make_round, make_home, today, language
):
    client.get(f"/help?lang={language}")
    weights = {
        name: weight(client, html)
        for name, html in respondent_pages(client, make_codes, make_round, make_home, today)
    }
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] <= BUDGET, f"{heaviest}: {weights[heaviest]} bytes"
    assert len(weights) > 20
