"""The QA team's pages: themes in rotation (retire, restore, pin), fatigue, and the daily run."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for

from survey_app import clock
from survey_app import settings as app_settings
from survey_app.admin.forms import choices
from survey_app.banks import get_banks
from survey_app.extensions import db
from survey_app.models import ThemePin
from survey_app.permissions import require, require_home, visible_home_ids, visible_homes
from survey_app.schedule import fatigue, themes
from survey_app.schedule.blueprint import bp, me
from survey_app.schedule.forms import PinForm, ThemeForm
from survey_app.schedule.themes import ThemeError
from survey_app.schedule.tick import run_tick


def _pin_form(form: PinForm | None = None) -> PinForm:
    form = form or PinForm()
    banks = get_banks()
    form.home.choices = choices((h.id, f"{h.name} ({h.code})") for h in visible_homes(me()))
    form.theme.choices = choices(
        (f"{t.audience}:{t.id}", f"{t.audience.replace('_', ' ')}: {t.title} ({t.presentation})")
        for audience in themes.audiences_with_themes(banks)
        for t in themes.available(banks, audience)
    )
    return form


@bp.get("/themes")
@require("themes.manage")
def theme_list():
    return _themes_page()


def _themes_page(status: int = 200, problem: str | None = None, pin_form: PinForm | None = None):
    banks = get_banks()
    home_ids = visible_home_ids(me())
    audiences = themes.audiences_with_themes(banks)
    return render_template(
        "schedule/themes.html",
        audiences=audiences,
        themes_for=banks.themes_for,
        last_uses={a: themes.last_uses(a, home_ids) for a in audiences},
        settings=themes.settings(),
        pins=themes.pending_pins(),
        pin_form=_pin_form(pin_form),
        problem=problem,
    ), status


def _theme_choice() -> tuple[str, str]:
    form = ThemeForm()
    if not form.validate_on_submit():
        abort(400)
    audience, _, theme_id = form.theme.data.partition(":")
    return audience, theme_id


@bp.post("/themes/retire")
@require("themes.manage")
def retire():
    return _set_retired(True)


@bp.post("/themes/restore")
@require("themes.manage")
def restore():
    return _set_retired(False)


def _set_retired(retired: bool):
    audience, theme_id = _theme_choice()
    try:
        removed = themes.set_retired(get_banks(), audience, theme_id, retired, me())
    except ThemeError as error:
        return _themes_page(422, str(error))
    word = "retired: the rotation no longer chooses it" if retired else "back in rotation"
    extra = f" {removed} pin(s) for it were removed." if removed else ""
    flash(f"{theme_id.replace('_', ' ').capitalize()} is {word}.{extra}")
    return redirect(url_for("schedule.theme_list"), 303)


@bp.post("/themes/pins")
@require("themes.manage")
def add_pin():
    form = _pin_form()
    if not form.validate_on_submit():
        return _themes_page(422, pin_form=form)
    home = require_home(me(), form.home.data)
    audience, _, theme_id = form.theme.data.partition(":")
    try:
        themes.pin(get_banks(), home, audience, theme_id, me())
    except ThemeError as error:
        return _themes_page(422, str(error), form)
    flash(f"Pinned: the next {audience.replace('_', ' ')} round at {home.name} uses this theme.")
    return redirect(url_for("schedule.theme_list"), 303)


@bp.post("/themes/pins/<int:pin_id>/remove")
@require("themes.manage")
def remove_pin(pin_id: int):
    found = db.session.get(ThemePin, pin_id)
    if found is None:
        abort(404)
    require_home(me(), found.home_id)
    try:
        themes.unpin(found, me())
    except ThemeError as error:
        return _themes_page(422, str(error))
    flash("The pin is removed; the rotation chooses that round's theme.")
    return redirect(url_for("schedule.theme_list"), 303)


@bp.get("/fatigue")
@require("fatigue.view")
def fatigue_page():
    threshold = app_settings.get("suppression_threshold")
    trends = fatigue.trends(visible_home_ids(me()), clock.today(), get_banks(), threshold)
    return render_template("schedule/fatigue.html", trends=trends, threshold=threshold)


@bp.post("/run")
@require("schedule.run")
def run_now():
    report = run_tick(clock.today(), me())
    lines = [f"{step}: {line}" for step, line in report.lines]
    return render_template("schedule/run.html", lines=lines, problems=report.problems)
