"""Answer forms built from question definitions: one WTForms field per question kind."""

from __future__ import annotations

from functools import lru_cache

from flask_babel import LazyString, format_decimal, gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from survey_app.banks import Question

MAX_TEXT = 2000
MAX_NAME = 80


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class CodeForm(FlaskForm):
    code = StringField(_l("Your code"), validators=[Length(max=40)])


class StartForm(FlaskForm):
    """Just the CSRF token: starting is a POST, so link previews never create a response."""


@lru_cache(maxsize=1024)
def page_form_class(questions: tuple[Question, ...], language: str, final: bool, audience: str):
    """A form class for one page; every question may be skipped.

    Cached: a class is the same for every respondent on that page in that language, and
    building one costs more than validating a form with it.
    """

    class PageForm(FlaskForm):
        class Meta:
            # CSRFProtect has checked every POST's token before the view runs (its refusal
            # shows the page again, answers kept); a second check here would only cost time.
            csrf = False

    for question in questions:
        setattr(PageForm, question.id, _field(question, language))
    if final:
        _add_final_fields(PageForm, audience)
    return PageForm


def _field(question: Question, language: str):
    label = question.text.get(language)[0]
    choices = [SelectChoice(o.value, o.text.get(language)[0]) for o in question.options]
    not_listed = _l("Please choose one of the answers shown, or leave it blank.")
    if question.kind == "multiple":
        return MultiCheckboxField(
            label, choices=choices, validators=[Optional()], invalid_choice_message=not_listed
        )
    if question.kind == "text":
        too_long = LazyString(
            lambda: gettext(
                "That is a lot to say! Please keep it under %(count)s letters.",
                count=format_decimal(MAX_TEXT),  # 2,000 in English, 2.000 in Vietnamese
            )
        )
        return TextAreaField(label, validators=[Optional(), Length(max=MAX_TEXT, message=too_long)])
    # Our own check instead of WTForms' bare "Not a valid choice", so the message is kind.
    values = [choice.value for choice in choices]
    return RadioField(
        label,
        choices=choices,
        validate_choice=False,
        validators=[Optional(), AnyOf(values, message=not_listed)],
    )


def _add_final_fields(form_class, audience: str) -> None:
    name_too_long = LazyString(
        lambda: gettext(
            "Please keep the name under %(count)s letters.", count=format_decimal(MAX_NAME)
        )
    )
    # Other audiences were once asked for a name that nothing ever used: it is not asked.
    if audience == "young_people":
        form_class.wants_contact = BooleanField(_l("I'd like someone to talk to me"))
        form_class.contact_name = StringField(
            _l("Your name (only if you want someone to talk to you)"),
            validators=[Optional(), Length(max=MAX_NAME, message=name_too_long)],
        )


class ContactForm(FlaskForm):
    """After a worrying answer: would they like someone to talk to them? Never required."""

    wants_contact = BooleanField(_l("Yes, I'd like someone to talk to me"))
    contact_name = StringField(
        _l("Your name, if you want to give it"),
        validators=[
            Optional(),
            Length(max=MAX_NAME, message=_l("Please keep the name under 80 letters.")),
        ],
    )
