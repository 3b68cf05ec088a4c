"""Administrator forms; the choices come from the database, filled in by the views."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    EmailField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from survey_app.ids import coerce_id, optional_id
from survey_app.models import OFSTED_RATINGS, ROLE_NAMES
from survey_app.settings import RULES


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as WTForms wants them."""
    return [SelectChoice(value, label) for value, label in pairs]


class ListedSelectField(SelectField):
    """A select whose value could not be read says so in words, not "could not coerce"."""

    def process_formdata(self, valuelist) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError("Choose one of the options in the list.") from error


ROLE_CHOICES = choices(ROLE_NAMES.items())


class UserForm(FlaskForm):
    email = EmailField(
        "Email", validators=[DataRequired("Enter an email address."), Length(max=254)]
    )
    name = StringField("Name", validators=[DataRequired("Enter a name."), Length(max=120)])
    role = SelectField("Role", choices=ROLE_CHOICES)
    homes = SelectMultipleField(
        "Homes (home managers and Reg 44 visitors)", coerce=coerce_id, validate_choice=True
    )
    service = SelectField("Service (service managers)", coerce=coerce_id, validate_choice=True)


class HomeForm(FlaskForm):
    code = StringField("Code", validators=[DataRequired("Enter a short code."), Length(max=20)])
    name = StringField("Name", validators=[DataRequired("Enter the home's name."), Length(max=120)])
    service = SelectField("Service", coerce=coerce_id)
    registered_manager = SelectField("Registered manager", coerce=coerce_id)
    ofsted_rating = SelectField(
        "Ofsted rating",
        choices=choices([("", "not rated")] + [(r, r.replace("_", " ")) for r in OFSTED_RATINGS]),
    )
    ofsted_inspected_on = DateField("Ofsted inspection date", validators=[Optional()])


class ServiceForm(FlaskForm):
    name = StringField(
        "Name", validators=[DataRequired("Enter the service's name."), Length(max=120)]
    )


def _setting_field(key: str) -> IntegerField:
    rule = RULES[key]
    message = f"Choose a whole number between {rule.minimum} and {rule.maximum}."
    return IntegerField(
        rule.label,
        validators=[DataRequired(message), NumberRange(rule.minimum, rule.maximum, message)],
    )


class SettingsForm(FlaskForm):
    free_text_retention_days = _setting_field("free_text_retention_days")
    suppression_threshold = _setting_field("suppression_threshold")


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search form: it changes nothing

    action = SelectField("Action", choices=choices([("", "any")]), validate_choice=False)
    actor = StringField("Who (email contains)", validators=[Optional(), Length(max=254)])
    home = ListedSelectField("Home", coerce=optional_id, validate_choice=False)
    since = DateField("From", validators=[Optional()])
    until = DateField("To", validators=[Optional()])
