"""Administrators' pages for accounts and settings."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from survey_app import accounts, mail
from survey_app import settings as app_settings
from survey_app.accounts import AccountDetails, AccountError
from survey_app.admin import service
from survey_app.admin.blueprint import bp
from survey_app.admin.forms import SettingsForm, UserForm, choices
from survey_app.extensions import db
from survey_app.models import User
from survey_app.permissions import require


def _user() -> User:
    return current_user._get_current_object()


def _user_form(**kwargs) -> UserForm:
    form = UserForm(**kwargs)
    form.homes.choices = choices((h.id, f"{h.code} – {h.name}") for h in service.homes())
    form.service.choices = choices([(0, "none")] + [(s.id, s.name) for s in service.services()])
    return form


def _details(form: UserForm) -> AccountDetails:
    return AccountDetails(
        form.email.data or "",
        form.name.data or "",
        form.role.data,
        list(form.homes.data or []),
        form.service.data or None,
    )


@bp.get("/users")
@require("users.manage")
def users():
    return render_template("admin/users.html", users=accounts.all_users())


@bp.route("/users/new", methods=["GET", "POST"])
@require("users.manage")
def new_user():
    form = _user_form()
    if not form.validate_on_submit():
        return render_template(
            "admin/user_form.html", form=form, user=None
        ), 422 if form.errors else 200
    try:
        user = accounts.create_user(_details(form), None, _user())
    except AccountError as error:
        return render_template(
            "admin/user_form.html", form=form, user=None, problem=str(error)
        ), 422
    return _show_reset_link(user, created=True)


def _get_user(user_id: int) -> User:
    return db.get_or_404(User, user_id)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@require("users.manage")
def edit_user(user_id: int):
    user = _get_user(user_id)
    form = _user_form(
        obj=None,
        data={
            "email": user.email,
            "name": user.name,
            "role": user.role,
            "homes": [h.id for h in user.homes],
            "service": user.service_id or 0,
        },
    )
    if not form.validate_on_submit():
        return render_template(
            "admin/user_form.html", form=form, user=user
        ), 422 if form.errors else 200
    try:
        accounts.update_user(user, _details(form), _user())
    except AccountError as error:
        return render_template(
            "admin/user_form.html", form=form, user=user, problem=str(error)
        ), 422
    flash(f"Saved {user.email}.")
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>/active")
@require("users.manage")
def toggle_active(user_id: int):
    user = _get_user(user_id)
    try:
        accounts.set_active(user, not user.active, _user())
    except AccountError as error:
        flash(str(error))
        return redirect(url_for("admin.users"))
    flash(f"{user.email} is now {'enabled' if user.active else 'disabled'}.")
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>/reset-link")
@require("users.manage")
def reset_link(user_id: int):
    user = _get_user(user_id)
    try:
        return _show_reset_link(user, created=False)
    except AccountError as error:
        flash(str(error))
        return redirect(url_for("admin.users"))


def _show_reset_link(user: User, created: bool):
    link = accounts.reset_link(user, _user())
    emailed, problem = False, None
    if mail.mail_enabled():
        body = (
            f"Hello {user.name},\n\nSet your password for the Your voice staff pages here:\n"
            f"{link}\n\nThe link works once and expires in a day.\n"
        )
        try:
            emailed = mail.send([mail.message(user.email, "Set your password", body)]) == 1
        except mail.MailError as error:
            problem = str(error)
    return render_template(
        "admin/reset_link.html",
        user=user,
        link=link,
        created=created,
        emailed=emailed,
        problem=problem,
    )


@bp.route("/settings", methods=["GET", "POST"])
@require("settings.manage")
def settings():
    form = SettingsForm(data=app_settings.current())
    if not form.validate_on_submit():
        return render_template("admin/settings.html", form=form), 422 if form.errors else 200
    values = {key: form[key].data for key in app_settings.RULES}
    changed = app_settings.update(values, _user())
    flash("Settings saved." if changed else "Nothing changed.")
    return redirect(url_for("admin.settings"))
