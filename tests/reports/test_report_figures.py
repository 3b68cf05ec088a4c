"""The voice report on the demo data: every figure rebuilds from the report's own CSV.

The demo is seeded as of 4 December 2026 and the report covers June to November 2026: the data
on which issue 12 found "positive" counting only the top two answers (cp_plan_knowledge at 45%
and under worries) and Oak House's by-home figure not matching its core questions.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections import defaultdict
from datetime import date
from html.parser import HTMLParser

import pytest

from analysis.formatting import format_count, format_interval
from analysis.reports.highlights import WORRY_NEGATIVE
from analysis.stats import proportion

DEMO_DAY = date(2026, 12, 4)
FROM, TO = "2026-06-01", "2026-11-30"
SECTIONS = {
    "young_people": "Young people",
    "professionals": "Professionals",
    "families": "Families",
    "staff": "Staff",
}


@pytest.fixture
def voice(app, tmp_path) -> dict:
    """The all-homes voice report on the demo data, as CSV rows (by group) and as HTML."""
    from survey_app.banks import get_banks
    from survey_app.demo import seed_demo

    with app.app_context():
        seed_demo(get_banks(), DEMO_DAY)
    built = {}
    for fmt in ("csv", "html"):
        path = tmp_path / f"voice.{fmt}"
        args = ["report", "voice", "--from", FROM, "--to", TO, "--format", fmt, "--out", path]
        result = app.test_cli_runner().invoke(args=[str(a) for a in args])
        assert result.exit_code == 0, result.output
        built[fmt] = path.read_text(encoding="utf-8")
    groups: dict[tuple, dict[str, str]] = defaultdict(dict)
    for row in csv.DictReader(io.StringIO(built["csv"])):
        key = (row["section"], row["home"], row["audience"], row["theme"], row["question"])
        groups[key][row["measure"]] = row["value"]
    return {"groups": groups, "html": built["html"]}


def _share(group: dict, prefix: str, side: str):
    """A share rebuilt from the CSV's counts alone."""
    return proportion(int(group[f"{prefix}{side}_answers"]), int(group[f"{prefix}answers"]))


def test_cp_plan_knowledge_counts_good_or_better_as_positive(voice):
    """41% Good, 28% Very good, 17% Excellent: 86% positive (was 45%), and not a worry."""
    theme, question = "care_planning_and_reviews", "cp_plan_knowledge"
    group = voice["groups"][("Professionals", "all homes", "professionals", theme, question)]
    assert (group["positive_answers"], group["answers"]) == ("25", "29")
    assert group["share_positive"] == "0.8621"
    assert (group["negative_answers"], group["share_negative"]) == ("4", "0.1379")
    worries = _list(voice["html"], "professionals", "What worries people")
    assert not any("care and placement plans" in item for item in worries)
    assert "How well do staff know and work to the child" not in " ".join(worries)


def test_reading_this_report_says_what_positive_means(voice):
    """Good or better on the quality scale; the middle of a five-point scale is neither."""
    text = _text(voice["html"])
    assert "What “positive” means." in text
    assert "Good, Very good, Excellent Poor, Fair –" in text
    assert "Agree, Strongly agree Strongly disagree, Disagree Neither agree nor disagree" in text


def test_every_share_in_the_csv_rebuilds_from_its_counts(voice):
    """Share, interval, negative share, previous period, and each answer's share: 0 mismatches."""
    mismatches, checked = [], 0
    for key, group in voice["groups"].items():
        for prefix in ("", "previous_"):
            if f"{prefix}answers" not in group:
                continue
            for side in ("positive", "negative"):
                share = _share(group, prefix, side)
                for end in ("", "_low", "_high"):
                    measure = f"{prefix}share_{side}{end}"
                    wanted = round(getattr(share, end[1:] or "share"), 4)
                    checked += 1
                    if float(group[measure]) != wanted:
                        mismatches.append((key, measure, group[measure], wanted))
        for measure, count in group.items():
            if measure.startswith("respondents: "):
                answer = measure.removeprefix("respondents: ")
                wanted = round(int(count) / int(group["respondents"]), 4)
                checked += 1
                if float(group[f"answer: {answer}"]) != wanted:
                    mismatches.append((key, answer, group[f"answer: {answer}"], wanted))
    assert checked > 1000
    assert mismatches == []


