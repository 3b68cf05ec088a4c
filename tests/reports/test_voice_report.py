"""`survey-app report voice`: both voice sections, charts, anonymised quotes, no small numbers."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest

from tests.reports.conftest import FROM, TO

COMMENT = "Sarah from Bristol, 07700 900123, says the food here is really good now"


@pytest.fixture
def two_homes(add_round):
    """OAK: six young people and five professionals; WIL: three young people (too few)."""
    add_round("OAK", "young_people", 6, comment=COMMENT)
    add_round("OAK", "professionals", 5)
    add_round("WIL", "young_people", 3, positive=False, name="Willow Lodge")


def voice(runner, tmp_path, fmt="html", *extra):
    out = tmp_path / f"voice.{fmt}"
    result = runner.invoke(
        args=[
            "report",
            "voice",
            "--from",
            FROM,
            "--to",
            TO,
            "--format",
            fmt,
            "--out",
            str(out),
            *extra,
        ]
    )
    assert result.exit_code == 0, result.output
    return out


def test_html_has_both_sections_accessible_charts_and_anonymised_quotes(
    runner, tmp_path, two_homes
):
    """The report names §8.3 and §8.4, draws SVG charts with text alternatives, quotes no names.

    One comment is quoted only in a report on its home (across homes a group of one is not).
    """
    html = voice(runner, tmp_path).read_text(encoding="utf-8")
    assert "What young people told us" in html and "What professionals told us" in html
    assert '<svg role="img" aria-labelledby=' in html and "<title id=" in html
    assert "<figcaption>" in html
    assert "food here is really good now" not in html
    html = voice(runner, tmp_path, "html", "--home", "OAK").read_text(encoding="utf-8")
    assert "food here is really good now" in html
    for identifying in ("Sarah", "Bristol", "07700", "900123"):
        assert identifying not in html
    assert "[name]" in html and "[phone]" in html


def test_every_chart_names_its_own_text_alternative(runner, tmp_path, two_homes):
    """Ids are unique across the page, so each chart's aria-labelledby finds its own title."""
    html = voice(runner, tmp_path).read_text(encoding="utf-8")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    for label in re.findall(r'aria-labelledby="([^"]+)"', html):
        assert f'<title id="{label}">' in html


def test_a_home_under_five_is_hidden_and_its_sibling_too(runner, tmp_path, two_homes):
    """WIL's 3 are not shown; OAK's 6 are hidden as well, or 9 − 6 would give WIL away."""
    html = voice(runner, tmp_path).read_text(encoding="utf-8")
    assert "fewer than 5 – not shown" in html
    assert "not shown – would reveal a group of fewer than 5" in html
    rows = _csv_rows(voice(runner, tmp_path, "csv"))
    young = [
        r
        for r in rows
        if r["audience"] == "young_people"
        and r["section"] == "Young people"
        and r["measure"] == "respondents"
        and not r["question"]
        and not r["theme"]
    ]
    by_home = {r["home"]: r["value"] for r in young}
    assert by_home["all homes"] == "9"
    assert by_home["WIL"] == "fewer than 5 – not shown"
    assert by_home["OAK"] == "not shown – would reveal a group of fewer than 5"


def test_one_home_report_compares_with_all_homes(runner, tmp_path, two_homes):
    """--home narrows the report to one home, with the all-homes figure beside each question."""
    html = voice(runner, tmp_path, "html", "--home", "oak").read_text(encoding="utf-8")
    assert "OAK House (OAK)" in html and "All homes: positive" in html
    assert "Willow Lodge" not in html


def test_xlsx_holds_the_csv_figures_and_no_cell_is_a_formula(runner, tmp_path, add_round):
    """Every CSV row is in the workbook, in order, and no text cell can run as a formula."""
    add_round("EVL", "young_people", 6, name='=HYPERLINK("http://evil.test")')
    rows = _csv_rows(voice(runner, tmp_path, "csv", "--home", "EVL"))
    book = openpyxl.load_workbook(voice(runner, tmp_path, "xlsx", "--home", "EVL"))
    figures = []
    for sheet in book.worksheets[1:]:
        header, *body = sheet.iter_rows(values_only=True)
        figures += [dict(zip(header, map(_same, row), strict=True)) for row in body]
    # The workbook has a sheet per section, so compare the rows whatever their order.
    assert sorted(map(_key, figures)) == sorted(
        _key({k: _same(v) for k, v in r.items()}) for r in rows
    )
    assert len(rows) > 20
    cells = [c.value for s in book.worksheets for r in s.iter_rows() for c in r]
    text = [v for v in cells if isinstance(v, str)]
    assert not [v for v in text if v[0] in "=+-@"]
    assert '\'=HYPERLINK("http://evil.test") (EVL)' in text


def test_pdf_prints_both_sections(runner, tmp_path, two_homes):
    """The PDF is a real PDF whose text carries both section titles."""
    from pypdf import PdfReader

    path = voice(runner, tmp_path, "pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "What young people told us" in text and "What professionals told us" in text


def test_demo_data_report_shows_quotes_charts_and_hidden_cells(runner, tmp_path, today):
    """On the demo, the last six months' report has charts and suppressed cells; its comments
    are few and repeated, so only a report on one home quotes them."""
    runner.invoke(args=["demo"])
    out = tmp_path / "demo.html"
    start = today.replace(day=1).replace(month=(today.month - 6) % 12 + 1)
    start = start.replace(year=today.year - (today.month <= 6))
    result = runner.invoke(
        args=[
            "report",
            "voice",
            "--from",
            start.isoformat(),
            "--to",
            today.isoformat(),
            "--out",
            str(out),
        ]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.count("<svg") >= 8 and "<blockquote>" not in html
    assert "fewer than 5 – not shown" in html and "Not quoted: fewer than 5 comments" in html
    assert "Sarah" not in html
    period = ["--from", start.isoformat(), "--to", today.isoformat()]
    one_home = ["report", "voice", *period, "--home", "OAK", "--out", str(out)]
    assert runner.invoke(args=one_home).exit_code == 0
    assert "<blockquote>" in out.read_text(encoding="utf-8")


def _key(row: dict) -> tuple:
    return tuple(str(v) for v in row.values())


def _same(value) -> object:
    """A cell as a number where it is one, so 1 (XLSX) and "1.0" (CSV) compare equal."""
    if value is None:
        return ""
    try:
        return float(value)
    except ValueError:
        return value


def _csv_rows(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
