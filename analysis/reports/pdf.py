"""Reports as PDF, by WeasyPrint from the same self-contained HTML."""

from __future__ import annotations

from typing import IO


def write_pdf(html: str, out: IO[bytes]) -> None:
    """Print the HTML to PDF (A4, as its print CSS says); nothing is fetched from outside."""
    # Imported here: WeasyPrint loads Pango when imported, which only PDF output needs.
    from weasyprint import HTML

    HTML(string=html, url_fetcher=_refuse).write_pdf(out)


def _refuse(url: str, *args, **kwargs):
    raise ValueError(f"reports are self-contained; refusing to fetch {url}")
