"""QR codes as inline SVG: no image requests, nothing for the CSP to allow."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(url: str) -> Markup:
    """The URL's QR code as SVG with a viewBox, so the print CSS decides its size."""
    svg = segno.make(url, error="m").svg_inline(
        scale=4, omitsize=True, title="QR code of the survey link"
    )
    return Markup(svg)  # noqa: S704 (segno's own markup, with the URL only inside path data)
