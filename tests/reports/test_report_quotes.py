"""Quotes in reports: beyond one home a small group is never quoted, in any format, and the
names the service holds never show."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from tests.reports.test_voice_report import voice

# One young person's comment on food: a group of one, well under the threshold of five.
QUOTE = "The cook makes a lovely curry on Wednesdays and the food is really good here"
WORDS = "lovely curry"
WITHHELD = "Not quoted: fewer than 5 comments on this theme"


@pytest.fixture
def one_comment(add_round):
    """OAK and WIL have six young people each; one at OAK commented on food."""
    add_round("OAK", "young_people", 6, comment=QUOTE)
    add_round("WIL", "young_people", 6, name="Willow Lodge")


def test_an_all_homes_html_report_does_not_quote_a_small_group(runner, tmp_path, one_comment):
    """The food heading says the count is not shown, and no quote follows it."""
    html = voice(runner, tmp_path, "html").read_text(encoding="utf-8")
    assert "(number of comments: fewer than 5 – not shown)" in html
    assert WITHHELD in html
    assert WORDS not in html


def test_an_all_homes_pdf_does_not_quote_a_small_group(runner, tmp_path, one_comment):
    """The PDF, printed from the same HTML, says why and carries no quote."""
    from pypdf import PdfReader

    path = voice(runner, tmp_path, "pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "Not quoted: fewer than 5" in text
    assert WORDS not in text and "curry" not in text


def test_all_homes_spreadsheets_carry_no_quote(runner, tmp_path, one_comment):
    """Neither the CSV nor any cell of the workbook holds the words of a comment."""
    rows = list(csv.reader(io.StringIO(voice(runner, tmp_path, "csv").read_text("utf-8"))))
    assert len(rows) > 20 and not [r for r in rows if any("curry" in cell for cell in r)]
    book = openpyxl.load_workbook(voice(runner, tmp_path, "xlsx"))
    cells = [c.value for s in book.worksheets for r in s.iter_rows() for c in r]
    assert not [v for v in cells if isinstance(v, str) and "curry" in v]


def test_a_one_home_report_still_quotes_its_small_group(runner, tmp_path, one_comment):
    """A report on one home is read by people who know its children: the quote stays."""
    html = voice(runner, tmp_path, "html", "--home", "OAK").read_text(encoding="utf-8")
    assert WORDS in html and WITHHELD not in html


def test_staff_names_the_service_holds_are_removed_in_any_case(runner, tmp_path, app, add_round):
    """A manager's name no name list holds goes from a quote even written in lower case."""
    from survey_app.accounts import AccountDetails, create_user
    from survey_app.extensions import db

    add_round("OAK", "young_people", 6, comment="wenna trelawny cooks the food and it is lovely")
    with app.app_context():
        create_user(AccountDetails("wenna@example.org", "Wenna Trelawny", "qa_team"), None, None)
        db.session.commit()
    html = voice(runner, tmp_path, "html", "--home", "OAK").read_text(encoding="utf-8")
    assert "cooks the food and it is lovely" in html
    assert "trelawny" not in html.lower() and "wenna" not in html.lower()
