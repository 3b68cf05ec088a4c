"""Staff forms: how many codes to issue, which addresses to email links to."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import IntegerField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange

from survey_app.rounds import MAX_INVITATIONS


class IssueForm(FlaskForm):
    count = IntegerField(
        "How many codes?",
        default=10,
        validators=[
            DataRequired("Enter how many codes you need."),
            NumberRange(1, MAX_INVITATIONS, f"Choose between 1 and {MAX_INVITATIONS}."),
        ],
    )


class EmailLinksForm(FlaskForm):
    addresses = TextAreaField(
        "Email addresses, one per line",
        validators=[DataRequired("Enter at least one email address."), Length(max=20_000)],
    )
