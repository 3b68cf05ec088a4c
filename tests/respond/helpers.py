"""Walk the respondent journey over HTTP the way a phone would."""

from __future__ import annotations

import re

PAGE_LINK = re.compile(r'action="(/r/\w+/p/(\d+))"')


def start(client, code: str) -> str:
    """Open the link, press Start, return the first page's URL."""
    assert client.get(f"/r/{code}").status_code == 200
    response = client.post(f"/r/{code}/start")
    assert response.status_code == 302
    return response.location


def fields_on(html: str) -> dict[str, list[str]]:
    """Each question field on a page with the values it offers."""
    found: dict[str, list[str]] = {}
    for tag in re.findall(r"<input[^>]+>", html):
        name = re.search(r'name="(\w+)"', tag)
        kind = re.search(r'type="(radio|checkbox)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and kind and value:
            found.setdefault(name.group(1), []).append(value.group(1))
    if "<textarea" in html:
        for name in re.findall(r'<textarea[^>]+name="(\w+)"', html):
            found[name] = []
    return found


def answer_everything(
    client, code: str, pick=lambda values: values[-1], comment="All good", extra=None
) -> list[dict]:
    """Answer every page (the chosen option of each question) and send; returns what was sent."""
    url = start(client, code)
    sent = []
    while True:
        html = client.get(url).get_data(as_text=True)
        data = {}
        for name, values in fields_on(html).items():
            if name in ("wants_contact",):
                continue
            data[name] = comment if not values else pick(values)
        final = "Send my answers" in html
        if final and extra:
            data.update(extra)
        data["nav"] = "next"
        response = client.post(url, data=data)
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        sent.append(data)
        if final:
            # A possible disclosure is followed by the safety page before the thank-you.
            assert response.location.endswith(("/thanks", "/safety"))
            return sent
        url = response.location


def checked(html: str) -> dict[str, list[str]]:
    """The values shown as chosen on a page, by field name."""
    found: dict[str, list[str]] = {}
    for tag in re.findall(r"<input[^>]+>", html):
        name, value = re.search(r'name="(\w+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and value and re.search(r"\schecked", tag):
            found.setdefault(name.group(1), []).append(value.group(1))
    return found
