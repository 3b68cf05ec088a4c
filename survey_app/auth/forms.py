"""Sign-in and password forms; they check shape only, the rules live in service.py."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length

from survey_app.auth.passwords import MAX_LENGTH

REPEAT_MESSAGE = "The two new passwords are not the same."


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired("Enter your email."), Length(max=254)])
    password = PasswordField(
        "Password", validators=[DataRequired("Enter your password."), Length(max=MAX_LENGTH)]
    )


class NewPasswordForm(FlaskForm):
    new_password = PasswordField(
        "New password (at least 12 characters)", validators=[DataRequired("Enter a new password.")]
    )
    repeat = PasswordField(
        "New password again", validators=[EqualTo("new_password", message=REPEAT_MESSAGE)]
    )


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(
        "Current password", validators=[DataRequired("Enter your current password.")]
    )
