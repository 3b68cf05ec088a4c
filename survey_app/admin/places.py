"""Administrators' pages for homes and services."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from survey_app.admin import service
from survey_app.admin.blueprint import bp
from survey_app.admin.forms import HomeForm, ServiceForm, choices
from survey_app.admin.service import AdminError
from survey_app.extensions import db
from survey_app.models import Home, Service
from survey_app.permissions import require


def _home_form(home: Home | None) -> HomeForm:
    data = None
    if home is not None:
        data = {
            "code": home.code,
            "name": home.name,
            "service": home.service_id,
            "registered_manager": home.registered_manager_id or 0,
            "ofsted_rating": home.ofsted_rating or "",
            "ofsted_inspected_on": home.ofsted_inspected_on,
        }
    form = HomeForm(data=data)
    form.service.choices = choices((s.id, s.name) for s in service.services())
    form.registered_manager.choices = choices(
        [(0, "none")] + [(u.id, f"{u.name} ({u.email})") for u in service.home_managers()]
    )
    return form


@bp.get("/homes")
@require("homes.manage")
def homes():
    return render_template("admin/homes.html", homes=service.homes())


@bp.route("/homes/new", methods=["GET", "POST"], defaults={"home_id": None})
@bp.route("/homes/<int:home_id>", methods=["GET", "POST"])
@require("homes.manage")
def edit_home(home_id: int | None):
    home = db.get_or_404(Home, home_id) if home_id else None
    form = _home_form(home)
    if not form.validate_on_submit():
        return render_template(
            "admin/home_form.html", form=form, home=home
        ), 422 if form.errors else 200
    values = {
        "code": form.code.data,
        "name": form.name.data,
        "service_id": form.service.data,
        "registered_manager_id": form.registered_manager.data or None,
        "ofsted_rating": form.ofsted_rating.data,
        "ofsted_inspected_on": form.ofsted_inspected_on.data,
    }
    try:
        saved = service.save_home(home, values, current_user._get_current_object())
    except AdminError as error:
        return render_template(
            "admin/home_form.html", form=form, home=home, problem=str(error)
        ), 422
    flash(f"Saved {saved.name} ({saved.code}).")
    return redirect(url_for("admin.homes"))


@bp.get("/services")
@require("homes.manage")
def services():
    return render_template("admin/services.html", services=service.services())


@bp.route("/services/new", methods=["GET", "POST"], defaults={"service_id": None})
@bp.route("/services/<int:service_id>", methods=["GET", "POST"])
@require("homes.manage")
def edit_service(service_id: int | None):
    found = db.get_or_404(Service, service_id) if service_id else None
    form = ServiceForm(data={"name": found.name} if found else None)
    if not form.validate_on_submit():
        return render_template(
            "admin/service_form.html", form=form, service=found
        ), 422 if form.errors else 200
    try:
        saved = service.save_service(found, form.name.data, current_user._get_current_object())
    except AdminError as error:
        return render_template(
            "admin/service_form.html", form=form, service=found, problem=str(error)
        ), 422
    flash(f"Saved {saved.name}.")
    return redirect(url_for("admin.services"))
