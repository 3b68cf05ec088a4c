"""Security headers on every response: no inline script, no framing, no sniffing."""

from __future__ import annotations

from flask import Response, current_app, request

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

PRIVATE_BLUEPRINTS = ("respond", "auth", "staff", "admin")


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("X-Frame-Options", "DENY")
    # Behind a TLS-terminating proxy the request itself looks like plain HTTP; BASE_URL says.
    if request.is_secure or current_app.config["BASE_URL"].startswith("https://"):
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    # Answers and staff pages are private: no shared cache may keep them.
    blueprint = (request.endpoint or "").split(".")[0]
    if blueprint in PRIVATE_BLUEPRINTS or request.path.startswith("/staff"):
        headers.setdefault("Cache-Control", "no-store")
    return response
