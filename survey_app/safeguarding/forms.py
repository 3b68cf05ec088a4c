"""Staff forms: a flag's review, and who leads safeguarding for a service."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length

from survey_app.ids import coerce_id
from survey_app.models import FLAG_OUTCOMES

MAX_NOTES = 5000


class ReviewForm(FlaskForm):
    outcome = RadioField(
        "Outcome",
        choices=[SelectChoice(key, label) for key, label in FLAG_OUTCOMES.items()],
        validate_choice=False,
        validators=[
            InputRequired("Choose the outcome of the review."),
            AnyOf(list(FLAG_OUTCOMES), message="Choose one of the outcomes listed."),
        ],
    )
    notes = TextAreaField(
        "Notes: what you found, what was done and why",
        validators=[
            DataRequired("Write a short note: what you found, what was done and why."),
            Length(max=MAX_NOTES, message=f"Please keep the notes under {MAX_NOTES:,} characters."),
        ],
    )


class LeadForm(FlaskForm):
    # The view looks both up and refuses what it cannot find, with a message.
    service = SelectField(
        "Service",
        coerce=coerce_id,
        validate_choice=False,
        validators=[InputRequired("Choose a service.")],
    )
    user = SelectField(
        "Person",
        coerce=coerce_id,
        validate_choice=False,
        validators=[InputRequired("Choose a person.")],
    )
