"""What every respondent page promises: plain words, safety, privacy headers."""

from __future__ import annotations

import re

from survey_app.respond.codes import ALPHABET, grouped, new_code, normalise


def test_codes_are_typeable_and_unguessable():
    """Eight characters without look-alikes, shown as two groups of four."""
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert not set("01ILOUVSZ25") & set(ALPHABET)
    code = codes.pop()
    assert normalise(grouped(code).lower()) == code and normalise("too-short") is None


def test_welcome_explains_anonymity_skipping_and_time(client, make_codes):
    [code] = make_codes()
    html = client.get(f"/r/{code}").get_data(as_text=True)
    assert "nobody knows which answers are yours" in html
    assert "skip any question" in html and "3 minutes" in html


def test_link_previews_create_nothing(app, client, make_codes):
    """Opening a link (as a chat app's preview would) stores no response."""
    [code] = make_codes()
    client.get(f"/r/{code}")
    with app.app_context():
        from survey_app.extensions import db
        from survey_app.models import Response

        assert db.session.execute(db.select(Response)).first() is None


def test_security_headers_on_every_response(client, make_codes):
    """CSP without inline script, no framing, no sniffing, no referrer; answers never cached."""
    [code] = make_codes()
    for path in ("/", f"/r/{code}", "/help", "/nowhere"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
    assert client.get(f"/r/{code}").headers["Cache-Control"] == "no-store"


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://survey.test")
    assert "max-age" in secure.headers["Strict-Transport-Security"]


def test_no_page_loads_anything_from_elsewhere(client, make_codes):
    """No external fonts, scripts or CDNs: every src and href stays on this site."""
    [code] = make_codes()
    html = client.get(f"/r/{code}").get_data(as_text=True)
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not url.startswith(("http:", "https:", "//")), url


def test_every_control_has_a_label(client, make_codes):
    """Each radio, checkbox and text box on a question page is inside or tied to a label."""
    [code] = make_codes()
    client.get(f"/r/{code}")
    page = client.post(f"/r/{code}/start").location
    html = client.get(page).get_data(as_text=True)
    radios = [tag for tag in re.findall(r"<input[^>]+>", html) if 'type="radio"' in tag]
    assert radios
    for tag in radios:
        control_id = re.search(r'id="([^"]+)"', tag).group(1)
        assert f'for="{control_id}"' in html
