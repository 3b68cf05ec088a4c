"""Forms for actions, meetings and dip samples; choices are filled in by the views.

Choice fields do not validate their choices here: the service checks every id against what the
person may use and says what is wrong in its own words.
"""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from survey_app.admin.forms import choices
from survey_app.ids import parse_id
from survey_app.models import LINKED_SOURCES, SOURCE_KINDS

BAD_DATE = "Write the date as year-month-day, like 2026-03-31."
UNLINKED_SOURCES = choices((k, v) for k, v in SOURCE_KINDS.items() if k not in LINKED_SOURCES)


def optional_int(value) -> int | None:
    """A posted id as an int; anything else as None, for the service to refuse kindly."""
    try:
        return parse_id(value)
    except ValueError:
        return None


def most(n: int, what: str = "it") -> Length:
    return Length(max=n, message=f"Keep {what} under {n:,} characters.")


def _date(label: str, required: str | None = None) -> DateField:
    first = InputRequired(required) if required else Optional()
    return DateField(label, validators=[first], invalid_value_message=BAD_DATE)


class ActionForm(FlaskForm):
    title = StringField(
        "Title", validators=[DataRequired("Give the action a title."), most(200, "the title")]
    )
    description = TextAreaField("What is to be done, and why", validators=[most(5000)])
    place = SelectField("For", validate_choice=False)
    owner = SelectField("Owner", coerce=optional_int, validate_choice=False)
    due_on = _date("Due", "Give a due date.")
    source_kind = SelectField("Raised by", choices=UNLINKED_SOURCES, validate_choice=False)
    source_reference = StringField(
        "Reference (which audit, review or inspection)", validators=[most(200)]
    )
    finding = SelectField("Finding it answers", coerce=optional_int, validate_choice=False)


class EditForm(FlaskForm):
    title = StringField(
        "Title", validators=[DataRequired("Give the action a title."), most(200, "the title")]
    )
    description = TextAreaField("What is to be done, and why", validators=[most(5000)])
    owner = SelectField("Owner", coerce=optional_int, validate_choice=False)
    due_on = _date("Due", "Give a due date.")


class MoveForm(FlaskForm):
    to = HiddenField()
    note = TextAreaField("Comment, reason or evidence", validators=[most(5000)])


class CommentForm(FlaskForm):
    text = TextAreaField("Comment", validators=[DataRequired("Write a comment first."), most(5000)])


class EvidenceForm(FlaskForm):
    evidence = TextAreaField(
        "Progress and evidence",
        validators=[DataRequired("Describe the evidence first."), most(5000)],
    )


class LinesForm(FlaskForm):
    language = StringField("Language", default="en-GB", validators=[most(20)])
    you_said = TextAreaField("You said …", validators=[most(300)])
    we_did = TextAreaField("We did …", validators=[most(300)])


class ConfirmForm(FlaskForm):
    """A button that changes something: the CSRF token is all it carries."""


class ExceptionForm(FlaskForm):
    note = TextAreaField("Why this is an exception", validators=[most(5000)])


class EscalateForm(FlaskForm):
    escalated_on = _date("Escalated on", "Give the date it was escalated.")
    note = TextAreaField(
        "Note for the Leadership Team",
        validators=[DataRequired("Add a note for the Leadership Team."), most(5000)],
    )


class MeetingForm(FlaskForm):
    held_on = _date("Held on", "Give the date the meeting was held.")
    attendees = TextAreaField(
        "Attendees", validators=[DataRequired("List who attended."), most(5000)]
    )
    reports_received = TextAreaField("Reports received", validators=[most(5000)])
    actions = SelectMultipleField(
        "Actions agreed (existing ones)", coerce=optional_int, validate_choice=False
    )


class AgreeForm(FlaskForm):
    actions = SelectMultipleField("Actions agreed", coerce=optional_int, validate_choice=False)


class AssignForm(FlaskForm):
    area = StringField(
        "Area to sample", validators=[DataRequired("Name the area to sample."), most(200)]
    )
    assigned_to = SelectField("Assigned to", coerce=optional_int, validate_choice=False)
    service = SelectField("Service", coerce=optional_int, validate_choice=False)
    due_on = _date("Findings due", "Give the date the findings are due.")


class FindingsForm(FlaskForm):
    findings = TextAreaField(
        "Findings", validators=[DataRequired("Write the findings."), most(10_000)]
    )
    completed_on = _date("Completed on", "Give the date it was completed.")
