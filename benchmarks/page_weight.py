"""Prints each respondent page's weight: HTML plus the CSS and scripts it loads, gzip-compressed.

Budget: 14 KB per page (one TCP round trip on a slow phone connection).
Run: .venv/bin/python benchmarks/page_weight.py
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._server import demo_environment, invite  # noqa: E402

BUDGET = 14 * 1024


def weigh(client, path: str, method: str = "get", **kwargs) -> tuple[int, int]:
    response = getattr(client, method)(path, **kwargs)
    html = response.get_data()
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)
    body = html + b"".join(client.get(a.decode()).get_data() for a in assets)
    return response.status_code, len(gzip.compress(body, 9))


def walk(client, code: str):
    """Weigh every page a respondent can meet, in the order they meet them."""
    for name, path in (
        ("enter code", "/"),
        ("help", "/help"),
        ("welcome", f"/r/{code}"),
        ("unknown code", "/r/AAAA3333"),
    ):
        yield name, *weigh(client, path)
    client.post(f"/r/{code}/start")
    number = 1
    while True:
        path = f"/r/{code}/p/{number}"
        final = "Send my answers" in client.get(path).get_data(as_text=True)
        yield f"page {number}", *weigh(client, path)
        client.post(path, data={"nav": "next"})
        if final:
            break
        number += 1
    yield "thank you", *weigh(client, f"/r/{code}/thanks")
    yield "used code", *weigh(client, f"/r/{code}")


def main() -> int:
    with demo_environment() as env:
        import os

        os.environ.update(env)
        from survey_app import create_app

        app = create_app({"WTF_CSRF_ENABLED": False})
        worst = 0
        for audience in ("young_people", "professionals"):
            [code] = invite(env, 1, audience=audience)
            client = app.test_client()
            for name, status, size in walk(client, code):
                worst = max(worst, size)
                flag = "ok" if size <= BUDGET else "OVER BUDGET"
                print(f"{audience:<14} {name:<14} {status}  {size / 1024:5.1f} KB gzip  {flag}")
        print(f"heaviest page: {worst / 1024:.1f} KB gzip (budget {BUDGET // 1024} KB)")
        return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