def test_the_headline_and_by_home_figures_in_the_html_rebuild_from_the_csv(voice):
    """Each core question's share, and each home's row of the by-home table, cell by cell."""
    tables = _tables(voice["html"])
    checked = 0
    for audience, section in SECTIONS.items():
        core = next(t for t in tables[audience] if t[0][0] == "Question")
        by_home = next(t for t in tables[audience] if t[0][2].startswith("Core answers positive"))
        questions = [
            key for key in voice["groups"] if key[:4] == (section, "all homes", audience, "core")
        ]
        for row, key in zip(core[1:], questions, strict=True):
            assert row[1] == voice["groups"][key]["respondents"]
            assert row[3] == _cell(voice["groups"][key])
            checked += 1
        for row in by_home[1:]:
            home = re.search(r"\((\w+)\)$", row[0]).group(1)
            assert row[1] == voice["groups"][(section, home, audience, "", "")]["respondents"]
            pooled = voice["groups"][(section, home, audience, "core", "")]
            assert row[2] == _cell(pooled, pooled=True), (audience, home)
            for cell, (*_, question) in zip(row[3:], questions, strict=True):
                group = voice["groups"][(section, home, audience, "core", question)]
                assert cell == _cell(group), (audience, home, question)
                checked += 1
    assert checked > 80  # 4 audiences: their core questions, and each home's row


def _cell(group: dict, pooled: bool = False) -> str:
    """What the report shows for a group, worked out from the CSV: a hidden figure's words,
    "–" for a question with no positive answers, else the share from the counts."""
    if "answers" not in group:
        return "–" if group["respondents"].isdigit() else group["respondents"]
    share = _share(group, "", "positive")
    counted = f", {format_count(share.positive, share.n)} answers" if pooled else ""
    return format_interval(share) + counted


def test_a_homes_pooled_core_figure_adds_up_its_core_questions(voice):
    """Oak House's young people: 64 positive of 93 answers, 69% (was 72% of 201 answers)."""
    groups = voice["groups"]
    oak = groups[("Young people", "OAK", "young_people", "core", "")]
    assert (oak["positive_answers"], oak["answers"]) == ("64", "93")
    assert oak["share_positive"] == "0.6882"
    for (section, home, audience, theme, question), group in groups.items():
        if theme != "core" or question or home == "all homes":
            continue
        parts = [
            g
            for (s, h, a, t, q), g in groups.items()
            if (s, h, a, t) == (section, home, audience, "core") and q
        ]
        if "answers" not in group or any("answers" not in g for g in parts):
            continue  # a hidden figure is words, not a count
        for measure in ("answers", "positive_answers", "negative_answers"):
            assert int(group[measure]) == sum(int(g[measure]) for g in parts), (home, measure)


def test_each_listed_worry_shows_the_figures_its_stated_rule_reads(voice):
    """The rule is printed beside the list; every item's negative share meets it."""
    for audience in SECTIONS:
        chunk = _section(voice["html"], audience)
        assert "The rule: a question is listed when at least 20% of its answers were negative" in (
            _text(chunk)
        )
        for item in _list(voice["html"], audience, "What worries people"):
            if item.startswith("Comments about"):
                continue
            low = re.search(r"negative \d+% \((\d+)% to \d+%\)", item)
            assert int(low.group(1)) >= WORRY_NEGATIVE * 100 or ": rose" in item, item


class _Tables(HTMLParser):
    """Every table's rows of cell texts, by the report section (audience) it is in."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list] = defaultdict(list)
        self.section, self.cell = "", None

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.section = dict(attrs).get("id", "")
        elif tag == "table":
            self.tables[self.section].append([])
        elif tag == "tr":
            self.tables[self.section][-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.tables[self.section][-1][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def _tables(page: str) -> dict[str, list]:
    parser = _Tables()
    parser.feed(page)
    return parser.tables


def _section(page: str, audience: str) -> str:
    return page.split(f'<section class="part" id="{audience}">')[1].split("</section>")[0]


def _list(page: str, audience: str, heading: str) -> list[str]:
    after = _section(page, audience).split(f"<h3>{heading}</h3>")[1].split("<h3>")[0]
    return [_text(item) for item in re.findall(r"<li>(.*?)</li>", after, re.DOTALL)]


def _text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())
