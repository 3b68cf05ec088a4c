"""The JSON-lines export round-trips records and names the line of any bad record."""

import io
import json

import pytest

from analysis import (
    AnswerRecord,
    ExportError,
    count_answers,
    load_export,
    read_jsonl,
    write_jsonl,
)
from tests.analysis.factories import make_response, make_round, scale_answers


def test_round_trip_keeps_every_field_and_type():
    """Rounds, responses and answers come back equal, dates as dates."""
    records = [make_round(), make_response(), make_response(submitted=False), *scale_answers([4])]
    out = io.StringIO()
    assert write_jsonl(out, records) == 4
    export = load_export(io.StringIO(out.getvalue()))
    assert (*export.rounds, *export.responses, *export.answers) == tuple(records)


def test_each_line_is_typed_json_with_iso_dates():
    """A line is a JSON object with "type" and ISO-8601 dates."""
    out = io.StringIO()
    write_jsonl(out, [make_round()])
    row = json.loads(out.getvalue())
    assert row["type"] == "round"
    assert row["opens"] == "2026-03-01"


def test_streamed_answers_can_be_counted_without_loading_the_file():
    """``read_jsonl`` is lazy, so answers can flow straight into ``count_answers``."""
    out = io.StringIO()
    write_jsonl(out, [make_round(), *scale_answers([5, 4, 1])])
    answers = (r for r in read_jsonl(io.StringIO(out.getvalue())) if isinstance(r, AnswerRecord))
    assert count_answers(answers).questions[0].respondents == 3


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 2: not JSON"),
        ('{"type": "visit"}', "line 2: 'type' must be one of"),
        ('{"type": "round", "round_id": "r"}', "line 2: missing field(s)"),
        ('{"type": "answer", "colour": 1}', "line 2: unknown field(s) colour"),
    ],
)
def test_bad_lines_are_refused_with_their_number(line, message):
    """The error names the line and what is wrong with it."""
    out = io.StringIO()
    write_jsonl(out, [make_round()])
    with pytest.raises(ExportError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_export(io.StringIO(out.getvalue() + line + "\n"))
