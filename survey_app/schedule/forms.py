"""Schedule forms; choices that come from the database are filled in by the views."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from survey_app.admin.forms import choices
from survey_app.ids import coerce_id
from survey_app.schedule.qa import TEXT_MAX
from survey_app.schedule.visits import FINDING_MAX_LENGTH, MAX_SERIES

DATE_MESSAGE = "Enter a real date, for example 2026-03-02."


class KindDateField(DateField):
    """A date field whose complaint about a date it cannot read says how to write one."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(DATE_MESSAGE) from None


def _date(label: str, required: bool = False) -> DateField:
    first = DataRequired(DATE_MESSAGE) if required else Optional()
    return KindDateField(label, validators=[first])


def _visitor_field() -> SelectField:
    return SelectField("Visitor", coerce=coerce_id, validate_choice=True)


class PlanVisitForm(FlaskForm):
    visit_date = _date("Date of the (first) visit", required=True)
    visitor = _visitor_field()
    count = IntegerField(
        "How many monthly visits to plan from that date",
        default=1,
        validators=[
            InputRequired("Enter how many visits to plan."),
            NumberRange(1, MAX_SERIES, f"Choose between 1 and {MAX_SERIES}."),
        ],
    )


class ChangeVisitForm(FlaskForm):
    visit_date = _date("Date", required=True)
    visitor = _visitor_field()


class VisitOutcomeForm(FlaskForm):
    done_on = _date("Visit done on")
    report_completed_on = _date("Report completed on")
    report_sent_on = _date("Report checked and sent to senior managers on")


class FindingForm(FlaskForm):
    kind = RadioField(
        "Kind of finding",
        choices=choices([("good", "Particularly good"), ("adverse", "Adverse")]),
        validators=[InputRequired("Choose whether the finding is good or adverse.")],
    )
    text = TextAreaField(
        "Finding (a short entry; no children's names)",
        validators=[
            DataRequired("Write the finding."),
            Length(max=FINDING_MAX_LENGTH, message=f"Keep it to {FINDING_MAX_LENGTH} characters."),
        ],
    )


class DoneForm(FlaskForm):
    done_on = _date("Done on", required=True)
    outcome = TextAreaField(
        "Outcome",
        validators=[DataRequired("Write the outcome."), Length(max=TEXT_MAX)],
    )
    exception = TextAreaField(
        "Exception to report, if any", validators=[Optional(), Length(max=TEXT_MAX)]
    )


class AddOccurrenceForm(FlaskForm):
    activity = SelectField("Activity", validate_choice=True)
    place = SelectField("Home or service", validate_choice=True)
    due_on = _date("Due on", required=True)
    note = TextAreaField("Note (why it was added)", validators=[Optional(), Length(max=TEXT_MAX)])


class OfstedActionsForm(FlaskForm):
    completed_on = _date("Ofsted actions completed on (leave empty if not yet)")


class PinForm(FlaskForm):
    home = SelectField("Home", coerce=coerce_id, validate_choice=True)
    theme = SelectField("Theme (audience: theme)", validate_choice=True)


class ThemeForm(FlaskForm):
    """A retire or restore button: which theme, as 'audience:theme_id'."""

    theme = StringField(validators=[DataRequired(), Length(max=90)])
