"""Thin views for signing in and out and for passwords."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from survey_app.auth import service
from survey_app.auth.forms import ChangePasswordForm, LoginForm, NewPasswordForm
from survey_app.auth.service import Refusal
from survey_app.auth.session import end_session, start_session
from survey_app.auth.tokens import user_for_reset_token

bp = Blueprint("auth", __name__, url_prefix="/staff", template_folder="templates")

REFUSALS = {
    Refusal.BAD_CREDENTIALS: "That email and password do not match an account. Please try again.",
    Refusal.TOO_MANY_TRIES: "Too many attempts to sign in. Please wait 15 minutes and try again.",
}


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("staff.dashboard"))
    form = LoginForm()
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form), 422 if form.errors else 200
    outcome = service.authenticate(
        form.email.data, form.password.data, request.remote_addr or "unknown"
    )
    if outcome.user is None:
        problem = REFUSALS[outcome.refusal]
        return render_template("auth/login.html", form=form, problem=problem), outcome.refusal.value
    start_session(outcome.user)
    return redirect(_safe_next(request.args.get("next")))


@bp.post("/logout")
@login_required
def logout():
    service.sign_out(current_user._get_current_object())
    end_session()
    flash("You are signed out.")
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if not form.validate_on_submit():
        return render_template("auth/password.html", form=form), 422 if form.errors else 200
    user = current_user._get_current_object()
    problem = service.change_password(user, form.current_password.data, form.new_password.data)
    if problem:
        return render_template("auth/password.html", form=form, problem=problem), 422
    start_session(user)  # the nonce changed; keep this browser signed in with a fresh session
    flash("Your password is changed. Other devices have been signed out.")
    return redirect(url_for("staff.dashboard"))


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    user = user_for_reset_token(token)
    if user is None:
        return render_template("auth/reset_invalid.html"), 410
    form = NewPasswordForm()
    if not form.validate_on_submit():
        return render_template("auth/reset.html", form=form, user=user), 422 if form.errors else 200
    problem = service.reset_password(user, form.new_password.data)
    if problem:
        return render_template("auth/reset.html", form=form, user=user, problem=problem), 422
    end_session()
    flash("Your password is set. Please sign in with it.")
    return redirect(url_for("auth.login"))


def _safe_next(target: str | None) -> str:
    """Only a path on this site's staff pages; anything else could send people elsewhere."""
    if (
        target
        and target.startswith("/staff/")
        and not target.startswith("//")
        and "\\" not in target
    ):
        return target
    return url_for("staff.dashboard")
